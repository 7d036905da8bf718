/**
 * Scenario builders for the statutory rules' worked examples (tests/unit/rules*.test.ts):
 * a child's facts and today, read through answerDueRequest, and one builder per
 * kind of fact. Each expected date in those tests is counted by hand from the
 * regulation (the reasoning is in the comment beside it), not copied from the
 * engine. Calendar used:
 *   England bank holidays 2026: 1 Jan, 3 Apr (Good Friday), 6 Apr, 4 May, 25 May, 31 Aug, 25 Dec, 28 Dec (Boxing Day substitute)
 *   England bank holidays 2027: 1 Jan, 26 Mar (Good Friday), 29 Mar (Easter Monday), 3 May, 31 May, 30 Aug, 27 Dec, 28 Dec
 *   Weekdays: 18 Dec 2026 is a Friday, 15 Mar 2027 a Monday, 30 Apr 2027 a Friday, 15 Jun 2028 a Thursday.
 */
import { expect } from 'vitest';
import { type FactInput, entered, placed } from '#tests/support/factInputs.js';
import { STATUTORY_KINDS } from '#domain/policy.js';
import { answerDueRequest, type Obligation } from '#domain/obligations.js';

export interface Scenario {
  today: string;
  dob: string;
  facts: FactInput[];
  policy?: unknown;
}

export function obligations(s: Scenario): Obligation[] {
  return answerDueRequest({
    today: s.today,
    child: { id: 'child-1', dateOfBirth: s.dob },
    ...(s.policy === undefined ? {} : { policy: s.policy }),
    facts: s.facts,
  }).obligations;
}

export function byKind(s: Scenario): Map<string, Obligation> {
  const map = new Map<string, Obligation>();
  for (const o of obligations(s)) {
    expect(map.has(o.kind), `${o.kind} listed twice`).toBe(false);
    map.set(o.kind, o);
  }
  return map;
}

export function one(s: Scenario, kind: string): Obligation {
  const found = byKind(s).get(kind);
  if (!found) throw new Error(`expected a ${kind} obligation, got ${obligations(s).map((o) => o.kind).join(', ') || 'none'}`);
  return found;
}

export function kinds(s: Scenario): string[] {
  return obligations(s)
    .map((o) => o.kind)
    .sort();
}

export const placementEnded = (date: string, placementId = 'p1'): FactInput => ({ type: 'placement-ended', date, placementId });
export const visit = (date: string): FactInput => ({ type: 'visit', date, seenAlone: true });
export const review = (date: string): FactInput => ({ type: 'review', date });
export const carePlan = (date: string): FactInput => ({ type: 'care-plan', date });
export const placementPlan = (date: string, placementId = 'p1'): FactInput => ({ type: 'placement-plan', date, placementId });
export const permanencePlan = (date: string): FactInput => ({ type: 'permanence-plan', date });
export const pep = (date: string): FactInput => ({ type: 'pep', date });
export const health = (date: string, kind: 'initial' | 'review' = 'review'): FactInput => ({ type: 'health-assessment', date, kind });
export const dental = (date: string): FactInput => ({ type: 'dental-check', date });
export const sdq = (date: string, score = 12): FactInput => ({ type: 'sdq', date, score });
export const missing = (start: string, returned?: string): FactInput => ({
  type: 'missing-episode',
  start,
  ...(returned ? { returned } : {}),
});
export const interview = (date: string): FactInput => ({ type: 'return-home-interview', date });
export const pathwayPlan = (date: string): FactInput => ({ type: 'pathway-plan', date });
export const adviser = (date: string): FactInput => ({ type: 'personal-adviser-contact', date });
export const leftCare = (date: string, reason = 'returned-home'): FactInput => ({ type: 'left-care', date, reason });
export const fewerVisits = (date: string, placementId = 'p1'): FactInput => ({ type: 'fewer-visits-agreed', date, placementId });

/** A school-age child (11 in December 2026). */
export const DOB = '2015-05-01';
/** Entered care and placed the same day. */
export const intoCare = (date: string, ...rest: Parameters<typeof placed> extends [string, ...infer R] ? R : never): FactInput[] => [
  entered(date),
  placed(date, ...rest),
];

/** Every statutory kind but the leaving-care ones (pathway plan, its reviews, adviser contact, the birthday return). */
export const LOOKED_AFTER_KINDS = STATUTORY_KINDS.filter((kind) => !kind.startsWith('pathway-plan') && kind !== 'personal-adviser-contact' && kind !== 'care-leaver-return');
