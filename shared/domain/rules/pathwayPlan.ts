/**
 * Needs assessment and pathway plan: CPPCR 2010 regulations 40 to 43, and
 * the Care Leavers (England) Regulations 2010.
 * - Assessment not more than 3 months after the child turns 16 or, if later,
 *   becomes an eligible child (looked after 13 weeks since turning 14 and
 *   still looked after at 16); the plan is due with it (the earlier reading).
 *   A council may ask for it by the 16th birthday (0 months).
 * - Reviewed at least every 6 months, in care and after leaving, until the
 *   adviser duty ends (21, or the council's later age).
 */
import { addMonths, birthday } from '#domain/dates.js';
import { STATUTORY } from '#domain/policy.js';
import { type Rule, careLeaver, cite, lookedAfter, perPolicy, plural } from './rule.js';

const S = STATUTORY.pathwayPlan;

const says = perPolicy(({ pathwayPlan: { monthsAfterSixteenthBirthday: months, reviewEveryMonths } }) => {
  const plan = (when: string, after: string) =>
    cite('CPPCR reg 42', months === 0 ? `needs assessment and pathway plan by ${when}` : `needs assessment and pathway plan within ${plural(months, 'month')} of ${after}`,
      months < S.monthsAfterSixteenthBirthday);
  const review = (extended: boolean) =>
    cite('Care Leavers (England) Regulations 2010 reg 7', `pathway plan reviewed every ${plural(reviewEveryMonths, 'month')}`, reviewEveryMonths < S.reviewEveryMonths || extended);
  return {
    atSixteen: plan('the 16th birthday', 'the 16th birthday'),
    later: plan('the day the child becomes eligible', 'becoming eligible'),
    review: review(false),
    // Past 21 the plan is kept only because the council chose a later age.
    reviewExtended: review(true),
  };
});

/**
 * Eligibility is projected for a child still in care, but only from the 14th
 * birthday, when the 13-week count starts: an 11-year-old has no pathway plan.
 */
function inScope(h: Parameters<Rule>[0], untilAge: number): boolean {
  if (h.eligibleFrom === null) return false;
  if (lookedAfter(h)) return h.today >= birthday(h.dateOfBirth, 14);
  return careLeaver(h, untilAge);
}

export const pathwayPlan: Rule = (h, p) => {
  if (!inScope(h, p.personalAdviser.untilAge) || h.lastPathwayPlan !== null) return null;
  const atSixteen = h.eligibleFrom === birthday(h.dateOfBirth, 16);
  return {
    kind: 'pathway-plan',
    due: addMonths(h.eligibleFrom!, p.pathwayPlan.monthsAfterSixteenthBirthday),
    rule: atSixteen ? says(p).atSixteen : says(p).later,
  };
};

export const pathwayPlanReview: Rule = (h, p) => {
  const untilAge = p.personalAdviser.untilAge;
  if (!inScope(h, untilAge) || h.lastPathwayPlan === null) return null;
  const due = addMonths(h.lastPathwayPlan, p.pathwayPlan.reviewEveryMonths);
  if (due >= birthday(h.dateOfBirth, untilAge)) return null;
  const extended = due >= birthday(h.dateOfBirth, STATUTORY.personalAdviser.untilAge);
  return { kind: 'pathway-plan-review', due, rule: extended ? says(p).reviewExtended : says(p).review };
};
