/**
 * The care leaver's birthday return: the DfE's children looked after return
 * (SSDA903, the OC3 care leavers' table) asks, for each care leaver around
 * their 17th, 18th, 19th, 20th and 21st birthdays, whether the council was in
 * touch, their main activity and their accommodation and its suitability,
 * as known in the window from 3 months before the birthday to 1 month after
 * it (the DfE's guide to the return). Kept owes it from the day a window
 * opens, due on the birthday, until a status is recorded in the window; a
 * window that closes unanswered leaves Kept's list (a status recorded later
 * is not the birthday's), and the next birthday's follows.
 *
 * Who counts (as the DfE's return): a former eligible child who had left
 * care by the birthday (one leaving on the birthday itself is a care leaver
 * from that day); not one who died or was adopted.
 */
import { type DayNumber, addMonths, birthday } from '#domain/dates.js';
import type { ChildHistory } from '#domain/history.js';
import type { Rule } from './rule.js';

export const RETURN_AGES = [17, 18, 19, 20, 21] as const;
const SOURCE = "DfE children looked after return (SSDA903 OC3), care leavers";

export interface ReturnWindow {
  age: number;
  birthday: DayNumber;
  /** 3 months before the birthday. */
  opens: DayNumber;
  /** 1 month after it. */
  closes: DayNumber;
}

/** The window for the return around the birthday of `age`. */
export function returnWindow(dateOfBirth: DayNumber, age: number): ReturnWindow {
  const day = birthday(dateOfBirth, age);
  return { age, birthday: day, opens: addMonths(day, -3), closes: addMonths(day, 1) };
}

/** The birthdays whose return this young person is owed, as the history reads them (none while looked after or never eligible). */
export function returnWindowsOf(h: ChildHistory): ReturnWindow[] {
  const e = h.episode;
  if (!e || e.end === null || h.eligibleFrom === null || h.eligibleFrom >= e.end) return [];
  if (e.leftReason === 'died' || e.leftReason === 'adopted') return [];
  return RETURN_AGES.map((age) => returnWindow(h.dateOfBirth, age)).filter((w) => w.birthday >= e.end!);
}

export const careLeaverReturn: Rule = (h) => {
  for (const w of returnWindowsOf(h)) {
    if (h.today > w.closes) continue;
    // The window is open, or the next to open: answered by a status recorded in it.
    if (h.today >= w.opens && h.lastCareLeaverStatus !== null && h.lastCareLeaverStatus >= w.opens) continue;
    return {
      kind: 'care-leaver-return',
      due: w.birthday,
      rule: `${SOURCE}: in touch, activity and accommodation around the ${w.age}${w.age === 21 ? 'st' : 'th'} birthday, recorded from 3 months before it to 1 month after`,
    };
  }
  return null;
};
