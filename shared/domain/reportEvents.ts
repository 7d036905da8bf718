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

export const REPORT_EVENTS_VERSION = 1;

/** The tracks replayed, in this order: visits, reviews, health assessments. */
export const EVENT_TRACKS = [VISITS, REVIEWS, HEALTH_ASSESSMENTS] as const;
/** The obligations whose due date on `to` is kept: the three tracks', then the PEP's and the pathway plan's. */
export const OWED_KINDS = [...EVENT_TRACKS.map((t) => t.kinds), ['pep'], ['pathway-plan', 'pathway-plan-review']] as const;
const PEP = 3;
const PATHWAY = 4;

/** Facts read as they are: complaints and IRO alerts (their working days), and the child's care (history, stability, care leavers' returns). */
const EVENT_TYPES = new Set<string>(['complaint', 'complaint-response', 'iro-alert', 'iro-alert-response']);
const STATUS_TYPES = new Set<string>(['entered-care', 'placement-started', 'placement-ended', 'left-care', 'care-order', 'placement-plan', 'fewer-visits-agreed', 'care-leaver-status']);

type Day = string;
type Flag = 0 | 1;

export interface ReportEvents {
  version: number;
  /** The policy the events were worked out under (policyMark). */
  policy: string;
  dateOfBirth: Day;
  /** Per track: each instance as [due, done on or null, the day it was counted]. */
  instances: Array<Array<[Day, Day | null, Day]>>;
  /** From each day on, each track's held due date (only the days it changed). */
  held: Array<[Day, ...(Day | null)[]]>;
  /** From each day on, the due date owed of each of OWED_KINDS (only the days it changed). */
  owed: Array<[Day, ...(Day | null)[]]>;
  visits: Array<[Day, Flag]>;
  /** Reviews the participation figure counts (PN0 left out), and whether the child took part. */
  participation: Array<[Day, Flag]>;
  sdq: Array<[Day, number]>;
  /** Returns from missing, and whether their interview was in time. */
  returns: Array<[Day, Flag]>;
  /** Complaints and IRO alerts, and the facts of the child's care, in date order. */
  events: Fact[];
  status: Fact[];
  /** For the review dates list: the case system's review rows [due, held], the days the child came into care and every review's day. */
  caseSystem: Array<[Day, Day | null]>;
  cameIntoCare: Day[];
  reviews: Day[];
  /** The latest day of a fact the engine reads (the case system's review dates aside). */
  lastDate: Day | null;
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

/** Days on which the engine's answer may move with time alone: the birthdays nextRecomputeDate names, and school age's start and end. */
function timeSteps(child: Child, policy: ResolvedPolicy): Day[] {
  const dob = toDayNumber(child.dateOfBirth);
  const days = new Set<Day>([toIsoDate(birthday(dob, policy.pep.fromAge)), toIsoDate(schoolAgeEnds(dob, policy.pep.untilAge) + 1)]);
  for (let day = nextRecomputeDate(child, child.dateOfBirth, policy); day !== null; day = nextRecomputeDate(child, day, policy)) days.add(day);
  return [...days].sort();
}

const same = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** Pure: a child's events, from its effective facts (any order). */
export function reportEvents(child: Child, facts: readonly Fact[], policy: ResolvedPolicy): ReportEvents {
  const dated = chronology(facts, '9999-12-31');
  const trace: ReplayTrace = { countedOn: [], days: [] };
  const replayed = replay(child, dated, '9999-12-31', policy, EVENT_TRACKS, trace);
  const instances = replayed.map((list, t) => list.map((d, k): [Day, Day | null, Day] => [d.due, d.doneOn, trace.countedOn[t]![k]!]));

  const held: ReportEvents['held'] = [];
  const owed: ReportEvents['owed'] = [];
  const owing = (day: Day, obligations: Parameters<typeof dueOf>[0]) => {
    const dues = OWED_KINDS.map((kinds) => dueOf(obligations, kinds));
    const last = owed.at(-1);
    if (last ? !same(last.slice(1), dues) : dues.some((d) => d !== null)) owed.push([day, ...dues]);
  };
  const steps = timeSteps(child, policy);
  trace.days.forEach(({ day, held: h, evening }, k) => {
    const last = held.at(-1);
    if (last ? !same(last.slice(1), h) : h.some((d) => d !== null)) held.push([day, ...h]);
    owing(day, evening);
    const next = trace.days[k + 1]?.day;
    const upTo = dated.facts.slice(0, dated.dates.findLastIndex((d) => d <= day) + 1);
    for (const step of steps) if (step > day && (next === undefined || step < next)) owing(step, computeObligations(child, upTo, step, policy));
  });

  const out: ReportEvents = {
    version: REPORT_EVENTS_VERSION,
    policy: policyMark(policy),
    dateOfBirth: child.dateOfBirth,
    instances,
    held,
    owed,
    visits: [],
    participation: [],
    sdq: [],
    returns: matchReturnInterviews(facts, policy.returnHomeInterview.withinHours).map((r) => [r.returnedOn, r.inTime ? 1 : 0]),
    events: [],
    status: [],
    caseSystem: [],
    cameIntoCare: [],
    reviews: [],
    lastDate: null,
  };
  dated.facts.forEach((fact, k) => {
    const date = dated.dates[k]!;
    if (fact.type !== 'case-system-review-due' && (out.lastDate === null || date > out.lastDate)) out.lastDate = date;
    if (fact.type === 'visit') out.visits.push([date, fact.seenAlone ? 1 : 0]);
    else if (fact.type === 'review') {
      out.reviews.push(date);
      if (fact.participation !== 'PN0') out.participation.push([date, reviewParticipated(fact) === true ? 1 : 0]);
    } else if (fact.type === 'sdq') out.sdq.push([date, fact.score]);
    else if (fact.type === 'case-system-review-due') out.caseSystem.push([fact.date, fact.held ?? null]);
    else if (EVENT_TYPES.has(fact.type)) out.events.push(fact);
    else if (STATUS_TYPES.has(fact.type)) {
      if (fact.type === 'entered-care') out.cameIntoCare.push(date);
      // The Annex A fields (provider, postcode, Ofsted URN) are not the figures'.
      if (fact.type === 'placement-started') {
        const { code: _code, provider: _provider, postcode: _postcode, urn: _urn, ...placement } = fact;
        out.status.push(placement);
      } else out.status.push(fact);
    }
  });
  return out;
}

/** The value of a step list on `day`: the latest entry on or before it (null before the first). */
function stepOn(steps: ReadonlyArray<readonly [Day, ...(Day | null)[]]>, day: Day): readonly (Day | null)[] | null {
  let lo = 0;
  let hi = steps.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (steps[mid]![0] <= day) lo = mid + 1;
    else hi = mid;
  }
  return lo === 0 ? null : steps[lo - 1]!.slice(1);
}

/** The due date of OWED_KINDS[index] owed on `day`. */
export function owedOn(events: ReportEvents, index: number, day: Day): Day | null {
  return stepOn(events.owed, day)?.[index] ?? null;
}

/** The events read for the period ending `to`: what the replay up to `to` gives. */
export function eventsAt(events: ReportEvents, to: Day): PeriodInputs {
  const held = stepOn(events.held, to);
  const instances = events.instances.map((list, t) => {
    const out: DueInstance[] = [];
    for (const [due, doneOn, on] of list) if (on <= to) out.push({ due, doneOn });
    // The replay's step at `to`: still open then, late if due by then.
    const pending = owedOn(events, t, to);
    const h = held?.[t] ?? null;
    if (h !== null && h < to && pending !== h) out.push({ due: h, doneOn: null });
    if (pending !== null && pending <= to) out.push({ due: pending, doneOn: null });
    return out;
  });
  const upTo = (facts: readonly Fact[]) => facts.filter((f) => factDate(f) <= to);
  return {
    instances,
    visits: events.visits,
    participation: events.participation,
    sdq: events.sdq,
    returns: events.returns,
    events: upTo(events.events),
    status: upTo(events.status),
    owedOn: (which) => owedOn(events, which === 'pep' ? PEP : PATHWAY, to),
  };
}
