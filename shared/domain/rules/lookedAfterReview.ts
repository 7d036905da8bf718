/**
 * Looked-after reviews chaired by the IRO: CPPCR 2010 regulation 33.
 * - 33(1): first review within 20 working days of the child becoming looked after;
 * - 33(2): second review not more than 3 months after the first;
 * - 33(3): each later review not more than 6 months after the one before.
 *
 * And reg 19(b): a child placed with a parent before the parent's assessment
 * is complete has their case reviewed within 10 working days of the placement.
 * That review falls due beside the cycle above, whichever is earlier, until a
 * review is held after the placement began (one on its first day is taken as
 * before it, the earlier reading).
 *
 * On a series of short breaks, reg 48(3)(d) replaces reg 33: the first review
 * within 3 months of the first short break, then not more than 6 months apart.
 */
import { addMonths } from '#domain/dates.js';
import { addWorkingDays } from '#domain/workingDays.js';
import { STATUTORY } from '#domain/policy.js';
import { type Due, type Rule, cite, lookedAfter, onShortBreaks, perPolicy, plural } from './rule.js';

const S = STATUTORY.lookedAfterReview;

const says = perPolicy(({ lookedAfterReview: r }) => ({
  first: cite('CPPCR reg 33(1)', `first review within ${plural(r.firstWithinWorkingDays, 'working day')}`, r.firstWithinWorkingDays < S.firstWithinWorkingDays),
  second: cite('CPPCR reg 33(2)', `second review within ${plural(r.secondWithinMonths, 'month')}`, r.secondWithinMonths < S.secondWithinMonths),
  later: cite('CPPCR reg 33(3)', `later reviews within ${plural(r.thenEveryMonths, 'month')}`, r.thenEveryMonths < S.thenEveryMonths),
  withParent: cite(
    'CPPCR reg 19(b)',
    `review within ${plural(r.parentPlacementWithinWorkingDays, 'working day')} of a placement with a parent before their assessment is complete`,
    r.parentPlacementWithinWorkingDays < S.parentPlacementWithinWorkingDays,
  ),
}));

export const lookedAfterReview: Rule = (h, p) => {
  if (!lookedAfter(h) || !h.episode) return null;
  const r = p.lookedAfterReview;
  const kind = 'looked-after-review';
  if (onShortBreaks(h)) {
    // Counted from the first short break: a review before this placement began does not count.
    const start = Math.max(h.episode.start, h.placement!.start);
    const last = h.lastReview !== null && h.lastReview >= start ? h.lastReview : null;
    if (last === null) return { kind, due: addMonths(start, 3), rule: 'CPPCR reg 48(3)(d): on short breaks, first review within 3 months of the first short break' };
    return { kind, due: addMonths(last, 6), rule: 'CPPCR reg 48(3)(d): on short breaks, reviews not more than 6 months apart' };
  }
  let due: Due;
  if (h.reviewsInEpisode === 0) due = { kind, due: addWorkingDays(h.episode.start, r.firstWithinWorkingDays), rule: says(p).first };
  else if (h.reviewsInEpisode === 1) due = { kind, due: addMonths(h.lastReview!, r.secondWithinMonths), rule: says(p).second };
  else due = { kind, due: addMonths(h.lastReview!, r.thenEveryMonths), rule: says(p).later };
  const placement = h.placement;
  if (placement?.arrangement === 'parent-pending-assessment' && placement.open && h.firstReviewInPlacement === null) {
    const withParent = addWorkingDays(placement.start, r.parentPlacementWithinWorkingDays);
    if (withParent < due.due) return { kind, due: withParent, rule: says(p).withParent };
  }
  return due;
};
