/**
 * Care plan: CPPCR 2010 regulation 4. Prepared before the child is first
 * placed or, if that is not practicable, within 10 working days of it. Done
 * once per care episode; later changes are made at reviews.
 */
import { addWorkingDays } from '#domain/workingDays.js';
import { STATUTORY } from '#domain/policy.js';
import { type Rule, cite, lookedAfter, plural } from './rule.js';

export const carePlan: Rule = (h, p) => {
  if (!lookedAfter(h) || !h.episode || h.carePlanDone) return null;
  const n = p.carePlan.withinWorkingDays;
  return {
    kind: 'care-plan',
    due: addWorkingDays(h.episode.start, n),
    rule: cite('CPPCR reg 4', `care plan within ${plural(n, 'working day')} of the first placement`, n < STATUTORY.carePlan.withinWorkingDays),
  };
};
