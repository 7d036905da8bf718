import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addMonths, ageOn, birthday, civilFromDays, daysFromCivil, daysInMonth, isIsoDate, toDayNumber, toIsoDate, weekday, yearOf } from '#domain/dates.js';
import { addWorkingDays, bankHolidays, isWorkingDay, workingDaysBetween } from '#domain/workingDays.js';
import { InvalidInput } from '#domain/errors.js';
import { ruleBasedBankHolidays } from '#infra/build/holidayTable.js';

interface PublishedHoliday {
  title: string;
  date: string;
}
/** The dates GOV.UK published for 2024 to 2027 (bank-holidays.json, England and Wales). */
const published: { events: PublishedHoliday[] } = JSON.parse(
  readFileSync(new URL('../fixtures/bank-holidays-2024-2027.json', import.meta.url), 'utf8'),
);

const d = toDayNumber;
const iso = toIsoDate;

describe('England and Wales bank holidays', () => {
  for (const year of [2024, 2025, 2026, 2027]) {
    it(`matches the dates GOV.UK publishes for ${year}`, () => {
      const official = published.events.filter((e) => e.date.startsWith(String(year))).map((e) => e.date);
      expect(bankHolidays(year)).toEqual(official);
    });
  }

  for (const year of [2024, 2025, 2026, 2027]) {
    it(`computes the same ${year} dates by rule, so years GOV.UK has not published yet can be trusted`, () => {
      const official = published.events.filter((e) => e.date.startsWith(String(year))).map((e) => e.date);
      expect(ruleBasedBankHolidays(year)).toEqual(official);
    });
  }

  it('keeps one-off holidays: the 2022 state funeral and the 2023 coronation', () => {
    expect(bankHolidays(2022)).toContain('2022-09-19');
    expect(bankHolidays(2023)).toContain('2023-05-08');
    expect(isWorkingDay(d('2022-09-19'))).toBe(false);
  });

  it('follows the published list where a rule would be wrong (spring holiday moved in 2012)', () => {
    const dates = bankHolidays(2012);
    expect(dates).toContain('2012-06-04');
    expect(dates).not.toContain('2012-05-28');
  });

  it('computes years beyond the published list by rule', () => {
    const dates = bankHolidays(2035);
    expect(dates).toContain('2035-03-23'); // Good Friday 2035
    expect(dates).toContain('2035-12-25');
    expect(dates).toHaveLength(8);
  });
});

describe('working days', () => {
  it('counts 20 working days from 18 December 2026 to 20 January 2027', () => {
    expect(iso(addWorkingDays(d('2026-12-18'), 20))).toBe('2027-01-20');
  });

  it('treats substitute days, Good Friday and Easter Monday as holidays', () => {
    expect(isWorkingDay(d('2026-12-28'))).toBe(false); // Boxing Day (substitute day)
    expect(isWorkingDay(d('2027-03-26'))).toBe(false); // Good Friday
    expect(isWorkingDay(d('2027-03-29'))).toBe(false); // Easter Monday
    expect(isWorkingDay(d('2027-03-30'))).toBe(true);
    // Thursday before Easter 2027: next working day is the Tuesday after
    expect(iso(addWorkingDays(d('2027-03-25'), 1))).toBe('2027-03-30');
  });

  it('skips the early May and spring bank holidays', () => {
    expect(iso(addWorkingDays(d('2027-04-30'), 1))).toBe('2027-05-04');
    expect(iso(addWorkingDays(d('2027-05-28'), 1))).toBe('2027-06-01');
  });

  it('counts from a weekend as from the Friday before', () => {
    expect(iso(addWorkingDays(d('2027-01-16'), 1))).toBe('2027-01-18');
    expect(iso(addWorkingDays(d('2027-01-17'), 5))).toBe('2027-01-22');
  });

  /** The simplest reference: step a day at a time, skipping weekends and the dates the table lists. */
  const walk = (start: number, n: number) => {
    let day = start;
    while (n > 0) {
      day += 1;
      const date = iso(day);
      if (weekday(day) < 5 && !bankHolidays(Number(date.slice(0, 4))).includes(date)) n -= 1;
    }
    return day;
  };

  it.each([
    [', for any start and count', '2010-01-01', '2040-12-31', 0, 400, 500],
    [' for counts in the thousands, across the whole table', '1990-01-01', '2000-12-31', 1_000, 25_000, 60],
  ])('gives the same answer as walking day by day%s', (_what, from, to, fewest, most, numRuns) => {
    fc.assert(
      fc.property(fc.integer({ min: d(from), max: d(to) }), fc.integer({ min: fewest, max: most }), (start, n) => {
        expect(addWorkingDays(start, n)).toBe(walk(start, n));
      }),
      { numRuns },
    );
  });

  it('counts the working days between two dates as walking day by day does, however far apart', () => {
    fc.assert(
      fc.property(fc.integer({ min: d('2010-01-01'), max: d('2040-12-31') }), fc.integer({ min: -10, max: 3000 }), (from, span) => {
        let n = 0;
        for (let day = from + 1; day <= from + span; day++) if (isWorkingDay(day)) n += 1;
        expect(workingDaysBetween(from, from + span)).toBe(n);
      }),
      { numRuns: 300 },
    );
    // Inverse of adding: n working days after D are n working days from D.
    expect(workingDaysBetween(d('2026-12-18'), addWorkingDays(d('2026-12-18'), 20))).toBe(20);
  });


  it('never lands a working-day deadline on a weekend or holiday', () => {
    fc.assert(
      fc.property(fc.integer({ min: d('2000-01-01'), max: d('2060-12-31') }), fc.integer({ min: 1, max: 5000 }), (start, n) => {
        const due = addWorkingDays(start, n);
        expect(weekday(due)).toBeLessThan(5);
        expect(isWorkingDay(due)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('rejects a negative count', () => {
    expect(() => addWorkingDays(d('2027-01-01'), -1)).toThrow(/0 or more/);
  });

  it('refuses, naming the year, to count working days outside 1990 to 2100 rather than guess', () => {
    expect(() => isWorkingDay(d('1989-12-29'))).toThrow(InvalidInput);
    expect(() => isWorkingDay(d('1989-12-29'))).toThrow(/1989.*1990 to 2100/);
    expect(() => addWorkingDays(d('1985-06-03'), 20)).toThrow(/1985/);
    expect(() => addWorkingDays(d('2100-12-20'), 20)).toThrow(/2101/);
    expect(() => bankHolidays(2101)).toThrow(/2101/);
    expect(iso(addWorkingDays(d('2100-12-20'), 5))).toBe('2100-12-29'); // 27 and 28 December 2100 are the substitute days
    expect(isWorkingDay(d('1990-01-02'))).toBe(true);
  });
});

describe('calendar arithmetic', () => {
  it('round-trips dates through day numbers', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1900-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }), (date) => {
        const text = date.toISOString().slice(0, 10);
        expect(iso(d(text))).toBe(text);
      }),
    );
  });

  it('finds the month of a day by table as the civil-from-days arithmetic does, 1890 to 2210', () => {
    // Hinnant's algorithm, as dates.ts uses it outside its table.
    const reference = (days: number) => {
      const z = days + 719468;
      const era = Math.floor(z / 146097);
      const doe = z - era * 146097;
      const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
      const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
      const mp = Math.floor((5 * doy + 2) / 153);
      const month = mp < 10 ? mp + 3 : mp - 9;
      return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day: doy - Math.floor((153 * mp + 2) / 5) + 1 };
    };
    for (let day = daysFromCivil(1890, 1, 1); day < daysFromCivil(2210, 1, 1); day++) {
      const want = reference(day);
      const got = civilFromDays(day);
      if (got.year !== want.year || got.month !== want.month || got.day !== want.day || yearOf(day) !== want.year) {
        expect({ day, got, yearOf: yearOf(day) }).toEqual({ day, got: want, yearOf: want.year });
      }
    }
  });

  it('adds months by table as by civil dates, clamping to the month end', () => {
    fc.assert(
      fc.property(fc.integer({ min: daysFromCivil(1880, 1, 1), max: daysFromCivil(2220, 1, 1) }), fc.integer({ min: -400, max: 400 }), (day, months) => {
        const { year, month, day: dom } = civilFromDays(day);
        const index = year * 12 + month - 1 + months;
        const y = Math.floor(index / 12);
        const m = index - y * 12 + 1;
        expect(addMonths(day, months)).toBe(daysFromCivil(y, m, Math.min(dom, daysInMonth(y, m))));
      }),
      { numRuns: 5000 },
    );
  });

  it('clamps to the end of a shorter month', () => {
    expect(iso(addMonths(d('2026-11-30'), 3))).toBe('2027-02-28');
    expect(iso(addMonths(d('2027-11-30'), 3))).toBe('2028-02-29');
    expect(iso(addMonths(d('2027-01-31'), 1))).toBe('2027-02-28');
    expect(iso(addMonths(d('2027-03-31'), 6))).toBe('2027-09-30');
    expect(iso(addMonths(d('2027-10-15'), 3))).toBe('2028-01-15');
  });

  it('gives a 29 February birthday as 28 February in a common year', () => {
    expect(iso(birthday(d('2012-02-29'), 5))).toBe('2017-02-28');
    expect(iso(birthday(d('2012-02-29'), 4))).toBe('2016-02-29');
    expect(ageOn(d('2012-02-29'), d('2017-02-27'))).toBe(4);
    expect(ageOn(d('2012-02-29'), d('2017-02-28'))).toBe(5);
  });

  it('knows real dates from look-alikes', () => {
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2027-02-29')).toBe(false);
    expect(isIsoDate('2027-13-01')).toBe(false);
    expect(isIsoDate('27-01-01')).toBe(false);
  });
});
