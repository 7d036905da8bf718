/**
 * Health assessments: CPPCR 2010 regulation 7 and Schedule 1 (not on a series
 * of short breaks: reg 48(3)(b) disapplies reg 7), with the
 * statutory guidance "Promoting the health and well-being of looked-after
 * children" (DfE/DHSC 2015).
 * - Initial health assessment: reg 7(1) asks for it before the child is
 *   placed or, if that is not practicable, before the first review. Kept
 *   counts 20 working days from the child becoming looked after (when the
 *   first review is due) and, when the first review is held sooner, makes it
 *   due on the day of that review (the earlier reading; one done the same day
 *   counts). Held without it, it is overdue from that day.
 * - Review health assessment every 6 months before the child's 5th birthday
 *   and every 12 months from it. The interval follows the child's age on the
 *   day of the last assessment: one held at 4 years 11 months brings the next
 *   due 6 months later (the earlier reading).
 */
import { addMonths, birthday } from '#domain/dates.js';
import { addWorkingDays } from '#domain/workingDays.js';
import { STATUTORY } from '#domain/policy.js';
import { type Rule, cite, lookedAfter, onShortBreaks, perPolicy, plural } from './rule.js';

const S = STATUTORY.healthAssessment;
const SOURCE = 'Health of looked-after children statutory guidance 2015';

const says = perPolicy(({ healthAssessment: a }) => ({
  initial: cite(SOURCE, `initial health assessment within ${plural(a.initialWithinWorkingDays, 'working day')}, before the first review`, a.initialWithinWorkingDays < S.initialWithinWorkingDays),
  byReview: cite('CPPCR reg 7(1)', 'initial health assessment by the day of the first review', false),
  under5: cite(SOURCE, `review health assessment every ${plural(a.under5EveryMonths, 'month')} before age 5`, a.under5EveryMonths < S.under5EveryMonths),
  from5: cite(SOURCE, `review health assessment every ${plural(a.from5EveryMonths, 'month')} from age 5`, a.from5EveryMonths < S.from5EveryMonths),
}));

export const initialHealthAssessment: Rule = (h, p) => {
  if (!lookedAfter(h) || onShortBreaks(h) || !h.episode || h.lastHealthAssessment !== null) return null;
  const due = addWorkingDays(h.episode.start, p.healthAssessment.initialWithinWorkingDays);
  if (h.firstReview !== null && h.firstReview < due) return { kind: 'initial-health-assessment', due: h.firstReview, rule: says(p).byReview };
  return { kind: 'initial-health-assessment', due, rule: says(p).initial };
};

export const reviewHealthAssessment: Rule = (h, p) => {
  const last = h.lastHealthAssessment;
  if (!lookedAfter(h) || onShortBreaks(h) || last === null) return null;
  const under5 = last < birthday(h.dateOfBirth, 5);
  const months = under5 ? p.healthAssessment.under5EveryMonths : p.healthAssessment.from5EveryMonths;
  return { kind: 'review-health-assessment', due: addMonths(last, months), rule: under5 ? says(p).under5 : says(p).from5 };
};
