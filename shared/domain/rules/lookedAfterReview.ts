/**
 * Looked-after reviews chaired by the IRO: CPPCR 2010 regulation 33.
 * - 33(1): first review within 20 working days of the child becoming looked after;
 * - 33(2): second review not more than 3 months after the first;
 * - 33(3): each later review not more than 6 months after the one before.
 */
import { addMonths } from '#domain/dates.js';
import { addWorkingDays } from '#domain/workingDays.js';
import { STATUTORY } from '#domain/policy.js';
import { type Rule, cite, lookedAfter, perPolicy, plural } from './rule.js';

const S = STATUTORY.lookedAfterReview;

const says = perPolicy(({ lookedAfterReview: r }) => ({
  first: cite('CPPCR reg 33(1)', `first review within ${plural(r.firstWithinWorkingDays, 'working day')}`, r.firstWithinWorkingDays < S.firstWithinWorkingDays),
  second: cite('CPPCR reg 33(2)', `second review within ${plural(r.secondWithinMonths, 'month')}`, r.secondWithinMonths < S.secondWithinMonths),
  later: cite('CPPCR reg 33(3)', `later reviews within ${plural(r.thenEveryMonths, 'month')}`, r.thenEveryMonths < S.thenEveryMonths),
}));

export const lookedAfterReview: Rule = (h, p) => {
  if (!lookedAfter(h) || !h.episode) return null;
  const r = p.lookedAfterReview;
  const kind = 'looked-after-review';
  if (h.reviewsInEpisode === 0) return { kind, due: addWorkingDays(h.episode.start, r.firstWithinWorkingDays), rule: says(p).first };
  if (h.reviewsInEpisode === 1) return { kind, due: addMonths(h.lastReview!, r.secondWithinMonths), rule: says(p).second };
  return { kind, due: addMonths(h.lastReview!, r.thenEveryMonths), rule: says(p).later };
};
