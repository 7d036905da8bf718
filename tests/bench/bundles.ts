/**
 * Every function's Lambda bundle, built as the CDK stack builds it
 * (infra/build/bundling.ts), outside the repository: its minified size
 * loaded at start (the entry and the chunks it imports; the SDK's lazily
 * imported chunks are counted only in the total), its three heaviest
 * packages at start (esbuild's metafile), and how long a fresh
 * Node process takes to import it (median of 5) against the same for an
 * empty module: a cold start's share that is the bundle's. The 500 KB budget
 * is for the functions on a person's request path (api/, web/); scheduled
 * and event functions are reported with their size and import time and no
 * budget. A function that renders pages
 * also carries its templates and assets beside the bundle; those are counted
 * apart.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { bundleBytes, ENTRY_FILE, esbuildOptions, functionBundling } from '#infra/build/bundling.js';
import { webFileSources } from '#cdk/constructs/webFiles.js';
import { EMAIL_EVENTS_HANDLER, EXPORT_JOB_HANDLER, EXTRACT_IMPORT_HANDLER, ROUTES, type RouteDeclaration, SCHEDULES, TEXT_EVENTS_HANDLER } from '#infra/topology.js';

const ROOT = resolve(import.meta.dirname, '../..');
const BUDGET_KB = 500;
/** The functions on a person's request path (the API and the pages), which the budget is for. */
const onRequestPath = (handler: string) => handler.startsWith('api/') || handler.startsWith('web/');
const IMPORT_RUNS = 5;
/** Packages that must stay out of every bundle (the holiday table replaced them). */
const BANNED = ['date-holidays', 'moment', 'moment-timezone', 'astronomia'];

type Figures = Record<string, number | string>;

const kb = (bytes: number) => bytes / 1024;
/** A difference with its sign: +12, -3. */
const signed = (n: number) => `${n < 0 ? '-' : '+'}${Math.abs(Math.round(n))}`;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Each handler module once; it renders pages if any route naming it does. */
function handlers(): Array<{ handler: string; web: boolean }> {
  const all = new Map<string, boolean>();
  for (const { handler, uses } of [...ROUTES, ...SCHEDULES, EMAIL_EVENTS_HANDLER, TEXT_EVENTS_HANDLER, EXTRACT_IMPORT_HANDLER, EXPORT_JOB_HANDLER] as Array<{ handler: string; uses: RouteDeclaration['uses'] }>) {
    all.set(handler, (all.get(handler) ?? false) || uses.web === true);
  }
  return [...all].map(([handler, web]) => ({ handler, web }));
}

/** The package an input file belongs to (`@scope/name`, `name`), or the repository folder (`shared/domain`). */
function packageOf(input: string): string {
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
  return m ? m[1]! : input.split('/').slice(0, 2).join('/');
}

function filesUnder(dir: string, keep: (path: string) => boolean = () => true): number {
  let bytes = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    const path = join(entry.parentPath, entry.name);
    if (entry.isFile() && keep(path)) bytes += statSync(path).size;
  }
  return bytes;
}

/** What copyWebFilesCommands puts beside a web bundle: the views, the assets, GOV.UK Frontend's templates and script. */
function besideWebBundle(): number {
  const sources = webFileSources(ROOT);
  const govuk = join(ROOT, sources.govukFrontendDist, 'govuk');
  return (
    filesUnder(join(ROOT, sources.views)) +
    filesUnder(join(ROOT, sources.assets)) +
    filesUnder(govuk, (p) => p.endsWith('.njk') || p === join(govuk, 'govuk-frontend.min.js'))
  );
}

/**
 * A fresh `node` importing `file` and exiting, median of IMPORT_RUNS: wall
 * milliseconds, and CPU milliseconds (user + system, what the process itself
 * used, which other work on the machine disturbs less).
 */
function importTime(file: string, cwd: string): { wall: number; cpu: number } {
  const script = `await import(${JSON.stringify(pathToFileURL(file).href)}); const u = process.cpuUsage(); console.log((u.user + u.system) / 1000);`;
  // No credentials or table are needed to import; AWS_REGION as Lambda sets it.
  const env = { PATH: process.env.PATH ?? '', AWS_REGION: 'eu-west-2', NODE_NO_WARNINGS: '1' };
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < IMPORT_RUNS; i++) {
    const started = performance.now();
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd, env, encoding: 'utf8' });
    wall.push(performance.now() - started);
    if (run.status !== 0) throw new Error(`importing ${file} failed: ${run.stderr}`);
    cpu.push(Number(run.stdout.trim().split('\n').at(-1)));
  }
  return { wall: median(wall), cpu: median(cpu) };
}

export async function benchBundles(): Promise<Array<[string, Figures]>> {
  const out = mkdtempSync(join(tmpdir(), 'kept-bundles-'));
  try {
    const empty = join(out, 'empty.mjs');
    writeFileSync(empty, '');
    const base = importTime(empty, out);
    const rows: Figures = {};
    const over: string[] = [];
    const banned = new Map<string, string[]>();
    let largest = { handler: '', bytes: 0 };
    let slowest = { handler: '', wall: 0, cpu: 0 };
    for (const { handler, web } of handlers()) {
      const dir = join(out, handler.replace(/\//g, '-'));
      mkdirSync(dir);
      const result = await esbuild.build({ ...esbuildOptions(ROOT, functionBundling(ROOT, handler, web), dir), metafile: true });
      const entry = Object.keys(result.metafile.outputs).find((k) => k.endsWith(`/${ENTRY_FILE}`))!;
      const bytes = bundleBytes(result.metafile, entry);
      const byPackage = new Map<string, number>();
      for (const path of bytes.loaded) {
        for (const [input, { bytesInOutput }] of Object.entries(result.metafile.outputs[path]!.inputs)) byPackage.set(packageOf(input), (byPackage.get(packageOf(input)) ?? 0) + bytesInOutput);
      }
      const inAnyChunk = new Set(Object.values(result.metafile.outputs).flatMap((output) => Object.keys(output.inputs).map(packageOf)));
      for (const name of BANNED) if (inAnyChunk.has(name)) banned.set(name, [...(banned.get(name) ?? []), handler]);
      const heaviest = [...byPackage].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([name, b]) => `${name} ${kb(b).toFixed(0)}`).join(', ');
      const time = importTime(join(dir, ENTRY_FILE), dir);
      const size = kb(bytes.atStart);
      const budgeted = onRequestPath(handler);
      if (budgeted && size > BUDGET_KB) over.push(handler);
      if (bytes.atStart > largest.bytes) largest = { handler, bytes: bytes.atStart };
      if (time.cpu > slowest.cpu) slowest = { handler, ...time };
      const extra = `${signed(time.wall - base.wall)} wall, ${signed(time.cpu - base.cpu)} CPU`;
      const mark = !budgeted ? ' (no budget)' : size > BUDGET_KB ? ' OVER       ' : '            ';
      rows[handler] = `${size.toFixed(0).padStart(4)} KB${mark} (${kb(bytes.all).toFixed(0)} in all)  import ${extra.padEnd(24)} ${heaviest}`;
    }
    return [
      [`Bundles: ${Object.keys(rows).length} functions, minified (KB of 1,024 bytes), as the CDK stack bundles them; loaded at start (entry and the chunks it imports), and in all`, {
        'budget for api/ and web/ (request path), KB': BUDGET_KB,
        'over the budget': over.length ? over.join(', ') : 'none',
        largest: `${largest.handler}, ${kb(largest.bytes).toFixed(0)} KB`,
        'beside each web bundle (templates, assets), KB': Math.round(kb(besideWebBundle())),
        [BANNED.join(', ')]: banned.size ? [...banned].map(([name, where]) => `${name} in ${where.length}`).join(', ') : 'in no bundle',
        [`empty module: node process, ms (median of ${IMPORT_RUNS})`]: `${Math.round(base.wall)} wall, ${Math.round(base.cpu)} CPU`,
        'slowest import (CPU), ms': `${slowest.handler}, ${Math.round(slowest.wall)} wall, ${Math.round(slowest.cpu)} CPU`,
      }],
      [`Bundles: KB loaded at start (KB of all chunks); import, ms over the empty module (median of ${IMPORT_RUNS} fresh processes); heaviest packages, KB`, rows],
    ];
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
