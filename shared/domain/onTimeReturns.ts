/**
 * Return home interviews: each return from a missing episode, the latest day
 * its interview is in time, and the interview that answers it.
 */
import { HOUR_MS, londonDateOf, londonWallClock } from './dates.js';
import type { Fact } from './facts.js';

export interface ReturnInterview {
  /** London date of the return. */
  returnedOn: string;
  /** Latest London date on which the interview is in time. */
  dueOn: string;
  /** The interview matched to this return, if any. */
  interviewOn: string | null;
  /**
   * Whether that interview was within the hours: to the minute when its time
   * was recorded, otherwise by date (on or before `dueOn`).
   */
  inTime: boolean;
}

interface Interview {
  date: string;
  /** Epoch milliseconds, when the time was recorded. */
  at?: number;
}

function interviewOf(date: string, time: string | undefined): Interview {
  if (time === undefined) return { date };
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  return { date, at: londonWallClock(y, m, d, hh, mm) };
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
  const interviews: Interview[] = [];
  for (const fact of facts) {
    if (fact.type === 'missing-episode' && fact.returned !== undefined) returns.push(Date.parse(fact.returned));
    else if (fact.type === 'return-home-interview') interviews.push(interviewOf(fact.date, fact.time));
  }
  returns.sort((a, b) => a - b);
  interviews.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : (a.at ?? 0) - (b.at ?? 0)));
  const matched: ReturnInterview[] = [];
  let i = 0;
  for (const at of returns) {
    const returnedOn = londonDateOf(new Date(at));
    const deadline = at + withinHours * HOUR_MS;
    const dueOn = londonDateOf(new Date(deadline));
    while (i < interviews.length && interviews[i]!.date < returnedOn) i += 1;
    const interview = i < interviews.length ? interviews[i++]! : null;
    const inTime = interview !== null && (interview.at === undefined ? interview.date <= dueOn : interview.at <= deadline);
    matched.push({ returnedOn, dueOn, interviewOn: interview?.date ?? null, inTime });
  }
  return matched;
}
