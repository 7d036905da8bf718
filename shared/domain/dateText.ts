/**
 * Dates as people read them, in British English, for pages and emails alike.
 * A calendar date (`YYYY-MM-DD`) is formatted as that day, whatever the
 * machine's zone; an instant is shown in London time.
 */
const LONG_DATE = new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const PLAIN_DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const SHORT_DATE = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });
const MONTH = new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' });
const LONDON_TIME = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London' });

const utcDay = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** "Tuesday 2 February 2027". */
export const longDate = (iso: string): string => LONG_DATE.format(utcDay(iso));

/** A date as a reader of `language` (a BCP 47 tag) writes it; British English for any English. */
export function longDateIn(language: string, iso: string): string {
  if (language === 'en' || language.startsWith('en-')) return longDate(iso);
  return new Intl.DateTimeFormat(language, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(utcDay(iso));
}

/** "2 February 2027", where the weekday would only crowd a list of dates. */
export const plainDate = (iso: string): string => PLAIN_DATE.format(utcDay(iso));

/** "Tue 2 Feb". */
export const shortDate = (iso: string): string => SHORT_DATE.format(utcDay(iso));

/** "Tue 2 Feb", with the year when it is not `today`'s. */
export const shortDateIn = (iso: string, today: string): string =>
  shortDate(iso) + (iso.slice(0, 4) === today.slice(0, 4) ? '' : ` ${iso.slice(0, 4)}`);

/** "Feb 2027" for a month written `YYYY-MM`. */
export const monthName = (month: string): string => MONTH.format(utcDay(`${month}-01`));

/** "14:30" in London for an ISO instant. */
export const londonTime = (instant: string): string => LONDON_TIME.format(new Date(instant));
