/**
 * Care plan: CPPCR 2010 regulation 4. Prepared before the child is first
 * placed or, if that is not practicable, within 10 working days of it. Done
 * once per care episode; later changes are made at reviews.
 */
import { addWorkingDays } from '#domain/workingDays.js';
import { STATUTORY } from '#domain/policy.js';
import { type Rule, cite, lookedAfter, perPolicy, plural } from './rule.js';

const says = perPolicy((p) => {
  const n = p.carePlan.withinWorkingDays;
  return cite('CPPCR reg 4', `care plan within ${plural(n, 'working day')} of the first placement`, n < STATUTORY.carePlan.withinWorkingDays);
});

export const carePlan: Rule = (h, p) => {
  if (!lookedAfter(h) || !h.episode || h.carePlanDone) return null;
  return { kind: 'care-plan', due: addWorkingDays(h.episode.start, p.carePlan.withinWorkingDays), rule: says(p) };
};
