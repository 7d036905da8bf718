/**
 * The `due` command, run for real (tsx infra/local/due.ts FILE, or `-` for
 * standard input): one JSON object on stdout for good input; exit code 2, an
 * empty stdout and the offending field on stderr for bad input.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

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

const VALID = {
  today: '2027-01-06',
  child: { id: 'child-42', dateOfBirth: '2015-05-01' },
  facts: [
    { type: 'entered-care', date: '2026-12-18' },
    { type: 'placement-started', date: '2026-12-18', placementId: 'p1', longTerm: false, arrangement: 'foster' },
    { type: 'missing-episode', start: '2027-01-03T20:00:00Z', returned: '2027-01-04T09:15:00Z' },
  ],
};

const KINDS = new Set([
  'statutory-visit',
  'looked-after-review',
  'care-plan',
  'placement-plan',
  'permanence-plan',
  'pep',
  'initial-health-assessment',
  'review-health-assessment',
  'dental-check',
  'sdq',
  'return-home-interview',
  'pathway-plan',
  'pathway-plan-review',
  'personal-adviser-contact',
]);

/** The output contract: { childId, today, obligations: [{ kind, dueDate, dueAt?, status, rule }] }. */
function expectContract(report: unknown): asserts report is { childId: string; today: string; obligations: Record<string, unknown>[] } {
  expect(report).toBeTypeOf('object');
  const r = report as Record<string, unknown>;
  expect(Object.keys(r).sort()).toEqual(['childId', 'obligations', 'today']);
  expect(r.childId).toBeTypeOf('string');
  expect(r.today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  expect(Array.isArray(r.obligations)).toBe(true);
  for (const o of r.obligations as Record<string, unknown>[]) {
    const keys = Object.keys(o).sort();
    expect(keys).toEqual(o.dueAt === undefined ? ['dueDate', 'kind', 'rule', 'status'] : ['dueAt', 'dueDate', 'kind', 'rule', 'status']);
    expect(KINDS.has(o.kind as string), `kind ${String(o.kind)}`).toBe(true);
    expect(o.dueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(['overdue', 'due-today', 'upcoming']).toContain(o.status);
    expect(o.rule).toBeTypeOf('string');
    expect((o.rule as string).length).toBeGreaterThan(10);
    if (o.dueAt !== undefined) expect(o.dueAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  }
}

describe.concurrent('due command', () => {
  it('prints one JSON object matching the contract for a file', async () => {
    const { code, stdout, stderr } = await due([fileWith(JSON.stringify(VALID))]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const report: unknown = JSON.parse(stdout); // the whole of stdout is one JSON document
    expectContract(report);
    expect(report.childId).toBe('child-42');
    expect(report.today).toBe('2027-01-06');
    const byKind = new Map(report.obligations.map((o) => [o.kind, o]));
    // Entered care Friday 18 December 2026: first review on the 20th working day, 20 January 2027.
    expect(byKind.get('looked-after-review')).toEqual({
      kind: 'looked-after-review',
      dueDate: '2027-01-20',
      status: 'upcoming',
      rule: 'CPPCR reg 33(1): first review within 20 working days',
    });
    expect(byKind.get('care-plan')).toMatchObject({ dueDate: '2027-01-06', status: 'due-today' });
    expect(byKind.get('statutory-visit')).toMatchObject({ dueDate: '2026-12-25', status: 'overdue' });
    // Returned 09:15 UTC on 4 January + 72 hours.
    expect(byKind.get('return-home-interview')).toMatchObject({ dueAt: '2027-01-07T09:15:00.000Z', dueDate: '2027-01-07', status: 'upcoming' });
    const dates = report.obligations.map((o) => o.dueDate as string);
    expect(dates).toEqual([...dates].sort());
  });

  it('reads standard input with -, giving the same answer', async () => {
    const fromFile = await due([fileWith(JSON.stringify(VALID))]);
    const fromStdin = await due(['-'], JSON.stringify(VALID));
    expect(fromStdin.code).toBe(0);
    expect(fromStdin.stderr).toBe('');
    expect(fromStdin.stdout).toBe(fromFile.stdout);
    expectContract(JSON.parse(fromStdin.stdout));
  });

  it('applies a council policy given in the input', async () => {
    const { code, stdout } = await due(['-'], JSON.stringify({ ...VALID, policy: { carePlan: { withinWorkingDays: 5 } } }));
    expect(code).toBe(0);
    const report: unknown = JSON.parse(stdout);
    expectContract(report);
    const carePlan = report.obligations.find((o) => o.kind === 'care-plan');
    // 21, 22, 23, 24, 29 December 2026 (25 and 28 are holidays).
    expect(carePlan).toMatchObject({ dueDate: '2026-12-29', status: 'overdue' });
    expect(carePlan?.rule).toMatch(/^Council policy, stricter than CPPCR reg 4/);
  });

  it('prints an empty list for a child with nothing due', async () => {
    const { code, stdout } = await due(['-'], JSON.stringify({ today: '2027-01-06', child: { id: 'x', dateOfBirth: '2015-05-01' }, facts: [] }));
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({ childId: 'x', today: '2027-01-06', obligations: [] });
  });

  const bad: Array<[string, unknown, RegExp[]]> = [
    ['an impossible date', { ...VALID, today: '2027-02-30' }, [/^today: must be a real date written YYYY-MM-DD$/m]],
    ['a date in the wrong format', { ...VALID, child: { id: 'c', dateOfBirth: '01/05/2015' } }, [/^child\.dateOfBirth: /m]],
    [
      'an unknown fact type',
      { ...VALID, facts: [...VALID.facts, { type: 'home-visit', date: '2027-01-02' }] },
      [/^facts\[3\]\.type: must have a "type" of entered-care, /m],
    ],
    [
      'a fact missing a field',
      { ...VALID, facts: [{ type: 'placement-started', date: '2027-01-01', longTerm: false }] },
      [/^facts\[0\]\.placementId: is required$/m],
    ],
    ['a missing child', { today: VALID.today, facts: [] }, [/^child: is required$/m]],
    ['a missing facts list', { today: VALID.today, child: VALID.child }, [/^facts: is required$/m]],
    ['an unknown top-level field', { ...VALID, council: 'x' }, [/^\(input\): has unknown field "council"$/m]],
    [
      'an instant without a time zone',
      { ...VALID, facts: [{ type: 'missing-episode', start: '2027-01-03T20:00:00' }] },
      [/^facts\[0\]\.start: must be an ISO 8601 instant with a time zone/m],
    ],
    [
      'a return before the child went missing',
      { ...VALID, facts: [{ type: 'missing-episode', start: '2027-01-03T20:00:00Z', returned: '2027-01-03T19:00:00Z' }] },
      [/^facts\[0\]\.returned: must not be before start$/m],
    ],
    [
      'a loosened policy',
      { ...VALID, policy: { statutoryVisit: { firstWithinDays: 10 } } },
      [/^policy\.statutoryVisit\.firstWithinDays: cannot be loosened: CPPCR reg 28\(2\)\(a\) sets at most 7 days$/m],
    ],
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

  it('rejects input that is not an object', async () => {
    const { code, stdout, stderr } = await due(['-'], '[1, 2]');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/\(input\): must be an object/);
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
