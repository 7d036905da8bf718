/**
 * Statutory visits to a looked-after child: Care Planning, Placement and Case
 * Review (England) Regulations 2010, regulation 28.
 *
 * - 28(2)(a): within one week of the start of every placement;
 * - 28(2)(b): then not more than 6 weeks apart in the first year of the placement;
 * - 28(2)(c): after the first year, 3 months apart where the placement is
 *   intended to last until 18, otherwise 6 weeks;
 * - 28(3A): not more than 6 months apart once a long-term foster placement has
 *   lasted a year and the child agrees (recorded as a `fewer-visits-agreed` fact);
 * - 28(3): placed with a parent before assessment: weekly until the first review, then 6 weeks;
 * - 28(4): temporary connected-person carer, or with a parent under an interim
 *   care order: weekly until the first review, then 4 weeks;
 * - 28(5): with a parent under a care order: within a week of the order, then 6 weeks.
 *
 * Ambiguity resolved to the earlier date: the interval follows the date of the
 * last visit, so a visit made days before the placement's first anniversary
 * still has the 6-week first-year interval; and a last visit made before the
 * first review keeps the weekly interval even once the review has been held.
 */
import { addMonths } from '#domain/dates.js';
import { type Rule, cite, lookedAfter, perPolicy, plural } from './rule.js';
import { STATUTORY } from '#domain/policy.js';

const S = STATUTORY.statutoryVisit;

const says = perPolicy(({ statutoryVisit: v }) => {
  const first = (source: string) => cite(source, `visit within ${plural(v.firstWithinDays, 'day')} of the placement starting`, v.firstWithinDays < S.firstWithinDays);
  const weekly = (source: string) =>
    cite(source, `visit every ${plural(v.untilFirstReviewEveryDays, 'day')} until the first review`, v.untilFirstReviewEveryDays < S.untilFirstReviewEveryDays);
  const afterReview = (source: string, every: number, statutory: number) =>
    cite(source, `visit within ${plural(every, 'day')} of the last after the first review`, every < statutory);
  return {
    first: first('CPPCR reg 28(2)(a)'),
    firstCareOrder: first('CPPCR reg 28(5)'),
    weeklyPending: weekly('CPPCR reg 28(3)'),
    weeklyTemporary: weekly('CPPCR reg 28(4)'),
    afterReviewPending: afterReview('CPPCR reg 28(3)', v.firstYearEveryDays, S.firstYearEveryDays),
    afterReviewTemporary: afterReview('CPPCR reg 28(4)', v.temporaryAfterFirstReviewEveryDays, S.temporaryAfterFirstReviewEveryDays),
    careOrder: cite('CPPCR reg 28(5)', `visit within ${plural(v.firstYearEveryDays, 'day')} of the last`, v.firstYearEveryDays < S.firstYearEveryDays),
    firstYear: cite('CPPCR reg 28(2)(b)', `visit within ${plural(v.firstYearEveryDays, 'day')} of the last in the placement's first year`, v.firstYearEveryDays < S.firstYearEveryDays),
    agreed: cite('CPPCR reg 28(3A)', `visit within ${plural(v.agreedLongTermEveryMonths, 'month')} in a long-term placement, as the child agreed`, v.agreedLongTermEveryMonths < S.agreedLongTermEveryMonths),
    longTerm: cite('CPPCR reg 28(2)(c)', `visit within ${plural(v.longTermEveryMonths, 'month')} of the last in a long-term placement after its first year`, v.longTermEveryMonths < S.longTermEveryMonths),
    afterFirstYear: cite('CPPCR reg 28(2)(c)', `visit within ${plural(v.afterFirstYearEveryDays, 'day')} of the last`, v.afterFirstYearEveryDays < S.afterFirstYearEveryDays),
  };
});

export const statutoryVisit: Rule = (h, p) => {
  const placement = h.placement;
  if (!lookedAfter(h) || !placement) return null;
  const v = p.statutoryVisit;
  const text = says(p);
  const kind = 'statutory-visit';
  const last = h.lastVisit;

  if (last === null) {
    return { kind, due: placement.start + v.firstWithinDays, rule: placement.arrangement === 'parent-care-order' ? text.firstCareOrder : text.first };
  }

  const beforeFirstReview = h.firstReview === null || last <= h.firstReview;
  switch (placement.arrangement) {
    case 'parent-pending-assessment':
    case 'connected-person-temporary':
    case 'parent-interim-care-order': {
      const pending = placement.arrangement === 'parent-pending-assessment';
      if (beforeFirstReview) return { kind, due: last + v.untilFirstReviewEveryDays, rule: pending ? text.weeklyPending : text.weeklyTemporary };
      return pending
        ? { kind, due: last + v.firstYearEveryDays, rule: text.afterReviewPending }
        : { kind, due: last + v.temporaryAfterFirstReviewEveryDays, rule: text.afterReviewTemporary };
    }
    case 'parent-care-order':
      return { kind, due: last + v.firstYearEveryDays, rule: text.careOrder };
    default:
      break;
  }

  if (last < addMonths(placement.start, 12)) return { kind, due: last + v.firstYearEveryDays, rule: text.firstYear };
  if (placement.longTerm) {
    if (h.fewerVisitsAgreed) return { kind, due: addMonths(last, v.agreedLongTermEveryMonths), rule: text.agreed };
    return { kind, due: addMonths(last, v.longTermEveryMonths), rule: text.longTerm };
  }
  return { kind, due: last + v.afterFirstYearEveryDays, rule: text.afterFirstYear };
};
