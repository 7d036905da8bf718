/**
 * On-time figures over generated caseloads: never more on time than due, the
 * council the sum of its teams, and the same figures whatever the order of the facts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FIGURE_IDS, type OnTimeChild, type OnTimeSection, computeOnTime } from '#domain/onTime.js';
import type { Fact } from '#domain/facts.js';
import { toDayNumber, toIsoDate } from '#domain/dates.js';
import { entered, kid, placed, review, visit } from './onTimeChildren.js';

const TO = toDayNumber('2026-06-30');
const iso = toIsoDate;

const childArb = fc
  .record({
    team: fc.constantFrom('North', 'South', 'East'),
    dob: fc.integer({ min: toDayNumber('2004-01-01'), max: toDayNumber('2022-12-31') }),
    entryBack: fc.integer({ min: 0, max: 2500 }),
    events: fc.array(
      fc.record({
        type: fc.constantFrom(
          'visit',
          'visit',
          'visit',
          'review',
          'health-assessment',
          'pep',
          'sdq',
          'missing-episode',
          'return-home-interview',
          'pathway-plan',
          'placement-started',
          'left-care',
          'entered-care',
        ),
        back: fc.integer({ min: -20, max: 2500 }),
        flag: fc.boolean(),
        score: fc.integer({ min: 0, max: 40 }),
        hours: fc.integer({ min: 0, max: 120 }),
      }),
      { maxLength: 25 },
    ),
  })
  .map(({ team, dob, entryBack, events }): OnTimeChild => {
    const entry = Math.max(dob, TO - entryBack);
    const facts: Fact[] = [entered(iso(entry)), placed(iso(entry), 'p0', false)];
    events.forEach((e, i) => {
      const day = Math.max(dob, TO - e.back);
      const date = iso(day);
      switch (e.type) {
        case 'visit': facts.push(visit(date, e.flag)); break;
        case 'review': facts.push(e.flag ? review(date, e.score % 2 === 0) : review(date)); break;
        case 'health-assessment': facts.push({ type: 'health-assessment', date, kind: e.flag ? 'initial' : 'review' }); break;
        case 'pep': facts.push({ type: 'pep', date }); break;
        case 'sdq': facts.push({ type: 'sdq', date, score: e.score }); break;
        case 'missing-episode': {
          const start = new Date(`${date}T12:00:00Z`).getTime();
          facts.push({ type: 'missing-episode', start: new Date(start).toISOString(), returned: new Date(start + e.hours * 3_600_000).toISOString() });
          break;
        }
        case 'return-home-interview': facts.push({ type: 'return-home-interview', date }); break;
        case 'pathway-plan': facts.push({ type: 'pathway-plan', date }); break;
        case 'placement-started': facts.push(placed(date, `p${i + 1}`, e.flag)); break;
        case 'left-care': facts.push({ type: 'left-care', date, reason: 'returned-home' }); break;
        case 'entered-care': facts.push(entered(date)); break;
      }
    });
    return kid(iso(dob), facts, team);
  });

const periodArb = fc
  .tuple(fc.integer({ min: 0, max: 900 }), fc.integer({ min: 0, max: 400 }))
  .map(([toBack, length]) => ({ to: iso(TO - toBack), from: iso(TO - toBack - length) }));

function counts(section: OnTimeSection): number[] {
  const values: number[] = [];
  for (const id of FIGURE_IDS) values.push(section.figures[id].numerator, section.figures[id].denominator);
  const sdq = section.figures['sdq-done'];
  values.push(sdq.count, sdq.sum, sdq.concern);
  for (const m of section.monthly) values.push(m.visitsOnTime.numerator, m.visitsOnTime.denominator, m.reviewsOnTime.numerator, m.reviewsOnTime.denominator);
  return values;
}

describe('properties', () => {
  it('never counts more on time than due, and the council is the sum of its teams', () => {
    fc.assert(
      fc.property(fc.array(childArb, { maxLength: 6 }), periodArb, (children, { from, to }) => {
        const report = computeOnTime(children, from, to);
        for (const section of [report.council, ...report.teams]) {
          for (const id of FIGURE_IDS) {
            const { numerator, denominator } = section.figures[id];
            expect(numerator).toBeGreaterThanOrEqual(0);
            expect(numerator).toBeLessThanOrEqual(denominator);
          }
          for (const m of section.monthly) {
            expect(m.visitsOnTime.numerator).toBeLessThanOrEqual(m.visitsOnTime.denominator);
            expect(m.reviewsOnTime.numerator).toBeLessThanOrEqual(m.reviewsOnTime.denominator);
          }
        }
        const summed = report.teams.map(counts).reduce((a, b) => a.map((v, i) => v + b[i]!), counts(report.council).map(() => 0));
        expect(counts(report.council)).toEqual(summed);
        expect(report.teams.map((t) => t.team)).toEqual([...new Set(children.map((c) => c.team))].sort());
      }),
      { numRuns: 150 },
    );
  });

  it('gives the same figures whether or not the facts come in date order', () => {
    fc.assert(
      fc.property(childArb, periodArb, (child, { from, to }) => {
        // A stable sort keeps the order of facts dated the same day, which the engine reads in the order given.
        const dateOf = (f: Fact) => (f.type === 'missing-episode' ? f.start.slice(0, 10) : f.date);
        const sorted = { ...child, facts: [...child.facts].sort((a, b) => (dateOf(a) < dateOf(b) ? -1 : dateOf(a) > dateOf(b) ? 1 : 0)) };
        expect(computeOnTime([child], from, to)).toEqual(computeOnTime([sorted], from, to));
      }),
      { numRuns: 100 },
    );
  });
});
