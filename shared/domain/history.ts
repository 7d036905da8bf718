/**
 * A child's facts folded into the few things the rules ask about: the care
 * episode, the current placement, and the last time each piece of work was
 * done. Built once per child so each rule is a couple of comparisons.
 */
import { type DayNumber, birthday, londonDateOf, toDayNumber } from './dates.js';
import type { Child, Fact, FactOf } from './facts.js';
import { factDate } from './facts.js';

const NEVER = Number.POSITIVE_INFINITY;

export interface Episode {
  start: DayNumber;
  /** The day the child stopped being looked after, or null while still looked after. */
  end: DayNumber | null;
  endedBy: 'left-care' | 'age-18' | null;
  leftReason: FactOf<'left-care'>['reason'] | null;
  /** The end of the episode before this one, so work done for this episode can be told apart. */
  previousEnd: DayNumber;
}

export interface Placement {
  id: string | null;
  start: DayNumber;
  longTerm: boolean;
  arrangement: FactOf<'placement-started'>['arrangement'];
  outOfArea?: boolean;
  open: boolean;
}

export interface MissingEpisode {
  returnedAt: number; // epoch milliseconds
  returnedOn: DayNumber; // London date of return
}

export interface ChildHistory {
  today: DayNumber;
  dateOfBirth: DayNumber;
  episodes: Episode[];
  /** The latest episode, open or closed. */
  episode: Episode | null;
  lookedAfter: boolean;
  placement: Placement | null;
  fewerVisitsAgreed: boolean;
  lastVisit: DayNumber | null;
  reviewsInEpisode: number;
  firstReview: DayNumber | null;
  secondReview: DayNumber | null;
  lastReview: DayNumber | null;
  carePlanDone: boolean;
  placementPlanDone: boolean;
  permanencePlanDone: boolean;
  lastPep: DayNumber | null;
  lastHealthAssessment: DayNumber | null;
  lastDentalCheck: DayNumber | null;
  lastSdq: DayNumber | null;
  missingReturns: MissingEpisode[];
  returnInterviews: DayNumber[];
  /** When the child is, or on the current course will be, an eligible child (Children Act 1989 Sch 2 para 19B). */
  eligibleFrom: DayNumber | null;
  lastPathwayPlan: DayNumber | null;
  lastAdviserContactAfterLeaving: DayNumber | null;
  localTasks: Map<string, DayNumber>;
}

const NO_TASKS: Map<string, DayNumber> = new Map();

function latest(current: DayNumber | null, day: DayNumber): DayNumber {
  return current === null || day > current ? day : current;
}

/** Facts in date order (stable): their indexes, and each one's day. Most histories arrive in order already. */
interface Chronology {
  facts: readonly Fact[];
  /** Each fact's type, read once: facts come in many shapes, and each read of one is slow. */
  types: Fact['type'][];
  days: Int32Array;
  order: number[] | null;
}

function chronology(facts: readonly Fact[]): Chronology {
  const n = facts.length;
  const days = new Int32Array(n);
  const types: Fact['type'][] = [];
  let sorted = true;
  for (let i = 0; i < n; i++) {
    const fact = facts[i]!;
    const type = fact.type;
    types.push(type);
    days[i] = toDayNumber(type === 'missing-episode' ? factDate(fact) : (fact as { date: string }).date);
    if (i > 0 && days[i]! < days[i - 1]!) sorted = false;
  }
  const order = sorted ? null : facts.map((_, i) => i).sort((a, b) => days[a]! - days[b]! || a - b);
  return { facts, types, days, order };
}

function foldEpisodes(dated: Chronology, eighteenth: DayNumber, today: DayNumber): Episode[] {
  const episodes: Episode[] = [];
  let open: Episode | null = null;
  let previousEnd = -NEVER;
  for (let k = 0; k < dated.facts.length; k++) {
    const i = dated.order ? dated.order[k]! : k;
    const type = dated.types[i]!;
    if (type !== 'entered-care' && type !== 'placement-started' && type !== 'left-care') continue;
    const fact = dated.facts[i]!;
    const day = dated.days[i]!;
    if ((type === 'entered-care' || type === 'placement-started') && !open) {
      open = { start: day, end: null, endedBy: null, leftReason: null, previousEnd };
      episodes.push(open);
    } else if (fact.type === 'left-care' && open) {
      open.end = day;
      open.endedBy = 'left-care';
      open.leftReason = fact.reason;
      previousEnd = day;
      open = null;
    }
  }
  // Nobody is looked after past 18 (Children Act 1989 s105): the episode ends on the birthday.
  for (const e of episodes) {
    if (e.start >= eighteenth) continue;
    if ((e.end === null && today >= eighteenth) || (e.end !== null && e.end > eighteenth)) {
      e.end = eighteenth;
      e.endedBy = 'age-18';
    }
  }
  return episodes.filter((e) => e.start < eighteenth);
}

/**
 * The first day the child is an eligible child: aged 16 or over, looked after,
 * and looked after for at least 13 weeks (91 days) since turning 14. An open
 * episode is assumed to go on, so a 15-year-old's pathway plan shows ahead.
 */
function eligibleFrom(episodes: Episode[], dob: DayNumber): DayNumber | null {
  const fourteenth = birthday(dob, 14);
  const sixteenth = birthday(dob, 16);
  const eighteenth = birthday(dob, 18);
  let counted = 0;
  for (const e of episodes) {
    const end = e.end ?? eighteenth; // exclusive
    const from = Math.max(e.start, fourteenth);
    if (end <= from) continue;
    const reached = from + (91 - counted) - 1; // the day the 91st day in care is reached
    const candidate = Math.max(reached, sixteenth);
    if (candidate < end) return candidate;
    counted += end - from;
  }
  return null;
}

export function buildHistory(child: Child, facts: readonly Fact[], today: string): ChildHistory {
  const dob = toDayNumber(child.dateOfBirth);
  const todayDay = toDayNumber(today);
  const dated = chronology(facts);

  const episodes = foldEpisodes(dated, birthday(dob, 18), todayDay);
  const episode = episodes.at(-1) ?? null;
  const h: ChildHistory = {
    today: todayDay,
    dateOfBirth: dob,
    episodes,
    episode,
    lookedAfter: episode !== null && episode.end === null,
    placement: null,
    fewerVisitsAgreed: false,
    lastVisit: null,
    reviewsInEpisode: 0,
    firstReview: null,
    secondReview: null,
    lastReview: null,
    carePlanDone: false,
    placementPlanDone: false,
    permanencePlanDone: false,
    lastPep: null,
    lastHealthAssessment: null,
    lastDentalCheck: null,
    lastSdq: null,
    missingReturns: [],
    returnInterviews: [],
    eligibleFrom: eligibleFrom(episodes, dob),
    lastPathwayPlan: null,
    lastAdviserContactAfterLeaving: null,
    localTasks: NO_TASKS,
  };

  const start = episode?.start ?? NEVER;
  const since = episode?.previousEnd ?? NEVER; // work for this episode may be done before it starts
  // Placement ids seen ended, planned and agreed; few per child, so plain lists.
  const ended: string[] = [];
  const planned: string[] = [];
  const agreed: string[] = [];
  let lastVisitInEpisode: DayNumber | null = null;

  for (let k = 0; k < dated.facts.length; k++) {
    const i = dated.order ? dated.order[k]! : k;
    const day = dated.days[i]!;
    const inEpisode = day >= start;
    if (dated.types[i] === 'visit') {
      if (inEpisode) lastVisitInEpisode = latest(lastVisitInEpisode, day);
      continue;
    }
    const fact = dated.facts[i]!;
    switch (fact.type) {
      case 'placement-started':
        if (inEpisode) {
          h.placement = { id: fact.placementId, start: day, longTerm: fact.longTerm, arrangement: fact.arrangement, outOfArea: fact.outOfArea, open: true };
          const at = ended.indexOf(fact.placementId);
          if (at >= 0) ended.splice(at, 1);
        }
        break;
      case 'placement-ended':
        ended.push(fact.placementId);
        break;
      case 'placement-plan':
        planned.push(fact.placementId);
        break;
      case 'fewer-visits-agreed':
        agreed.push(fact.placementId);
        break;
      case 'review':
        if (inEpisode) {
          h.reviewsInEpisode += 1;
          if (h.reviewsInEpisode === 2) h.secondReview = day;
          h.firstReview ??= day;
          h.lastReview = latest(h.lastReview, day);
        }
        break;
      case 'care-plan':
        if (day > since) h.carePlanDone = true;
        break;
      case 'permanence-plan':
        if (day > since) h.permanencePlanDone = true;
        break;
      case 'pep':
        if (inEpisode) h.lastPep = latest(h.lastPep, day);
        break;
      case 'health-assessment':
        if (inEpisode) h.lastHealthAssessment = latest(h.lastHealthAssessment, day);
        break;
      case 'dental-check':
        h.lastDentalCheck = latest(h.lastDentalCheck, day);
        break;
      case 'sdq':
        h.lastSdq = latest(h.lastSdq, day);
        break;
      case 'missing-episode':
        if (inEpisode && fact.returned !== undefined) {
          const returnedAt = Date.parse(fact.returned);
          h.missingReturns.push({ returnedAt, returnedOn: toDayNumber(londonDateOf(new Date(returnedAt))) });
        }
        break;
      case 'return-home-interview':
        if (inEpisode) h.returnInterviews.push(day);
        break;
      case 'pathway-plan':
        h.lastPathwayPlan = latest(h.lastPathwayPlan, day);
        break;
      case 'personal-adviser-contact':
        if (episode?.end != null && day >= episode.end) h.lastAdviserContactAfterLeaving = latest(h.lastAdviserContactAfterLeaving, day);
        break;
      case 'local-task': {
        if (h.localTasks === NO_TASKS) h.localTasks = new Map();
        const last = h.localTasks.get(fact.kind);
        if (last === undefined || day > last) h.localTasks.set(fact.kind, day);
        break;
      }
      default:
        break;
    }
  }

  if (episode) {
    h.placement ??= { id: null, start: episode.start, longTerm: false, arrangement: undefined, open: true };
    if (h.placement.id !== null) {
      h.placement.open = !ended.includes(h.placement.id);
      h.placementPlanDone = planned.includes(h.placement.id);
      h.fewerVisitsAgreed = agreed.includes(h.placement.id);
    }
    // The latest visit of the episode counts only if made since the current placement began.
    if (lastVisitInEpisode !== null && lastVisitInEpisode >= h.placement.start) h.lastVisit = lastVisitInEpisode;
  }
  h.missingReturns.sort((a, b) => a.returnedAt - b.returnedAt);
  h.returnInterviews.sort((a, b) => a - b);
  return h;
}
