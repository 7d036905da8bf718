/**
 * The bank holiday table the engine reads (shared/domain/data/bankHolidays.ts):
 * what `npm run build:holidays` writes, GOV.UK's list where it exists, and
 * the one-off holidays of the years before that list.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bankHolidays } from '#domain/workingDays.js';
import { FIRST_YEAR, LAST_YEAR, publishedBankHolidays, renderHolidayTable, TABLE_FILE } from '#infra/build/holidayTable.js';

const weekday = (iso: string) => new Date(`${iso}T00:00:00Z`).getUTCDay() % 6 !== 0;

describe('the bank holiday table', () => {
  it('is what `npm run build:holidays` writes today (regenerate it after changing the script or the published list)', () => {
    expect(readFileSync(TABLE_FILE, 'utf8')).toBe(renderHolidayTable());
  });

  it("holds GOV.UK's published dates exactly, for every year GOV.UK has published", () => {
    const published = publishedBankHolidays();
    expect([...published.keys()]).toEqual(expect.arrayContaining([2012, 2020, 2022, 2023, 2028]));
    for (const [year, dates] of published) expect(bankHolidays(year), String(year)).toEqual(dates.filter(weekday));
  });

  it('covers every year from 1990 to 2100 with 8 to 10 weekday holidays in date order', () => {
    expect([FIRST_YEAR, LAST_YEAR]).toEqual([1990, 2100]);
    for (let year = FIRST_YEAR; year <= LAST_YEAR; year++) {
      const dates = bankHolidays(year);
      expect(dates.length, String(year)).toBeGreaterThanOrEqual(8);
      expect(dates.length, String(year)).toBeLessThanOrEqual(10);
      expect(dates.every((d) => d.startsWith(`${year}-`) && weekday(d)), String(year)).toBe(true);
      expect([...dates].sort(), String(year)).toEqual(dates);
      expect(new Set(dates).size, String(year)).toBe(dates.length);
    }
  });

  it('keeps the one-off holidays proclaimed before GOV.UK published its list', () => {
    expect(bankHolidays(1995)).toContain('1995-05-08'); // VE Day, 50 years on: the early May holiday moved
    expect(bankHolidays(1995)).not.toContain('1995-05-01');
    expect(bankHolidays(1999)).toContain('1999-12-31'); // the millennium
    expect(bankHolidays(2002)).toEqual(expect.arrayContaining(['2002-06-03', '2002-06-04'])); // the Golden Jubilee
    expect(bankHolidays(2002)).not.toContain('2002-05-27');
    expect(bankHolidays(2011)).toContain('2011-04-29'); // the royal wedding
  });

  it('lists substitute days rather than holidays that fall at a weekend', () => {
    expect(bankHolidays(2004)).toEqual(expect.arrayContaining(['2004-12-27', '2004-12-28']));
    expect(bankHolidays(2004)).not.toContain('2004-12-25');
    expect(bankHolidays(2060)).toEqual(expect.arrayContaining(['2060-12-27', '2060-12-28'])); // by rule: Christmas on a Saturday
    expect(bankHolidays(2061)).toContain('2061-01-03'); // and New Year's Day too
  });
});
