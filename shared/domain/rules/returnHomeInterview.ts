/**
 * Return home interview: statutory guidance on children who run away or go
 * missing from home or care (DfE 2014): offered within 72 hours of the child
 * returning. Each return needs its own interview; an interview counts for the
 * earliest return on or before its date that has none yet. The deadline is an
 * instant (`dueAt`, UTC); its London date is the due date.
 *
 * The guidance covers every child, so a care leaver under 18 (a relevant
 * child, who left care at 16 or 17) who comes back after going missing is
 * owed an interview too, for each return since leaving care, until their 18th
 * birthday; the rule says their personal adviser is to be told. (Who holds
 * the work is the team around the child's business; for now it says so.)
 */
import { HOUR_MS, londonDayOf } from '#domain/dates.js';
import type { MissingEpisode } from '#domain/history.js';
import { STATUTORY } from '#domain/policy.js';
import { type Rule, careLeaver, cite, lookedAfter, perPolicy, plural } from './rule.js';

const SOURCE = 'Missing children statutory guidance 2014';

const says = perPolicy(({ returnHomeInterview: { withinHours: hours } }) => {
  const tightened = hours < STATUTORY.returnHomeInterview.withinHours;
  return {
    inCare: cite(SOURCE, `return home interview within ${plural(hours, 'hour')} of return`, tightened),
    careLeaver: cite(SOURCE, `return home interview within ${plural(hours, 'hour')} of return, for a care leaver under 18: tell their personal adviser`, tightened),
  };
});

export const returnHomeInterview: Rule = (h, p) => {
  if (h.missingReturns.length === 0) return null;
  let from: number;
  if (lookedAfter(h)) from = Number.NEGATIVE_INFINITY;
  else if (h.today < h.eighteenth && careLeaver(h, p.personalAdviser.untilAge)) from = h.episode!.end!;
  else return null;
  const interviews = h.returnInterviews;
  let i = 0;
  let owed: MissingEpisode | null = null;
  for (const ret of h.missingReturns) {
    if (ret.returnedOn < from || ret.returnedOn >= h.eighteenth) continue;
    while (i < interviews.length && interviews[i]! < ret.returnedOn) i += 1;
    if (i < interviews.length) {
      i += 1;
      continue;
    }
    owed = ret;
    break;
  }
  if (owed === null) return null;
  const dueAt = owed.returnedAt + p.returnHomeInterview.withinHours * HOUR_MS;
  const rule = lookedAfter(h) ? says(p).inCare : says(p).careLeaver;
  return { kind: 'return-home-interview', due: londonDayOf(dueAt), dueAt: new Date(dueAt).toISOString(), rule };
};
