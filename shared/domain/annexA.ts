/**
 * Ofsted's ILACS Annex A lists built from what Kept holds: list 8, children
 * in care (every child looked after on the day, and those who ceased to be
 * in the six months before), and list 9, care leavers (Kept's relevant and
 * former relevant young people under the adviser age limit).
 *
 * Columns have the template's headings in the template's order, values its
 * drop-down labels (annexALabels.ts); dates are days and counts numbers, so
 * a spreadsheet holds them as dates and numbers. What the due-date engine
 * does not read (sex, ethnicity, legal status code, provider and so on)
 * comes in as `AnnexADetails`, filled from the case system's extract; a
 * column with neither a fact nor a detail behind it is left empty, never
 * guessed.
 */
import { addMonths, ageOn, londonDayOf, toDayNumber, toIsoDate, type DayNumber } from './dates.js';
import type { Fact, FactOf } from './facts.js';
import { buildHistory, type ChildHistory } from './history.js';
import { careLeaver } from './rules/rule.js';
import * as L from './annexALabels.js';

export const ANNEX_A_LISTS = ['children-in-care', 'care-leavers'] as const;
export type AnnexAList = (typeof ANNEX_A_LISTS)[number];

/** The template's sheet for each list. */
export const ANNEX_A_SHEETS: Readonly<Record<AnnexAList, string>> = { 'children-in-care': 'List 8', 'care-leavers': 'List 9' };

export const CHILDREN_IN_CARE_COLUMNS = [
  'Child Unique ID',
  'Gender',
  'Ethnicity',
  'Date of Birth',
  'Age of Child (Years)',
  'Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N)',
  'Does the Child have a Disability',
  'Date Started to be Looked After',
  "Child's Category of Need",
  'Is this a second or subsequent period of being a Looked After Child within the last 12 months (Y/N)',
  'Start date of current legal status',
  "Child's Legal Status",
  'Date of Latest Statutory Review',
  'Date of Last Social Work Visit',
  'What is the permanence plan for this child?',
  'Date of Last IRO Visit / Contact to the Child',
  'Date of Last Health Assessment',
  'Date of Last Dental Check',
  'Number of Placements in the Last 12 months',
  'Date Ceased to be Looked After',
  'Reason Ceased to be Looked After',
  'Start Date of Most Recent Placement',
  'Placement Type',
  'Placement Provider',
  'Placement postcode',
  'URN of Placement',
  'Placement Location',
  'LA of Placement',
  "Number of Episodes the Child has been 'Missing' from their Placement in the last 12 months",
  "Number of Episodes the Child has been 'Absent' from their Placement in the last 12 months",
  'Was the child offered a Return Interview after their last missing episode (Y/N)?',
  'Did the child accept a Return Interview after their last missing episode (Y/N)?',
  'Allocated Team',
  'Allocated Worker',
] as const;

export const CARE_LEAVER_COLUMNS = [
  'Child Unique ID',
  'Gender',
  'Ethnicity',
  'Date of Birth',
  'Age of Child (Years)',
  'Unaccompanied Asylum Seeking Child (UASC), or formerly UASC if 18 or over (Y/N)',
  'Does the Child have a Disability',
  'Allocated Team',
  'Allocated Worker',
  'Allocated Personal Advisor',
  'Eligibility Category',
  'Latest Pathway Plan Review Date',
  'LA in Touch',
  'Latest Date of Contact',
  'Type of Accommodation',
  'Suitability of Accommodation',
  'Activity Status',
] as const;

/** A calendar day (ISO `YYYY-MM-DD`), written as a date: DD/MM/YYYY in CSV, a date cell in XLSX. */
export interface AnnexADay {
  readonly day: string;
}
/** A cell: text, a whole number, a day, or empty (null). */
export type AnnexACell = string | number | AnnexADay | null;

export const isAnnexADay = (cell: AnnexACell): cell is AnnexADay => typeof cell === 'object' && cell !== null;

/**
 * What the case system says about a child that the due-date engine does not
 * read, each optional: codes as the SSD and the SSDA903 return give them.
 * A field left out leaves its column empty.
 */
export interface AnnexADetails {
  /** M, F, U (not stated or not recorded) or N (neither): the SSD's pers_sex. */
  sex?: string;
  /** The DfE ethnicity code (WBRI ... NOBT). */
  ethnicity?: string;
  /** Unaccompanied asylum-seeking at some time in the last 12 months (list 8), or ever (list 9: "formerly UASC"). */
  uasc?: boolean;
  disability?: boolean | 'unknown';
  /** The category of need of the latest episode (N0 to N9). */
  needCode?: string;
  /** The latest legal status: its SSDA903 code and the day it began. Without it a care order gives C2. */
  legalStatus?: { code: string; date: string };
  permanencePlan?: L.PermanencePlan;
  /** The IRO's last visit to or contact with the child. */
  lastIroContact?: string;
  /** The SSDA903 reason the latest episode ended, when it has (E11 ... E17). Without it Kept's reason gives a code where it names one. */
  reasonCeased?: string;
  /** The latest placement: SSDA903 placement type and provider codes, postcode, Ofsted URN, the council it is in (an English council's name, or NIR, WAL, SCO, NUK, CON). */
  placement?: { type?: string; provider?: string; postcode?: string; urn?: string; la?: string };
  /** When each episode of absence (away from placement without authorisation, not missing) began: ISO instants; undefined when Kept cannot know (blank, not 0). */
  absences?: readonly string[];
  /** Whether a return interview was offered and accepted after the latest missing episode. Kept's own record of an interview held counts as both. */
  returnInterview?: { offered?: boolean; accepted?: boolean };
  /** The allocated team as the case system names it; without it the service gives the case holder's team. */
  allocatedTeam?: string;
  /** The care leaver's latest in-touch code (YES, NO, DIED, REFU, NREQ, RHOM), accommodation (SSDA903 letter), its suitability, and activity (F1 ... G6). */
  careLeaver?: { inTouch?: string; accommodation?: string; accommodationSuitable?: boolean; activity?: string };
}

export interface AnnexAChild {
  child: { id: string; dateOfBirth: string };
  facts: readonly Fact[];
  /** The name of the member of staff who holds the case (the social worker). */
  holderName: string;
  /** The name of the child's personal adviser, if the team has one. */
  personalAdviserName?: string | undefined;
  /** The team that holds the case, as the council names it. */
  teamName?: string | undefined;
  details?: AnnexADetails | undefined;
}

export interface AnnexATable {
  list: AnnexAList;
  sheet: string;
  columns: readonly string[];
  rows: AnnexACell[][];
}

const day = (d: DayNumber | null | undefined): AnnexADay | null =>
  d === null || d === undefined || !Number.isFinite(d) ? null : { day: toIsoDate(d) };
const isoDay = (iso: string | undefined): AnnexADay | null => (iso ? { day: iso.slice(0, 10) } : null);
const yesNo = (v: boolean | undefined): string | null => (v === undefined ? null : v ? L.YES : L.NO);
const yesNoUnknown = (v: boolean | 'unknown' | undefined): string | null => (v === 'unknown' ? L.UNKNOWN : yesNo(v));
const text = (v: string | undefined): string | null => (v === undefined || v.trim() === '' ? null : v.trim());

type Arrangement = FactOf<'placement-started'>['arrangement'];

/**
 * The SSDA903 placement code where Kept's arrangement names exactly one
 * (residential, supported accommodation and "other" each cover several, so
 * give none: the extract's own code is needed for those).
 */
export function placementCode(arrangement: Arrangement, longTerm: boolean): string | undefined {
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
    default:
      return undefined;
  }
}

/**
 * Kept's reasons for leaving care that name exactly one SSDA903 code
 * (adoption, special guardianship, returning home, independent living and
 * "other" each cover several).
 */
const REASON_CODES: Partial<Record<FactOf<'left-care'>['reason'], string>> = {
  died: 'E2',
  transferred: 'E3',
  'child-arrangements-order': 'E41',
  'staying-put': 'E17',
};

const inWindow = (d: DayNumber, from: DayNumber, to: DayNumber) => d > from && d <= to;

function placementsInYear(facts: readonly Fact[], yearAgo: DayNumber, today: DayNumber): number {
  const ended = new Map<string, DayNumber>();
  for (const f of facts) if (f.type === 'placement-ended') ended.set(f.placementId, toDayNumber(f.date));
  return facts.filter((f) => f.type === 'placement-started' && toDayNumber(f.date) <= today && (ended.get(f.placementId) ?? today) > yearAgo).length;
}

/** The latest legal status: the extract's, or else a care order in the episode (C2, a full care order). */
function legalStatus(h: ChildHistory, details: AnnexADetails): { code: string | null; date: AnnexADay | null } {
  const given = details.legalStatus;
  if (given && (h.careOrder === null || toDayNumber(given.date.slice(0, 10)) >= h.careOrder)) {
    return { code: L.labelOf(L.LEGAL_STATUS, given.code), date: isoDay(given.date) };
  }
  return h.careOrder !== null ? { code: L.LEGAL_STATUS.C2!, date: day(h.careOrder) } : { code: null, date: null };
}

/** Offered and accepted a return interview after the latest missing episode: yes to both if Kept records one held on or after it began. */
function returnInterview(facts: readonly Fact[], details: AnnexADetails): { offered: string | null; accepted: string | null } {
  const starts = facts.filter((f): f is FactOf<'missing-episode'> => f.type === 'missing-episode').map((f) => londonDayOf(Date.parse(f.start)));
  if (starts.length === 0) return { offered: null, accepted: null };
  const last = Math.max(...starts);
  const held = facts.some((f) => f.type === 'return-home-interview' && toDayNumber(f.date) >= last);
  if (held) return { offered: L.YES, accepted: L.YES };
  return { offered: yesNo(details.returnInterview?.offered), accepted: yesNo(details.returnInterview?.accepted) };
}

function reasonCeased(h: ChildHistory, details: AnnexADetails): string | null {
  const e = h.episode!;
  if (e.end === null) return null;
  if (details.reasonCeased) return L.labelOf(L.REASON_CEASED, details.reasonCeased);
  const code = e.leftReason ? REASON_CODES[e.leftReason] : undefined;
  return code ? L.REASON_CEASED[code]! : null;
}

function childInCareRow(c: AnnexAChild, h: ChildHistory, today: DayNumber): AnnexACell[] {
  const d = c.details ?? {};
  const yearAgo = addMonths(today, -12);
  const e = h.episode!;
  const lastPlacement = [...c.facts]
    .filter((f): f is FactOf<'placement-started'> => f.type === 'placement-started')
    .sort((a, b) => a.date.localeCompare(b.date))
    .at(-1);
  const earlierInYear = h.episodes.some((x) => x !== e && x.end !== null && x.end > yearAgo);
  const countInYear = (instants: readonly string[]) => instants.filter((i) => inWindow(londonDayOf(Date.parse(i)), yearAgo, today)).length;
  const missing = countInYear(c.facts.flatMap((f) => (f.type === 'missing-episode' ? [f.start] : [])));
  const legal = legalStatus(h, d);
  const interview = returnInterview(c.facts, d);
  const placementType = d.placement?.type ?? (lastPlacement ? placementCode(lastPlacement.arrangement, lastPlacement.longTerm) : undefined);
  const la = L.labelOf(L.LA_OUTSIDE_ENGLAND, d.placement?.la);
  const byColumn: Record<(typeof CHILDREN_IN_CARE_COLUMNS)[number], AnnexACell> = {
    'Child Unique ID': c.child.id,
    Gender: L.labelOf(L.GENDER, d.sex),
    Ethnicity: L.labelOf(L.ETHNICITY, d.ethnicity),
    'Date of Birth': day(h.dateOfBirth),
    'Age of Child (Years)': ageOn(h.dateOfBirth, today),
    'Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N)': yesNo(d.uasc),
    'Does the Child have a Disability': yesNoUnknown(d.disability),
    'Date Started to be Looked After': day(e.start),
    "Child's Category of Need": L.labelOf(L.NEED, d.needCode),
    'Is this a second or subsequent period of being a Looked After Child within the last 12 months (Y/N)': earlierInYear && e.start > yearAgo ? L.YES : L.NO,
    'Start date of current legal status': legal.date,
    "Child's Legal Status": legal.code,
    'Date of Latest Statutory Review': day(h.lastReview),
    'Date of Last Social Work Visit': day(h.lastVisit),
    'What is the permanence plan for this child?': d.permanencePlan ? L.PERMANENCE[d.permanencePlan] : null,
    'Date of Last IRO Visit / Contact to the Child': isoDay(d.lastIroContact),
    'Date of Last Health Assessment': day(h.lastHealthAssessment),
    'Date of Last Dental Check': day(h.lastDentalCheck),
    'Number of Placements in the Last 12 months': placementsInYear(c.facts, yearAgo, today),
    'Date Ceased to be Looked After': day(e.end),
    'Reason Ceased to be Looked After': reasonCeased(h, d),
    'Start Date of Most Recent Placement': lastPlacement ? isoDay(lastPlacement.date) : null,
    'Placement Type': L.labelOf(L.PLACEMENT_TYPE, placementType),
    'Placement Provider': L.labelOf(L.PROVIDER, d.placement?.provider),
    'Placement postcode': text(d.placement?.postcode),
    'URN of Placement': text(d.placement?.urn),
    'Placement Location': lastPlacement?.outOfArea === undefined ? null : lastPlacement.outOfArea ? 'b) Out' : 'a) In',
    'LA of Placement': la,
    "Number of Episodes the Child has been 'Missing' from their Placement in the last 12 months": missing,
    "Number of Episodes the Child has been 'Absent' from their Placement in the last 12 months": d.absences ? countInYear(d.absences) : null,
    'Was the child offered a Return Interview after their last missing episode (Y/N)?': interview.offered,
    'Did the child accept a Return Interview after their last missing episode (Y/N)?': interview.accepted,
    'Allocated Team': text(d.allocatedTeam ?? c.teamName),
    'Allocated Worker': text(c.holderName),
  };
  return CHILDREN_IN_CARE_COLUMNS.map((col) => byColumn[col]);
}

function careLeaverRow(c: AnnexAChild, h: ChildHistory, today: DayNumber): AnnexACell[] {
  const d = c.details ?? {};
  const cl = d.careLeaver ?? {};
  const age = ageOn(h.dateOfBirth, today);
  const byColumn: Record<(typeof CARE_LEAVER_COLUMNS)[number], AnnexACell> = {
    'Child Unique ID': c.child.id,
    Gender: L.labelOf(L.GENDER, d.sex),
    Ethnicity: L.labelOf(L.ETHNICITY, d.ethnicity),
    'Date of Birth': day(h.dateOfBirth),
    'Age of Child (Years)': age,
    'Unaccompanied Asylum Seeking Child (UASC), or formerly UASC if 18 or over (Y/N)': yesNo(d.uasc),
    'Does the Child have a Disability': yesNoUnknown(d.disability),
    'Allocated Team': text(d.allocatedTeam ?? c.teamName),
    'Allocated Worker': text(c.holderName),
    'Allocated Personal Advisor': text(c.personalAdviserName),
    // Kept's care leavers have left care after qualifying as eligible: relevant until 18, former relevant after.
    'Eligibility Category': age < 18 ? L.ELIGIBILITY.relevant : L.ELIGIBILITY.formerRelevant,
    'Latest Pathway Plan Review Date': day(h.lastPathwayPlan),
    'LA in Touch': L.labelOf(L.IN_TOUCH, cl.inTouch),
    'Latest Date of Contact': day(h.lastAdviserContactAfterLeaving),
    'Type of Accommodation': L.labelOf(L.ACCOMMODATION, cl.accommodation?.trim().slice(0, 1)),
    'Suitability of Accommodation': cl.accommodationSuitable === undefined ? null : cl.accommodationSuitable ? L.SUITABLE : L.UNSUITABLE,
    'Activity Status': L.labelOf(L.ACTIVITY, cl.activity),
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
  const rows: AnnexACell[][] = [];
  for (const c of [...children].sort((a, b) => a.child.id.localeCompare(b.child.id))) {
    const h = buildHistory(c.child, c.facts, todayIso);
    if (!h.episode) continue;
    if (list === 'children-in-care') {
      if (h.lookedAfter || (h.episode.end !== null && h.episode.end > sixMonthsAgo)) rows.push(childInCareRow(c, h, today));
    } else if (!h.lookedAfter && careLeaver(h, careLeaverUntilAge)) rows.push(careLeaverRow(c, h, today));
  }
  return { list, sheet: ANNEX_A_SHEETS[list], columns: list === 'children-in-care' ? CHILDREN_IN_CARE_COLUMNS : CARE_LEAVER_COLUMNS, rows };
}

/** A cell as CSV text: a day as DD/MM/YYYY (the template's date format), a number in digits, empty as nothing. */
export function csvText(cell: AnnexACell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return String(cell);
  if (typeof cell === 'string') return cell;
  const [y, m, d] = cell.day.split('-');
  return `${d}/${m}/${y}`;
}
