/**
 * Working days in England: every day but Saturday, Sunday and the bank
 * holidays of England and Wales, which include Christmas Day, Good Friday,
 * substitute days and one-off holidays (jubilees, state funerals, coronations).
 *
 * For the years GOV.UK has published (its bank-holidays.json feed, shipped in
 * `data/`) that list is the authority: it holds proclamations no rule can
 * know. Other years come from `date-holidays` (region GB-ENG), which computes
 * them by rule; tests hold both against the published dates.
 */
import Holidays from 'date-holidays';
import { type DayNumber, isWeekend, toDayNumber, weekday, civilFromDays } from './dates.js';
import published from './data/bank-holidays-england-and-wales.json' with { type: 'json' };

const england = new Holidays('GB', 'ENG', { types: ['public', 'bank'] });

const publishedByYear = new Map<number, BankHoliday[]>();
for (const event of published.events) {
  const year = Number(event.date.slice(0, 4));
  const list = publishedByYear.get(year) ?? [];
  list.push({ date: event.date, name: event.title });
  publishedByYear.set(year, list);
}

/** The weekday bank holidays `date-holidays` computes for `year` by rule alone. */
export function ruleBasedBankHolidays(year: number): BankHoliday[] {
  return england
    .getHolidays(year)
    .filter((h) => h.type === 'public' || h.type === 'bank')
    .map((h) => ({ date: h.date.slice(0, 10), name: h.name }))
    .filter((h) => !isWeekend(toDayNumber(h.date)))
    .sort((a, b) => a.date.localeCompare(b.date));
}

export interface BankHoliday {
  date: string;
  name: string;
}

const holidaysByYear = new Map<number, BankHoliday[]>();

/** The bank holidays that fall on a weekday in `year`, in date order. */
export function bankHolidays(year: number): BankHoliday[] {
  let list = holidaysByYear.get(year);
  if (!list) {
    list = publishedByYear.get(year) ?? ruleBasedBankHolidays(year);
    holidaysByYear.set(year, list);
  }
  return list;
}

/** Sorted day numbers of every weekday holiday in the years loaded so far. */
let loadedFrom = 0;
let loadedTo = -1;
let holidayDays: Int32Array = new Int32Array(0);

function ensureYears(fromYear: number, toYear: number): void {
  if (fromYear >= loadedFrom && toYear <= loadedTo) return;
  const from = loadedTo < loadedFrom ? fromYear : Math.min(fromYear, loadedFrom);
  const to = loadedTo < loadedFrom ? toYear : Math.max(toYear, loadedTo);
  const days: number[] = [];
  for (let y = from; y <= to; y++) for (const h of bankHolidays(y)) days.push(toDayNumber(h.date));
  holidayDays = Int32Array.from(days);
  loadedFrom = from;
  loadedTo = to;
}

function yearOf(day: DayNumber): number {
  return civilFromDays(day).year;
}

/** Index of the first holiday after `day`. */
function firstHolidayAfter(day: DayNumber): number {
  let lo = 0;
  let hi = holidayDays.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (holidayDays[mid]! <= day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Number of weekday holidays in the half-open range (after, upTo]. */
function holidaysBetween(after: DayNumber, upTo: DayNumber): number {
  ensureYears(yearOf(after), yearOf(upTo));
  return firstHolidayAfter(upTo) - firstHolidayAfter(after);
}

export function isBankHoliday(day: DayNumber): boolean {
  return !isWeekend(day) && holidaysBetween(day - 1, day) === 1;
}

export function isWorkingDay(day: DayNumber): boolean {
  return !isWeekend(day) && holidaysBetween(day - 1, day) === 0;
}

/** The `n`th weekday after `start`, ignoring holidays, in constant time. */
function addWeekdays(start: DayNumber, n: number): DayNumber {
  let from = start;
  const w = weekday(from);
  if (w >= 5) from -= w - 4; // counting from a weekend is counting from the Friday before
  const weeks = Math.floor(n / 5);
  const rest = n % 5;
  let day = from + weeks * 7;
  if (rest > 0) day += weekday(from) + rest > 4 ? rest + 2 : rest;
  return day;
}

/**
 * "Within n working days of D": the first working day after D is day 1, and
 * the nth is the deadline. Skips whole weeks at once and then the holidays in
 * the span, so the cost grows with the holidays crossed, not with n.
 */
export function addWorkingDays(start: DayNumber, n: number): DayNumber {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be a whole number of 0 or more, not ${n}`);
  let from = start;
  let remaining = n;
  let day = start;
  while (remaining > 0) {
    day = addWeekdays(from, remaining);
    remaining = holidaysBetween(from, day);
    from = day;
  }
  return day;
}

/** The next working day on or after `day`. */
export function workingDayOnOrAfter(day: DayNumber): DayNumber {
  return isWorkingDay(day) ? day : addWorkingDays(day, 1);
}
