/**
 * Worked examples for readings of the law the engine once missed: each date
 * is counted by hand from the regulation cited beside it. Calendar: see the
 * notes at the top of rules.test.ts (England bank holidays 2026 and 2027).
 */
import { describe, expect, it } from 'vitest';
import { answerDueRequest, type Obligation } from '#domain/obligations.js';

type FactInput = Record<string, unknown>;

function listed(today: string, dob: string, facts: FactInput[], policy?: unknown): Map<string, Obligation> {
  const report = answerDueRequest({ today, child: { id: 'c', dateOfBirth: dob }, ...(policy === undefined ? {} : { policy }), facts });
  return new Map(report.obligations.map((o) => [o.kind, o]));
}

function one(today: string, dob: string, facts: FactInput[], kind: string): Obligation {
  const found = listed(today, dob, facts).get(kind);
  if (!found) throw new Error(`expected a ${kind} obligation on ${today}`);
  return found;
}

const entered = (date: string): FactInput => ({ type: 'entered-care', date });
const placed = (date: string, placementId = 'p1', longTerm = false, arrangement?: string): FactInput => ({
  type: 'placement-started', date, placementId, longTerm, ...(arrangement ? { arrangement } : {}),
});
const intoCare = (date: string, placementId = 'p1', longTerm = false, arrangement?: string) => [entered(date), placed(date, placementId, longTerm, arrangement)];
const leftCare = (date: string, reason = 'returned-home'): FactInput => ({ type: 'left-care', date, reason });

describe('eligibility that starts inside a care episode (Children Act 1989 Sch 2 para 19B, CPPCR reg 40)', () => {
  // Born 10 May 2010: 14 on 10 May 2024, 16 on 10 May 2026.
  const dob = '2010-05-10';

  it('a young person with 13 weeks in care since 14 who comes back into care at 16 is eligible the day they come back', () => {
    // In care 3 June 2024 to 6 January 2025 (217 days, well over 91), then home, and home on the 16th birthday.
    // Back in care on Monday 14 September 2026, aged 16: eligible that day, not on 10 May 2026 when they were at home.
    // Needs assessment within 3 months: 14 December 2026.
    const facts = [...intoCare('2024-06-03'), leftCare('2025-01-06'), ...intoCare('2026-09-14', 'p2')];
    const plan = one('2026-09-15', dob, facts, 'pathway-plan');
    expect(plan.dueDate).toBe('2026-12-14');
    expect(plan.rule).toMatch(/within 3 months of becoming eligible/);
  });

  it('with fewer than 13 weeks before, eligibility comes when the days in care add up to 91', () => {
    // 3 June to 1 August 2024 is 60 days in care (28 in June, 31 in July, 1 in August). Back in care 14 September 2026:
    // 31 more days are needed, so the 31st day, 14 October 2026, is the first eligible day -> due 14 January 2027.
    const facts = [...intoCare('2024-06-03'), leftCare('2024-08-02'), ...intoCare('2026-09-14', 'p2')];
    expect(one('2026-09-15', dob, facts, 'pathway-plan').dueDate).toBe('2027-01-14');
  });

  it('someone at home after 16 is not an eligible child, whatever came before', () => {
    const facts = [...intoCare('2024-06-03'), leftCare('2025-01-06')];
    expect(listed('2026-06-01', dob, facts).has('pathway-plan')).toBe(false);
  });
});
