// What the policy tests share: the due request answered for one child, and the problems a bad policy raises.
import { type FactInput, entered, placed } from '#tests/support/factInputs.js';
import { answerDueRequest, type Obligation } from '#domain/obligations.js';
import { InvalidInput } from '#domain/validation.js';

export type { FactInput };

export function listed(today: string, dob: string, facts: FactInput[], policy?: unknown): Map<string, Obligation> {
  const report = answerDueRequest({ today, child: { id: 'c', dateOfBirth: dob }, ...(policy === undefined ? {} : { policy }), facts });
  return new Map(report.obligations.map((o) => [o.kind, o]));
}

export function problemsFor(policy: unknown): { field: string; message: string }[] {
  try {
    answerDueRequest({ today: '2027-01-01', child: { id: 'c', dateOfBirth: '2015-05-01' }, policy, facts: [] });
  } catch (error) {
    if (error instanceof InvalidInput) return error.problems;
    throw error;
  }
  return [];
}

export const intoCare = (date: string, longTerm = false, arrangement?: string): FactInput[] => [entered(date), placed(date, 'p1', longTerm, arrangement)];
export const visit = (date: string): FactInput => ({ type: 'visit', date, seenAlone: false });
export const review = (date: string): FactInput => ({ type: 'review', date });
export const task = (kind: string, date: string): FactInput => ({ type: 'local-task', kind, date });

export const DOB = '2015-05-01';
