/**
 * The `due` command, run for real (tsx infra/local/due.ts FILE, or `-` for
 * standard input): one JSON object on stdout for good input; exit code 2, an
 * empty stdout and the offending field on stderr for bad input. What the
 * answer holds is tested in-process in tests/unit/dueCommand.test.ts.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { VALID_DUE_REQUEST } from '#tests/support/dueRequest.js';
import { answerDueRequest } from '#domain/obligations.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const CLI = join(ROOT, 'infra/local/due.ts');
const dir = mkdtempSync(join(tmpdir(), 'kept-due-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
}

function due(args: string[], stdin = ''): Promise<Result> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, [CLI, ...args], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

let files = 0;
function fileWith(text: string): string {
  const path = join(dir, `input-${(files += 1)}.json`);
  writeFileSync(path, text);
  return path;
}

const VALID = VALID_DUE_REQUEST;

// Each test starts tsx, which takes seconds on a busy machine.
describe.concurrent('due command', { timeout: 120_000 }, () => {
  it('prints the answer as one JSON object for a file', async () => {
    const { code, stdout, stderr } = await due([fileWith(JSON.stringify(VALID))]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    // The whole of stdout is one JSON document: the answer the engine gives.
    expect(JSON.parse(stdout)).toEqual(answerDueRequest(VALID));
  });

  it('reads standard input with -, giving the same answer', async () => {
    const [fromFile, fromStdin] = await Promise.all([due([fileWith(JSON.stringify(VALID))]), due(['-'], JSON.stringify(VALID))]);
    expect(fromStdin.code).toBe(0);
    expect(fromStdin.stderr).toBe('');
    expect(fromStdin.stdout).toBe(fromFile.stdout);
    expect(JSON.parse(fromStdin.stdout)).toEqual(answerDueRequest(VALID));
  });

  const bad: Array<[string, unknown, RegExp[]]> = [
    ['an unknown fact type', { ...VALID, facts: [...VALID.facts, { type: 'home-visit', date: '2027-01-02' }] }, [/^facts\[3\]\.type: must have a "type" of /m]],
    [
      'two problems at once',
      { ...VALID, today: 'tomorrow', policy: { lookedAfterReview: { thenEveryMonths: 12 } } },
      [/^today: /m, /^policy\.lookedAfterReview\.thenEveryMonths: cannot be loosened/m],
    ],
  ];
  for (const [name, input, messages] of bad) {
    it(`rejects ${name}: exit 2, nothing on stdout, the field on stderr`, async () => {
      const { code, stdout, stderr } = await due(['-'], JSON.stringify(input));
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toMatch(/^due: invalid input:\n/);
      for (const message of messages) expect(stderr).toMatch(message);
    });
  }

  it('rejects invalid JSON: exit 2, nothing on stdout, says so on stderr', async () => {
    const { code, stdout, stderr } = await due([fileWith('{"today": "2027-01-06", ')]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^due: input is not valid JSON: /);
  });

  it('exits 2 with usage when no file is given, and when the file cannot be read', async () => {
    const none = await due([]);
    expect(none).toMatchObject({ code: 2, stdout: '' });
    expect(none.stderr).toMatch(/usage: npm run --silent due -- FILE\.json/);
    const missing = await due([join(dir, 'no-such-file.json')]);
    expect(missing).toMatchObject({ code: 2, stdout: '' });
    expect(missing.stderr).toMatch(/cannot read .*no-such-file\.json/);
  });
});
