/**
 * The Annex A details of a child (annexA.ts's `AnnexADetails`) from the
 * facts the import keeps with their source rows. It reads the fact kinds
 * below when a child has them, and ignores every other: a kind the import
 * does not yet record leaves its column empty. `AnnexASourceFact` is the
 * shape each kind is read in, so the import's fact schemas can be checked
 * against it.
 */
import { addMonths, londonDayOf, toDayNumber } from './dates.js';
import type { AnnexADetails } from './annexA.js';
import { PERMANENCE_PLANS, type PermanencePlan } from './annexALabels.js';

/** The facts Annex A reads beyond the engine's (fields beyond `type` and `date` optional, as extracts leave them out). */
export type AnnexASourceFact =
  /** ssd_person: pers_sex and pers_ethnicity. */
  | { type: 'characteristics'; date: string; sex?: string; ethnicity?: string }
  /** ssd_legal_status: the SSDA903 legal status code and the day it began. */
  | { type: 'legal-status'; date: string; code: string }
  /** ssd_disability: a disability recorded, or `unknown`. */
  | { type: 'disability'; date: string; disabled?: boolean | 'unknown' }
  /** ssd_immigration_status: unaccompanied asylum-seeking from `date` until `end`. */
  | { type: 'immigration-status'; date: string; uasc: boolean; end?: string }
  /** The episode's category of need. */
  | { type: 'entered-care'; date: string; needCode?: string }
  /** The SSDA903 reason ceased. */
  | { type: 'left-care'; date: string; code?: string }
  /** The placement's SSDA903 type and provider, postcode, URN and council. */
  | { type: 'placement-started'; date: string; code?: string; provider?: string; postcode?: string; urn?: string; la?: string }
  /** Away from placement without authorisation (type A in ssd_missing). */
  | { type: 'absence'; start: string }
  /** A missing episode, with whether a return interview was offered and accepted. */
  | { type: 'missing-episode'; start: string; interviewOffered?: boolean; interviewAccepted?: boolean }
  | { type: 'iro-contact'; date: string }
  | { type: 'permanence-plan'; date: string; plan?: string }
  /** The involvement's team (invo_professional_team), or the care leaver's (clea_care_leaver_allocated_team). */
  | { type: 'allocated-team'; date: string; team: string }
  /** ssd_care_leavers: in touch, accommodation and its suitability, activity. */
  | { type: 'care-leaver-status'; date: string; inTouch?: string; accommodation?: string; accommodationSuitable?: boolean; activity?: string };

type Kind = AnnexASourceFact['type'];
type Of<K extends Kind> = Extract<AnnexASourceFact, { type: K }>;

const dayOf = (f: { date?: string; start?: string }): string => (f.date ?? (f.start ? new Date(f.start).toISOString() : '')).slice(0, 10);

/** The latest fact of a kind (by its date), or undefined. */
function latest<K extends Kind>(facts: readonly { type: string }[], kind: K): Of<K> | undefined {
  let best: Of<K> | undefined;
  for (const f of facts) {
    if (f.type !== kind) continue;
    const fact = f as Of<K>;
    if (!best || dayOf(fact) >= dayOf(best)) best = fact;
  }
  return best;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);

/**
 * Whether Kept holds the council's absences, so that a child with none has 0,
 * not unknown: it has imported an SSD extract carrying `ssd_missing`, the
 * case system's whole record of missing and absent episodes (an extract is
 * the case system's whole record, so a child with no row there has none).
 * Kept records no absence itself, so without that table the count is unknown.
 */
export function absencesHeld(ssdTables: ReadonlySet<string>): boolean {
  return ssdTables.has('ssd_missing');
}

/** What the facts say for Annex A, as of `todayIso`; `absencesKnown` (absencesHeld): no absence counts as none. */
export function annexADetails(facts: readonly { type: string }[], todayIso: string, absencesKnown = false): AnnexADetails {
  const today = toDayNumber(todayIso);
  const yearAgo = addMonths(today, -12);
  const details: AnnexADetails = {};
  const person = latest(facts, 'characteristics');
  if (str(person?.sex)) details.sex = str(person?.sex)!;
  if (str(person?.ethnicity)) details.ethnicity = str(person?.ethnicity)!;
  const legal = latest(facts, 'legal-status');
  if (legal && str(legal.code)) details.legalStatus = { code: legal.code.trim(), date: legal.date };
  const disability = latest(facts, 'disability');
  if (disability?.disabled !== undefined) {
    // The SSD records one row per disability, all of one date: any of the latest day's says disabled.
    const sameDay = facts.filter((f): f is Of<'disability'> => f.type === 'disability' && dayOf(f as Of<'disability'>) === dayOf(disability));
    details.disability = sameDay.some((f) => f.disabled === true) ? true : disability.disabled;
  }
  const uasc = facts.filter((f): f is Of<'immigration-status'> => f.type === 'immigration-status');
  if (uasc.length > 0) {
    // Within the last 12 months for list 8; "formerly" counts too for list 9, so any period that has begun counts.
    details.uasc = uasc.some((f) => f.uasc && toDayNumber(dayOf(f)) <= today && (f.end === undefined || toDayNumber(f.end.slice(0, 10)) > yearAgo));
  }
  const need = latest(facts, 'entered-care');
  if (str(need?.needCode)) details.needCode = str(need?.needCode)!;
  const ceased = latest(facts, 'left-care');
  if (str(ceased?.code)) details.reasonCeased = str(ceased?.code)!;
  const placement = latest(facts, 'placement-started');
  if (placement) {
    const p: NonNullable<AnnexADetails['placement']> = {};
    for (const key of ['code', 'provider', 'postcode', 'urn', 'la'] as const) {
      const value = str(placement[key]);
      if (value) p[key === 'code' ? 'type' : key] = value;
    }
    if (Object.keys(p).length > 0) details.placement = p;
  }
  const absences = facts.filter((f): f is Of<'absence'> => f.type === 'absence');
  if (absences.length > 0 || absencesKnown) details.absences = absences.map((f) => f.start);
  const missing = facts
    .filter((f): f is Of<'missing-episode'> => f.type === 'missing-episode')
    .sort((a, b) => londonDayOf(Date.parse(a.start)) - londonDayOf(Date.parse(b.start)))
    .at(-1);
  if (missing && (missing.interviewOffered !== undefined || missing.interviewAccepted !== undefined)) {
    details.returnInterview = {};
    if (missing.interviewOffered !== undefined) details.returnInterview.offered = missing.interviewOffered;
    if (missing.interviewAccepted !== undefined) details.returnInterview.accepted = missing.interviewAccepted;
  }
  const iro = latest(facts, 'iro-contact');
  if (iro) details.lastIroContact = iro.date;
  const plan = latest(facts, 'permanence-plan')?.plan;
  if (plan && (PERMANENCE_PLANS as readonly string[]).includes(plan)) details.permanencePlan = plan as PermanencePlan;
  const team = latest(facts, 'allocated-team');
  if (str(team?.team)) details.allocatedTeam = str(team?.team)!;
  const status = latest(facts, 'care-leaver-status');
  if (status) {
    const cl: NonNullable<AnnexADetails['careLeaver']> = {};
    if (str(status.inTouch)) cl.inTouch = str(status.inTouch)!;
    if (str(status.accommodation)) cl.accommodation = str(status.accommodation)!;
    if (typeof status.accommodationSuitable === 'boolean') cl.accommodationSuitable = status.accommodationSuitable;
    if (str(status.activity)) cl.activity = str(status.activity)!;
    details.careLeaver = cl;
  }
  return details;
}
