/**
 * Dental check. No national interval is set; the SSDA903 return (OC2,
 * TEETH_CHECK) asks yearly whether each child's teeth were checked, so Kept
 * defaults to 12 months from the last check, or from entering care if none
 * is recorded. Councils often set 6 months. Not on a series of short breaks:
 * the check belongs to the health assessment, which reg 48(3)(b) disapplies.
 */
import { addMonths } from '#domain/dates.js';
import { STATUTORY } from '#domain/policy.js';
import { type Rule, cite, lookedAfter, onShortBreaks, perPolicy, plural } from './rule.js';

const says = perPolicy((p) => {
  const months = p.dentalCheck.everyMonths;
  return cite('SSDA903 OC2 teeth check', `dental check every ${plural(months, 'month')}`, months < STATUTORY.dentalCheck.everyMonths);
});

export const dentalCheck: Rule = (h, p) => {
  if (!lookedAfter(h) || onShortBreaks(h) || !h.episode) return null;
  return { kind: 'dental-check', due: addMonths(h.lastDentalCheck ?? h.episode.start, p.dentalCheck.everyMonths), rule: says(p) };
};
