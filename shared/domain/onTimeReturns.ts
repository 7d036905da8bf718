/**
 * Return home interviews: each return from a missing episode, the latest day
 * its interview is in time, and the interview that answers it.
 */
import { HOUR_MS, londonDateOf } from './dates.js';
import type { Fact } from './facts.js';

export interface ReturnInterview {
  /** London date of the return. */
  returnedOn: string;
  /** Latest London date on which the interview is in time. */
  dueOn: string;
  /** The interview matched to this return, if any. */
  interviewOn: string | null;
}

/**
 * Each return from a missing episode with the interview that answers it,
 * matched as `rules/returnHomeInterview.ts` does: returns in time order, each
 * taking the earliest unused interview dated on or after the return's date.
 * All the given facts are used (a later interview may answer a return near
 * the end of a period).
 */
export function matchReturnInterviews(facts: readonly Fact[], withinHours: number): ReturnInterview[] {
  const returns: number[] = [];
  const interviews: string[] = [];
  for (const fact of facts) {
    if (fact.type === 'missing-episode' && fact.returned !== undefined) returns.push(Date.parse(fact.returned));
    else if (fact.type === 'return-home-interview') interviews.push(fact.date);
  }
  returns.sort((a, b) => a - b);
  interviews.sort();
  const matched: ReturnInterview[] = [];
  let i = 0;
  for (const at of returns) {
    const returnedOn = londonDateOf(new Date(at));
    while (i < interviews.length && interviews[i]! < returnedOn) i += 1;
    const interviewOn = i < interviews.length ? interviews[i++]! : null;
    matched.push({ returnedOn, dueOn: londonDateOf(new Date(at + withinHours * HOUR_MS)), interviewOn });
  }
  return matched;
}
