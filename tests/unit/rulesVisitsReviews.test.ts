/**
 * Worked examples for statutory visits (CPPCR reg 28) and looked-after reviews
 * (reg 33), each date counted by hand (calendar: tests/unit/ruleScenarios.ts).
 */
import { describe, expect, it } from 'vitest';
import { placed } from '#tests/support/factInputs.js';
import { one, placementEnded, visit, review, leftCare, fewerVisits, DOB, intoCare } from '#tests/unit/ruleScenarios.js';

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
