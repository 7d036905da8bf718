// The tightening table: for each statutory setting, a child whose due date the council's stricter value brings earlier.
// Expected dates are counted by hand (see the calendar notes in tests/unit/ruleScenarios.ts).
import { type FactInput, DOB, intoCare, review, visit } from './policyHelpers.js';

export interface TighteningCase {
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

export const CASES: TighteningCase[] = [
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
