/**
 * `npm run bench`: figures, not pass/fail. Runs the engine benchmark, and
 * with `--all` (the default) the sweep and email benchmarks against DynamoDB
 * Local and the SES emulator. `npm run bench -- engine` runs one.
 */
import { benchEngine } from './engine.js';

const which = process.argv[2] ?? 'all';
const print = (title: string, figures: Record<string, unknown>) => {
  process.stdout.write(`\n${title}\n`);
  for (const [k, v] of Object.entries(figures)) process.stdout.write(`  ${k.padEnd(34)} ${typeof v === 'number' ? v.toLocaleString('en-GB') : v}\n`);
};

if (which === 'all' || which === 'engine') print('Due-date engine: 100,000 synthetic children', benchEngine());
if (which === 'all' || which === 'sweep') {
  const { benchSweep } = await import('./sweep.js');
  for (const [title, figures] of await benchSweep()) print(title, figures);
}
if (which === 'all' || which === 'surveys') {
  const { benchSurveys } = await import('./surveys.js');
  for (const [title, figures] of await benchSurveys()) print(title, figures);
}
process.exit(0);
