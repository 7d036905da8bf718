/**
 * Worked examples for the pathway plan, leaving care and turning 18, adviser
 * contact beyond 21, and how obligations are listed (status, order, what is
 * left out) and input is refused, each date counted by hand (calendar:
 * tests/unit/ruleScenarios.ts).
 */
import { describe, expect, it } from 'vitest';
import { entered, placed } from '#tests/support/factInputs.js';
import { answerDueRequest } from '#domain/obligations.js';
import { type Scenario, obligations, byKind, one, kinds, visit, review, carePlan, placementPlan, permanencePlan, health, missing, interview, pathwayPlan, adviser, leftCare, DOB, intoCare, LOOKED_AFTER_KINDS } from '#tests/unit/ruleScenarios.js';

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
    expect([...after.keys()].sort()).toEqual(['care-leaver-return', 'pathway-plan-review', 'personal-adviser-contact']);
    // Left after the 17th birthday (10 January 2027): the first birthday return is the 18th's, 10 January 2028.
    expect(after.get('care-leaver-return')?.dueDate).toBe('2028-01-10');
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
    // Born 10 Jan 2006, left care at 18. On the 21st birthday only the DfE's birthday return is listed (its window runs to 10 February); after it, nothing.
    const facts = [...intoCare('2020-03-02'), pathwayPlan('2023-11-01'), leftCare('2024-01-10', 'age-18'), adviser('2026-12-01')];
    expect(kinds({ today: '2027-01-10', dob: '2006-01-10', facts })).toEqual(['care-leaver-return']);
    expect(kinds({ today: '2027-02-11', dob: '2006-01-10', facts })).toEqual([]);
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
