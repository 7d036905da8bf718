/**
 * What the `due` command prints, worked out in-process (answerDueRequest, the
 * function infra/local/due.ts prints): the output contract, the dates and rules
 * for a worked example, a council policy, and the field named for bad input.
 * tests/integration/dueCommand.test.ts runs the command itself.
 */
import { describe, expect, it } from 'vitest';
import { VALID_DUE_REQUEST } from '#tests/support/dueRequest.js';
import { answerDueRequest } from '#domain/obligations.js';
import { STATUTORY_KINDS } from '#domain/policy.js';
import { InvalidInput } from '#domain/validation.js';

const VALID = VALID_DUE_REQUEST;

const KINDS = new Set<string>(STATUTORY_KINDS);

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

/** The answer, through JSON as the command prints it. */
const due = (input: unknown): unknown => JSON.parse(JSON.stringify(answerDueRequest(input)));

describe('due answer', () => {
  it('matches the contract, soonest first', () => {
    const report = due(VALID);
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

  it('applies a council policy given in the input', () => {
    const report = due({ ...VALID, policy: { carePlan: { withinWorkingDays: 5 } } });
    expectContract(report);
    const carePlan = report.obligations.find((o) => o.kind === 'care-plan');
    // 21, 22, 23, 24, 29 December 2026 (25 and 28 are holidays).
    expect(carePlan).toMatchObject({ dueDate: '2026-12-29', status: 'overdue' });
    expect(carePlan?.rule).toMatch(/^Council policy, stricter than CPPCR reg 4/);
  });

  it('is an empty list for a child with nothing due', () => {
    expect(due({ today: '2027-01-06', child: { id: 'x', dateOfBirth: '2015-05-01' }, facts: [] })).toEqual({ childId: 'x', today: '2027-01-06', obligations: [] });
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
    it(`rejects ${name}, naming the field`, () => {
      let thrown: unknown;
      try {
        answerDueRequest(input);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(InvalidInput);
      for (const message of messages) expect((thrown as InvalidInput).message).toMatch(message);
    });
  }

  it('rejects input that is not an object', () => {
    expect(() => answerDueRequest([1, 2])).toThrow(/\(input\): must be an object/);
  });
});
