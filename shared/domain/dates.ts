/**
 * Calendar dates as whole day numbers.
 *
 * A calendar date in Kept is an ISO `YYYY-MM-DD` string read in Europe/London.
 * Inside the engine each date is a day number (days since 1970-01-01), so that
 * adding days and comparing dates are integer operations. The conversions use
 * the proleptic Gregorian "days from civil" algorithm (H. Hinnant); we keep this
 * small module instead of a date library because the engine turns hundreds of
 * thousands of histories into due dates per second, and a library built on
 * `Date` objects allocates for every step.
 */
export type DayNumber = number;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function daysFromCivil(year: number, month: number, day: number): DayNumber {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

export function civilFromDays(days: DayNumber): CivilDate {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const MONTH_LENGTHS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : MONTH_LENGTHS[month - 1]!;
}

/** True for a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(text: string): boolean {
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const month = Number(m[2]);
  const day = Number(m[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(Number(m[1]), month);
}

/** Day numbers of the first of each month, 1900 to 2199: parsing a date is then a look-up and an add. */
const TABLE_FROM_YEAR = 1900;
const TABLE_YEARS = 300;
const MONTH_STARTS = new Int32Array(TABLE_YEARS * 12);
for (let i = 0; i < MONTH_STARTS.length; i++) MONTH_STARTS[i] = daysFromCivil(TABLE_FROM_YEAR + Math.floor(i / 12), (i % 12) + 1, 1);

/** Parses `YYYY-MM-DD`; the caller has validated the text (see `isIsoDate`). */
export function toDayNumber(iso: string): DayNumber {
  const year =
    (iso.charCodeAt(0) - 48) * 1000 + (iso.charCodeAt(1) - 48) * 100 + (iso.charCodeAt(2) - 48) * 10 + (iso.charCodeAt(3) - 48);
  const month = (iso.charCodeAt(5) - 48) * 10 + (iso.charCodeAt(6) - 48);
  const day = (iso.charCodeAt(8) - 48) * 10 + (iso.charCodeAt(9) - 48);
  const slot = (year - TABLE_FROM_YEAR) * 12 + month - 1;
  return slot >= 0 && slot < MONTH_STARTS.length ? MONTH_STARTS[slot]! + day - 1 : daysFromCivil(year, month, day);
}

const TWO_DIGITS = Array.from({ length: 32 }, (_, i) => String(i).padStart(2, '0'));

/** Formatted dates from 1900 to 2199, made on first use: the engine formats the same few thousand over and over. */
const CACHE_FROM = daysFromCivil(1900, 1, 1);
const CACHE_SIZE = daysFromCivil(2200, 1, 1) - CACHE_FROM;
const isoCache: Array<string | undefined> = [];

export function toIsoDate(days: DayNumber): string {
  const slot = days - CACHE_FROM;
  if (slot >= 0 && slot < CACHE_SIZE) {
    const hit = isoCache[slot];
    if (hit !== undefined) return hit;
  }
  const { year, month, day } = civilFromDays(days);
  const text = `${String(year).padStart(4, '0')}-${TWO_DIGITS[month]}-${TWO_DIGITS[day]}`;
  if (slot >= 0 && slot < CACHE_SIZE) isoCache[slot] = text;
  return text;
}

/** 0 = Monday ... 6 = Sunday. Day 0 (1970-01-01) was a Thursday. */
export function weekday(days: DayNumber): number {
  return (((days + 3) % 7) + 7) % 7;
}

export function isWeekend(days: DayNumber): boolean {
  return weekday(days) >= 5;
}

/**
 * Same day of the month `months` later, clamped to the last day of a shorter
 * month: 30 November + 3 months is 28 (or 29) February.
 */
export function addMonths(days: DayNumber, months: number): DayNumber {
  const { year, month, day } = civilFromDays(days);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = index - targetYear * 12 + 1;
  return daysFromCivil(targetYear, targetMonth, Math.min(day, daysInMonth(targetYear, targetMonth)));
}

/** `iso` plus `days` (negative to go back), as `YYYY-MM-DD`. */
export function addDaysIso(iso: string, days: number): string {
  return toIsoDate(toDayNumber(iso) + days);
}

export function addYears(days: DayNumber, years: number): DayNumber {
  return addMonths(days, years * 12);
}

/**
 * The date a person born on `dateOfBirth` reaches `age`. Someone born on
 * 29 February has the birthday on 28 February in a common year, the
 * stricter of the two readings (it never makes a duty fall later).
 */
export function birthday(dateOfBirth: DayNumber, age: number): DayNumber {
  return addYears(dateOfBirth, age);
}

/** Whole years of age on `on`. */
export function ageOn(dateOfBirth: DayNumber, on: DayNumber): number {
  const born = civilFromDays(dateOfBirth);
  const now = civilFromDays(on);
  let age = now.year - born.year;
  if (on < birthday(dateOfBirth, age)) age -= 1;
  return age;
}

const LONDON_DATE = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar date in Europe/London at a UTC instant. */
export function londonDateOf(instant: Date): string {
  return LONDON_DATE.format(instant);
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** True for an ISO 8601 instant with an explicit offset (`Z` or `+01:00`). */
export function isIsoInstant(text: string): boolean {
  return ISO_INSTANT.test(text) && isIsoDate(text.slice(0, 10)) && !Number.isNaN(Date.parse(text));
}

export const HOUR_MS = 3_600_000;
