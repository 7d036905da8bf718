/**
 * Ofsted's ILACS Annex A lists built from what Kept holds: list 8, children
 * in care (every child looked after on the day, and those who ceased to be
 * in the six months before), and list 9, care leavers (Kept's relevant and
 * former relevant young people under the adviser age limit). Columns in the
 * order and with the headings of Annex A; dates DD/MM/YYYY. A column Kept
 * does not hold (gender, ethnicity, disability, UASC, category of need,
 * provider, postcode, URN, IRO visits, team, accommodation and activity)
 * is left empty for the council to fill from its case system. Codes:
 * placement types and reasons ceased are written as SSDA903 codes where
 * Kept's terms map to exactly one code, and in Kept's words otherwise.
 */
import { addMonths, ageOn, londonDayOf, toDayNumber, toIsoDate, type DayNumber } from './dates.js';
import type { Fact, FactOf } from './facts.js';
import { buildHistory, type ChildHistory } from './history.js';
import { careLeaver } from './rules/rule.js';

export const ANNEX_A_LISTS = ['children-in-care', 'care-leavers'] as const;
export type AnnexAList = (typeof ANNEX_A_LISTS)[number];

export const CHILDREN_IN_CARE_COLUMNS = [
  'Child Unique ID', 'Gender', 'Ethnicity', 'Date of Birth', 'Age of Child (Years)', 'UASC', 'Does the Child have a Disability',
  'Date Started to be Looked After', "Child's Category of Need", 'Subsequent LAC Episode within the last 12 months',
  'Date of Most Recent Legal Status', 'Legal Status', 'Date of Latest Statutory Review', 'Date of Last Social Work Visit',
  'Permanence Plan', 'Date of Last IRO Visit', 'Date of Last Health Assessment', 'Date of Last Dental Check',
  'Number of Placements in the last 12 months', 'Date Ceased to be Looked After', 'Reason Ceased to be Looked After',
  'Date of Most Recent Placement', 'Placement Type', 'Placement Provider', 'Placement Postcode', 'Placement URN',
  'Number of Episodes Missing from Placement in the last 12 months', 'Number of Episodes Absent from Placement in the last 12 months',
  'Allocated Team', 'Allocated Worker',
] as const;

export const CARE_LEAVER_COLUMNS = [
  'Child Unique ID', 'Gender', 'Ethnicity', 'Date of Birth', 'Age of Young Person (Years)', 'UASC', 'Does the Young Person have a Disability',
  'Eligibility Category', 'LA in Touch', 'Latest Date of Contact', 'Type of Accommodation', 'Suitability of Accommodation',
  'Activity Status', 'Latest Pathway Plan Review Date', 'Allocated Personal Adviser', 'Allocated Team', 'Allocated Worker',
] as const;

export interface AnnexAChild {
  child: { id: string; dateOfBirth: string };
  facts: readonly Fact[];
  /** The name of the member of staff who holds the case. */
  holderName: string;
}

export interface AnnexATable {
  columns: readonly string[];
  rows: string[][];
}

const ukDate = (day: DayNumber | null | undefined): string => {
  if (day === null || day === undefined || !Number.isFinite(day)) return '';
  const [y, m, d] = toIsoDate(day).split('-');
  return `${d}/${m}/${y}`;
};

type Arrangement = FactOf<'placement-started'>['arrangement'];

/** The SSDA903 placement code where Kept's arrangement names exactly one. */
export function placementCode(arrangement: Arrangement, longTerm: boolean): string {
  switch (arrangement) {
    case 'foster':
      return longTerm ? 'U4' : 'U6';
    case 'connected-person':
    case 'connected-person-temporary':
      return longTerm ? 'U1' : 'U3';
    case 'parent-pending-assessment':
    case 'parent-interim-care-order':
    case 'parent-care-order':
      return 'P1';
    case undefined:
      return '';
    default:
      return arrangement;
  }
}

const REASON_CODES: Partial<Record<FactOf<'left-care'>['reason'], string>> = {
  died: 'E2',
  transferred: 'E3',
  'child-arrangements-order': 'E41',
  'staying-put': 'E17',
};

const inWindow = (day: DayNumber, from: DayNumber, to: DayNumber) => day > from && day <= to;

function placementsInYear(facts: readonly Fact[], yearAgo: DayNumber, today: DayNumber): number {
  const ended = new Map<string, DayNumber>();
  for (const f of facts) if (f.type === 'placement-ended') ended.set(f.placementId, toDayNumber(f.date));
  return facts.filter((f) => f.type === 'placement-started' && toDayNumber(f.date) <= today && (ended.get(f.placementId) ?? today) > yearAgo).length;
}

function childInCareRow(c: AnnexAChild, h: ChildHistory, today: DayNumber): string[] {
  const yearAgo = addMonths(today, -12);
  const e = h.episode!;
  const lastPlacement = [...c.facts].filter((f): f is FactOf<'placement-started'> => f.type === 'placement-started').sort((a, b) => a.date.localeCompare(b.date)).at(-1);
  const earlierInYear = h.episodes.some((x) => x !== e && x.end !== null && x.end > yearAgo);
  const missing = c.facts.filter((f) => f.type === 'missing-episode' && inWindow(londonDayOf(Date.parse(f.start)), yearAgo, today)).length;
  const byColumn: Record<(typeof CHILDREN_IN_CARE_COLUMNS)[number], string> = {
    'Child Unique ID': c.child.id,
    Gender: '',
    Ethnicity: '',
    'Date of Birth': ukDate(h.dateOfBirth),
    'Age of Child (Years)': String(ageOn(h.dateOfBirth, today)),
    UASC: '',
    'Does the Child have a Disability': '',
    'Date Started to be Looked After': ukDate(e.start),
    "Child's Category of Need": '',
    'Subsequent LAC Episode within the last 12 months': earlierInYear && e.start > yearAgo ? 'a) Yes' : 'b) No',
    'Date of Most Recent Legal Status': ukDate(h.careOrder),
    'Legal Status': h.careOrder !== null ? 'C2' : '',
    'Date of Latest Statutory Review': ukDate(h.lastReview),
    'Date of Last Social Work Visit': ukDate(h.lastVisit),
    'Permanence Plan': '',
    'Date of Last IRO Visit': '',
    'Date of Last Health Assessment': ukDate(h.lastHealthAssessment),
    'Date of Last Dental Check': ukDate(h.lastDentalCheck),
    'Number of Placements in the last 12 months': String(placementsInYear(c.facts, yearAgo, today)),
    'Date Ceased to be Looked After': ukDate(e.end),
    'Reason Ceased to be Looked After': e.leftReason ? (REASON_CODES[e.leftReason] ?? e.leftReason) : e.endedBy === 'age-18' ? 'age-18' : '',
    'Date of Most Recent Placement': lastPlacement ? ukDate(toDayNumber(lastPlacement.date)) : '',
    'Placement Type': lastPlacement ? placementCode(lastPlacement.arrangement, lastPlacement.longTerm) : '',
    'Placement Provider': '',
    'Placement Postcode': '',
    'Placement URN': '',
    'Number of Episodes Missing from Placement in the last 12 months': String(missing),
    'Number of Episodes Absent from Placement in the last 12 months': '',
    'Allocated Team': '',
    'Allocated Worker': c.holderName,
  };
  return CHILDREN_IN_CARE_COLUMNS.map((col) => byColumn[col]);
}

function careLeaverRow(c: AnnexAChild, h: ChildHistory, today: DayNumber): string[] {
  const age = ageOn(h.dateOfBirth, today);
  const byColumn: Record<(typeof CARE_LEAVER_COLUMNS)[number], string> = {
    'Child Unique ID': c.child.id,
    Gender: '',
    Ethnicity: '',
    'Date of Birth': ukDate(h.dateOfBirth),
    'Age of Young Person (Years)': String(age),
    UASC: '',
    'Does the Young Person have a Disability': '',
    'Eligibility Category': age < 18 ? 'Relevant' : 'Former relevant',
    'LA in Touch': '',
    'Latest Date of Contact': ukDate(h.lastAdviserContactAfterLeaving),
    'Type of Accommodation': '',
    'Suitability of Accommodation': '',
    'Activity Status': '',
    'Latest Pathway Plan Review Date': ukDate(h.lastPathwayPlan),
    'Allocated Personal Adviser': c.holderName,
    'Allocated Team': '',
    'Allocated Worker': c.holderName,
  };
  return CARE_LEAVER_COLUMNS.map((col) => byColumn[col]);
}

/**
 * The list's rows, by case reference. `careLeaverUntilAge` is the council's
 * personal adviser age limit (25 unless its policy says otherwise).
 */
export function annexA(list: AnnexAList, children: readonly AnnexAChild[], todayIso: string, careLeaverUntilAge = 25): AnnexATable {
  const today = toDayNumber(todayIso);
  const sixMonthsAgo = addMonths(today, -6);
  const rows: string[][] = [];
  for (const c of [...children].sort((a, b) => a.child.id.localeCompare(b.child.id))) {
    const h = buildHistory(c.child, c.facts, todayIso);
    if (!h.episode) continue;
    if (list === 'children-in-care') {
      if (h.lookedAfter || (h.episode.end !== null && h.episode.end > sixMonthsAgo)) rows.push(childInCareRow(c, h, today));
    } else if (!h.lookedAfter && careLeaver(h, careLeaverUntilAge)) rows.push(careLeaverRow(c, h, today));
  }
  return { columns: list === 'children-in-care' ? CHILDREN_IN_CARE_COLUMNS : CARE_LEAVER_COLUMNS, rows };
}
