/**
 * Placement stability and distance for one child on the last day of a
 * period (`to`), as the DfE defines them for children looked after on
 * 31 March; each answer is null when the child is not in that figure's
 * denominator. Children on a series of short breaks are left out, as the
 * DfE leaves them out of its placement figures. Pure: onTime.ts adds them up.
 *
 * - Short-term: looked after on `to`; 3 or more placements during the year
 *   up to it (a placement begun before the year and still going counts).
 * - Long-term: under 16 on `to` and looked after for 2 and a half years or
 *   more; in the same placement for 2 years or more. (The DfE also counts a
 *   child placed for adoption whose adoptive placement and the one before
 *   together last 2 years; Kept does not record placements for adoption.)
 * - More than 20 miles from home: looked after on `to` in a placement whose
 *   distance the case system gave.
 * - Out of the council's area: looked after on `to` in a placement
 *   recorded as in or out of the area.
 */
import { type DayNumber, addMonths, addYears, birthday, toDayNumber } from './dates.js';
import { type Child, type Fact, type FactOf, factDate } from './facts.js';
import { type ChildHistory, buildHistory } from './history.js';

export interface Stability {
  threeOrMorePlacements: boolean | null;
  sameFor2Years: boolean | null;
  over20Miles: boolean | null;
  outOfArea: boolean | null;
}

const NONE: Stability = { threeOrMorePlacements: null, sameFor2Years: null, over20Miles: null, outOfArea: null };

/** Each placement's start and end: its `placement-ended`, else the next placement's start or leaving care, else still open. */
function placementSpans(facts: readonly Fact[]): Array<{ start: DayNumber; end: DayNumber | null; fact: FactOf<'placement-started'> }> {
  const moves = facts
    .filter((f): f is FactOf<'placement-started' | 'placement-ended' | 'left-care'> => f.type === 'placement-started' || f.type === 'placement-ended' || f.type === 'left-care')
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const spans: Array<{ start: DayNumber; end: DayNumber | null; fact: FactOf<'placement-started'> }> = [];
  for (const f of moves) {
    const day = toDayNumber(f.date);
    const open = spans.filter((s) => s.end === null);
    if (f.type === 'placement-started') {
      // A move: the placement before it ends that day (the same placement started again is not a move).
      if (open.some((s) => s.fact.placementId === f.placementId)) continue;
      for (const s of open) s.end = day;
      spans.push({ start: day, end: null, fact: f });
    } else if (f.type === 'placement-ended') {
      for (const s of open) if (s.fact.placementId === f.placementId) s.end = day;
    } else for (const s of open) s.end = day;
  }
  return spans;
}

/** One child's answers, from their facts (those after `to` are ignored); `history` is theirs as of `to`, when the caller has it already. */
export function stabilityOf(child: Child, facts: readonly Fact[], to: string, history?: ChildHistory): Stability {
  const upTo = facts.filter((f) => factDate(f) <= to);
  const h = history ?? buildHistory(child, upTo, to);
  if (!h.lookedAfter || !h.episode || !h.placement || h.placement.arrangement === 'short-breaks') return NONE;
  const today = h.today;
  const yearStart = addYears(today, -1) + 1;
  const spans = placementSpans(upTo);
  const inYear = spans.filter((s) => s.start <= today && (s.end === null || s.end >= yearStart) && s.start >= h.episode!.start);
  const current = spans.filter((s) => s.end === null).at(-1);
  const longTermCohort = today < birthday(h.dateOfBirth, 16) && h.episode.start <= addMonths(today, -30);
  return {
    threeOrMorePlacements: inYear.length >= 3,
    sameFor2Years: longTermCohort ? h.placement.start <= addYears(today, -2) : null,
    over20Miles: current?.fact.distanceMiles === undefined ? null : current.fact.distanceMiles > 20,
    outOfArea: h.placement.outOfArea ?? null,
  };
}
