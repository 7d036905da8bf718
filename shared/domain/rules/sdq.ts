/**
 * Strengths and Difficulties Questionnaire: statutory guidance on the health
 * of looked-after children (2015) and the SSDA903 return (OC2 SDQ_SCORE):
 * at least every 12 months for children aged 4 to 16. A score of 17 or more
 * is "of concern". The first is due 12 months after the later of entering
 * care and the 4th birthday; none falls due on or after the 17th birthday.
 */
import { addMonths, birthday } from '#domain/dates.js';
import { STATUTORY } from '#domain/policy.js';
import { type Rule, cite, lookedAfter, perPolicy, plural } from './rule.js';

const S = STATUTORY.sdq;

const says = perPolicy(({ sdq: { everyMonths, fromAge, untilAge } }) =>
  cite('SSDA903 OC2 and health guidance', `SDQ every ${plural(everyMonths, 'month')} for ages ${fromAge} to ${untilAge - 1}`,
    everyMonths < S.everyMonths || fromAge < S.fromAge || untilAge > S.untilAge));

export const sdq: Rule = (h, p) => {
  if (!lookedAfter(h) || !h.episode) return null;
  const { everyMonths, fromAge, untilAge } = p.sdq;
  const from = birthday(h.dateOfBirth, fromAge);
  // An SDQ done before `fromAge` (a pre-school one) does not start the clock:
  // counting from it put an SDQ "for ages 4 to 16" due at age 3.
  const last = h.lastSdq !== null && h.lastSdq >= from ? h.lastSdq : null;
  const base = last ?? Math.max(h.episode.start, from);
  const due = addMonths(base, everyMonths);
  if (due >= birthday(h.dateOfBirth, untilAge)) return null;
  return { kind: 'sdq', due, rule: says(p) };
};
