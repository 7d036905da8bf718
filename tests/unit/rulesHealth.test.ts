/**
 * Worked examples for health assessments, dental checks, SDQs and return home
 * interviews, each date counted by hand (calendar: tests/unit/ruleScenarios.ts).
 */
import { describe, expect, it } from 'vitest';
import { byKind, one, health, dental, sdq, missing, interview, leftCare, DOB, intoCare } from '#tests/unit/ruleScenarios.js';

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
