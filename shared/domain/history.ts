/**
 * A child's facts folded into the few things the rules ask about: the care
 * episode, the current placement, and the last time each piece of work was
 * done. Built once per child so each rule is a couple of comparisons.
 *
 * One pass over the facts, in whatever order they come. Most facts only move
 * a "latest" day; the few whose meaning depends on the care episode or the
 * placement (those that start and end them, reviews, placement plans and
 * endings, missing episodes, return interviews) are noted by index and day in
 * scratch lists reused from child to child, and read once the episode and
 * placement are known. Date order matters only among the facts that open and
 * close episodes and placements; those few are sorted.
 */
import { type DayNumber, birthday, londonDayOf, toDayNumber } from './dates.js';
import type { Child, Fact, FactOf } from './facts.js';
import { Scratch } from './scratch.js';

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
  eighteenth: DayNumber;
  episodes: Episode[];
  /** The latest episode, open or closed. */
  episode: Episode | null;
  lookedAfter: boolean;
  placement: Placement | null;
  fewerVisitsAgreed: boolean;
  lastVisit: DayNumber | null;
  reviewsInEpisode: number;
  firstReview: DayNumber | null;
  /** The first review held after the current placement began (one on the day it began is taken as before it). */
  firstReviewInPlacement: DayNumber | null;
  secondReview: DayNumber | null;
  lastReview: DayNumber | null;
  carePlanDone: boolean;
  placementPlanDone: boolean;
  permanencePlanDone: boolean;
  lastPep: DayNumber | null;
  lastHealthAssessment: DayNumber | null;
  lastDentalCheck: DayNumber | null;
  lastSdq: DayNumber | null;
  /** The latest care order made in the latest episode. */
  careOrder: DayNumber | null;
  /** Returns from missing episodes that began in the latest episode, earliest first. */
  missingReturns: readonly MissingEpisode[];
  /** Return home interviews in the latest episode, earliest first. */
  returnInterviews: readonly DayNumber[];
  /** When the child is, or on the current course will be, an eligible child (Children Act 1989 Sch 2 para 19B). */
  eligibleFrom: DayNumber | null;
  lastPathwayPlan: DayNumber | null;
  /** The latest personal adviser contact since leaving care (a care leaver's status recorded in touch is one). */
  lastAdviserContactAfterLeaving: DayNumber | null;
  /** The latest care leaver's status (in touch, activity, accommodation), whenever recorded. */
  lastCareLeaverStatus: DayNumber | null;
  localTasks: Map<string, DayNumber>;
  /** Complaints, IRO alerts and their responses, in date order (eventDuties.ts reads them). */
  eventFacts: readonly Fact[];
  /** The latest day of each type of fact, for local rules that start from an event (only when local rules ask). */
  lastFactOn: ReadonlyMap<string, DayNumber>;
}

const factDay = (fact: Fact): string => (fact as { date: string }).date;

const NO_TASKS: ReadonlyMap<string, DayNumber> = new Map();
const NONE: readonly never[] = Object.freeze([]);

// Facts set aside in the pass, reused for every child (the engine runs one child at a time).
const structural = new Scratch(); // entered-care, placement-started, care-order, left-care
const reviews = new Scratch();
const placementFacts = new Scratch(); // placement-ended, placement-plan, fewer-visits-agreed
const missing = new Scratch();
const interviews = new Scratch();

function foldEpisodes(facts: readonly Fact[], eighteenth: DayNumber, today: DayNumber): Episode[] {
  structural.sort();
  const episodes: Episode[] = [];
  let open: Episode | null = null;
  let previousEnd = -NEVER;
  for (let k = 0; k < structural.length; k++) {
    const fact = facts[structural.index[k]!]!;
    const day = structural.day[k]!;
    if (fact.type !== 'left-care') {
      // Entering care, a placement or a care order: the child is looked after from that day.
      if (!open) {
        open = { start: day, end: null, endedBy: null, leftReason: null, previousEnd };
        episodes.push(open);
      }
    } else if (open) {
      open.end = day;
      open.endedBy = 'left-care';
      open.leftReason = fact.reason;
      previousEnd = day;
      open = null;
    }
  }
  // Nobody is looked after past 18 (Children Act 1989 s105): the episode ends on the birthday.
  let kept = 0;
  for (const e of episodes) {
    if (e.start >= eighteenth) continue;
    if ((e.end === null && today >= eighteenth) || (e.end !== null && e.end > eighteenth)) {
      e.end = eighteenth;
      e.endedBy = 'age-18';
    }
    episodes[kept++] = e;
  }
  episodes.length = kept;
  return episodes;
}

/**
 * The first day the child is an eligible child (Children Act 1989 Sch 2 para
 * 19B, CPPCR reg 40): aged 16 or 17, looked after that day, and looked after
 * for at least 13 weeks (91 days) in all since turning 14. An open episode is
 * assumed to go on, so a 15-year-old's pathway plan shows ahead. Someone with
 * the 13 weeks behind them who comes back into care after 16 becomes eligible
 * the day they come back: never on a day spent at home.
 */
function eligibleFrom(episodes: Episode[], dob: DayNumber, eighteenth: DayNumber): DayNumber | null {
  const fourteenth = birthday(dob, 14);
  const sixteenth = birthday(dob, 16);
  let counted = 0;
  for (const e of episodes) {
    const end = e.end ?? eighteenth; // exclusive
    const from = Math.max(e.start, fourteenth);
    if (end <= from) continue;
    const reached = from + (91 - counted) - 1; // the day the 91st day in care is reached
    const candidate = Math.max(reached, sixteenth, from);
    if (candidate < end) return candidate;
    counted += end - from;
  }
  return null;
}

/**
 * The current placement: the last to start in the episode, or the episode
 * itself when none is recorded; and the latest care order in the episode.
 */
function currentPlacement(facts: readonly Fact[], episode: Episode, h: ChildHistory): void {
  let at = -1;
  for (let k = 0; k < structural.length; k++) {
    if (structural.day[k]! < episode.start) continue;
    const type = facts[structural.index[k]!]!.type;
    if (type === 'placement-started') at = k;
    else if (type === 'care-order') h.careOrder = structural.day[k]!;
  }
  if (at < 0) {
    h.placement = { id: null, start: episode.start, longTerm: false, arrangement: undefined, open: true };
    return;
  }
  const index = structural.index[at]!;
  const start = structural.day[at]!;
  const fact = facts[index] as FactOf<'placement-started'>;
  let open = true;
  for (let k = 0; k < placementFacts.length; k++) {
    const other = facts[placementFacts.index[k]!] as FactOf<'placement-ended' | 'placement-plan' | 'fewer-visits-agreed'>;
    if (other.placementId !== fact.placementId) continue;
    if (other.type === 'placement-plan') h.placementPlanDone = true;
    else if (other.type === 'fewer-visits-agreed') h.fewerVisitsAgreed = true;
    else {
      // An ending counts if it comes after the start in date order (on the same day, in the order given).
      const day = placementFacts.day[k]!;
      if (day > start || (day === start && placementFacts.index[k]! > index)) open = false;
    }
  }
  h.placement = { id: fact.placementId, start, longTerm: fact.longTerm, arrangement: fact.arrangement, outOfArea: fact.outOfArea, open };
}

function foldReviews(start: DayNumber, placementStart: DayNumber, h: ChildHistory): void {
  let count = 0;
  let first = NEVER;
  let second = NEVER;
  let last = -NEVER;
  let inPlacement = NEVER;
  for (let k = 0; k < reviews.length; k++) {
    const day = reviews.day[k]!;
    if (day < start) continue;
    count += 1;
    if (day > placementStart && day < inPlacement) inPlacement = day;
    if (day < first) {
      second = first;
      first = day;
    } else if (day < second) second = day;
    if (day > last) last = day;
  }
  h.reviewsInEpisode = count;
  if (count > 0) h.firstReview = first;
  if (count > 1) h.secondReview = second;
  if (count > 0) h.lastReview = last;
  if (inPlacement < NEVER) h.firstReviewInPlacement = inPlacement;
}

function foldMissing(facts: readonly Fact[], start: DayNumber, h: ChildHistory): void {
  let returns: MissingEpisode[] | null = null;
  for (let k = 0; k < missing.length; k++) {
    const returned = (facts[missing.index[k]!] as FactOf<'missing-episode'>).returned;
    if (missing.day[k]! < start || returned === undefined) continue;
    const returnedAt = Date.parse(returned);
    (returns ??= []).push({ returnedAt, returnedOn: londonDayOf(returnedAt) });
  }
  if (returns) h.missingReturns = returns.sort((a, b) => a.returnedAt - b.returnedAt);
  let days: DayNumber[] | null = null;
  for (let k = 0; k < interviews.length; k++) if (interviews.day[k]! >= start) (days ??= []).push(interviews.day[k]!);
  if (days) h.returnInterviews = days.sort((a, b) => a - b);
}

export function buildHistory(child: Child, facts: readonly Fact[], today: string): ChildHistory {
  return foldHistory(child, facts, today, true);
}

/** `buildHistory`, leaving out the local tasks when no local rule will ask about them. */
export function foldHistory(child: Child, facts: readonly Fact[], today: string, localTasks: boolean): ChildHistory {
  const dob = toDayNumber(child.dateOfBirth);
  const eighteenth = birthday(dob, 18);
  structural.clear();
  reviews.clear();
  placementFacts.clear();
  missing.clear();
  interviews.clear();
  let lastVisit = -NEVER;
  let lastCarePlan = -NEVER;
  let lastPermanencePlan = -NEVER;
  let lastPep = -NEVER;
  let lastHealth = -NEVER;
  let lastDental = -NEVER;
  let lastSdq = -NEVER;
  let lastPathwayPlan = -NEVER;
  let lastAdviser = -NEVER;
  let lastStatus = -NEVER;
  let tasks: Map<string, DayNumber> | null = null;
  let events: Fact[] | null = null;
  let lastOf: Map<string, DayNumber> | null = null;

  for (let i = 0; i < facts.length; i++) {
    const fact = facts[i]!;
    const type = fact.type;
    if (localTasks && type !== 'correction') {
      const on = type === 'missing-episode' ? londonDayOf(Date.parse(fact.start)) : toDayNumber(fact.date);
      lastOf ??= new Map();
      const seen = lastOf.get(type);
      if (seen === undefined || on > seen) lastOf.set(type, on);
    }
    if (type === 'complaint' || type === 'complaint-response' || type === 'iro-alert' || type === 'iro-alert-response') {
      (events ??= []).push(fact);
      continue;
    }
    if (type === 'missing-episode') {
      missing.push(i, londonDayOf(Date.parse(fact.start)));
      continue;
    }
    const day = toDayNumber(fact.date);
    // The commonest first.
    if (type === 'visit') {
      if (day > lastVisit) lastVisit = day;
    } else if (type === 'pep') {
      if (day > lastPep) lastPep = day;
    } else if (type === 'review') reviews.push(i, day);
    else if (type === 'health-assessment') {
      if (day > lastHealth) lastHealth = day;
    } else if (type === 'dental-check') {
      if (day > lastDental) lastDental = day;
    } else if (type === 'sdq') {
      if (day > lastSdq) lastSdq = day;
    } else if (type === 'local-task') {
      if (!localTasks) continue;
      tasks ??= new Map();
      const last = tasks.get(fact.kind);
      if (last === undefined || day > last) tasks.set(fact.kind, day);
    } else if (type === 'pathway-plan') {
      if (day > lastPathwayPlan) lastPathwayPlan = day;
    } else if (type === 'personal-adviser-contact') {
      if (day > lastAdviser) lastAdviser = day;
    } else if (type === 'care-leaver-status') {
      if (day > lastStatus) lastStatus = day;
      if (fact.inTouch === 'YES' && day > lastAdviser) lastAdviser = day;
    } else if (type === 'entered-care' || type === 'placement-started' || type === 'left-care' || type === 'care-order') structural.push(i, day);
    else if (type === 'placement-ended' || type === 'placement-plan' || type === 'fewer-visits-agreed') placementFacts.push(i, day);
    else if (type === 'care-plan') {
      if (day > lastCarePlan) lastCarePlan = day;
    } else if (type === 'permanence-plan') {
      if (day > lastPermanencePlan) lastPermanencePlan = day;
    } else if (type === 'return-home-interview') interviews.push(i, day);
  }

  const todayDay = toDayNumber(today);
  const episodes = foldEpisodes(facts, eighteenth, todayDay);
  const episode = episodes.length > 0 ? episodes[episodes.length - 1]! : null;
  const h: ChildHistory = {
    today: todayDay,
    dateOfBirth: dob,
    eighteenth,
    episodes,
    episode,
    lookedAfter: episode !== null && episode.end === null,
    placement: null,
    fewerVisitsAgreed: false,
    lastVisit: null,
    reviewsInEpisode: 0,
    firstReview: null,
    firstReviewInPlacement: null,
    secondReview: null,
    lastReview: null,
    carePlanDone: false,
    placementPlanDone: false,
    permanencePlanDone: false,
    lastPep: null,
    lastHealthAssessment: null,
    lastDentalCheck: lastDental > -NEVER ? lastDental : null,
    lastSdq: lastSdq > -NEVER ? lastSdq : null,
    careOrder: null,
    missingReturns: NONE,
    returnInterviews: NONE,
    eligibleFrom: eligibleFrom(episodes, dob, eighteenth),
    lastPathwayPlan: lastPathwayPlan > -NEVER ? lastPathwayPlan : null,
    lastAdviserContactAfterLeaving: null,
    lastCareLeaverStatus: lastStatus > -NEVER ? lastStatus : null,
    localTasks: tasks ?? (NO_TASKS as Map<string, DayNumber>),
    // In date order (the order given within a day), so the answer does not depend on how the facts came.
    eventFacts: events ? events.sort((a, b) => (factDay(a) < factDay(b) ? -1 : factDay(a) > factDay(b) ? 1 : 0)) : NONE,
    lastFactOn: lastOf ?? NO_TASKS,
  };
  if (!episode) return h;

  const start = episode.start;
  currentPlacement(facts, episode, h);
  foldReviews(start, h.placement!.start, h);
  foldMissing(facts, start, h);
  // Work for this episode may be done before it starts, but not in the one before.
  h.carePlanDone = lastCarePlan > episode.previousEnd;
  h.permanencePlanDone = lastPermanencePlan > episode.previousEnd;
  if (lastPep >= start) h.lastPep = lastPep;
  if (lastHealth >= start) h.lastHealthAssessment = lastHealth;
  // The latest visit counts only if made since the current placement began.
  if (lastVisit >= h.placement!.start) h.lastVisit = lastVisit;
  if (episode.end !== null && lastAdviser >= episode.end) h.lastAdviserContactAfterLeaving = lastAdviser;
  return h;
}
