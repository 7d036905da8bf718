/**
 * Permanence plan: statutory guidance (Children Act 1989 guidance and
 * regulations Volume 2, care planning) expects it in place by the second
 * looked-after review, so it is due on the date the second review falls due.
 */
import { addMonths } from '#domain/dates.js';
import { addWorkingDays } from '#domain/workingDays.js';
import { STATUTORY } from '#domain/policy.js';
import { type Rule, cite, lookedAfter } from './rule.js';

export const permanencePlan: Rule = (h, p) => {
  if (!lookedAfter(h) || !h.episode || h.permanencePlanDone) return null;
  const r = p.lookedAfterReview;
  const firstReview = h.firstReview ?? addWorkingDays(h.episode.start, r.firstWithinWorkingDays);
  const tightened = r.firstWithinWorkingDays < STATUTORY.lookedAfterReview.firstWithinWorkingDays ||
    r.secondWithinMonths < STATUTORY.lookedAfterReview.secondWithinMonths;
  return {
    kind: 'permanence-plan',
    due: h.secondReview ?? addMonths(firstReview, r.secondWithinMonths),
    rule: cite('Care planning guidance Vol 2', 'permanence plan in place by the second review', tightened),
  };
};
