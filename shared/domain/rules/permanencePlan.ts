/**
 * Permanence plan: statutory guidance (Children Act 1989 guidance and
 * regulations Volume 2, care planning) expects it in place by the second
 * looked-after review, so it is due on the date the second review falls due.
 */
import { addMonths } from '#domain/dates.js';
import { addWorkingDays } from '#domain/workingDays.js';
import { STATUTORY } from '#domain/policy.js';
import { type Rule, cite, lookedAfter, perPolicy } from './rule.js';

const says = perPolicy((p) => {
  const r = p.lookedAfterReview;
  const tightened = r.firstWithinWorkingDays < STATUTORY.lookedAfterReview.firstWithinWorkingDays ||
    r.secondWithinMonths < STATUTORY.lookedAfterReview.secondWithinMonths;
  return cite('Care planning guidance Vol 2', 'permanence plan in place by the second review', tightened);
});

export const permanencePlan: Rule = (h, p) => {
  if (!lookedAfter(h) || !h.episode || h.permanencePlanDone) return null;
  const r = p.lookedAfterReview;
  if (h.secondReview !== null) return { kind: 'permanence-plan', due: h.secondReview, rule: says(p) };
  const firstReview = h.firstReview ?? addWorkingDays(h.episode.start, r.firstWithinWorkingDays);
  return { kind: 'permanence-plan', due: addMonths(firstReview, r.secondWithinMonths), rule: says(p) };
};
