/**
 * Worked examples for every statutory rule. Each expected date is counted by
 * hand from the regulation (the reasoning is in the comment beside it), not
 * copied from the engine. Calendar used:
 *   England bank holidays 2026: 1 Jan, 3 Apr (Good Friday), 6 Apr, 4 May, 25 May, 31 Aug, 25 Dec, 28 Dec (Boxing Day substitute)
 *   England bank holidays 2027: 1 Jan, 26 Mar (Good Friday), 29 Mar (Easter Monday), 3 May, 31 May, 30 Aug, 27 Dec, 28 Dec
 *   Weekdays: 18 Dec 2026 is a Friday, 15 Mar 2027 a Monday, 30 Apr 2027 a Friday, 15 Jun 2028 a Thursday.
 */
import { describe, expect, it } from 'vitest';
import { type FactInput, entered, placed } from '#tests/support/factInputs.js';
import { STATUTORY_KINDS } from '#domain/policy.js';
import { answerDueRequest, type Obligation } from '#domain/obligations.js';


interface Scenario {
  today: string;
  dob: string;
  facts: FactInput[];
  policy?: unknown;
}

function obligations(s: Scenario): Obligation[] {
  return answerDueRequest({
    today: s.today,
    child: { id: 'child-1', dateOfBirth: s.dob },
    ...(s.policy === undefined ? {} : { policy: s.policy }),
    facts: s.facts,
  }).obligations;
}

function byKind(s: Scenario): Map<string, Obligation> {
  const map = new Map<string, Obligation>();
  for (const o of obligations(s)) {
    expect(map.has(o.kind), `${o.kind} listed twice`).toBe(false);
    map.set(o.kind, o);
  }
  return map;
}

function one(s: Scenario, kind: string): Obligation {
  const found = byKind(s).get(kind);
  if (!found) throw new Error(`expected a ${kind} obligation, got ${obligations(s).map((o) => o.kind).join(', ') || 'none'}`);
  return found;
}

function kinds(s: Scenario): string[] {
  return obligations(s)
    .map((o) => o.kind)
    .sort();
}

const placementEnded = (date: string, placementId = 'p1'): FactInput => ({ type: 'placement-ended', date, placementId });
const visit = (date: string): FactInput => ({ type: 'visit', date, seenAlone: true });
const review = (date: string): FactInput => ({ type: 'review', date });
const carePlan = (date: string): FactInput => ({ type: 'care-plan', date });
const placementPlan = (date: string, placementId = 'p1'): FactInput => ({ type: 'placement-plan', date, placementId });
const permanencePlan = (date: string): FactInput => ({ type: 'permanence-plan', date });
const pep = (date: string): FactInput => ({ type: 'pep', date });
const health = (date: string, kind: 'initial' | 'review' = 'review'): FactInput => ({ type: 'health-assessment', date, kind });
const dental = (date: string): FactInput => ({ type: 'dental-check', date });
const sdq = (date: string, score = 12): FactInput => ({ type: 'sdq', date, score });
const missing = (start: string, returned?: string): FactInput => ({
  type: 'missing-episode',
  start,
  ...(returned ? { returned } : {}),
});
const interview = (date: string): FactInput => ({ type: 'return-home-interview', date });
const pathwayPlan = (date: string): FactInput => ({ type: 'pathway-plan', date });
const adviser = (date: string): FactInput => ({ type: 'personal-adviser-contact', date });
const leftCare = (date: string, reason = 'returned-home'): FactInput => ({ type: 'left-care', date, reason });
const fewerVisits = (date: string, placementId = 'p1'): FactInput => ({ type: 'fewer-visits-agreed', date, placementId });

/** A school-age child (11 in December 2026). */
const DOB = '2015-05-01';
/** Entered care and placed the same day. */
const intoCare = (date: string, ...rest: Parameters<typeof placed> extends [string, ...infer R] ? R : never): FactInput[] => [
  entered(date),
  placed(date, ...rest),
];

/** Every statutory kind but the leaving-care ones (pathway plan, its reviews, adviser contact). */
const LOOKED_AFTER_KINDS = STATUTORY_KINDS.filter((kind) => !kind.startsWith('pathway-plan') && kind !== 'personal-adviser-contact');

describe('statutory visits (CPPCR reg 28)', () => {
  it('28(2)(a): within one week of the placement starting', () => {
    // Placed Wednesday 10 March 2027; one week = 7 calendar days -> Wednesday 17 March.
    const o = one({ today: '2027-03-12', dob: DOB, facts: intoCare('2027-03-10') }, 'statutory-visit');
    expect(o.dueDate).toBe('2027-03-17');
    expect(o.rule).toMatch(/reg 28\(2\)\(a\)/);
    expect(o.status).toBe('upcoming');
  });

  it('does not move a calendar-day deadline off a bank holiday', () => {
    // Placed Friday 18 December 2026 + 7 days = Friday 25 December (Christmas Day), left as it is.
    expect(one({ today: '2026-12-19', dob: DOB, facts: intoCare('2026-12-18') }, 'statutory-visit').dueDate).toBe('2026-12-25');
  });

  it('28(2)(b): not more than 6 weeks apart in the first year of the placement', () => {
    // Last visit 10 Feb 2027 + 42 days: 18 days to 28 Feb, 24 more -> 24 March 2027.
    const o = one({ today: '2027-02-12', dob: DOB, facts: [...intoCare('2027-01-04'), visit('2027-01-08'), visit('2027-02-10')] }, 'statutory-visit');
    expect(o.dueDate).toBe('2027-03-24');
    expect(o.rule).toMatch(/reg 28\(2\)\(b\)/);
  });

  it('28(2)(c): 3-monthly after the first year of a placement intended to last until 18', () => {
    // Placement from 5 Jan 2026, so its first year ended 4 Jan 2027. Last visit 15 Feb 2027 + 3 months = 15 May 2027.
    const o = one(
      { today: '2027-02-20', dob: DOB, facts: [...intoCare('2026-01-05', 'p1', true), visit('2026-12-01'), visit('2027-02-15')] },
      'statutory-visit',
    );
    expect(o.dueDate).toBe('2027-05-15');
    expect(o.rule).toMatch(/reg 28\(2\)\(c\)/);
    expect(o.rule).toMatch(/3 months/);
  });

  it('28(2)(c): still 6-weekly after the first year when the placement is not long-term', () => {
    // Last visit 15 Feb 2027 + 42 days: 13 days to 28 Feb, 29 more -> 29 March 2027.
    const o = one(
      { today: '2027-02-20', dob: DOB, facts: [...intoCare('2026-01-05', 'p1', false), visit('2026-12-01'), visit('2027-02-15')] },
      'statutory-visit',
    );
    expect(o.dueDate).toBe('2027-03-29');
    expect(o.rule).toMatch(/reg 28\(2\)\(c\)/);
  });

  it('a visit just before the first anniversary keeps the 6-week interval (the earlier reading)', () => {
    // Long-term placement from Monday 5 Jan 2026. Visit on 4 Jan 2027, still in the first year:
    // 4 Jan + 42 days = 15 Feb 2027 (not 4 April, which 3 months would give).
    const before = one(
      { today: '2027-01-06', dob: DOB, facts: [...intoCare('2026-01-05', 'p1', true), visit('2027-01-04')] },
      'statutory-visit',
    );
    expect(before.dueDate).toBe('2027-02-15');
    expect(before.rule).toMatch(/reg 28\(2\)\(b\)/);
    // The first year is 5 Jan 2026 to 4 Jan 2027; a visit on 5 Jan 2027 is in the second year: + 3 months = 5 April.
    const on = one({ today: '2027-01-06', dob: DOB, facts: [...intoCare('2026-01-05', 'p1', true), visit('2027-01-05')] }, 'statutory-visit');
    expect(on.dueDate).toBe('2027-04-05');
  });

  describe('28(3A): fewer visits agreed in a long-term foster placement', () => {
    const base = [...intoCare('2025-06-02', 'p1', true, 'foster')];

    it('is 6-monthly once the placement has lasted a year and the agreement is recorded', () => {
      // Last visit 1 July 2026 (after the first year, which ended 1 June 2026) + 6 months = 1 January 2027.
      const o = one({ today: '2026-07-02', dob: DOB, facts: [...base, fewerVisits('2026-06-15'), visit('2026-07-01')] }, 'statutory-visit');
      expect(o.dueDate).toBe('2027-01-01');
      expect(o.rule).toMatch(/reg 28\(3A\)/);
    });

    it('needs the agreement for this placement: another placement\'s agreement leaves it 3-monthly', () => {
      // 1 July 2026 + 3 months = 1 October 2026.
      const o = one(
        { today: '2026-07-02', dob: DOB, facts: [...base, fewerVisits('2026-06-15', 'other'), visit('2026-07-01')] },
        'statutory-visit',
      );
      expect(o.dueDate).toBe('2026-10-01');
      expect(o.rule).toMatch(/reg 28\(2\)\(c\)/);
    });

    it('does not apply in the placement\'s first year', () => {
      // Visit 20 May 2026 is before the anniversary (2 June 2026): + 42 days = 11 to 31 May, 30 to 30 June, 1 -> 1 July.
      const o = one({ today: '2026-05-21', dob: DOB, facts: [...base, fewerVisits('2026-05-01'), visit('2026-05-20')] }, 'statutory-visit');
      expect(o.dueDate).toBe('2026-07-01');
      expect(o.rule).toMatch(/reg 28\(2\)\(b\)/);
    });
  });

  describe('28(3) and 28(4): weekly until the first review', () => {
    for (const [arrangement, reg, after] of [
      ['parent-pending-assessment', '28\\(3\\)', '2027-04-12'], // 1 March + 42 days: 30 to 31 March, 12 more
      ['connected-person-temporary', '28\\(4\\)', '2027-03-29'], // 1 March + 28 days
      ['parent-interim-care-order', '28\\(4\\)', '2027-03-29'],
    ] as const) {
      it(`${arrangement}: weekly, then ${after} after the first review`, () => {
        const facts = intoCare('2027-02-01', 'p1', false, arrangement);
        // Visit Monday 8 Feb, no review yet: + 7 days = 15 Feb.
        const weekly = one({ today: '2027-02-09', dob: DOB, facts: [...facts, visit('2027-02-08')] }, 'statutory-visit');
        expect(weekly.dueDate).toBe('2027-02-15');
        expect(weekly.rule).toMatch(new RegExp(`reg ${reg}`));
        // A visit on the day of the first review still counts as before it (earlier reading): 26 Feb + 7 = 5 March.
        const onReviewDay = one(
          { today: '2027-02-27', dob: DOB, facts: [...facts, review('2027-02-26'), visit('2027-02-26')] },
          'statutory-visit',
        );
        expect(onReviewDay.dueDate).toBe('2027-03-05');
        // First review 26 Feb, then a visit on 1 March.
        const later = one(
          { today: '2027-03-02', dob: DOB, facts: [...facts, visit('2027-02-08'), review('2027-02-26'), visit('2027-03-01')] },
          'statutory-visit',
        );
        expect(later.dueDate).toBe(after);
        expect(later.rule).toMatch(new RegExp(`reg ${reg}`));
      });
    }
  });

  it('28(5): with a parent under a care order, within a week of the order and then 6-weekly', () => {
    const facts = intoCare('2027-02-01', 'p1', false, 'parent-care-order');
    const first = one({ today: '2027-02-02', dob: DOB, facts }, 'statutory-visit');
    expect(first.dueDate).toBe('2027-02-08'); // 1 Feb + 7
    expect(first.rule).toMatch(/reg 28\(5\)/);
    // Visit 5 Feb + 42 days: 23 days to 28 Feb, 19 more -> 19 March.
    const next = one({ today: '2027-02-06', dob: DOB, facts: [...facts, visit('2027-02-05')] }, 'statutory-visit');
    expect(next.dueDate).toBe('2027-03-19');
    expect(next.rule).toMatch(/reg 28\(5\)/);
  });

  describe('a placement change resets the visit clock', () => {
    const history = [
      ...intoCare('2027-01-04'),
      visit('2027-01-08'),
      visit('2027-02-01'),
      visit('2027-02-19'),
      placementEnded('2027-02-20'),
      placed('2027-02-20', 'p2'),
    ];

    it('the new placement needs a visit within a week, whatever the last visit was', () => {
      // Without the move, 19 Feb + 42 = 2 April; the new placement from 20 Feb needs one by 27 Feb.
      const o = one({ today: '2027-02-22', dob: DOB, facts: history }, 'statutory-visit');
      expect(o.dueDate).toBe('2027-02-27');
      expect(o.rule).toMatch(/reg 28\(2\)\(a\)/);
    });

    it('then 6-weekly from the first visit in the new placement', () => {
      // 24 Feb + 42 days: 4 to 28 Feb, 31 to 31 March, 7 -> 7 April.
      expect(one({ today: '2027-02-25', dob: DOB, facts: [...history, visit('2027-02-24')] }, 'statutory-visit').dueDate).toBe('2027-04-07');
    });

    it('a new long-term placement has its own first year of 6-weekly visits', () => {
      // Long-term since 2024, moved to another long-term placement on 11 Jan 2027; visit 15 Jan + 42 = 26 Feb.
      const facts = [...intoCare('2024-01-08', 'p1', true), visit('2026-12-01'), placed('2027-01-11', 'p2', true), visit('2027-01-15')];
      const o = one({ today: '2027-01-16', dob: DOB, facts }, 'statutory-visit');
      expect(o.dueDate).toBe('2027-02-26');
      expect(o.rule).toMatch(/reg 28\(2\)\(b\)/);
    });
  });
});

describe('looked-after reviews (CPPCR reg 33)', () => {
  it('33(1): entering care on Friday 18 December 2026 puts the first review on 20 January 2027', () => {
    // Working days after 18 Dec: 21,22,23,24 (4); 25 and 28 Dec are holidays; 29,30,31 (7); 1 Jan holiday;
    // 4-8 Jan (12); 11-15 Jan (17); 18,19,20 Jan (20) -> Wednesday 20 January 2027.
    const o = one({ today: '2026-12-18', dob: DOB, facts: intoCare('2026-12-18') }, 'looked-after-review');
    expect(o.dueDate).toBe('2027-01-20');
    expect(o.rule).toMatch(/reg 33\(1\)/);
  });

  it('33(1): Easter 2027 (Good Friday 26 March, Easter Monday 29 March) moves the first review two days', () => {
    // Entered Monday 15 March 2027: 16-19 Mar (4), 22-25 Mar (8), 26 and 29 Mar holidays, 30,31 Mar, 1,2 Apr (12),
    // 5-9 Apr (17), 12,13,14 Apr (20) -> Wednesday 14 April (12 April without Easter).
    expect(one({ today: '2027-03-15', dob: DOB, facts: intoCare('2027-03-15') }, 'looked-after-review').dueDate).toBe('2027-04-14');
  });

  it('33(1): both May 2027 bank holidays move the first review', () => {
    // Entered Friday 30 April 2027: 3 May holiday; 4-7 May (4), 10-14 (9), 17-21 (14), 24-28 (19), 31 May holiday,
    // 1 June (20) -> Tuesday 1 June.
    expect(one({ today: '2027-04-30', dob: DOB, facts: intoCare('2027-04-30') }, 'looked-after-review').dueDate).toBe('2027-06-01');
  });

  it('33(2): the second review not more than 3 months after the first', () => {
    const o = one({ today: '2027-01-16', dob: DOB, facts: [...intoCare('2026-12-18'), review('2027-01-15')] }, 'looked-after-review');
    expect(o.dueDate).toBe('2027-04-15');
    expect(o.rule).toMatch(/reg 33\(2\)/);
  });

  it('33(3): later reviews not more than 6 months after the one before', () => {
    const o = one(
      { today: '2027-04-13', dob: DOB, facts: [...intoCare('2026-12-18'), review('2027-01-15'), review('2027-04-12')] },
      'looked-after-review',
    );
    expect(o.dueDate).toBe('2027-10-12');
    expect(o.rule).toMatch(/reg 33\(3\)/);
  });

  it('clamps to the end of a shorter month: first review 30 November -> second by 28 February', () => {
    expect(one({ today: '2026-12-01', dob: DOB, facts: [...intoCare('2026-11-02'), review('2026-11-30')] }, 'looked-after-review').dueDate).toBe(
      '2027-02-28',
    );
    // In a leap year it is 29 February: 30 Nov 2027 + 3 months = 29 Feb 2028.
    expect(one({ today: '2027-12-01', dob: DOB, facts: [...intoCare('2027-11-01'), review('2027-11-30')] }, 'looked-after-review').dueDate).toBe(
      '2028-02-29',
    );
  });

  it('clamps 31 August + 6 months to 28 February', () => {
    const facts = [...intoCare('2026-01-05'), review('2026-01-30'), review('2026-04-30'), review('2026-08-31')];
    expect(one({ today: '2026-09-01', dob: DOB, facts }, 'looked-after-review').dueDate).toBe('2027-02-28');
  });

  it('29 February: a review held on 29 Feb 2028 + 6 months is 29 August 2028', () => {
    const facts = [...intoCare('2027-11-01'), review('2027-11-26'), review('2028-02-29')];
    expect(one({ today: '2028-03-01', dob: DOB, facts }, 'looked-after-review').dueDate).toBe('2028-08-29');
  });

  it('a new care episode starts the review cycle again', () => {
    // Reviews from the first episode do not count: the second episode from 18 Dec 2026 needs a first review by 20 Jan 2027.
    const facts = [
      ...intoCare('2025-01-06'),
      review('2025-01-30'),
      review('2025-04-28'),
      leftCare('2025-06-30'),
      ...intoCare('2026-12-18', 'p2'),
    ];
    const o = one({ today: '2026-12-19', dob: DOB, facts }, 'looked-after-review');
    expect(o.dueDate).toBe('2027-01-20');
    expect(o.rule).toMatch(/reg 33\(1\)/);
  });
});

describe('care plan (CPPCR reg 4)', () => {
  it('within 10 working days of the first placement', () => {
    // 18 Dec 2026: 21-24 Dec (4), 29,30,31 Dec (7), 4,5,6 Jan (10) -> Wednesday 6 January 2027.
    const o = one({ today: '2026-12-18', dob: DOB, facts: intoCare('2026-12-18') }, 'care-plan');
    expect(o.dueDate).toBe('2027-01-06');
    expect(o.rule).toMatch(/reg 4/);
  });

  it('skips the early May bank holiday', () => {
    // Entered Friday 30 April 2027: 3 May holiday; 4-7 May (4), 10-14 May (9), 17 May (10).
    expect(one({ today: '2027-04-30', dob: DOB, facts: intoCare('2027-04-30') }, 'care-plan').dueDate).toBe('2027-05-17');
  });

  it('is not listed once made, even if made before the placement', () => {
    expect(byKind({ today: '2026-12-18', dob: DOB, facts: [carePlan('2026-12-17'), ...intoCare('2026-12-18')] }).has('care-plan')).toBe(false);
  });

  it('a care plan from an earlier episode does not count for a new one', () => {
    const facts = [...intoCare('2025-01-06'), carePlan('2025-01-10'), leftCare('2025-06-30'), ...intoCare('2026-12-18', 'p2')];
    expect(one({ today: '2026-12-19', dob: DOB, facts }, 'care-plan').dueDate).toBe('2027-01-06');
  });
});

describe('placement plan (CPPCR reg 9)', () => {
  it('within 5 working days of each placement, matched by placementId', () => {
    // p2 starts Thursday 25 March 2027: 26 and 29 March are Good Friday and Easter Monday;
    // 30, 31 Mar, 1, 2, 5 Apr -> Monday 5 April 2027. p1's plan does not cover p2.
    const facts = [...intoCare('2027-01-04'), placementPlan('2027-01-05', 'p1'), placementEnded('2027-03-25'), placed('2027-03-25', 'p2')];
    const o = one({ today: '2027-03-25', dob: DOB, facts }, 'placement-plan');
    expect(o.dueDate).toBe('2027-04-05');
    expect(o.rule).toMatch(/reg 9/);
    expect(byKind({ today: '2027-03-31', dob: DOB, facts: [...facts, placementPlan('2027-03-31', 'p2')] }).has('placement-plan')).toBe(false);
  });

  it('skips the early May bank holiday', () => {
    // Friday 30 April 2027: 3 May holiday; 4, 5, 6, 7, 10 May -> Monday 10 May.
    expect(one({ today: '2027-04-30', dob: DOB, facts: intoCare('2027-04-30') }, 'placement-plan').dueDate).toBe('2027-05-10');
  });

  it('is not listed once the current placement has its plan, even one agreed before it started', () => {
    expect(byKind({ today: '2027-01-05', dob: DOB, facts: [placementPlan('2027-01-01'), ...intoCare('2027-01-04')] }).has('placement-plan')).toBe(
      false,
    );
  });
});

describe('permanence plan (Vol 2 guidance: by the second review)', () => {
  it('is due when the second review would fall due: first review date + 3 months', () => {
    // No review yet: first due 20 Jan 2027 (reg 33(1)), second 3 months later -> 20 April 2027.
    expect(one({ today: '2026-12-19', dob: DOB, facts: intoCare('2026-12-18') }, 'permanence-plan').dueDate).toBe('2027-04-20');
    // First review held early on 15 January -> second by 15 April.
    expect(one({ today: '2027-01-16', dob: DOB, facts: [...intoCare('2026-12-18'), review('2027-01-15')] }, 'permanence-plan').dueDate).toBe(
      '2027-04-15',
    );
  });

  it('is overdue from the day of the second review if still missing', () => {
    const facts = [...intoCare('2026-12-18'), review('2027-01-15'), review('2027-04-10')];
    const o = one({ today: '2027-04-12', dob: DOB, facts }, 'permanence-plan');
    expect(o.dueDate).toBe('2027-04-10');
    expect(o.status).toBe('overdue');
    expect(o.rule).toMatch(/second review/);
  });

  it('is not listed once made', () => {
    const facts = [...intoCare('2026-12-18'), review('2027-01-15'), permanencePlan('2027-03-01')];
    expect(byKind({ today: '2027-03-02', dob: DOB, facts }).has('permanence-plan')).toBe(false);
  });
});

describe('personal education plan (PEP statutory guidance)', () => {
  it('initial PEP within 10 working days of a school-age child becoming looked after', () => {
    // Same count as the care plan: 18 Dec 2026 -> 6 January 2027.
    const o = one({ today: '2026-12-18', dob: DOB, facts: intoCare('2026-12-18') }, 'pep');
    expect(o.dueDate).toBe('2027-01-06');
    expect(o.rule).toMatch(/10 working days/);
  });

  it('initial PEP skips Good Friday and Easter Monday 2027', () => {
    // Entered Monday 15 March: 16-19 (4), 22-25 (8), 26 and 29 holidays, 30 (9), 31 March (10).
    expect(one({ today: '2027-03-15', dob: DOB, facts: intoCare('2027-03-15') }, 'pep').dueDate).toBe('2027-03-31');
  });

  it('a child in care before school age: due 10 working days after the 5th birthday', () => {
    // Born 15 June 2023, 5 on Thursday 15 June 2028: 16 (1), 19-23 (6), 26-29 June (10) -> 29 June 2028.
    expect(one({ today: '2027-01-12', dob: '2023-06-15', facts: intoCare('2027-01-11') }, 'pep').dueDate).toBe('2028-06-29');
  });

  it('a PEP before school age cannot bring the first school-age PEP forward', () => {
    // Born 15 June 2023 (5 on Thursday 15 June 2028), in care since 6 Jan 2025. An early-years PEP on 1 June 2026
    // (age 2) would make a termly PEP due by 15 Dec 2026; it is not school age, so the initial PEP stays due
    // 10 working days after the 5th birthday: 29 June 2028.
    const facts = [...intoCare('2025-01-06'), pep('2026-06-01')];
    const o = one({ today: '2026-06-02', dob: '2023-06-15', facts }, 'pep');
    expect(o.dueDate).toBe('2028-06-29');
    expect(o.rule).toMatch(/started within 10 working days/);
    // A PEP a month before the 5th birthday (10 May 2028, summer term) stands for the initial one:
    // the next is due by the end of the autumn term, 15 Dec 2028, later than 29 June.
    const late = one({ today: '2028-05-11', dob: '2023-06-15', facts: [...facts, pep('2028-05-10')] }, 'pep');
    expect(late.dueDate).toBe('2028-12-15');
    expect(late.rule).toMatch(/every school term/);
  });

  describe('termly with the default term dates (autumn to 15 Dec, spring 1 Jan to 25 Mar, summer 1 Apr to 15 Jul)', () => {
    const facts = intoCare('2026-06-01');

    it('a PEP in the autumn term: the next by the end of the spring term', () => {
      const o = one({ today: '2026-10-11', dob: DOB, facts: [...facts, pep('2026-10-10')] }, 'pep');
      expect(o.dueDate).toBe('2027-03-25');
      expect(o.rule).toMatch(/every school term/);
    });

    it('a PEP in the summer term: the next by the end of the autumn term', () => {
      expect(one({ today: '2026-07-11', dob: DOB, facts: [...facts, pep('2026-07-10')] }, 'pep').dueDate).toBe('2026-12-15');
    });

    it('a PEP in a holiday counts for no term: the next by the end of the coming term', () => {
      // 20 August: summer holiday, coming term autumn 2026 -> 15 December.
      expect(one({ today: '2026-08-21', dob: DOB, facts: [...facts, pep('2026-08-20')] }, 'pep').dueDate).toBe('2026-12-15');
      // 30 March 2027: Easter holiday (spring ended 25 March), coming term summer -> 15 July 2027.
      expect(one({ today: '2027-03-31', dob: DOB, facts: [...facts, pep('2027-03-30')] }, 'pep').dueDate).toBe('2027-07-15');
    });
  });

  describe("termly with the council's term dates (policy.pep.terms)", () => {
    const terms = [
      { name: 'Autumn 2026', start: '2026-09-03', end: '2026-12-18' },
      { name: 'Spring 2027', start: '2027-01-05', end: '2027-03-24' },
      { name: 'Summer 2027', start: '2027-04-12', end: '2027-07-21' },
    ];
    const policy = { pep: { terms } };
    const facts = intoCare('2026-06-01');

    it('17 December is still autumn term for this council: next by the end of its spring term, 24 March', () => {
      const o = one({ today: '2026-12-17', dob: DOB, policy, facts: [...facts, pep('2026-12-17')] }, 'pep');
      expect(o.dueDate).toBe('2027-03-24');
      expect(o.rule).toMatch(/Spring 2027/);
      // With the default terms 17 December is a holiday, so the next is due by the default spring end, 25 March.
      expect(one({ today: '2026-12-17', dob: DOB, facts: [...facts, pep('2026-12-17')] }, 'pep').dueDate).toBe('2027-03-25');
    });

    it('a PEP in its Easter holiday: next by the end of its summer term, 21 July', () => {
      expect(one({ today: '2027-03-30', dob: DOB, policy, facts: [...facts, pep('2027-03-30')] }, 'pep').dueDate).toBe('2027-07-21');
    });

    it('after the last term the council gave, the default terms carry on', () => {
      // In the council's summer 2027 term; no autumn 2027 term given -> default autumn ends 15 Dec 2027.
      expect(one({ today: '2027-05-11', dob: DOB, policy, facts: [...facts, pep('2027-05-10')] }, 'pep').dueDate).toBe('2027-12-15');
    });
  });

  it('stops at the end of the school year in which the child turns 16', () => {
    // Born 1 March 2011: 16 on 1 March 2027, school age ends 31 August 2027. A PEP on 10 May 2027 would
    // make the next due 15 December 2027, after school age, so none is listed.
    const facts = [...intoCare('2025-01-06'), pep('2027-05-10')];
    expect(byKind({ today: '2027-05-11', dob: '2011-03-01', facts }).has('pep')).toBe(false);
    // A PEP on 10 Feb 2027 (spring term) makes the next due by 15 July 2027, still school age.
    expect(one({ today: '2027-02-11', dob: '2011-03-01', facts: [...intoCare('2025-01-06'), pep('2027-02-10')] }, 'pep').dueDate).toBe(
      '2027-07-15',
    );
  });
});

describe('health assessments (health statutory guidance 2015)', () => {
  it('initial health assessment within 20 working days, before the first review', () => {
    const o = one({ today: '2026-12-18', dob: DOB, facts: intoCare('2026-12-18') }, 'initial-health-assessment');
    expect(o.dueDate).toBe('2027-01-20');
    expect(o.rule).toMatch(/initial health assessment within 20 working days/);
  });

  it('an initial assessment done is not listed again; a review is due instead', () => {
    const k = byKind({ today: '2027-01-11', dob: DOB, facts: [...intoCare('2026-12-18'), health('2027-01-10', 'initial')] });
    expect(k.has('initial-health-assessment')).toBe(false);
    expect(k.get('review-health-assessment')?.dueDate).toBe('2028-01-10'); // 11 years old: 12 months
  });

  it('an assessment from an earlier episode does not stand in for the initial one', () => {
    const facts = [...intoCare('2025-01-06'), health('2025-01-20', 'initial'), leftCare('2025-06-30'), ...intoCare('2026-12-18', 'p2')];
    expect(one({ today: '2026-12-19', dob: DOB, facts }, 'initial-health-assessment').dueDate).toBe('2027-01-20');
  });

  it('every 6 months before the 5th birthday', () => {
    // Born 10 March 2024, 2 years old: 22 Dec 2026 + 6 months = 22 June 2027.
    const o = one({ today: '2026-12-23', dob: '2024-03-10', facts: [...intoCare('2026-12-18'), health('2026-12-22', 'initial')] }, 'review-health-assessment');
    expect(o.dueDate).toBe('2027-06-22');
    expect(o.rule).toMatch(/6 months before age 5/);
  });

  it('every 12 months from the 5th birthday', () => {
    const o = one({ today: '2026-12-23', dob: DOB, facts: [...intoCare('2026-12-18'), health('2026-12-22', 'initial')] }, 'review-health-assessment');
    expect(o.dueDate).toBe('2027-12-22');
    expect(o.rule).toMatch(/12 months from age 5/);
  });

  it('a child turning 5: the interval follows the age on the day of the last assessment', () => {
    // Born 15 April 2022. Assessed 1 March 2027 at 4 years 10 months: + 6 months = 1 September 2027.
    const facts = intoCare('2026-06-01');
    expect(one({ today: '2027-03-02', dob: '2022-04-15', facts: [...facts, health('2027-03-01')] }, 'review-health-assessment').dueDate).toBe(
      '2027-09-01',
    );
    // Assessed on the 5th birthday, 15 April 2027: + 12 months = 15 April 2028.
    expect(one({ today: '2027-04-16', dob: '2022-04-15', facts: [...facts, health('2027-04-15')] }, 'review-health-assessment').dueDate).toBe(
      '2028-04-15',
    );
  });

  it('29 February: a child born on 29 February 2012 is 5 on 28 February 2017', () => {
    // Assessed 31 August 2016 (aged 4): + 6 months clamps to 28 February 2017.
    const facts = [...intoCare('2016-01-04'), health('2016-08-31')];
    expect(one({ today: '2016-09-01', dob: '2012-02-29', facts }, 'review-health-assessment').dueDate).toBe('2017-02-28');
    // Assessed on 28 February 2017, the 5th birthday in a common year: 12 months -> 28 February 2018.
    const five = [...intoCare('2016-01-04'), health('2017-02-28')];
    expect(one({ today: '2017-03-01', dob: '2012-02-29', facts: five }, 'review-health-assessment').dueDate).toBe('2018-02-28');
  });
});

describe('dental check (SSDA903 yearly teeth check)', () => {
  it('12 months after entering care when none is recorded', () => {
    const o = one({ today: '2026-12-19', dob: DOB, facts: intoCare('2026-12-18') }, 'dental-check');
    expect(o.dueDate).toBe('2027-12-18');
    expect(o.rule).toMatch(/12 months/);
  });

  it('12 months after the last check; a check on 29 February 2028 is next due 28 February 2029', () => {
    expect(one({ today: '2027-03-01', dob: DOB, facts: [...intoCare('2026-12-18'), dental('2027-02-28')] }, 'dental-check').dueDate).toBe(
      '2028-02-28',
    );
    expect(one({ today: '2028-03-01', dob: DOB, facts: [...intoCare('2026-12-18'), dental('2028-02-29')] }, 'dental-check').dueDate).toBe(
      '2029-02-28',
    );
  });
});

describe('SDQ (ages 4 to 16)', () => {
  it('first due 12 months after the later of entering care and the 4th birthday', () => {
    // Born 1 June 2020, in care from 10 Jan 2022: base is the 4th birthday, 1 June 2024 -> due 1 June 2025.
    const o = one({ today: '2023-01-01', dob: '2020-06-01', facts: intoCare('2022-01-10') }, 'sdq');
    expect(o.dueDate).toBe('2025-06-01');
    // An 11-year-old entering care 18 Dec 2026: due 18 Dec 2027.
    expect(one({ today: '2026-12-19', dob: DOB, facts: intoCare('2026-12-18') }, 'sdq').dueDate).toBe('2027-12-18');
  });

  it('then 12 months after the last one', () => {
    const o = one({ today: '2026-12-01', dob: DOB, facts: [...intoCare('2025-01-06'), sdq('2026-11-30', 18)] }, 'sdq');
    expect(o.dueDate).toBe('2027-11-30');
    expect(o.rule).toMatch(/every 12 months for ages 4 to 16/);
  });

  it('a child turning 17 stops getting one', () => {
    // Born 15 Sep 2010, 17 on 15 Sep 2027. Last SDQ 1 Oct 2026 -> next would be 1 Oct 2027, after 17: none.
    const facts = intoCare('2024-01-08');
    expect(byKind({ today: '2026-10-02', dob: '2010-09-15', facts: [...facts, sdq('2026-10-01')] }).has('sdq')).toBe(false);
    // Last SDQ 1 Sep 2026 -> next 1 Sep 2027, still 16: listed.
    expect(one({ today: '2026-09-02', dob: '2010-09-15', facts: [...facts, sdq('2026-09-01')] }, 'sdq').dueDate).toBe('2027-09-01');
  });

  it('an SDQ done before the 4th birthday does not start the clock', () => {
    // Born 15 June 2023, in care since 6 Jan 2025. An SDQ at 2 years 11 months (1 June 2026) is outside ages 4 to 16,
    // so the first is still due 12 months after the 4th birthday: 15 June 2028 (not 1 June 2027, at 3).
    const facts = [...intoCare('2025-01-06'), sdq('2026-06-01')];
    expect(one({ today: '2026-06-02', dob: '2023-06-15', facts }, 'sdq').dueDate).toBe('2028-06-15');
    // One done on or after the 4th birthday counts: 1 July 2027 + 12 months = 1 July 2028.
    expect(one({ today: '2027-07-02', dob: '2023-06-15', facts: [...facts, sdq('2027-07-01')] }, 'sdq').dueDate).toBe('2028-07-01');
  });

  it('29 February: a child born 29 Feb 2012 in care since 2014 is 4 on 29 Feb 2016, so the first SDQ is due 28 Feb 2017', () => {
    expect(one({ today: '2015-01-01', dob: '2012-02-29', facts: intoCare('2014-03-03') }, 'sdq').dueDate).toBe('2017-02-28');
  });
});

describe('return home interview (72 hours after return)', () => {
  const facts = intoCare('2026-06-01');

  it('72 hours across the change to BST: returned 23:30 GMT Friday 26 March 2027 -> 00:30 BST Tuesday 30 March', () => {
    // Clocks go forward at 01:00 UTC on 28 March, so 72 elapsed hours end at 23:30 UTC on 29 March, which is 00:30 BST on the 30th.
    const o = one({ today: '2027-03-27', dob: DOB, facts: [...facts, missing('2027-03-25T20:00:00Z', '2027-03-26T23:30:00Z')] }, 'return-home-interview');
    expect(o.dueAt).toBe('2027-03-29T23:30:00.000Z');
    expect(o.dueDate).toBe('2027-03-30');
    expect(o.rule).toMatch(/72 hours/);
  });

  it('72 hours across the change to GMT: returned 00:30 BST Saturday 24 October 2026 -> 23:30 GMT Monday 26 October', () => {
    // 00:30 BST on 24 Oct is 23:30 UTC on 23 Oct; + 72 h = 23:30 UTC on 26 Oct, which is 23:30 GMT that day.
    const o = one(
      { today: '2026-10-24', dob: DOB, facts: [...facts, missing('2026-10-23T18:00:00+01:00', '2026-10-24T00:30:00+01:00')] },
      'return-home-interview',
    );
    expect(o.dueAt).toBe('2026-10-26T23:30:00.000Z');
    expect(o.dueDate).toBe('2026-10-26');
  });

  describe('several missing episodes: each return needs its own interview', () => {
    const episodes = [
      missing('2027-01-31T22:00:00Z', '2027-02-01T10:00:00Z'),
      missing('2027-02-09T20:00:00Z', '2027-02-10T18:00:00Z'),
      missing('2027-02-19T23:00:00Z', '2027-02-20T08:00:00Z'),
    ];

    it('the earliest return without an interview sets the deadline', () => {
      const o = one({ today: '2027-02-21', dob: DOB, facts: [...facts, ...episodes, interview('2027-02-03')] }, 'return-home-interview');
      expect(o.dueAt).toBe('2027-02-13T18:00:00.000Z'); // second return + 72 h
      expect(o.dueDate).toBe('2027-02-13');
      expect(o.status).toBe('overdue');
    });

    it('one interview covers one return only', () => {
      // The interview on 21 Feb counts for the second return; the third still needs one by 23 Feb 08:00 UTC.
      const o = one(
        { today: '2027-02-21', dob: DOB, facts: [...facts, ...episodes, interview('2027-02-03'), interview('2027-02-21')] },
        'return-home-interview',
      );
      expect(o.dueAt).toBe('2027-02-23T08:00:00.000Z');
    });

    it('an interview before a return does not count for it', () => {
      const o = one({ today: '2027-02-02', dob: DOB, facts: [...facts, interview('2027-01-20'), episodes[0]!] }, 'return-home-interview');
      expect(o.dueAt).toBe('2027-02-04T10:00:00.000Z');
    });

    it('is not listed once every return has had its interview', () => {
      const done = [...facts, ...episodes, interview('2027-02-02'), interview('2027-02-11'), interview('2027-02-21')];
      expect(byKind({ today: '2027-02-22', dob: DOB, facts: done }).has('return-home-interview')).toBe(false);
    });

    it('is not listed while the child is still missing', () => {
      expect(byKind({ today: '2027-02-02', dob: DOB, facts: [...facts, missing('2027-02-01T22:00:00Z')] }).has('return-home-interview')).toBe(false);
    });
  });
});

describe('pathway plan (CPPCR regs 40-43) and its review', () => {
  it('an eligible child turning 16: within 3 months of the 16th birthday', () => {
    // Born 10 Jan 2011, in care since 1 March 2025 (aged 14): 13 weeks since 14 reached long before 16,
    // so eligible on the 16th birthday, 10 Jan 2027 -> due 10 April 2027. Shown already at 15.
    const o = one({ today: '2026-06-01', dob: '2011-01-10', facts: intoCare('2025-03-01') }, 'pathway-plan');
    expect(o.dueDate).toBe('2027-04-10');
    expect(o.rule).toMatch(/reg 42/);
    expect(o.rule).toMatch(/16th birthday/);
  });

  it('a child who has not yet been looked after 13 weeks at 16 becomes eligible on the 91st day', () => {
    // In care from 20 Oct 2026 (aged 15): day 1 is 20 Oct, day 91 is 20 Oct + 90 = 18 Jan 2027 (11+30+31+18).
    // Eligible 18 January 2027 -> due 18 April 2027.
    const o = one({ today: '2026-10-21', dob: '2011-01-10', facts: intoCare('2026-10-20') }, 'pathway-plan');
    expect(o.dueDate).toBe('2027-04-18');
    expect(o.rule).toMatch(/becoming eligible/);
  });

  it('adds up periods in care since 14 across episodes', () => {
    // 14th birthday 10 Jan 2025. First episode to 15 Feb 2025 gives 36 days since 14 (10 Jan to 14 Feb).
    // Second episode from 1 Dec 2026 needs 55 more: day 55 is 1 Dec + 54 = 24 Jan 2027 -> due 24 April 2027.
    const facts = [...intoCare('2024-06-01'), leftCare('2025-02-15'), ...intoCare('2026-12-01', 'p2')];
    expect(one({ today: '2026-12-02', dob: '2011-01-10', facts }, 'pathway-plan').dueDate).toBe('2027-04-24');
  });

  it('a 13-year-old in care has none yet', () => {
    expect(byKind({ today: '2026-06-01', dob: '2013-01-10', facts: intoCare('2025-03-01') }).has('pathway-plan')).toBe(false);
  });

  it('a child who left care before 16 without becoming eligible has none', () => {
    const facts = [...intoCare('2025-03-01'), leftCare('2026-03-01')];
    expect(kinds({ today: '2027-02-01', dob: '2011-01-10', facts })).toEqual([]);
  });

  it('is reviewed at least every 6 months once made (31 March + 6 months clamps to 30 September)', () => {
    const k = byKind({ today: '2027-04-01', dob: '2011-01-10', facts: [...intoCare('2025-03-01'), pathwayPlan('2027-03-31')] });
    expect(k.has('pathway-plan')).toBe(false);
    expect(k.get('pathway-plan-review')?.dueDate).toBe('2027-09-30');
    expect(k.get('pathway-plan-review')?.rule).toMatch(/every 6 months/);
  });

  it('29 February: a child born 29 Feb 2012 is 16 on 29 Feb 2028 -> due 29 May 2028', () => {
    expect(one({ today: '2027-03-01', dob: '2012-02-29', facts: intoCare('2026-06-01') }, 'pathway-plan').dueDate).toBe('2028-05-29');
  });
});

describe('leaving care and turning 18', () => {
  // Born 10 Jan 2010; in care from 1 May 2024 (aged 14), so eligible on the 16th birthday, 10 Jan 2026.
  const dob = '2010-01-10';
  const inCare = [...intoCare('2024-05-01'), pathwayPlan('2026-03-01'), pathwayPlan('2027-05-20'), review('2027-05-01'), visit('2027-05-25')];

  it('leaving care ends the looked-after obligations and starts the care-leaver ones', () => {
    const before = kinds({ today: '2027-06-03', dob, facts: inCare });
    expect(before).toContain('statutory-visit');
    expect(before).toContain('looked-after-review');
    const after = byKind({ today: '2027-06-05', dob, facts: [...inCare, leftCare('2027-06-04', 'independent-living')] });
    expect([...after.keys()].sort()).toEqual(['pathway-plan-review', 'personal-adviser-contact']);
    // A 17-year-old leaver (a relevant child): adviser visit within 7 days of leaving, 4 June + 7 = 11 June.
    expect(after.get('personal-adviser-contact')?.dueDate).toBe('2027-06-11');
    expect(after.get('personal-adviser-contact')?.rule).toMatch(/7 days/);
    // The pathway plan is still reviewed 6-monthly after leaving: 20 May + 6 months = 20 November.
    expect(after.get('pathway-plan-review')?.dueDate).toBe('2027-11-20');
  });

  it('then adviser contact every 8 weeks', () => {
    // Contact 10 June + 56 days: 20 to 30 June, 31 to 31 July, 5 -> 5 August 2027.
    const facts = [...inCare, leftCare('2027-06-04', 'independent-living'), adviser('2027-06-10')];
    const o = one({ today: '2027-06-11', dob, facts }, 'personal-adviser-contact');
    expect(o.dueDate).toBe('2027-08-05');
    expect(o.rule).toMatch(/8 weeks/);
  });

  it('adviser contact before leaving care does not count as contact after it', () => {
    const facts = [...inCare, adviser('2027-06-01'), leftCare('2027-06-04', 'independent-living')];
    expect(one({ today: '2027-06-05', dob, facts }, 'personal-adviser-contact').dueDate).toBe('2027-06-11');
  });

  it('turning 18 ends the looked-after obligations; adviser contact 8 weeks from the birthday', () => {
    const facts = [...intoCare('2022-05-03'), pathwayPlan('2025-05-01'), pathwayPlan('2026-11-01')];
    // Born 15 March 2009. The day before the 18th birthday the child is still looked after.
    const before = kinds({ today: '2027-03-14', dob: '2009-03-15', facts });
    expect(before).toContain('statutory-visit');
    expect(before).not.toContain('personal-adviser-contact');
    const k = byKind({ today: '2027-03-15', dob: '2009-03-15', facts });
    for (const kind of LOOKED_AFTER_KINDS) expect(k.has(kind), kind).toBe(false);
    // Leaving at 18 (a former relevant child): 15 March + 56 days = 16 to 31 March, 30 to 30 April, 10 -> 10 May.
    expect(k.get('personal-adviser-contact')?.dueDate).toBe('2027-05-10');
    expect(k.get('pathway-plan-review')?.dueDate).toBe('2027-05-01'); // 1 Nov 2026 + 6 months
  });

  it('care-leaver obligations end at 21', () => {
    // Born 10 Jan 2006, left care at 18. On the 21st birthday nothing is listed.
    const facts = [...intoCare('2020-03-02'), pathwayPlan('2023-11-01'), leftCare('2024-01-10', 'age-18'), adviser('2026-12-01')];
    expect(kinds({ today: '2027-01-10', dob: '2006-01-10', facts })).toEqual([]);
    expect(kinds({ today: '2026-06-01', dob: '2006-01-10', facts: facts.slice(0, -1) })).toContain('personal-adviser-contact');
  });

  it('a child who leaves care at 12 gets no care-leaver obligations', () => {
    const facts = [...intoCare('2024-01-10'), visit('2026-06-01'), leftCare('2026-06-30', 'returned-home')];
    expect(obligations({ today: '2026-07-01', dob: '2014-06-01', facts })).toEqual([]);
  });
});

describe('status and listing', () => {
  it('marks each obligation overdue, due today or upcoming against today', () => {
    // Entered 18 Dec 2026; today 6 Jan 2027: visit (25 Dec) overdue, care plan (6 Jan) due today, review (20 Jan) upcoming.
    const k = byKind({ today: '2027-01-06', dob: DOB, facts: intoCare('2026-12-18') });
    expect(k.get('statutory-visit')).toMatchObject({ dueDate: '2026-12-25', status: 'overdue' });
    expect(k.get('care-plan')).toMatchObject({ dueDate: '2027-01-06', status: 'due-today' });
    expect(k.get('looked-after-review')).toMatchObject({ dueDate: '2027-01-20', status: 'upcoming' });
  });

  it('lists soonest first', () => {
    const list = obligations({ today: '2027-01-06', dob: DOB, facts: intoCare('2026-12-18') });
    const dates = list.map((o) => o.dueDate);
    expect(dates).toEqual([...dates].sort());
    expect(list.length).toBeGreaterThan(5);
  });

  it('work already done and not recurring is not listed', () => {
    const facts = [
      ...intoCare('2026-12-18'),
      carePlan('2026-12-22'),
      placementPlan('2026-12-21'),
      permanencePlan('2027-01-10'),
      health('2027-01-08', 'initial'),
      missing('2027-01-02T20:00:00Z', '2027-01-03T09:00:00Z'),
      interview('2027-01-04'),
    ];
    const listed = kinds({ today: '2027-01-11', dob: DOB, facts });
    for (const done of ['care-plan', 'placement-plan', 'permanence-plan', 'initial-health-assessment', 'return-home-interview']) {
      expect(listed).not.toContain(done);
    }
    // The recurring ones are still there.
    expect(listed).toEqual(
      expect.arrayContaining(['statutory-visit', 'looked-after-review', 'pep', 'review-health-assessment', 'dental-check', 'sdq']),
    );
  });

  it('a child never in care has no obligations', () => {
    expect(obligations({ today: '2027-01-06', dob: DOB, facts: [] })).toEqual([]);
  });
});

describe('looked-after duties that would fall due after the 18th birthday', () => {
  it('are not listed, since the child will have left care by then', () => {
    // Born 15 March 2009: 18 on 15 March 2027. Reviewed 1 December 2026 (second review), so the next
    // would be due 1 June 2027 (6 months), after the birthday; the visit on 1 March 2027 + 42 days
    // = 12 April 2027 is also after it. The pathway plan carries on after care and stays.
    const s: Scenario = {
      today: '2027-03-02',
      dob: '2009-03-15',
      facts: [entered('2024-01-10'), placed('2024-01-10'), { type: 'review', date: '2024-02-01' }, { type: 'review', date: '2026-12-01' }, visit('2027-03-01')],
    };
    const listed = kinds(s);
    expect(listed).not.toContain('looked-after-review');
    expect(listed).not.toContain('statutory-visit');
    expect(listed).toContain('pathway-plan');
  });
});

describe('council adviser age beyond 21', () => {
  it('says contact past 21 is council policy, not the regulation', () => {
    // Born 1 June 2005: left care at 18 on 1 June 2023; 21 on 1 June 2026; today 10 June 2026.
    const s: Scenario = {
      today: '2026-06-10',
      dob: '2005-06-01',
      policy: { personalAdviser: { untilAge: 25 } },
      facts: [entered('2019-01-01'), placed('2019-01-01'), { type: 'left-care', date: '2023-06-01', reason: 'age-18' }, { type: 'personal-adviser-contact', date: '2026-05-20' }],
    };
    const contact = one(s, 'personal-adviser-contact');
    expect(contact.dueDate).toBe('2026-07-15'); // 20 May + 56 days
    expect(contact.rule).toMatch(/^Council policy, stricter than/);
  });
});

describe('input messages', () => {
  it('says a missing date of birth is required', () => {
    expect(() => answerDueRequest({ today: '2027-01-18', child: { id: 'c' }, facts: [] })).toThrow('child.dateOfBirth: is required');
  });
});
