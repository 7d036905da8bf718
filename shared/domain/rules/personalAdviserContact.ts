/**
 * Personal adviser contact with a care leaver: Care Leavers (England)
 * Regulations 2010 reg 8(2) (a visit within 7 days of a relevant child, one
 * who leaves care at 16 or 17, first being given accommodation, then not
 * more than 2 months apart) and the Children and Social Work Act 2017 (advice
 * to 25). Kept keeps in touch with every care leaver at the stricter 8 weeks,
 * until 21 unless the council sets a later age.
 */
import { birthday } from '#domain/dates.js';
import { STATUTORY } from '#domain/policy.js';
import { type Rule, careLeaver, cite, perPolicy, plural } from './rule.js';

const S = STATUTORY.personalAdviser;
const SOURCE = 'Care Leavers (England) Regulations 2010 reg 8';

const says = perPolicy(({ personalAdviser: { firstWithinDays, everyWeeks } }) => ({
  first: cite(SOURCE, `personal adviser visit within ${plural(firstWithinDays, 'day')} of leaving care`, firstWithinDays < S.firstWithinDays),
  every: cite(SOURCE, `personal adviser contact every ${plural(everyWeeks, 'week')}`, everyWeeks < S.everyWeeks),
  extended: cite(SOURCE, `personal adviser contact every ${plural(everyWeeks, 'week')}`, true),
}));

export const personalAdviserContact: Rule = (h, p) => {
  const { firstWithinDays, everyWeeks, untilAge } = p.personalAdviser;
  if (!careLeaver(h, untilAge)) return null;
  const left = h.episode!.end!;
  const last = h.lastAdviserContactAfterLeaving;
  const relevantChild = left < birthday(h.dateOfBirth, 18);
  // Past 21 the duty runs only because the council chose a later age.
  const extended = untilAge > S.untilAge && h.today >= birthday(h.dateOfBirth, S.untilAge);
  let due: number;
  let rule: string;
  if (last === null && relevantChild) {
    due = left + firstWithinDays;
    rule = says(p).first;
  } else {
    due = (last ?? left) + everyWeeks * 7;
    rule = extended ? says(p).extended : says(p).every;
  }
  return due < birthday(h.dateOfBirth, untilAge) ? { kind: 'personal-adviser-contact', due, rule } : null;
};
