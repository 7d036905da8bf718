/**
 * `npm run --silent due -- FILE` (or `-` for stdin): prints one child's
 * obligations as JSON. Bad input exits 2 with the reasons on stderr.
 */
import { readFileSync } from 'node:fs';
import { answerDueRequest } from '#domain/obligations.js';
import { InvalidInput } from '#domain/validation.js';

function fail(message: string): never {
  process.stderr.write(`due: ${message}\n`);
  process.exit(2);
}

const file = process.argv[2];
if (!file) fail('usage: npm run --silent due -- FILE.json   (use - to read standard input)');

let text: string;
try {
  text = readFileSync(file === '-' ? 0 : file, 'utf8');
} catch (error) {
  fail(`cannot read ${file}: ${(error as Error).message}`);
}

let input: unknown;
try {
  input = JSON.parse(text);
} catch (error) {
  fail(`input is not valid JSON: ${(error as Error).message}`);
}

try {
  process.stdout.write(`${JSON.stringify(answerDueRequest(input), null, 2)}\n`);
} catch (error) {
  if (error instanceof InvalidInput) fail(`invalid input:\n${error.message}`);
  throw error;
}
