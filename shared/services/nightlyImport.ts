/**
 * The nightly import: an extract whose `_complete` marker has arrived in the
 * extract bucket is read through the same use case as `npm run import`
 * (all or nothing, idempotent), and its report is written beside it as
 * `_report.json`, whatever the outcome. The report stays in the council's
 * bucket; what is logged (by the caller) is counts only. It runs under the
 * council's import lock (importLock.ts): while another import holds it, this
 * one reads and writes nothing, not even a report (the other run writes its
 * own), and throws ImportInProgress. The folder's name gives the day the
 * extract was taken; one older than the newest imported is refused (its
 * report says so, `olderThan`) and changes nothing.
 */
import { COMPLETE_MARKER, type ExtractSystem, filesOfExtract, REPORT_FILE, takenOnOf } from '#domain/import/manifest.js';
import type { ExtractFiles } from '#store/ports/extractFiles.js';
import type { ImportLock } from '#store/ports/importLock.js';
import type { KeptStore } from '#store/ports/stores.js';
import { emptyReport, type ExtractOptions, type ExtractReport, importExtractFiles } from './importExtract.js';
import { type LockOptions, underImportLock } from './importLock.js';

export interface NightlyReport extends ExtractReport {
  extract: string;
  system: ExtractSystem;
  files: string[];
  finishedAt: string;
}

const refused = emptyReport;

export async function importArrivedExtract(
  store: KeptStore,
  lock: ImportLock,
  councilId: string,
  source: ExtractFiles,
  system: ExtractSystem,
  options: ExtractOptions & { lock: LockOptions },
): Promise<NightlyReport> {
  return underImportLock(lock, councilId, options.lock, () => importUnderLock(store, councilId, source, system, options));
}

async function importUnderLock(store: KeptStore, councilId: string, source: ExtractFiles, system: ExtractSystem, options: ExtractOptions): Promise<NightlyReport> {
  const now = options.now ?? (() => new Date().toISOString());
  const { files, missing, invalid } = filesOfExtract(await source.read(COMPLETE_MARKER), await source.list());
  const problems = [
    ...invalid.map((name) => ({ file: COMPLETE_MARKER, line: 0, column: '(file list)', message: `${name} is not a .csv file name in this folder` })),
    ...missing.map((name) => ({ file: name, line: 0, column: '(file)', message: `listed in ${COMPLETE_MARKER} but not in the folder: upload it, then the marker again` })),
  ];
  if (!problems.length && !files.length) problems.push({ file: COMPLETE_MARKER, line: 0, column: '(file)', message: 'the folder holds no .csv files' });
  const takenOn = takenOnOf(source.location);
  if (takenOn === null) problems.push({ file: '(folder)', line: 0, column: '(name)', message: 'must start with the day the extract was taken (YYYY-MM-DD), so Kept imports extracts only in the order they were taken' });
  const written = (result: ExtractReport): NightlyReport => ({ extract: source.location, system, files, ...result, finishedAt: now() });
  let report: NightlyReport;
  try {
    report = written(problems.length ? refused(problems) : await importExtractFiles(store, councilId, source, { system }, { ...options, takenOn: takenOn! }, files));
  } catch (error) {
    // A write failed part-way and was taken back: say so beside the extract, then fail as before.
    const failed = written(refused([{ file: '(import)', line: 0, column: '(store)', message: `failed and was rolled back: ${(error as Error).message}` }]));
    await source.write(REPORT_FILE, `${JSON.stringify(failed, null, 2)}\n`);
    throw error;
  }
  await source.write(REPORT_FILE, `${JSON.stringify(report, null, 2)}\n`);
  return report;
}
