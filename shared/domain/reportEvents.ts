/**
 * A child's report events: what the on-time figures and the review dates
 * list need of the child, worked out once when the child's projection is
 * written, so a report adds these up instead of replaying the engine over
 * every history on each request.
 *
 * Only dates are kept, never verdicts: which period an instance falls in,
 * whether an open one is late and what is owed on the last day of a period
 * are worked out when the report is read. The engine's replay is run once
 * over all the facts (#domain/onTimeReplay); since a day's replay depends
 * only on the facts up to that day, the replay up to any `to` is the
 * instances counted on days up to `to`, then the step at `to`, which needs
 * only what was held and owed on the evening of the last day before it (or
 * on the birthdays since, when the engine's answer moves with time alone).
 * The status figures on `to` (care leavers, stability, distance) read the
 * few facts that describe the child's care, kept as they are.
 *
 * Kept per council policy: events worked out under another policy, or by
 * another version of this code, are read as missing, and the report replays
 * that child's facts instead.
 */
import { birthday, toDayNumber, toIsoDate } from './dates.js';
import { type Child, type Fact, factDate, reviewParticipated } from './facts.js';
import { computeObligations, nextRecomputeDate } from './obligations.js';
import type { ResolvedPolicy } from './policy.js';
import { schoolAgeEnds } from './rules/pep.js';
import { type DueInstance, HEALTH_ASSESSMENTS, REVIEWS, type ReplayTrace, VISITS, chronology, dueOf, replay } from './onTimeReplay.js';
import { matchReturnInterviews } from './onTimeReturns.js';
import { eventsKey } from './reportEventsKey.js';

export const REPORT_EVENTS_VERSION = 1;

/** The tracks replayed, in this order: visits, reviews, health assessments. */
export const EVENT_TRACKS = [VISITS, REVIEWS, HEALTH_ASSESSMENTS] as const;
/** The obligations whose due date on `to` is kept: the three tracks', then the PEP's and the pathway plan's. */
export const OWED_KINDS = [...EVENT_TRACKS.map((t) => t.kinds), ['pep'], ['pathway-plan', 'pathway-plan-review']] as const;
const PEP = EVENT_TRACKS.length;
const PATHWAY = PEP + 1;

/** Facts read as they are: complaints and IRO alerts (their working days), and the child's care (history, stability, care leavers' returns). */
const EVENT_TYPES = new Set<string>(['complaint', 'complaint-response', 'iro-alert', 'iro-alert-response']);
const STATUS_TYPES = new Set<string>(['entered-care', 'placement-started', 'placement-ended', 'left-care', 'care-order', 'placement-plan', 'fewer-visits-agreed', 'care-leaver-status']);

type Day = string;
/** A day as a number (#domain/dates DayNumber): kept so, a day is 5 digits, not a 12-character string. */
type DayNo = number;
type Flag = 0 | 1;
/** An instance done on a day, or not done: its due day, then null and the day the replay counted it. */
export type KeptInstance = [due: DayNo, doneOn: DayNo] | [due: DayNo, doneOn: null, countedOn: DayNo];
/** A due date owed from a day on: from a day replayed, or (a third element, 1) from a day the engine's answer moved with time alone. */
export type OwedStep = [from: DayNo, due: DayNo | null] | [from: DayNo, due: DayNo | null, byTime: 1];

export interface ReportEvents {
  version: number;
  /** The policy the events were worked out under (policyMark). */
  policy: string;
  dateOfBirth: Day;
  /** Per track (EVENT_TRACKS), each instance in the replay's order. */
  instances: KeptInstance[][];
  /**
   * Per OWED_KINDS, the due date owed, only the days it changed. The
   * replay's held due date on a day is the owed one of the last day replayed.
   */
  owed: OwedStep[][];
  visits: Array<[DayNo, Flag]>;
  /** Reviews the participation figure counts (PN0 left out), and whether the child took part. */
  participation: Array<[DayNo, Flag]>;
  sdq: Array<[DayNo, number]>;
  /** Returns from missing, and whether their interview was in time. */
  returns: Array<[DayNo, Flag]>;
  /** Complaints and IRO alerts, and the facts of the child's care, in date order. */
  events: Fact[];
  status: Fact[];
  /** For the review dates list: the case system's review rows [due, held], the days the child came into care and every review's day. */
  caseSystem: Array<[DayNo, DayNo | null]>;
  cameIntoCare: DayNo[];
  reviews: DayNo[];
  /** The latest day of a fact the engine reads (the case system's review dates aside). */
  lastDate: DayNo | null;
}

/** What a period's figures read of one child, from its facts or from its events. */
export interface PeriodInputs {
  /** Visits, reviews and health assessments: every due instance up to `to` (replayDueInstances). */
  instances: DueInstance[][];
  visits: Array<[Day, Flag | boolean]>;
  participation: Array<[Day, Flag | boolean]>;
  sdq: Array<[Day, number]>;
  returns: Array<[Day, Flag | boolean]>;
  /** Facts up to `to`, in date order. */
  events: readonly Fact[];
  status: readonly Fact[];
  /** The due date owed on `to` of OWED_KINDS[3] (PEP) or [4] (pathway plan). */
  owedOn: (which: 'pep' | 'pathway') => Day | null;
}

/** JSON with each object's keys in order, so a policy read back from the store marks as the one it was written from. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** A mark of the policy's timescales (FNV-1a of its JSON; who answers for what changes no date): events kept under another are stale. */
export function policyMark(policy: ResolvedPolicy): string {
  const { responsibility: _responsibility, ...timescales } = policy;
  const text = canonical(timescales);
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return `${REPORT_EVENTS_VERSION}:${(h >>> 0).toString(36)}`;
}

/** Events kept by this code, under this policy, for this child: anything else is read as missing. */
export function currentEvents(events: ReportEvents | undefined, child: Child, mark: string): events is ReportEvents {
  return events?.version === REPORT_EVENTS_VERSION && events.policy === mark && events.dateOfBirth === child.dateOfBirth;
}

/** The `eventsKey` of events current for this child under this policy mark. */
export const currentEventsKey = (child: Child, mark: string) => eventsKey({ version: REPORT_EVENTS_VERSION, policy: mark, dateOfBirth: child.dateOfBirth });

/** Days on which the engine's answer may move with time alone: the birthdays nextRecomputeDate names, and school age's start and end. */
function timeSteps(child: Child, policy: ResolvedPolicy): Day[] {
  const dob = toDayNumber(child.dateOfBirth);
  const days = new Set<Day>([toIsoDate(birthday(dob, policy.pep.fromAge)), toIsoDate(schoolAgeEnds(dob, policy.pep.untilAge) + 1)]);
  for (let day = nextRecomputeDate(child, child.dateOfBirth, policy); day !== null; day = nextRecomputeDate(child, day, policy)) days.add(day);
  return [...days].sort();
}

/** Pure: a child's events, from its effective facts (any order). */
export function reportEvents(child: Child, facts: readonly Fact[], policy: ResolvedPolicy): ReportEvents {
  const n = toDayNumber;
  const dated = chronology(facts, '9999-12-31');
  const trace: ReplayTrace = { countedOn: [], days: [] };
  const replayed = replay(child, dated, '9999-12-31', policy, EVENT_TRACKS, trace);
  const instances = replayed.map((list, t) => list.map((d, k): KeptInstance => (d.doneOn !== null ? [n(d.due), n(d.doneOn)] : [n(d.due), null, n(trace.countedOn[t]![k]!)])));

  // Per kind: a replayed day's step is kept when it differs from the last replayed day's (what was held) or from the last step (what is owed).
  const owed: OwedStep[][] = OWED_KINDS.map(() => []);
  const lastReplayed: (DayNo | null)[] = OWED_KINDS.map(() => null);
  const owing = (day: Day, obligations: Parameters<typeof dueOf>[0], byTime: boolean) => {
    OWED_KINDS.forEach((kinds, k) => {
      const due = dueOf(obligations, kinds);
      const value = due === null ? null : n(due);
      const steps = owed[k]!;
      const last = steps.length ? steps.at(-1)![1] : null;
      if (byTime) {
        if (value !== last) steps.push([n(day), value, 1]);
      } else {
        if (value !== last || value !== lastReplayed[k]) steps.push([n(day), value]);
        lastReplayed[k] = value;
      }
    });
  };
  const steps = timeSteps(child, policy);
  trace.days.forEach(({ day, evening }, k) => {
    owing(day, evening, false);
    const next = trace.days[k + 1]?.day;
    const upTo = dated.facts.slice(0, dated.dates.findLastIndex((d) => d <= day) + 1);
    for (const step of steps) if (step > day && (next === undefined || step < next)) owing(step, computeObligations(child, upTo, step, policy), true);
  });

  const out: ReportEvents = {
    version: REPORT_EVENTS_VERSION,
    policy: policyMark(policy),
    dateOfBirth: child.dateOfBirth,
    instances,
    owed,
    visits: [],
    participation: [],
    sdq: [],
    returns: matchReturnInterviews(facts, policy.returnHomeInterview.withinHours).map((r) => [n(r.returnedOn), r.inTime ? 1 : 0]),
    events: [],
    status: [],
    caseSystem: [],
    cameIntoCare: [],
    reviews: [],
    lastDate: null,
  };
  dated.facts.forEach((fact, k) => {
    const day = n(dated.dates[k]!);
    if (fact.type !== 'case-system-review-due' && (out.lastDate === null || day > out.lastDate)) out.lastDate = day;
    if (fact.type === 'visit') out.visits.push([day, fact.seenAlone ? 1 : 0]);
    else if (fact.type === 'review') {
      out.reviews.push(day);
      if (fact.participation !== 'PN0') out.participation.push([day, reviewParticipated(fact) === true ? 1 : 0]);
    } else if (fact.type === 'sdq') out.sdq.push([day, fact.score]);
    else if (fact.type === 'case-system-review-due') out.caseSystem.push([day, fact.held === undefined ? null : n(fact.held)]);
    else if (EVENT_TYPES.has(fact.type)) out.events.push(fact);
    else if (STATUS_TYPES.has(fact.type)) {
      if (fact.type === 'entered-care') out.cameIntoCare.push(day);
      // The Annex A fields (provider, postcode, Ofsted URN) are not the figures'.
      if (fact.type === 'placement-started') {
        const { code: _code, provider: _provider, postcode: _postcode, urn: _urn, ...placement } = fact;
        out.status.push(placement);
      } else out.status.push(fact);
    }
  });
  return out;
}

/** The due date of OWED_KINDS[index] owed on `day` (`held`: as the last day replayed left it). */
export function owedOn(events: ReportEvents, index: number, day: DayNo, held = false): DayNo | null {
  const steps = events.owed[index]!;
  // The last step on or before `day`.
  let lo = 0;
  let hi = steps.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (steps[mid]![0] <= day) lo = mid + 1;
    else hi = mid;
  }
  let at = lo - 1;
  if (held) while (at >= 0 && steps[at]!.length === 3) at -= 1;
  return at < 0 ? null : steps[at]![1];
}

/**
 * The events read for the period ending `to`: what the replay up to `to`
 * gives, leaving out instances due and work done before `from` (which the
 * figures do not count, so need not be read).
 */
export function eventsAt(events: ReportEvents, from: Day, to: Day): PeriodInputs {
  const start = toDayNumber(from);
  const end = toDayNumber(to);
  const iso = toIsoDate;
  const instances = events.instances.map((list, t) => {
    const out: DueInstance[] = [];
    for (const [due, doneOn, countedOn] of list) if (due >= start && (doneOn ?? countedOn) <= end) out.push({ due: iso(due), doneOn: doneOn === null ? null : iso(doneOn) });
    // The replay's step at `to`: still open then, late if due by then.
    const pending = owedOn(events, t, end);
    const held = owedOn(events, t, end, true);
    if (held !== null && held >= start && held < end && pending !== held) out.push({ due: iso(held), doneOn: null });
    if (pending !== null && pending >= start && pending <= end) out.push({ due: iso(pending), doneOn: null });
    return out;
  });
  const days = <T>(list: ReadonlyArray<[DayNo, T]>): Array<[Day, T]> => {
    const out: Array<[Day, T]> = [];
    for (const [day, value] of list) if (day >= start && day <= end) out.push([iso(day), value]);
    return out;
  };
  const upTo = (facts: readonly Fact[]) => facts.filter((f) => factDate(f) <= to);
  const owedThen = (index: number) => {
    const due = owedOn(events, index, end);
    return due === null ? null : iso(due);
  };
  return {
    instances,
    visits: days(events.visits),
    participation: days(events.participation),
    sdq: days(events.sdq),
    returns: days(events.returns),
    events: upTo(events.events),
    status: upTo(events.status),
    owedOn: (which) => owedThen(which === 'pep' ? PEP : PATHWAY),
  };
}
