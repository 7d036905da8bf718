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
  const slot = monthSlot(days);
  if (slot >= 0) {
    const year = TABLE_FROM_YEAR + Math.floor(slot / 12);
    return { year, month: slot - (year - TABLE_FROM_YEAR) * 12 + 1, day: days - MONTH_STARTS[slot]! + 1 };
  }
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

/**
 * Day numbers of the first of each month, 1900 to 2199 (and of January 2200,
 * to close the last month): parsing a date, finding the month a day is in and
 * adding months are then look-ups. Outside those years the arithmetic above
 * does the work.
 */
const TABLE_FROM_YEAR = 1900;
const TABLE_MONTHS = 300 * 12;
const MONTH_STARTS = new Int32Array(TABLE_MONTHS + 1);
for (let i = 0; i <= TABLE_MONTHS; i++) MONTH_STARTS[i] = daysFromCivil(TABLE_FROM_YEAR + Math.floor(i / 12), (i % 12) + 1, 1);
const TABLE_FIRST = MONTH_STARTS[0]!;
const TABLE_END = MONTH_STARTS[TABLE_MONTHS]!;
const MEAN_MONTH = 146097 / 4800;

/** The table's month (months since January 1900) that holds `days`, or -1 outside the table. */
function monthSlot(days: DayNumber): number {
  if (days < TABLE_FIRST || days >= TABLE_END) return -1;
  // The mean month length puts the guess within one month of the answer.
  let slot = Math.floor((days - TABLE_FIRST) / MEAN_MONTH);
  if (MONTH_STARTS[slot]! > days) slot -= 1;
  else if (MONTH_STARTS[slot + 1]! <= days) slot += 1;
  return slot;
}

/** Parses `YYYY-MM-DD`; the caller has validated the text (see `isIsoDate`). */
export function toDayNumber(iso: string): DayNumber {
  const year =
    (iso.charCodeAt(0) - 48) * 1000 + (iso.charCodeAt(1) - 48) * 100 + (iso.charCodeAt(2) - 48) * 10 + (iso.charCodeAt(3) - 48);
  const month = (iso.charCodeAt(5) - 48) * 10 + (iso.charCodeAt(6) - 48);
  const day = (iso.charCodeAt(8) - 48) * 10 + (iso.charCodeAt(9) - 48);
  const slot = (year - TABLE_FROM_YEAR) * 12 + month - 1;
  return slot >= 0 && slot < TABLE_MONTHS ? MONTH_STARTS[slot]! + day - 1 : daysFromCivil(year, month, day);
}

/** Formatted dates from 1900 to 2199, made on first use: the engine formats the same few thousand over and over. */
const CACHE_FROM = daysFromCivil(1900, 1, 1);
const CACHE_SIZE = daysFromCivil(2200, 1, 1) - CACHE_FROM;
// Filled up front so the array stays a flat list rather than a sparse dictionary.
const isoCache: Array<string | undefined> = new Array<string | undefined>(CACHE_SIZE).fill(undefined);

export function toIsoDate(days: DayNumber): string {
  const slot = days - CACHE_FROM;
  if (slot >= 0 && slot < CACHE_SIZE) {
    const hit = isoCache[slot];
    if (hit !== undefined) return hit;
  }
  const text = formatIso(civilFromDays(days));
  if (slot >= 0 && slot < CACHE_SIZE) isoCache[slot] = text;
  return text;
}

const digit = (n: number) => 48 + (n % 10);

/**
 * `YYYY-MM-DD` made from character codes: one flat string. (Joined with `+`
 * or a template it would be a rope of parts, and every later read of one of
 * its characters, as `toDayNumber` does, would take a slow path.)
 */
function formatIso({ year, month, day }: CivilDate): string {
  if (year < 0 || year > 9999) return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return String.fromCharCode(
    digit(year / 1000 | 0), digit(year / 100 | 0), digit(year / 10 | 0), digit(year), 45,
    digit(month / 10 | 0), digit(month), 45, digit(day / 10 | 0), digit(day),
  );
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
  const slot = monthSlot(days);
  const target = slot + months;
  if (slot >= 0 && target >= 0 && target < TABLE_MONTHS) {
    const day = days - MONTH_STARTS[slot]! + 1;
    const length = MONTH_STARTS[target + 1]! - MONTH_STARTS[target]!;
    return MONTH_STARTS[target]! + (day < length ? day : length) - 1;
  }
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

export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

/** The year a day number falls in (the year part of `civilFromDays`, without making an object). */
export function yearOf(days: DayNumber): number {
  const slot = monthSlot(days);
  if (slot >= 0) return TABLE_FROM_YEAR + Math.floor(slot / 12);
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  return yoe + era * 400 + (doy >= 306 ? 1 : 0); // day 306 of the March-based year is 1 January
}

function lastSunday(year: number, month: number): DayNumber {
  const last = daysFromCivil(year, month, daysInMonth(year, month));
  return last - ((weekday(last) + 1) % 7);
}

/**
 * UK summer time since 1996 (the Summer Time Order 2002 keeps the EU rule):
 * from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday
 * of October. For each year from 1996 to 2199, the two instants, so finding
 * the London date of an instant is arithmetic; earlier instants, under older
 * rules, go to the time zone database.
 */
const RULE_FROM_YEAR = 1996;
const RULE_YEARS = 2200 - RULE_FROM_YEAR;
const SUMMER_TIME = new Float64Array(RULE_YEARS * 2);
for (let i = 0; i < RULE_YEARS; i++) {
  SUMMER_TIME[2 * i] = lastSunday(RULE_FROM_YEAR + i, 3) * DAY_MS + HOUR_MS;
  SUMMER_TIME[2 * i + 1] = lastSunday(RULE_FROM_YEAR + i, 10) * DAY_MS + HOUR_MS;
}

const LONDON_DATE = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar date in Europe/London, as a day number, at an instant given in epoch milliseconds. */
export function londonDayOf(epochMs: number): DayNumber {
  const utcDay = Math.floor(epochMs / DAY_MS);
  const slot = yearOf(utcDay) - RULE_FROM_YEAR;
  if (slot < 0 || slot >= RULE_YEARS) return toDayNumber(LONDON_DATE.format(epochMs));
  const summer = epochMs >= SUMMER_TIME[2 * slot]! && epochMs < SUMMER_TIME[2 * slot + 1]!;
  return summer ? Math.floor((epochMs + HOUR_MS) / DAY_MS) : utcDay;
}

/** The calendar date in Europe/London at a UTC instant. */
export function londonDateOf(instant: Date): string {
  return toIsoDate(londonDayOf(instant.getTime()));
}

const LONDON_CLOCK = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
});

/** London's offset from UTC at an instant, in milliseconds. */
function londonOffset(ms: number): number {
  const p = Object.fromEntries(LONDON_CLOCK.formatToParts(ms).map((x) => [x.type, Number(x.value)]));
  return Date.UTC(p.year!, p.month! - 1, p.day, p.hour, p.minute, p.second) - Math.floor(ms / 1000) * 1000;
}

/**
 * The instant (epoch milliseconds) a Europe/London wall-clock time names. In
 * the hour the clocks go back, the second of the two (GMT); in the hour they skip,
 * an hour later than written.
 */
export function londonWallClock(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
  const wall = Date.UTC(year, month - 1, day, hour, minute, second);
  return wall - londonOffset(wall - londonOffset(wall));
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** True for an ISO 8601 instant with an explicit offset (`Z` or `+01:00`). */
export function isIsoInstant(text: string): boolean {
  return ISO_INSTANT.test(text) && isIsoDate(text.slice(0, 10)) && !Number.isNaN(Date.parse(text));
}


/** The end of day `iso` in epoch seconds (UTC midnight after it): when an item kept for that day may expire (DynamoDB TTL). */
export function epochAfter(iso: string): number {
  return Math.floor(Date.parse(`${iso}T00:00:00Z`) / 1000) + 86_400;
}
