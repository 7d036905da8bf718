/**
 * The straightforward reading of a child's facts that shared/domain/history.ts
 * must agree with: sort the facts into date order (keeping the given order
 * within a day), then answer each question the rules ask with a filter over
 * them. Slow and obvious on purpose; engine.test.ts holds the fast fold to it.
 */
import { type DayNumber, birthday, londonDateOf, toDayNumber } from '#domain/dates.js';
import type { Child, Fact, FactOf } from '#domain/facts.js';
import type { ChildHistory, Episode, MissingEpisode, Placement } from '#domain/history.js';

interface Dated {
  fact: Fact;
  day: DayNumber;
  at: number;
}

const dayOf = (fact: Fact): DayNumber => toDayNumber(fact.type === 'missing-episode' ? londonDateOf(new Date(fact.start)) : fact.date);
const maxOf = (days: DayNumber[]): DayNumber | null => (days.length ? Math.max(...days) : null);
const is = <K extends Fact['type']>(type: K) => (d: Dated): d is Dated & { fact: FactOf<K> } => d.fact.type === type;

function episodesOf(dated: Dated[], eighteenth: DayNumber, today: DayNumber): Episode[] {
  const episodes: Episode[] = [];
  let open: Episode | null = null;
  let previousEnd = Number.NEGATIVE_INFINITY;
  for (const { fact, day } of dated) {
    if (fact.type === 'entered-care' || fact.type === 'placement-started' || fact.type === 'care-order') {
      if (!open) episodes.push((open = { start: day, end: null, endedBy: null, leftReason: null, previousEnd }));
    } else if (fact.type === 'left-care' && open) {
      Object.assign(open, { end: day, endedBy: 'left-care', leftReason: fact.reason });
      previousEnd = day;
      open = null;
    }
  }
  const kept = episodes.filter((e) => e.start < eighteenth);
  for (const e of kept) {
    if ((e.end === null && today >= eighteenth) || (e.end !== null && e.end > eighteenth)) Object.assign(e, { end: eighteenth, endedBy: 'age-18' });
  }
  return kept;
}

/** Day by day: the first day aged 16 to 17, looked after, with 91 days looked after since the 14th birthday. */
function eligibleFrom(episodes: Episode[], dob: DayNumber, eighteenth: DayNumber): DayNumber | null {
  let counted = 0;
  for (let day = birthday(dob, 14); day < eighteenth; day++) {
    const inCare = episodes.some((e) => e.start <= day && day < (e.end ?? eighteenth));
    if (!inCare) continue;
    counted += 1;
    if (counted >= 91 && day >= birthday(dob, 16)) return day;
  }
  return null;
}

export function referenceHistory(child: Child, facts: readonly Fact[], today: string): ChildHistory {
  const dob = toDayNumber(child.dateOfBirth);
  const eighteenth = birthday(dob, 18);
  const todayDay = toDayNumber(today);
  const dated = facts.map((fact, at) => ({ fact, day: dayOf(fact), at })).sort((a, b) => a.day - b.day || a.at - b.at);
  const episodes = episodesOf(dated, eighteenth, todayDay);
  const episode = episodes.at(-1) ?? null;
  const inEpisode = (d: Dated) => episode !== null && d.day >= episode.start;

  let placement: Placement | null = null;
  if (episode) {
    const started = dated.filter(is('placement-started')).filter(inEpisode).at(-1);
    if (!started) placement = { id: null, start: episode.start, longTerm: false, arrangement: undefined, open: true };
    else {
      const f = started.fact;
      const endedAfter = dated.filter(is('placement-ended')).some((e) => e.fact.placementId === f.placementId && (e.day > started.day || (e.day === started.day && e.at > started.at)));
      placement = { id: f.placementId, start: started.day, longTerm: f.longTerm, arrangement: f.arrangement, outOfArea: f.outOfArea, open: !endedAfter };
    }
  }
  const forPlacement = (type: 'placement-plan' | 'fewer-visits-agreed') =>
    placement?.id != null && dated.filter(is(type)).some((d) => d.fact.placementId === placement.id);
  const reviews = dated.filter(is('review')).filter(inEpisode).map((d) => d.day);
  const since = episode?.previousEnd ?? Number.POSITIVE_INFINITY;
  const done = (type: 'care-plan' | 'permanence-plan') => episode !== null && dated.some((d) => d.fact.type === type && d.day > since);
  const latestIn = (type: Fact['type'], from: DayNumber | null) =>
    from === null ? null : maxOf(dated.filter((d) => d.fact.type === type && d.day >= from).map((d) => d.day));
  const latest = (type: Fact['type']) => maxOf(dated.filter((d) => d.fact.type === type).map((d) => d.day));
  const missingReturns: MissingEpisode[] = dated
    .filter(is('missing-episode'))
    .filter((d) => inEpisode(d) && d.fact.returned !== undefined)
    .map((d) => ({ returnedAt: Date.parse(d.fact.returned!), returnedOn: toDayNumber(londonDateOf(new Date(d.fact.returned!))) }))
    .sort((a, b) => a.returnedAt - b.returnedAt);
  const localTasks = new Map<string, DayNumber>();
  for (const d of dated.filter(is('local-task'))) localTasks.set(d.fact.kind, Math.max(d.day, localTasks.get(d.fact.kind) ?? d.day));
  const lastFactOn = new Map<string, DayNumber>();
  for (const d of dated) if (d.fact.type !== 'correction') lastFactOn.set(d.fact.type, Math.max(d.day, lastFactOn.get(d.fact.type) ?? d.day));
  const eventTypes: readonly string[] = ['complaint', 'complaint-response', 'iro-alert', 'iro-alert-response'];

  return {
    today: todayDay,
    dateOfBirth: dob,
    eighteenth,
    episodes,
    episode,
    lookedAfter: episode !== null && episode.end === null,
    placement,
    fewerVisitsAgreed: forPlacement('fewer-visits-agreed'),
    lastVisit: latestIn('visit', placement?.start ?? null),
    reviewsInEpisode: reviews.length,
    firstReview: reviews[0] ?? null,
    firstReviewInPlacement: reviews.find((day) => day > placement!.start) ?? null,
    secondReview: reviews[1] ?? null,
    lastReview: maxOf(reviews),
    carePlanDone: done('care-plan'),
    placementPlanDone: forPlacement('placement-plan'),
    permanencePlanDone: done('permanence-plan'),
    lastPep: latestIn('pep', episode?.start ?? null),
    lastHealthAssessment: latestIn('health-assessment', episode?.start ?? null),
    lastDentalCheck: latest('dental-check'),
    lastSdq: latest('sdq'),
    careOrder: latestIn('care-order', episode?.start ?? null),
    missingReturns,
    returnInterviews: dated.filter(is('return-home-interview')).filter(inEpisode).map((d) => d.day),
    eligibleFrom: eligibleFrom(episodes, dob, eighteenth),
    lastPathwayPlan: latest('pathway-plan'),
    lastAdviserContactAfterLeaving:
      episode?.end == null
        ? null
        : maxOf(dated.filter((d) => d.day >= episode.end! && (d.fact.type === 'personal-adviser-contact' || (d.fact.type === 'care-leaver-status' && d.fact.inTouch === 'YES'))).map((d) => d.day)),
    lastCareLeaverStatus: latest('care-leaver-status'),
    localTasks,
    eventFacts: dated.filter((d) => eventTypes.includes(d.fact.type)).map((d) => d.fact),
    lastFactOn,
  };
}
