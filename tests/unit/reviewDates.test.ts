import { describe, expect, it } from 'vitest';
import type { Fact } from '#domain/facts.js';
import { STATUTORY_POLICY } from '#domain/policy.js';
import { reviewDateDifferences } from '#domain/reviewDates.js';

const child = { id: 'C-1', dateOfBirth: '2014-03-02' };
const TODAY = '2026-12-01';
const SINCE = '2025-12-01';
// Looked after from Tuesday 1 September 2026: the first review is due within 20 working
// days (CPPCR reg 33(1)), Tuesday 29 September; the second within 3 months of the first
// (reg 33(2)), 28 December when the first is held on 28 September.
const inCare: Fact[] = [
  { type: 'entered-care', date: '2026-09-01' },
  { type: 'placement-started', date: '2026-09-01', placementId: 'P1', longTerm: false, arrangement: 'foster' },
  { type: 'review', date: '2026-09-28' },
];
const differences = (facts: Fact[], since = SINCE) => reviewDateDifferences(child, facts, STATUTORY_POLICY, TODAY, since);

describe('review dates: the case system against the regulations', () => {
  it('lists nothing when the case system gives no dates', () => {
    expect(differences(inCare)).toEqual([]);
  });

  it('lists nothing when the case system agrees, held and next', () => {
    expect(
      differences([
        ...inCare,
        { type: 'case-system-review-due', date: '2026-09-29', held: '2026-09-28' },
        { type: 'case-system-review-due', date: '2026-12-28' },
      ]),
    ).toEqual([]);
  });

  it('a held review the case system gave a later date than the 20 working days', () => {
    expect(differences([...inCare, { type: 'case-system-review-due', date: '2026-10-06', held: '2026-09-28' }])).toEqual([
      { held: '2026-09-28', caseSystemDue: '2026-10-06', keptDue: '2026-09-29', daysLater: 7, firstOnRecord: true },
    ]);
  });

  it('the next review: the case system three months and a week after the first review', () => {
    expect(differences([...inCare, { type: 'case-system-review-due', date: '2027-01-04' }])).toEqual([
      { held: null, caseSystemDue: '2027-01-04', keptDue: '2026-12-28', daysLater: 7, firstOnRecord: false },
    ]);
  });

  it('an earlier case-system date shows as negative days', () => {
    expect(differences([...inCare, { type: 'case-system-review-due', date: '2026-12-14' }])).toEqual([
      { held: null, caseSystemDue: '2026-12-14', keptDue: '2026-12-28', daysLater: -14, firstOnRecord: false },
    ]);
  });

  it('an unheld row from before the last review held is stale, not the next review', () => {
    expect(differences([...inCare, { type: 'case-system-review-due', date: '2026-09-20' }])).toEqual([]);
  });

  it('reviews held before `since` are left out', () => {
    expect(differences([...inCare, { type: 'case-system-review-due', date: '2026-10-06', held: '2026-09-28' }], '2026-10-01')).toEqual([]);
  });

  it('a next review in the case system for a child no longer looked after: Kept has none', () => {
    const left: Fact[] = [...inCare, { type: 'left-care', date: '2026-11-02', reason: 'returned-home' }, { type: 'case-system-review-due', date: '2026-12-28' }];
    expect(differences(left)).toEqual([{ held: null, caseSystemDue: '2026-12-28', keptDue: null, daysLater: null, firstOnRecord: false }]);
  });

  it('a held review Kept has no record of answers no due date', () => {
    const facts: Fact[] = [...inCare, { type: 'case-system-review-due', date: '2026-11-20', held: '2026-11-18' }];
    expect(differences(facts)).toEqual([{ held: '2026-11-18', caseSystemDue: '2026-11-20', keptDue: null, daysLater: null, firstOnRecord: false }]);
  });

  it('the second review is compared with three months from the first; the first on record is marked', () => {
    const facts: Fact[] = [
      ...inCare,
      { type: 'review', date: '2026-11-30' },
      { type: 'case-system-review-due', date: '2026-10-06', held: '2026-09-28' },
      { type: 'case-system-review-due', date: '2026-12-31', held: '2026-11-30' },
    ];
    expect(differences(facts)).toEqual([
      { held: '2026-09-28', caseSystemDue: '2026-10-06', keptDue: '2026-09-29', daysLater: 7, firstOnRecord: true },
      { held: '2026-11-30', caseSystemDue: '2026-12-31', keptDue: '2026-12-28', daysLater: 3, firstOnRecord: false },
    ]);
  });

  it('held reviews come in date order, the next review last', () => {
    const facts: Fact[] = [
      ...inCare,
      { type: 'case-system-review-due', date: '2027-01-04' },
      { type: 'case-system-review-due', date: '2026-10-06', held: '2026-09-28' },
    ];
    expect(differences(facts).map((d) => d.held)).toEqual(['2026-09-28', null]);
  });
});
