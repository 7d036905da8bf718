/**
 * `npm run bench`: figures, not pass/fail. Each benchmark runs in its own
 * process (each starts its own DynamoDB Local and SES emulator, and the AWS
 * clients keep the endpoint they were made with). `npm run bench -- engine`
 * (or sweep, surveys, load, bundles, import, reports) runs one.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const PARTS = ['engine', 'sweep', 'surveys', 'load', 'bundles', 'import', 'reports'] as const;
const which = process.argv[2] ?? 'all';
const print = (title: string, figures: Record<string, unknown>) => {
  process.stdout.write(`\n${title}\n`);
  for (const [k, v] of Object.entries(figures)) process.stdout.write(`  ${k.padEnd(34)} ${typeof v === 'number' ? v.toLocaleString('en-GB') : String(v)}\n`);
};

if (which === 'all') {
  for (const part of PARTS) {
    const run = spawnSync(resolve(import.meta.dirname, '../../node_modules/.bin/tsx'), [import.meta.filename, part], { stdio: 'inherit' });
    if (run.status !== 0) process.exit(run.status ?? 1);
  }
  process.exit(0);
}
if (!(PARTS as readonly string[]).includes(which)) {
  process.stderr.write(`bench: choose one of ${PARTS.join(', ')}, or nothing for all\n`);
  process.exit(2);
}
type Figures = Record<string, unknown>;
/** Each benchmark, loaded only when it runs: the figures it measures, under their titles. */
const BENCHMARKS: Record<(typeof PARTS)[number], () => Promise<Iterable<readonly [string, Figures]>>> = {
  engine: async () => [['Due-date engine: 100,000 synthetic children', (await import('./engine.js')).benchEngine()]],
  sweep: async () => (await import('./sweep.js')).benchSweep(),
  surveys: async () => (await import('./surveys.js')).benchSurveys(),
  bundles: async () => (await import('./bundles.js')).benchBundles(),
  load: async () => (await import('./load.js')).benchLoad(),
  import: async () => (await import('./importExtract.js')).benchImport(),
  reports: async () => (await import('./reports.js')).benchReports(),
};
for (const [title, figures] of await BENCHMARKS[which as (typeof PARTS)[number]]()) print(title, figures);
process.exit(0);
