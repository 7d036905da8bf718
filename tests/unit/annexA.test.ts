import { describe, expect, it } from 'vitest';
import { annexA, type AnnexACell, CARE_LEAVER_COLUMNS, CHILDREN_IN_CARE_COLUMNS, csvText, placementCode } from '#domain/annexA.js';
import type { Fact } from '#domain/facts.js';

const TODAY = '2026-12-01';
const col = (columns: readonly string[], row: AnnexACell[]) => Object.fromEntries(columns.map((c, i) => [c, csvText(row[i]!)]));

// Hand-checked: C-1 in care since 2026-03-02, a long-term foster placement after a short one, a care order, a visit, a review,
// a health assessment, a dental check and two missing episodes, one over a year ago.
const c1: Fact[] = [
  { type: 'entered-care', date: '2026-03-02' },
  { type: 'placement-started', date: '2026-03-02', placementId: 'P1', longTerm: false, arrangement: 'foster' },
  { type: 'placement-ended', date: '2026-05-10', placementId: 'P1' },
  { type: 'placement-started', date: '2026-05-10', placementId: 'P2', longTerm: true, arrangement: 'foster' },
  { type: 'care-order', date: '2026-06-15' },
  { type: 'visit', date: '2026-11-20', seenAlone: true },
  { type: 'review', date: '2026-09-01', childParticipated: true },
  { type: 'health-assessment', date: '2026-03-25', kind: 'initial' },
  { type: 'dental-check', date: '2026-07-07' },
  { type: 'missing-episode', start: '2026-10-03T20:00:00Z', returned: '2026-10-04T09:00:00Z' },
];
// C-2 left care four months ago to special guardianship: still on list 8.
const c2: Fact[] = [
  { type: 'entered-care', date: '2024-01-10' },
  { type: 'placement-started', date: '2024-01-10', placementId: 'Q1', longTerm: false, arrangement: 'connected-person' },
  { type: 'left-care', date: '2026-08-01', reason: 'special-guardianship' },
];
// C-3 left care eight months ago: on neither list (not a care leaver: aged 10).
const c3: Fact[] = [{ type: 'entered-care', date: '2025-01-10' }, { type: 'left-care', date: '2026-04-01', reason: 'returned-home' }];
// C-4, 19, left care at 18 after years in care: a former relevant care leaver with a pathway plan and adviser contact.
const c4: Fact[] = [
  { type: 'entered-care', date: '2019-05-01' },
  { type: 'placement-started', date: '2019-05-01', placementId: 'R1', longTerm: true, arrangement: 'foster' },
  { type: 'left-care', date: '2025-06-01', reason: 'staying-put' },
  { type: 'pathway-plan', date: '2026-08-14' },
  { type: 'personal-adviser-contact', date: '2026-11-25' },
];
const children = [
  { child: { id: 'C-1', dateOfBirth: '2014-04-04' }, facts: c1, holderName: 'Sue Worker' },
  { child: { id: 'C-2', dateOfBirth: '2012-02-02' }, facts: c2, holderName: 'Sid Worker' },
  { child: { id: 'C-3', dateOfBirth: '2016-06-06' }, facts: c3, holderName: 'Sid Worker' },
  { child: { id: 'C-4', dateOfBirth: '2007-06-01' }, facts: c4, holderName: 'Sid Worker', personalAdviserName: 'Dana Pike', teamName: "Pat Lee's team" },
];

describe('Annex A', () => {
  it('list 8: children in care today and those who ceased in the last six months, hand-checked', () => {
    const t = annexA('children-in-care', children, TODAY);
    expect(t.columns).toBe(CHILDREN_IN_CARE_COLUMNS);
    expect(t.rows.map((r) => r[0])).toEqual(['C-1', 'C-2']);
    expect(col(t.columns, t.rows[0]!)).toMatchObject({
      'Child Unique ID': 'C-1',
      'Date of Birth': '04/04/2014',
      'Age of Child (Years)': '12',
      'Date Started to be Looked After': '02/03/2026',
      'Is this a second or subsequent period of being a Looked After Child within the last 12 months (Y/N)': 'b) No',
      'Start date of current legal status': '15/06/2026',
      "Child's Legal Status": 'C2: FCO',
      'Date of Latest Statutory Review': '01/09/2026',
      'Date of Last Social Work Visit': '20/11/2026',
      'Date of Last Health Assessment': '25/03/2026',
      'Date of Last Dental Check': '07/07/2026',
      'Number of Placements in the Last 12 months': '2',
      'Date Ceased to be Looked After': '',
      'Start Date of Most Recent Placement': '10/05/2026',
      'Placement Type': 'd) U4: Foster placement - long term',
      "Number of Episodes the Child has been 'Missing' from their Placement in the last 12 months": '1',
      'Allocated Worker': 'Sue Worker',
      Gender: '',
    });
    // Dates are days and counts numbers, for the spreadsheet.
    expect(t.rows[0]![3]).toEqual({ day: '2014-04-04' });
    expect(t.rows[0]![4]).toBe(12);
    expect(col(t.columns, t.rows[1]!)).toMatchObject({
      'Date Ceased to be Looked After': '01/08/2026',
      // Special guardianship is E45 to E48: Kept cannot tell which without the extract's code.
      'Reason Ceased to be Looked After': '',
      'Placement Type': 'c) U3: Foster placement - relative - not FFA',
      'Number of Placements in the Last 12 months': '1',
    });
  });

  it('list 9: care leavers, hand-checked', () => {
    const t = annexA('care-leavers', children, TODAY);
    expect(t.columns).toBe(CARE_LEAVER_COLUMNS);
    expect(t.rows).toHaveLength(1);
    expect(col(t.columns, t.rows[0]!)).toEqual({
      'Child Unique ID': 'C-4', Gender: '', Ethnicity: '', 'Date of Birth': '01/06/2007', 'Age of Child (Years)': '19',
      'Unaccompanied Asylum Seeking Child (UASC), or formerly UASC if 18 or over (Y/N)': '',
      'Does the Child have a Disability': '', 'Eligibility Category': 'b) Former relevant child', 'LA in Touch': '',
      'Latest Date of Contact': '25/11/2026', 'Type of Accommodation': '', 'Suitability of Accommodation': '', 'Activity Status': '',
      'Latest Pathway Plan Review Date': '14/08/2026', 'Allocated Personal Advisor': 'Dana Pike', 'Allocated Team': "Pat Lee's team", 'Allocated Worker': 'Sid Worker',
    });
  });

  it('placement codes where Kept terms name exactly one', () => {
    expect(placementCode('connected-person', true)).toBe('U1');
    expect(placementCode('parent-interim-care-order', false)).toBe('P1');
    expect(placementCode('residential', false)).toBeUndefined();
  });
});
