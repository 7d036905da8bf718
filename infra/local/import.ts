/**
 * `npm run import -- FILE.csv [--by STAFF_ID]`: loads children and facts into
 * the local stack's table (or the table and endpoint the AWS environment
 * names). Bad rows are listed by line and nothing is written.
 *
 * `npm run import -- --ssd DIR [--roles roles.json]` loads a Standard
 * Safeguarding Dataset extract (a folder of `ssd_*.csv`), and
 * `npm run import -- --ssda903 DIR --year-ending YYYY-MM-DD` an SSDA903
 * return's files; both are idempotent and print a report. An extract import
 * takes the council's import lock, as the nightly import does: while another
 * import holds it, it imports nothing and says so.
 *
 * `npm run import -- --staff FILE` loads the council's staff CSV (worker id,
 * name, email, role, team role, manager's worker id): creates or completes
 * them; a bad line changes nothing.
 */
import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { applyLocalEnvironment, cannotReachDynamo, localSettings } from './settings.js';
import { problemsText, reportText } from './extractReport.js';
import { dynamoStores } from '#store/dynamo/stores.js';
import { importCsv } from '#services/importCsv.js';
import { importExtractFiles } from '#services/importExtract.js';
import { ImportInProgress, underImportLock } from '#services/importLock.js';
import { folderFiles } from '#store/extracts/folder.js';
import { today } from '#platform/config.js';
import { IMPORT_COLUMNS } from '#domain/csvImport.js';
import { STAFF_CSV_COLUMNS } from '#domain/import/staffCsv.js';
import { takenOnOf } from '#domain/import/manifest.js';
import { importStaffCsv } from '#services/importStaff.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { by: { type: 'string' }, ssd: { type: 'string' }, ssda903: { type: 'string' }, roles: { type: 'string' }, taken: { type: 'string' }, staff: { type: 'string' }, 'year-ending': { type: 'string' } },
});
const file = positionals[0];
const dir = values.ssd ?? values.ssda903;
if (!file && !dir && !values.staff) {
  process.stderr.write(
    `usage: npm run import -- FILE.csv [--by STAFF_ID]\n       npm run import -- --ssd DIR [--roles roles.json] [--taken YYYY-MM-DD]\n       npm run import -- --ssda903 DIR [--year-ending YYYY-MM-DD] [--taken YYYY-MM-DD]\n       npm run import -- --staff STAFF.csv\ncolumns: ${IMPORT_COLUMNS.join(',')}\nstaff columns: ${STAFF_CSV_COLUMNS.join(',')}\n`,
  );
  process.exit(2);
}
const settings = localSettings();
if (!process.env.AWS_ENDPOINT_URL_DYNAMODB && !process.env.KEPT_USE_AWS) applyLocalEnvironment(settings);
const { store, importLock } = dynamoStores(process.env.TABLE_NAME ?? settings.tableName);
const councilId = process.env.COUNCIL_ID ?? settings.councilId;
const importedBy = values.by ?? 'import';

function fail(message: string): never {
  process.stderr.write(`import: ${message}\n`);
  process.exit(2);
}

async function readableFolder(path: string) {
  const files = folderFiles(path);
  try {
    await files.list();
  } catch (error) {
    fail(`cannot read ${path}: ${(error as Error).message}`);
  }
  return files;
}

try {
  if (values.staff) {
    let text: string;
    try {
      text = readFileSync(values.staff, 'utf8');
    } catch (error) {
      fail(`cannot read ${values.staff}: ${(error as Error).message}`);
    }
    const report = await importStaffCsv(store, councilId, basename(values.staff), text, { importedBy });
    if (!report.ok) {
      process.stderr.write(`import: ${values.staff} was not imported; nothing was changed. Fix these lines and run it again:\n`);
      for (const p of report.problems) process.stderr.write(`  line ${p.line}: ${p.column}: ${p.message}\n`);
      process.exit(1);
    }
    process.stdout.write(
      `Imported ${values.staff}: ${report.created.length} created, ${report.givenEmail.length} given their email (${report.givenEmail.join(', ') || 'none'}), ${report.changed.length} changed, ${report.unchanged} unchanged.\n`,
    );
  } else if (dir) {
    const files = await readableFolder(dir);
    let roles: Record<string, string> | undefined;
    if (values.roles) {
      try {
        roles = JSON.parse(readFileSync(values.roles, 'utf8')) as Record<string, string>;
      } catch (error) {
        fail(`cannot read the role table ${values.roles}: ${(error as Error).message}`);
      }
    }
    const kind = values.ssd ? { system: 'ssd' as const, roles } : { system: 'ssda903' as const, yearEnding: values['year-ending'] };
    const holder = `npm run import of ${dir} on ${hostname()} (pid ${process.pid})`;
    // The day it was taken: --taken, or the folder's name; without either the order is not checked.
    const takenOn = values.taken === undefined ? takenOnOf(dir) : takenOnOf(values.taken);
    if (values.taken !== undefined && takenOn === null) fail(`--taken ${values.taken} is not a date (YYYY-MM-DD)`);
    const report = await underImportLock(importLock, councilId, { holder }, () =>
      importExtractFiles(store, councilId, files, kind, { today: today(), importedBy, ...(takenOn ? { takenOn } : {}) }),
    );
    if (!report.ok) {
      process.stderr.write(problemsText(dir, report));
      process.exit(1);
    }
    process.stdout.write(reportText(dir, report));
  } else {
    let text: string;
    try {
      text = readFileSync(file!, 'utf8');
    } catch (error) {
      fail(`cannot read ${file}: ${(error as Error).message}`);
    }
    const result = await importCsv(store, councilId, text, { today: today(), importedBy });
    if (!result.ok) {
      process.stderr.write(`import: ${file} was not imported; nothing was written. Fix these rows and run it again:\n`);
      for (const p of result.problems) process.stderr.write(`  line ${p.line}: ${p.field}: ${p.message}\n`);
      process.exit(1);
    }
    process.stdout.write(`Imported ${file}: ${result.childrenCreated} new children, ${result.childrenUpdated} updated, ${result.factsAdded} facts.\n`);
  }
} catch (error) {
  if (error instanceof ImportInProgress) {
    process.stderr.write(`import: ${dir} was not imported: ${error.message}\n`);
    process.exit(1);
  }
  const refused = cannotReachDynamo(error);
  process.stderr.write(refused ? "import: cannot reach DynamoDB; is `npm start` running?\n" : `import: failed and was rolled back: ${(error as Error).message}\n`);
  process.exit(1);
}
