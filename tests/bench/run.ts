/**
 * `npm run bench`: figures, not pass/fail. Each benchmark runs in its own
 * process (each starts its own DynamoDB Local and SES emulator, and the AWS
 * clients keep the endpoint they were made with). `npm run bench -- engine`
 * (or sweep, surveys, load, bundles, import) runs one.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const PARTS = ['engine', 'sweep', 'surveys', 'load', 'bundles', 'import'] as const;
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
if (which === 'engine') {
  const { benchEngine } = await import('./engine.js');
  print('Due-date engine: 100,000 synthetic children', benchEngine());
}
if (which === 'sweep') {
  const { benchSweep } = await import('./sweep.js');
  for (const [title, figures] of await benchSweep()) print(title, figures);
}
if (which === 'surveys') {
  const { benchSurveys } = await import('./surveys.js');
  for (const [title, figures] of await benchSurveys()) print(title, figures);
}
if (which === 'bundles') {
  const { benchBundles } = await import('./bundles.js');
  for (const [title, figures] of await benchBundles()) print(title, figures);
}
if (which === 'load') {
  const { benchLoad } = await import('./load.js');
  for (const [title, figures] of await benchLoad()) print(title, figures);
}
if (which === 'import') {
  const { benchImport } = await import('./importExtract.js');
  for (const [title, figures] of await benchImport()) print(title, figures);
}
process.exit(0);
