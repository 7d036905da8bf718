/**
 * The on-time figures and the review dates list read from a child's report
 * events (kept when its facts were written) are those the engine's replay
 * gives from its facts: over generated histories, under generated policies,
 * for periods ending before, on and after the day the events were kept.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeOnTime } from '#domain/onTime.js';
import type { Fact } from '#domain/facts.js';
import { factDate, factSchema } from '#domain/facts.js';
import { toDayNumber, toIsoDate } from '#domain/dates.js';
import { resolvePolicy } from '#domain/policy.js';
import { currentEvents, policyMark, reportEvents } from '#domain/reportEvents.js';
import { reviewDateDifferences, reviewDateDifferencesFromEvents } from '#domain/reviewDates.js';
import { frac, historyArb, pick, policyArb } from './generators.js';

const iso = toIsoDate;

/** What the history generator leaves out: care leavers' statuses, complaints, IRO alerts, distances and the case system's review dates. */
const extrasArb = fc.record({
  statuses: fc.array(fc.record({ at: frac, inTouch: fc.constantFrom('YES', 'NO', 'DIED'), suitable: fc.boolean() }), { maxLength: 3 }),
  complaints: fc.array(fc.record({ at: frac, answerAfter: fc.option(fc.integer({ min: 0, max: 40 }), { nil: undefined }), agreed: fc.option(fc.integer({ min: 1, max: 20 }), { nil: undefined }) }), { maxLength: 2 }),
  alerts: fc.array(fc.record({ at: frac, stage: fc.integer({ min: 1, max: 3 }), answerAfter: fc.option(fc.integer({ min: 0, max: 40 }), { nil: undefined }), resolved: fc.boolean() }), { maxLength: 2 }),
  where: fc.record({ distanceMiles: fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }), outOfArea: fc.option(fc.boolean(), { nil: undefined }) }),
  caseSystem: fc.array(fc.record({ at: frac, shift: fc.integer({ min: -30, max: 30 }), held: fc.boolean() }), { maxLength: 4 }),
  /** Periods asked for: `to` this many days from the day kept (before, on or after), and its length. */
  periods: fc.array(fc.record({ toShift: fc.integer({ min: -900, max: 900 }), length: fc.integer({ min: 0, max: 800 }) }), { minLength: 1, maxLength: 3 }),
});

function withExtras(m: { dob: number; entry: number; today: number; facts: Array<Record<string, unknown>> }, x: typeof extrasArb extends fc.Arbitrary<infer T> ? T : never): Fact[] {
  const facts: Array<Record<string, unknown>> = m.facts.map((f) => (f.type === 'placement-started' ? { ...f, ...(x.where.distanceMiles !== undefined ? { distanceMiles: x.where.distanceMiles } : {}), ...(x.where.outOfArea !== undefined ? { outOfArea: x.where.outOfArea } : {}) } : { ...f }));
  const at = (f: number) => iso(pick(f, m.entry, m.today));
  for (const s of x.statuses) {
    facts.push(s.inTouch === 'YES' ? { type: 'care-leaver-status', date: at(s.at), inTouch: 'YES', activity: 'F2', accommodation: 'U', accommodationSuitable: s.suitable } : { type: 'care-leaver-status', date: at(s.at), inTouch: s.inTouch });
  }
  x.complaints.forEach((c, i) => {
    const date = at(c.at);
    facts.push({ type: 'complaint', date, complaintId: `c${i}`, stage: 'stage-1', officerId: 'sw-1', ...(c.agreed ? { agreedWorkingDays: c.agreed } : {}) });
    if (c.answerAfter !== undefined) facts.push({ type: 'complaint-response', date: iso(toDayNumber(date) + c.answerAfter), complaintId: `c${i}`, stage: 'stage-1' });
  });
  x.alerts.forEach((a, i) => {
    const date = at(a.at);
    facts.push({ type: 'iro-alert', date, alertId: `a${i}`, stage: a.stage, reason: 'other' });
    if (a.answerAfter !== undefined) facts.push({ type: 'iro-alert-response', date: iso(toDayNumber(date) + a.answerAfter), alertId: `a${i}`, outcome: a.resolved ? 'resolved' : 'escalated' });
  });
  for (const r of x.caseSystem) {
    const day = pick(r.at, m.entry, m.today + 200);
    facts.push({ type: 'case-system-review-due', date: iso(day + r.shift), ...(r.held && day <= m.today ? { held: iso(day) } : {}) });
  }
  return facts.map((f) => factSchema.parse(f));
}

describe('report events', () => {
  it('give the on-time figures and review dates the replay gives, for any period and today', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(historyArb, extrasArb), { minLength: 1, maxLength: 3 }), policyArb(7), (lives, input) => {
        const policy = resolvePolicy(input ?? {});
        const children = lives.map(([m, x], i) => {
          const child = { id: `c${i}`, dateOfBirth: iso(m.dob) };
          const facts = withExtras(m, x);
          return { child, facts, events: reportEvents(child, facts, policy), team: i % 2 ? 'North' : 'South', model: m, extras: x };
        });
        const [first] = children;
        for (const { toShift, length } of first!.extras.periods) {
          const to = iso(first!.model.today + toShift);
          const from = iso(first!.model.today + toShift - length);
          const replayed = computeOnTime(children.map(({ child, facts, team }) => ({ child, facts, team })), from, to, policy);
          const kept = computeOnTime(children.map(({ child, events, team }) => ({ child, events, team })), from, to, policy);
          expect(kept).toEqual(replayed);
          for (const { child, facts, events } of children) {
            const fromEvents = reviewDateDifferencesFromEvents(events, to, from);
            // Null only when the child has facts dated after `to`: the list reads its facts then.
            if (fromEvents === null) expect(facts.some((f) => f.type !== 'case-system-review-due' && factDate(f) > to)).toBe(true);
            else expect(fromEvents).toEqual(reviewDateDifferences(child, facts, policy, to, from));
          }
        }
      }),
      { numRuns: 150 },
    );
  }, 600_000);

  it('are kept per policy: the same policy read back in another key order marks the same, a changed timescale does not', () => {
    const policy = resolvePolicy({ statutoryVisit: { firstWithinDays: 5 } });
    const reversed = <T extends object>(o: T) => Object.fromEntries(Object.entries(o).reverse()) as T;
    const reordered = { ...reversed(policy), statutoryVisit: reversed(policy.statutoryVisit) };
    expect(JSON.stringify(reordered)).not.toBe(JSON.stringify(policy));
    expect(policyMark(reordered)).toBe(policyMark(policy));
    expect(policyMark({ ...policy, responsibility: {} })).toBe(policyMark(policy));
    expect(policyMark(resolvePolicy({ statutoryVisit: { firstWithinDays: 6 } }))).not.toBe(policyMark(policy));
    const child = { id: 'c1', dateOfBirth: '2012-03-04' };
    const events = reportEvents(child, [{ type: 'entered-care', date: '2024-01-02' }], policy);
    expect(currentEvents(events, child, policyMark(policy))).toBe(true);
    expect(currentEvents(events, child, policyMark(resolvePolicy({})))).toBe(false);
    expect(currentEvents(events, { ...child, dateOfBirth: '2012-03-05' }, policyMark(policy))).toBe(false);
  });

  it('count something: the generated lives have instances due, done and open', () => {
    // Not an empty comparison: a typical generated council has visits due in its last year.
    const policy = resolvePolicy({});
    const samples = fc.sample(fc.tuple(historyArb, extrasArb), { numRuns: 40, seed: 7 });
    const children = samples.map(([m, x], i) => ({ child: { id: `c${i}`, dateOfBirth: iso(m.dob) }, facts: withExtras(m, x), team: 'T', today: m.today }));
    const kept = children.map(({ child, facts, team }) => ({ child, events: reportEvents(child, facts, policy), team }));
    const to = iso(Math.max(...children.map((c) => c.today)));
    const report = computeOnTime(kept, iso(toDayNumber(to) - 3000), to, policy);
    expect(report.council.figures['visits-on-time'].denominator).toBeGreaterThan(0);
    expect(report.council.figures['visits-on-time'].numerator).toBeLessThan(report.council.figures['visits-on-time'].denominator);
    expect(report).toEqual(computeOnTime(children, iso(toDayNumber(to) - 3000), to, policy));
  });
});
