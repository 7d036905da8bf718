/**
 * Return home interview: statutory guidance on children who run away or go
 * missing from home or care (DfE 2014): offered within 72 hours of the child
 * returning. Each return needs its own interview; an interview counts for the
 * earliest return on or before its date that has none yet. The deadline is an
 * instant (`dueAt`, UTC); its London date is the due date.
 */
import { HOUR_MS, londonDayOf } from '#domain/dates.js';
import { STATUTORY } from '#domain/policy.js';
import { type Rule, cite, lookedAfter, perPolicy, plural } from './rule.js';

const says = perPolicy(({ returnHomeInterview: { withinHours: hours } }) =>
  cite('Missing children statutory guidance 2014', `return home interview within ${plural(hours, 'hour')} of return`, hours < STATUTORY.returnHomeInterview.withinHours));

export const returnHomeInterview: Rule = (h, p) => {
  if (!lookedAfter(h) || h.missingReturns.length === 0) return null;
  const interviews = h.returnInterviews;
  let i = 0;
  for (const ret of h.missingReturns) {
    while (i < interviews.length && interviews[i]! < ret.returnedOn) i += 1;
    if (i < interviews.length) {
      i += 1;
      continue;
    }
    const dueAt = ret.returnedAt + p.returnHomeInterview.withinHours * HOUR_MS;
    return { kind: 'return-home-interview', due: londonDayOf(dueAt), dueAt: new Date(dueAt).toISOString(), rule: says(p) };
  }
  return null;
};
