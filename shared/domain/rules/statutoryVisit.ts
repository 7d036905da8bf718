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
 * - 28(3): placed with a parent before assessment (reg 19): weekly until the first review, then 6 weeks;
 * - 28(4): temporary connected-person carer, or with a parent under an interim
 *   care order: weekly until the first review, then 4 weeks;
 * - 28(5): with a parent under a care order: within a week of the order, then 6 weeks.
 * - 48(3)(c): on a series of short breaks, reg 28(2) does not apply: the
 *   first visit within 3 months of the first short break (the short-breaks placement's
 *   start), then not more than 6 months apart (the intervals agreed with the
 *   IRO and parents may be shorter; Kept holds the regulation's outer limit).
 *
 * Ambiguities resolved to the earlier date:
 * - the interval follows the date of the last visit, so a visit made days before
 *   the placement's first anniversary still has the 6-week first-year interval;
 * - "until the first review" under 28(3) and (4) means the first review held
 *   after this placement began: a child placed with a parent after the care
 *   episode's first review is visited weekly until the next one. A review on
 *   the day the placement starts is taken as before it, and a last visit on or
 *   before that review keeps the weekly interval;
 * - 28(3A) is read as the regulation words it: only a long-term foster
 *   placement (with foster carers or approved connected persons, recorded as
 *   long-term). An agreement recorded for any other placement is not used; the
 *   obligation carries a note saying so, for the worker to put right;
 * - a care order (a `care-order` fact) made while the child lives with a
 *   parent needs a visit within a week of it, whatever the last visit was; it
 *   ends an interim care order's 4-weekly interval, while a reg 19 placement
 *   keeps its weekly visits until the first review as well.
 */
import { addMonths } from '#domain/dates.js';
import type { ChildHistory, Placement } from '#domain/history.js';
import { type ResolvedPolicy, STATUTORY } from '#domain/policy.js';
import { type Due, type Rule, cite, lookedAfter, onShortBreaks, perPolicy, plural } from './rule.js';

const S = STATUTORY.statutoryVisit;
const kind = 'statutory-visit';

const says = perPolicy(({ statutoryVisit: v }) => {
  const first = (source: string) => cite(source, `visit within ${plural(v.firstWithinDays, 'day')} of the placement starting`, v.firstWithinDays < S.firstWithinDays);
  const weekly = (source: string) =>
    cite(source, `visit every ${plural(v.untilFirstReviewEveryDays, 'day')} until the first review`, v.untilFirstReviewEveryDays < S.untilFirstReviewEveryDays);
  const afterReview = (source: string, every: number, statutory: number) =>
    cite(source, `visit within ${plural(every, 'day')} of the last after the first review`, every < statutory);
  return {
    first: first('CPPCR reg 28(2)(a)'),
    firstCareOrder: first('CPPCR reg 28(5)'),
    careOrderMade: cite('CPPCR reg 28(5)', `visit within ${plural(v.firstWithinDays, 'day')} of the care order`, v.firstWithinDays < S.firstWithinDays),
    weeklyPending: weekly('CPPCR reg 28(3)'),
    weeklyTemporary: weekly('CPPCR reg 28(4)'),
    afterReviewPending: afterReview('CPPCR reg 28(3)', v.firstYearEveryDays, S.firstYearEveryDays),
    afterReviewTemporary: afterReview('CPPCR reg 28(4)', v.temporaryAfterFirstReviewEveryDays, S.temporaryAfterFirstReviewEveryDays),
    careOrder: cite('CPPCR reg 28(5)', `visit within ${plural(v.firstYearEveryDays, 'day')} of the last`, v.firstYearEveryDays < S.firstYearEveryDays),
    firstYear: cite('CPPCR reg 28(2)(b)', `visit within ${plural(v.firstYearEveryDays, 'day')} of the last in the placement's first year`, v.firstYearEveryDays < S.firstYearEveryDays),
    agreed: cite('CPPCR reg 28(3A)', `visit within ${plural(v.agreedLongTermEveryMonths, 'month')} in a long-term foster placement, as the child agreed`, v.agreedLongTermEveryMonths < S.agreedLongTermEveryMonths),
    longTerm: cite('CPPCR reg 28(2)(c)', `visit within ${plural(v.longTermEveryMonths, 'month')} of the last in a long-term placement after its first year`, v.longTermEveryMonths < S.longTermEveryMonths),
    afterFirstYear: cite('CPPCR reg 28(2)(c)', `visit within ${plural(v.afterFirstYearEveryDays, 'day')} of the last`, v.afterFirstYearEveryDays < S.afterFirstYearEveryDays),
  };
});

type Arrangement = Placement['arrangement'];

const FOSTER: ReadonlySet<Arrangement> = new Set(['foster', 'connected-person']);
const WITH_PARENT: ReadonlySet<Arrangement> = new Set(['parent-pending-assessment', 'parent-interim-care-order', 'parent-care-order']);

/** What the placement is, where reg 28(3A) cannot apply to it. */
const NOT_LONG_TERM_FOSTER: Record<string, string> = {
  residential: 'a residential placement',
  'supported-accommodation': 'supported accommodation',
  'connected-person-temporary': 'a temporary connected-person placement',
  'parent-pending-assessment': 'a placement with a parent',
  'parent-interim-care-order': 'a placement with a parent',
  'parent-care-order': 'a placement with a parent',
  'short-breaks': 'a series of short breaks',
  other: 'not a foster placement',
};

/** Why a recorded fewer-visits agreement is not used, or null when there is none or it applies. */
function agreementNote(placement: Placement, agreed: boolean): string | null {
  if (!agreed) return null;
  const foster = FOSTER.has(placement.arrangement);
  if (foster && placement.longTerm) return null;
  const what = foster ? 'not recorded as long-term' : (NOT_LONG_TERM_FOSTER[placement.arrangement ?? ''] ?? 'not recorded as a foster placement');
  return `A fewer-visits agreement is recorded but not used: CPPCR reg 28(3A) allows it only in a long-term foster placement, and this placement is ${what}.`;
}

/** The next visit by the interval the last visit set. */
function afterLast(h: ChildHistory, placement: Placement, last: number, p: ResolvedPolicy): Due {
  const v = p.statutoryVisit;
  const text = says(p);
  let arrangement = placement.arrangement;
  // A care order replaces an interim one: from the first visit under it, reg 28(5).
  if (arrangement === 'parent-interim-care-order' && h.careOrder !== null && last >= h.careOrder) arrangement = 'parent-care-order';
  switch (arrangement) {
    case 'parent-pending-assessment':
    case 'connected-person-temporary':
    case 'parent-interim-care-order': {
      const pending = arrangement === 'parent-pending-assessment';
      const review = h.firstReviewInPlacement;
      if (review === null || last <= review) return { kind, due: last + v.untilFirstReviewEveryDays, rule: pending ? text.weeklyPending : text.weeklyTemporary };
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
    if (h.fewerVisitsAgreed && FOSTER.has(arrangement)) return { kind, due: addMonths(last, v.agreedLongTermEveryMonths), rule: text.agreed };
    return { kind, due: addMonths(last, v.longTermEveryMonths), rule: text.longTerm };
  }
  return { kind, due: last + v.afterFirstYearEveryDays, rule: text.afterFirstYear };
}

function visitDue(h: ChildHistory, placement: Placement, p: ResolvedPolicy): Due {
  const v = p.statutoryVisit;
  const last = h.lastVisit;
  if (last === null) {
    return { kind, due: placement.start + v.firstWithinDays, rule: placement.arrangement === 'parent-care-order' ? says(p).firstCareOrder : says(p).first };
  }
  const next = afterLast(h, placement, last, p);
  const order = h.careOrder;
  if (order !== null && last < order && WITH_PARENT.has(placement.arrangement) && order + v.firstWithinDays < next.due) {
    return { kind, due: order + v.firstWithinDays, rule: says(p).careOrderMade };
  }
  return next;
}

const SHORT_BREAKS = {
  first: 'CPPCR reg 48(3)(c)(i): on short breaks, first visit within 3 months of the first short break',
  then: 'CPPCR reg 48(3)(c)(ii): on short breaks, visits not more than 6 months apart',
};

export const statutoryVisit: Rule = (h, p) => {
  const placement = h.placement;
  if (!lookedAfter(h) || !placement) return null;
  if (onShortBreaks(h)) {
    if (h.lastVisit === null) return { kind, due: addMonths(placement.start, 3), rule: SHORT_BREAKS.first };
    return { kind, due: addMonths(h.lastVisit, 6), rule: SHORT_BREAKS.then };
  }
  const due = visitDue(h, placement, p);
  const note = agreementNote(placement, h.fewerVisitsAgreed);
  if (note !== null) due.note = note;
  return due;
};
