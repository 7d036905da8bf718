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
import { type Rule, cite, lookedAfter, plural } from './rule.js';
import { STATUTORY } from '#domain/policy.js';

const S = STATUTORY.statutoryVisit;

export const statutoryVisit: Rule = (h, p) => {
  const placement = h.placement;
  if (!lookedAfter(h) || !placement) return null;
  const v = p.statutoryVisit;
  const kind = 'statutory-visit';
  const last = h.lastVisit;

  if (last === null) {
    const source = placement.arrangement === 'parent-care-order' ? 'CPPCR reg 28(5)' : 'CPPCR reg 28(2)(a)';
    return {
      kind,
      due: placement.start + v.firstWithinDays,
      rule: cite(source, `visit within ${plural(v.firstWithinDays, 'day')} of the placement starting`, v.firstWithinDays < S.firstWithinDays),
    };
  }

  const beforeFirstReview = h.firstReview === null || last <= h.firstReview;
  switch (placement.arrangement) {
    case 'parent-pending-assessment':
    case 'connected-person-temporary':
    case 'parent-interim-care-order': {
      const source = placement.arrangement === 'parent-pending-assessment' ? 'CPPCR reg 28(3)' : 'CPPCR reg 28(4)';
      if (beforeFirstReview) {
        return {
          kind,
          due: last + v.untilFirstReviewEveryDays,
          rule: cite(source, `visit every ${plural(v.untilFirstReviewEveryDays, 'day')} until the first review`, v.untilFirstReviewEveryDays < S.untilFirstReviewEveryDays),
        };
      }
      const every = placement.arrangement === 'parent-pending-assessment' ? v.firstYearEveryDays : v.temporaryAfterFirstReviewEveryDays;
      const statutory = placement.arrangement === 'parent-pending-assessment' ? S.firstYearEveryDays : S.temporaryAfterFirstReviewEveryDays;
      return { kind, due: last + every, rule: cite(source, `visit within ${plural(every, 'day')} of the last after the first review`, every < statutory) };
    }
    case 'parent-care-order':
      return {
        kind,
        due: last + v.firstYearEveryDays,
        rule: cite('CPPCR reg 28(5)', `visit within ${plural(v.firstYearEveryDays, 'day')} of the last`, v.firstYearEveryDays < S.firstYearEveryDays),
      };
    default:
      break;
  }

  const firstYearEnds = addMonths(placement.start, 12);
  if (last < firstYearEnds) {
    return {
      kind,
      due: last + v.firstYearEveryDays,
      rule: cite('CPPCR reg 28(2)(b)', `visit within ${plural(v.firstYearEveryDays, 'day')} of the last in the placement's first year`, v.firstYearEveryDays < S.firstYearEveryDays),
    };
  }
  if (placement.longTerm) {
    if (h.fewerVisitsAgreed) {
      return {
        kind,
        due: addMonths(last, v.agreedLongTermEveryMonths),
        rule: cite('CPPCR reg 28(3A)', `visit within ${plural(v.agreedLongTermEveryMonths, 'month')} in a long-term placement, as the child agreed`, v.agreedLongTermEveryMonths < S.agreedLongTermEveryMonths),
      };
    }
    return {
      kind,
      due: addMonths(last, v.longTermEveryMonths),
      rule: cite('CPPCR reg 28(2)(c)', `visit within ${plural(v.longTermEveryMonths, 'month')} of the last in a long-term placement after its first year`, v.longTermEveryMonths < S.longTermEveryMonths),
    };
  }
  return {
    kind,
    due: last + v.afterFirstYearEveryDays,
    rule: cite('CPPCR reg 28(2)(c)', `visit within ${plural(v.afterFirstYearEveryDays, 'day')} of the last`, v.afterFirstYearEveryDays < S.afterFirstYearEveryDays),
  };
};
