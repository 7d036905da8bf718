/**
 * Worked examples for the plans: care plan (CPPCR reg 4), placement plan
 * (reg 9), permanence plan and personal education plan, each date counted by
 * hand (calendar: tests/unit/ruleScenarios.ts).
 */
import { describe, expect, it } from 'vitest';
import { placed } from '#tests/support/factInputs.js';
import { byKind, one, placementEnded, review, carePlan, placementPlan, permanencePlan, pep, leftCare, DOB, intoCare } from '#tests/unit/ruleScenarios.js';

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
