/**
 * Council policy: a council may tighten any statutory timescale and add its
 * own rules, never loosen one. Expected dates are counted by hand (see the
 * calendar notes at the top of rules.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { type FactInput, entered, placed } from '#tests/support/factInputs.js';
import { answerDueRequest, type Obligation } from '#domain/obligations.js';
import { STATUTORY, policySchema } from '#domain/policy.js';
import { InvalidInput } from '#domain/validation.js';


function listed(today: string, dob: string, facts: FactInput[], policy?: unknown): Map<string, Obligation> {
  const report = answerDueRequest({ today, child: { id: 'c', dateOfBirth: dob }, ...(policy === undefined ? {} : { policy }), facts });
  return new Map(report.obligations.map((o) => [o.kind, o]));
}

function problemsFor(policy: unknown): { field: string; message: string }[] {
  try {
    answerDueRequest({ today: '2027-01-01', child: { id: 'c', dateOfBirth: '2015-05-01' }, policy, facts: [] });
  } catch (error) {
    if (error instanceof InvalidInput) return error.problems;
    throw error;
  }
  return [];
}

const intoCare = (date: string, longTerm = false, arrangement?: string): FactInput[] => [entered(date), placed(date, 'p1', longTerm, arrangement)];
const visit = (date: string): FactInput => ({ type: 'visit', date, seenAlone: false });
const review = (date: string): FactInput => ({ type: 'review', date });
const task = (kind: string, date: string): FactInput => ({ type: 'local-task', kind, date });

const DOB = '2015-05-01';

interface TighteningCase {
  name: string;
  policy: Record<string, unknown>;
  kind: string;
  today: string;
  dob: string;
  facts: FactInput[];
  /** With the statutory policy (null: not listed at all). */
  statutory: string | null;
  /** With the council's policy. */
  tightened: string;
  dueAt?: string;
}

const CASES: TighteningCase[] = [
  // Entered care Friday 18 December 2026 (working days after it: 21,22,23,24,29,30,31 Dec, 4,5,6,7,8,11,12,13 Jan ...).
  {
    name: 'visit within 5 days of a placement',
    policy: { statutoryVisit: { firstWithinDays: 5 } },
    kind: 'statutory-visit',
    today: '2026-12-18',
    dob: DOB,
    facts: intoCare('2026-12-18'),
    statutory: '2026-12-25',
    tightened: '2026-12-23',
  },
  {
    name: '4-weekly visits in the first year',
    policy: { statutoryVisit: { firstYearEveryDays: 28 } },
    kind: 'statutory-visit',
    today: '2027-02-11',
    dob: DOB,
    facts: [...intoCare('2027-01-04'), visit('2027-02-10')],
    statutory: '2027-03-24', // 10 Feb + 42
    tightened: '2027-03-10', // 10 Feb + 28
  },
  {
    name: '4-weekly visits after the first year',
    policy: { statutoryVisit: { afterFirstYearEveryDays: 28 } },
    kind: 'statutory-visit',
    today: '2027-02-16',
    dob: DOB,
    facts: [...intoCare('2026-01-05'), visit('2027-02-15')],
    statutory: '2027-03-29',
    tightened: '2027-03-15',
  },
  {
    name: '2-monthly visits in a long-term placement',
    policy: { statutoryVisit: { longTermEveryMonths: 2 } },
    kind: 'statutory-visit',
    today: '2027-02-16',
    dob: DOB,
    facts: [...intoCare('2026-01-05', true), visit('2027-02-15')],
    statutory: '2027-05-15',
    tightened: '2027-04-15',
  },
  {
    name: '4-monthly visits when fewer visits are agreed',
    policy: { statutoryVisit: { agreedLongTermEveryMonths: 4 } },
    kind: 'statutory-visit',
    today: '2026-07-02',
    dob: DOB,
    facts: [...intoCare('2025-06-02', true, 'foster'), { type: 'fewer-visits-agreed', date: '2026-06-15', placementId: 'p1' }, visit('2026-07-01')],
    statutory: '2027-01-01',
    tightened: '2026-11-01',
  },
  {
    name: '5-daily visits until the first review (reg 28(3))',
    policy: { statutoryVisit: { untilFirstReviewEveryDays: 5 } },
    kind: 'statutory-visit',
    today: '2027-02-09',
    dob: DOB,
    facts: [...intoCare('2027-02-01', false, 'parent-pending-assessment'), visit('2027-02-08')],
    statutory: '2027-02-15',
    tightened: '2027-02-13',
  },
  {
    name: '3-weekly visits after the first review (reg 28(4))',
    policy: { statutoryVisit: { temporaryAfterFirstReviewEveryDays: 21 } },
    kind: 'statutory-visit',
    today: '2027-03-02',
    dob: DOB,
    facts: [...intoCare('2027-02-01', false, 'connected-person-temporary'), review('2027-02-26'), visit('2027-03-01')],
    statutory: '2027-03-29',
    tightened: '2027-03-22',
  },
  {
    name: 'review within 5 working days of a placement with a parent before assessment (reg 19(b))',
    policy: { lookedAfterReview: { parentPlacementWithinWorkingDays: 5 } },
    kind: 'looked-after-review',
    today: '2026-12-18',
    dob: DOB,
    facts: intoCare('2026-12-18', false, 'parent-pending-assessment'),
    statutory: '2027-01-06', // the 10th working day after 18 Dec 2026, before the 20th (the first review)
    tightened: '2026-12-29', // 21, 22, 23, 24, 29 December
  },
  {
    name: 'first review within 15 working days',
    policy: { lookedAfterReview: { firstWithinWorkingDays: 15 } },
    kind: 'looked-after-review',
    today: '2026-12-18',
    dob: DOB,
    facts: intoCare('2026-12-18'),
    statutory: '2027-01-20',
    tightened: '2027-01-13', // the 15th working day after 18 Dec 2026
  },
  {
    name: 'permanence plan follows a tightened first review (15 working days + 3 months)',
    policy: { lookedAfterReview: { firstWithinWorkingDays: 15 } },
    kind: 'permanence-plan',
    today: '2026-12-18',
    dob: DOB,
    facts: intoCare('2026-12-18'),
    statutory: '2027-04-20',
    tightened: '2027-04-13',
  },
  {
    name: 'second review within 2 months',
    policy: { lookedAfterReview: { secondWithinMonths: 2 } },
    kind: 'looked-after-review',
    today: '2027-01-16',
    dob: DOB,
    facts: [...intoCare('2026-12-18'), review('2027-01-15')],
    statutory: '2027-04-15',
    tightened: '2027-03-15',
  },
  {
    name: 'later reviews every 4 months',
    policy: { lookedAfterReview: { thenEveryMonths: 4 } },
    kind: 'looked-after-review',
    today: '2027-04-13',
    dob: DOB,
    facts: [...intoCare('2026-12-18'), review('2027-01-15'), review('2027-04-12')],
    statutory: '2027-10-12',
    tightened: '2027-08-12',
  },
  {
    name: 'care plan within 5 working days',
    policy: { carePlan: { withinWorkingDays: 5 } },
    kind: 'care-plan',
    today: '2026-12-18',
    dob: DOB,
    facts: intoCare('2026-12-18'),
    statutory: '2027-01-06',
    tightened: '2026-12-29', // 21,22,23,24, (25 and 28 holidays) 29
  },
  {
    name: 'placement plan within 3 working days',
    policy: { placementPlan: { withinWorkingDays: 3 } },
    kind: 'placement-plan',
    today: '2026-12-18',
    dob: DOB,
    facts: intoCare('2026-12-18'),
    statutory: '2026-12-29',
    tightened: '2026-12-23',
  },
  {
    name: 'initial PEP within 5 working days',
    policy: { pep: { initialWithinWorkingDays: 5 } },
    kind: 'pep',
    today: '2026-12-18',
    dob: DOB,
    facts: intoCare('2026-12-18'),
    statutory: '2027-01-06',
    tightened: '2026-12-29',
  },
  {
    name: 'PEPs from age 3 (early years)',
    policy: { pep: { fromAge: 3 } },
    kind: 'pep',
    today: '2027-01-11',
    dob: '2023-06-15',
    facts: intoCare('2027-01-11'),
    statutory: '2028-06-29', // 10 working days after the 5th birthday
    tightened: '2027-01-25', // already 3: 10 working days after Monday 11 Jan 2027
  },
  {
    name: 'PEPs to 18',
    policy: { pep: { untilAge: 18 } },
    kind: 'pep',
    today: '2027-05-11',
    dob: '2011-03-01',
    facts: [...intoCare('2025-01-06'), { type: 'pep', date: '2027-05-10' }],
    statutory: null, // school age ended 31 Aug 2027, before the next term ends
    tightened: '2027-12-15',
  },
  {
    name: 'initial health assessment within 15 working days',
    policy: { healthAssessment: { initialWithinWorkingDays: 15 } },
    kind: 'initial-health-assessment',
    today: '2026-12-18',
    dob: DOB,
    facts: intoCare('2026-12-18'),
    statutory: '2027-01-20',
    tightened: '2027-01-13',
  },
  {
    name: 'under-5 health reviews every 3 months',
    policy: { healthAssessment: { under5EveryMonths: 3 } },
    kind: 'review-health-assessment',
    today: '2026-12-23',
    dob: '2024-03-10',
    facts: [...intoCare('2026-12-18'), { type: 'health-assessment', date: '2026-12-22', kind: 'initial' }],
    statutory: '2027-06-22',
    tightened: '2027-03-22',
  },
  {
    name: 'health reviews from 5 every 6 months',
    policy: { healthAssessment: { from5EveryMonths: 6 } },
    kind: 'review-health-assessment',
    today: '2026-12-23',
    dob: DOB,
    facts: [...intoCare('2026-12-18'), { type: 'health-assessment', date: '2026-12-22', kind: 'initial' }],
    statutory: '2027-12-22',
    tightened: '2027-06-22',
  },
  {
    name: 'dental checks every 6 months',
    policy: { dentalCheck: { everyMonths: 6 } },
    kind: 'dental-check',
    today: '2026-12-18',
    dob: DOB,
    facts: intoCare('2026-12-18'),
    statutory: '2027-12-18',
    tightened: '2027-06-18',
  },
  {
    name: 'SDQ every 6 months',
    policy: { sdq: { everyMonths: 6 } },
    kind: 'sdq',
    today: '2026-12-01',
    dob: DOB,
    facts: [...intoCare('2025-01-06'), { type: 'sdq', date: '2026-11-30', score: 9 }],
    statutory: '2027-11-30',
    tightened: '2027-05-30',
  },
  {
    name: 'SDQ from age 2',
    policy: { sdq: { fromAge: 2 } },
    kind: 'sdq',
    today: '2023-01-01',
    dob: '2020-06-01',
    facts: intoCare('2022-01-10'),
    statutory: '2025-06-01', // 4th birthday + 12 months
    tightened: '2023-06-01', // 2nd birthday (1 June 2022, after entering care) + 12 months
  },
  {
    name: 'SDQ to 17',
    policy: { sdq: { untilAge: 18 } },
    kind: 'sdq',
    today: '2026-10-02',
    dob: '2010-09-15',
    facts: [...intoCare('2024-01-08'), { type: 'sdq', date: '2026-10-01', score: 20 }],
    statutory: null, // 1 Oct 2027 is after the 17th birthday
    tightened: '2027-10-01',
  },
  {
    name: 'return home interview within 48 hours',
    policy: { returnHomeInterview: { withinHours: 48 } },
    kind: 'return-home-interview',
    today: '2027-03-27',
    dob: DOB,
    facts: [...intoCare('2026-06-01'), { type: 'missing-episode', start: '2027-03-25T20:00:00Z', returned: '2027-03-26T23:30:00Z' }],
    statutory: '2027-03-30',
    tightened: '2027-03-29', // 23:30 UTC on 28 March is 00:30 BST on the 29th
    dueAt: '2027-03-28T23:30:00.000Z',
  },
  {
    name: 'pathway plan by the 16th birthday',
    policy: { pathwayPlan: { monthsAfterSixteenthBirthday: 0 } },
    kind: 'pathway-plan',
    today: '2026-06-01',
    dob: '2011-01-10',
    facts: intoCare('2025-03-01'),
    statutory: '2027-04-10',
    tightened: '2027-01-10',
  },
  {
    name: 'pathway plan reviewed every 3 months',
    policy: { pathwayPlan: { reviewEveryMonths: 3 } },
    kind: 'pathway-plan-review',
    today: '2027-04-01',
    dob: '2011-01-10',
    facts: [...intoCare('2025-03-01'), { type: 'pathway-plan', date: '2027-03-31' }],
    statutory: '2027-09-30',
    tightened: '2027-06-30',
  },
  {
    name: 'personal adviser visit within 3 days of leaving care',
    policy: { personalAdviser: { firstWithinDays: 3 } },
    kind: 'personal-adviser-contact',
    today: '2027-06-05',
    dob: '2010-01-10',
    facts: [...intoCare('2024-05-01'), { type: 'left-care', date: '2027-06-04', reason: 'independent-living' }],
    statutory: '2027-06-11',
    tightened: '2027-06-07',
  },
  {
    name: 'personal adviser contact every 4 weeks',
    policy: { personalAdviser: { everyWeeks: 4 } },
    kind: 'personal-adviser-contact',
    today: '2027-06-11',
    dob: '2010-01-10',
    facts: [
      ...intoCare('2024-05-01'),
      { type: 'left-care', date: '2027-06-04', reason: 'independent-living' },
      { type: 'personal-adviser-contact', date: '2027-06-10' },
    ],
    statutory: '2027-08-05',
    tightened: '2027-07-08',
  },
];

describe('tightening a statutory timescale', () => {
  for (const c of CASES) {
    it(`${c.name}: brings the date earlier and says it is council policy`, () => {
      const statutory = listed(c.today, c.dob, c.facts).get(c.kind);
      const council = listed(c.today, c.dob, c.facts, c.policy).get(c.kind);
      expect(statutory?.dueDate ?? null).toBe(c.statutory);
      expect(statutory?.rule ?? '').not.toMatch(/Council policy/);
      expect(council?.dueDate).toBe(c.tightened);
      expect(council?.rule).toMatch(/^Council policy, stricter than /);
      if (c.dueAt) expect(council?.dueAt).toBe(c.dueAt);
    });
  }

  it('covers every statutory setting', () => {
    const tried = new Set(CASES.flatMap((c) => Object.entries(c.policy).flatMap(([s, v]) => Object.keys(v as object).map((k) => `${s}.${k}`))));
    const all = Object.entries(STATUTORY).flatMap(([s, v]) => Object.keys(v).map((k) => `${s}.${k}`));
    // personalAdviser.untilAge is tested on its own below.
    expect(all.filter((f) => !tried.has(f))).toEqual(['personalAdviser.untilAge']);
  });

  it('PEPs from age 4: a PEP at 4 counts, and is never later than the statutory reading', () => {
    // Born 15 June 2023, in care since 6 Jan 2025, PEP on 10 May 2028 (aged 4, summer term).
    // Statutory (school age from 5): it stands for the initial PEP, next by the end of autumn 2028 -> 15 Dec 2028.
    // From 4: a PEP in the summer term, next by the end of autumn -> 15 Dec 2028 as well.
    const facts = [...intoCare('2025-01-06'), { type: 'pep', date: '2028-05-10' }];
    expect(listed('2028-05-11', '2023-06-15', facts).get('pep')?.dueDate).toBe('2028-12-15');
    expect(listed('2028-05-11', '2023-06-15', facts, { pep: { fromAge: 4 } }).get('pep')?.dueDate).toBe('2028-12-15');
    // A PEP at 2 (1 June 2026, summer term): from age 2 it counts -> 15 Dec 2026; statutory ignores it -> 29 June 2028.
    const early = [...intoCare('2025-01-06'), { type: 'pep', date: '2026-06-01' }];
    expect(listed('2026-06-02', '2023-06-15', early, { pep: { fromAge: 2 } }).get('pep')?.dueDate).toBe('2026-12-15');
    expect(listed('2026-06-02', '2023-06-15', early).get('pep')?.dueDate).toBe('2028-06-29');
  });

  it('"pathway plan by the 16th birthday" is worded as such', () => {
    const o = listed('2026-06-01', '2011-01-10', intoCare('2025-03-01'), { pathwayPlan: { monthsAfterSixteenthBirthday: 0 } }).get('pathway-plan');
    expect(o?.rule).toMatch(/by the 16th birthday/);
  });

  it('keeps adviser contact going to 25 when the council says so', () => {
    // Born 10 Jan 2006, left care at 18; last contact 1 Dec 2026 -> next 26 Jan 2027, after the 21st birthday.
    const facts = [...intoCare('2020-03-02'), { type: 'pathway-plan', date: '2023-11-01' }, { type: 'left-care', date: '2024-01-10', reason: 'age-18' }, { type: 'personal-adviser-contact', date: '2026-12-01' }];
    expect(listed('2027-01-02', '2006-01-10', facts).has('personal-adviser-contact')).toBe(false);
    expect(listed('2027-01-02', '2006-01-10', facts, { personalAdviser: { untilAge: 25 } }).get('personal-adviser-contact')?.dueDate).toBe('2027-01-26');
  });

  it('leaves the other rules citing the statute', () => {
    const all = listed('2026-12-18', DOB, intoCare('2026-12-18'), { dentalCheck: { everyMonths: 6 } });
    for (const [kind, o] of all) {
      if (kind === 'dental-check') expect(o.rule).toMatch(/^Council policy/);
      else expect(o.rule).not.toMatch(/Council policy/);
    }
  });

  it('accepts the statutory values themselves, which change nothing', () => {
    const statutoryPolicy = Object.fromEntries(Object.entries(STATUTORY).map(([s, v]) => [s, { ...v }]));
    const facts = intoCare('2026-12-18');
    const plain = [...listed('2026-12-18', DOB, facts).values()];
    const explicit = [...listed('2026-12-18', DOB, facts, statutoryPolicy).values()];
    expect(explicit).toEqual(plain);
  });
});

describe('loosening a statutory timescale is rejected', () => {
  const looser = (field: string, value: number) => (field === 'untilAge' ? value - 1 : value + 1);
  for (const [section, settings] of Object.entries(STATUTORY)) {
    for (const [field, value] of Object.entries(settings)) {
      it(`${section}.${field}: ${looser(field, value)} instead of ${value}`, () => {
        const policy = { [section]: { [field]: looser(field, value) } };
        const problems = problemsFor(policy);
        expect(problems).toHaveLength(1);
        expect(problems[0]!.field).toBe(`policy.${section}.${field}`);
        expect(problems[0]!.message).toMatch(/cannot be loosened/);
        expect(policySchema.safeParse(policy).success).toBe(false);
      });
    }
  }

  it('names the field and the regulation in the message the due command prints', () => {
    expect(() =>
      answerDueRequest({ today: '2027-01-01', child: { id: 'c', dateOfBirth: DOB }, policy: { lookedAfterReview: { thenEveryMonths: 7 } }, facts: [] }),
    ).toThrow(/policy\.lookedAfterReview\.thenEveryMonths: cannot be loosened: CPPCR reg 33\(3\) sets at most 6 months/);
  });

  it('rejects a negative timescale and an unknown setting', () => {
    expect(problemsFor({ carePlan: { withinWorkingDays: -1 } })[0]?.field).toBe('policy.carePlan.withinWorkingDays');
    expect(problemsFor({ carePlan: { withinDays: 5 } })[0]).toMatchObject({ field: 'policy.carePlan', message: expect.stringMatching(/withinDays/) });
    expect(problemsFor({ reviews: {} })[0]?.message).toMatch(/reviews/);
  });

  it('rejects school terms that end before they start', () => {
    const problems = problemsFor({ pep: { terms: [{ name: 'Autumn', start: '2026-12-18', end: '2026-09-03' }] } });
    expect(problems[0]).toMatchObject({ field: 'policy.pep.terms[0].end', message: 'must not be before start' });
  });
});

describe('local rules', () => {
  const cse = {
    kind: 'cse-risk-assessment',
    title: 'CSE risk assessment',
    fromAge: 11,
    firstWithin: { workingDays: 10 },
    every: { months: 6 },
  };
  const passport = { kind: 'health-passport', title: 'Health passport', byAge: 18 };

  describe('CSE risk assessment from age 11, every 6 months', () => {
    it('is due 10 working days after entering care for a child already 11, and says it is local policy', () => {
      // 12-year-old entering care Friday 18 Dec 2026 -> 6 January 2027 (as the care plan).
      const o = listed('2026-12-18', '2014-06-01', intoCare('2026-12-18'), { localRules: [cse] }).get('cse-risk-assessment');
      expect(o?.dueDate).toBe('2027-01-06');
      expect(o?.rule).toBe('Local policy: CSE risk assessment');
      expect(o?.status).toBe('upcoming');
    });

    it('for a younger child counts from the 11th birthday', () => {
      // 11 on Sunday 14 March 2027: 15-19 Mar (5), 22-25 Mar (9), 26 and 29 Mar Easter, 30 March (10).
      expect(listed('2026-12-18', '2016-03-14', intoCare('2026-12-18'), { localRules: [cse] }).get('cse-risk-assessment')?.dueDate).toBe('2027-03-30');
    });

    it('an assessment done before 11 does not count', () => {
      // Born 15 June 2018, assessed at 7 (1 June 2026): the first is still due 10 working days after the
      // 11th birthday, Friday 15 June 2029 -> 18-22, 25-29 June -> 29 June 2029 (not 1 Dec 2026, at 8).
      const facts = [...intoCare('2025-01-06'), task('cse-risk-assessment', '2026-06-01')];
      expect(listed('2026-06-02', '2018-06-15', facts, { localRules: [cse] }).get('cse-risk-assessment')?.dueDate).toBe('2029-06-29');
    });

    it('then 6 months after the last one, recorded as a local-task fact', () => {
      const facts = [...intoCare('2026-12-18'), task('cse-risk-assessment', '2027-01-05'), task('other-task', '2027-06-01')];
      expect(listed('2027-01-06', '2014-06-01', facts, { localRules: [cse] }).get('cse-risk-assessment')?.dueDate).toBe('2027-07-05');
    });

    it('an assessment from before this care episode does not count', () => {
      const facts = [...intoCare('2025-01-06'), task('cse-risk-assessment', '2025-02-01'), { type: 'left-care', date: '2025-06-30', reason: 'returned-home' }, ...intoCare('2026-12-18')];
      expect(listed('2026-12-19', '2013-06-01', facts, { localRules: [cse] }).get('cse-risk-assessment')?.dueDate).toBe('2027-01-06');
    });

    it('is not listed without the policy, nor for a child not in care', () => {
      expect(listed('2026-12-18', '2014-06-01', intoCare('2026-12-18')).has('cse-risk-assessment')).toBe(false);
      expect(listed('2026-12-18', '2014-06-01', [], { localRules: [cse] }).size).toBe(0);
    });
  });

  describe('health passport by 18', () => {
    it('is due on the 18th birthday and done once', () => {
      const facts = intoCare('2023-01-09');
      const o = listed('2027-01-01', '2009-09-20', facts, { localRules: [passport] }).get('health-passport');
      expect(o?.dueDate).toBe('2027-09-20');
      expect(o?.rule).toBe('Local policy: Health passport');
      expect(listed('2027-05-02', '2009-09-20', [...facts, task('health-passport', '2027-05-01')], { localRules: [passport] }).has('health-passport')).toBe(false);
    });
  });

  it('a care-leaver rule runs from leaving care', () => {
    const survey = { kind: 'leaver-survey', title: 'Care leaver survey', appliesTo: 'care-leaver', firstWithin: { days: 28 }, every: { months: 12 } };
    const facts = [...intoCare('2024-05-01'), { type: 'left-care', date: '2027-06-04', reason: 'independent-living' }];
    // Not while looked after; after leaving on 4 June 2027: + 28 days = 2 July 2027.
    expect(listed('2027-06-01', '2010-01-10', facts.slice(0, 2), { localRules: [survey] }).has('leaver-survey')).toBe(false);
    expect(listed('2027-06-05', '2010-01-10', facts, { localRules: [survey] }).get('leaver-survey')?.dueDate).toBe('2027-07-02');
    expect(listed('2027-07-02', '2010-01-10', [...facts, task('leaver-survey', '2027-07-01')], { localRules: [survey] }).get('leaver-survey')?.dueDate).toBe(
      '2028-07-01',
    );
  });

  it('stops at its untilAge', () => {
    const rule = { kind: 'school-check', title: 'School check', untilAge: 16, firstWithin: { days: 14 }, every: { months: 6 } };
    // Born 1 Sep 2010, 16 on 1 Sep 2026. Last check 1 Mar 2026 -> 1 Sep 2026: on the birthday, so none.
    const facts = [...intoCare('2025-01-06'), task('school-check', '2026-03-01')];
    expect(listed('2026-03-02', '2010-09-01', facts, { localRules: [rule] }).has('school-check')).toBe(false);
    expect(listed('2026-03-02', '2010-09-02', facts, { localRules: [rule] }).get('school-check')?.dueDate).toBe('2026-09-01');
  });

  describe('bad local rules are rejected', () => {
    const bad: Array<[string, unknown, RegExp]> = [
      ['neither firstWithin nor byAge', { kind: 'cse-risk-assessment', title: 'CSE risk assessment', every: { months: 6 } }, /exactly one of firstWithin or byAge/],
      ['both firstWithin and byAge', { ...passport, firstWithin: { days: 5 } }, /exactly one of firstWithin or byAge/],
      ['a kind that is not lower-case-with-dashes', { ...cse, kind: 'CSE Risk' }, /lower-case-with-dashes/],
      ['an interval with two units', { ...cse, every: { months: 6, days: 10 } }, /exactly one of days, workingDays or months/],
      ['an empty interval', { ...cse, firstWithin: {} }, /exactly one of days, workingDays or months/],
      ['a zero interval', { ...cse, every: { days: 0 } }, /at least 1/],
      ['a short title', { ...cse, title: 'X' }, /at least 3 characters/],
      ['an unknown field', { ...cse, priority: 'high' }, /unknown field "priority"/],
      ['an unknown status', { ...cse, appliesTo: 'adopted' }, /must be one of/],
    ];
    for (const [name, rule, message] of bad) {
      it(name, () => {
        const problems = problemsFor({ localRules: [rule] });
        expect(problems.length).toBeGreaterThan(0);
        expect(problems.map((p) => p.field).every((f) => f.startsWith('policy.localRules[0]'))).toBe(true);
        expect(problems.map((p) => p.message).join('\n')).toMatch(message);
      });
    }

    it('a kind that is already a statutory kind', () => {
      const problems = problemsFor({ localRules: [{ ...cse, kind: 'statutory-visit' }] });
      expect(problems).toEqual([{ field: 'policy.localRules', message: expect.stringMatching(/different from the statutory kinds/) }]);
    });

    it('two rules of the same kind', () => {
      const problems = problemsFor({ localRules: [cse, { ...cse, title: 'Another CSE rule' }] });
      expect(problems).toEqual([{ field: 'policy.localRules', message: expect.stringMatching(/its own kind/) }]);
    });
  });
});
