/**
 * The engine's fast paths against straightforward references: the one-pass
 * fold of a child's facts against sorting and filtering them
 * (historyReference.ts), the London date of an instant against the time zone
 * database, and the default school terms against the general term lists.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildHistory } from '#domain/history.js';
import type { Fact } from '#domain/facts.js';
import { daysFromCivil, londonDayOf, toDayNumber, toIsoDate, weekday } from '#domain/dates.js';
import { nextTermlyPep } from '#domain/rules/pep.js';
import { historyArb } from './generators.js';
import { referenceHistory } from './historyReference.js';

const RUNS = Number(process.env.KEPT_PROPERTY_RUNS ?? 2000);

const LONDON = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });

describe('the one-pass fold of a history', () => {
  it('reads every generated history as sorting and filtering its facts does', () => {
    fc.assert(
      fc.property(historyArb, (m) => {
        const child = { id: 'generated', dateOfBirth: toIsoDate(m.dob) };
        const facts = m.facts as unknown as Fact[];
        const today = toIsoDate(m.today);
        expect(buildHistory(child, facts, today)).toEqual(referenceHistory(child, facts, today));
      }),
      { numRuns: RUNS },
    );
  });

  it('gives the same answer for the same facts in any order', () => {
    fc.assert(
      fc.property(historyArb, (m) => {
        const child = { id: 'generated', dateOfBirth: toIsoDate(m.dob) };
        const facts = m.facts as unknown as Fact[];
        // Sorted by date, with each day's facts kept in the order given: the same history.
        const sorted = facts.map((f, i) => ({ f, i, day: toDayNumber(f.type === 'missing-episode' ? toIsoDate(londonDayOf(Date.parse(f.start))) : f.date) }))
          .sort((a, b) => a.day - b.day || a.i - b.i).map((x) => x.f);
        expect(buildHistory(child, sorted, toIsoDate(m.today))).toEqual(buildHistory(child, facts, toIsoDate(m.today)));
      }),
      { numRuns: RUNS / 4 },
    );
  });
});

describe('London dates of instants, by arithmetic', () => {
  it('match the time zone database from 1970 to 2150', () => {
    const from = Date.UTC(1970, 0, 1);
    const to = Date.UTC(2150, 0, 1);
    fc.assert(
      fc.property(fc.integer({ min: from, max: to }), (ms) => {
        expect(toIsoDate(londonDayOf(ms))).toBe(LONDON.format(ms));
      }),
      { numRuns: 20_000 },
    );
  });

  it('match it in the hours either side of every change of the clocks, 1996 to 2100', () => {
    for (let year = 1996; year <= 2100; year++) {
      for (const month of [3, 10]) {
        const last = daysFromCivil(year, month, 31);
        const sunday = last - ((weekday(last) + 1) % 7);
        for (let minutes = -180; minutes <= 180; minutes += 15) {
          const ms = sunday * 86_400_000 + 3_600_000 + minutes * 60_000;
          expect(toIsoDate(londonDayOf(ms)), new Date(ms).toISOString()).toBe(LONDON.format(ms));
        }
      }
    }
  });

  it('say 00:30 BST on 24 October 2026 is the 24th, and 23:30 GMT on 26 October the 26th', () => {
    expect(toIsoDate(londonDayOf(Date.parse('2026-10-23T23:30:00Z')))).toBe('2026-10-24');
    expect(toIsoDate(londonDayOf(Date.parse('2026-10-26T23:30:00Z')))).toBe('2026-10-26');
  });
});

describe('the default school terms, by arithmetic', () => {
  it('give the PEP the same next term as the general term lists', () => {
    fc.assert(
      fc.property(fc.integer({ min: toDayNumber('1990-01-01'), max: toDayNumber('2100-12-31') }), (day) => {
        // An empty list of council terms takes the general path, which then falls back to the same defaults.
        expect(nextTermlyPep(day, null)).toEqual(nextTermlyPep(day, []));
      }),
      { numRuns: 5000 },
    );
  });
});
