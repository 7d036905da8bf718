/**
 * Placement plan: CPPCR 2010 regulation 9. Agreed with the carer before each
 * placement or, if not practicable, within 5 working days of its start. Not on
 * a series of short breaks: reg 48(3)(a) disapplies reg 9.
 */
import { addWorkingDays } from '#domain/workingDays.js';
import { STATUTORY } from '#domain/policy.js';
import { type Rule, cite, lookedAfter, onShortBreaks, perPolicy, plural } from './rule.js';

const says = perPolicy((p) => {
  const n = p.placementPlan.withinWorkingDays;
  return cite('CPPCR reg 9', `placement plan within ${plural(n, 'working day')} of the placement starting`, n < STATUTORY.placementPlan.withinWorkingDays);
});

export const placementPlan: Rule = (h, p) => {
  const placement = h.placement;
  if (!lookedAfter(h) || onShortBreaks(h) || !placement || placement.id === null || !placement.open || h.placementPlanDone) return null;
  return { kind: 'placement-plan', due: addWorkingDays(placement.start, p.placementPlan.withinWorkingDays), rule: says(p) };
};
