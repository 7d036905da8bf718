/**
 * On-time figures, worked by hand. Each expected count is reasoned from the
 * timescales (in the comment beside it), not copied from the module.
 * Calendar used:
 *   5 Jan 2026 is a Monday; 18 Dec 2026 a Friday, whose 20th working day is
 *   Wednesday 20 Jan 2027 (25, 28 Dec 2026 and 1 Jan 2027 are holidays).
 *   6 and 13 Mar 2026 are Fridays; clocks go forward on Sunday 29 Mar 2026.
 * The properties over generated caseloads are in onTimeProperties.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { FIGURE_IDS, computeOnTime } from '#domain/onTime.js';
import { replayDueInstances } from '#domain/onTimeReplay.js';
import type { Fact } from '#domain/facts.js';
import { resolvePolicy } from '#domain/policy.js';
import { count, entered, kid, placed, review, visit } from './onTimeChildren.js';

describe('visits on time', () => {
  // Placed Monday 5 Jan 2026: first visit due within a week, 12 Jan (reg 28(2)(a)).
  // Visit 12 Jan: exactly on the due date, on time. Next due 12 Jan + 42 days = 23 Feb.
  // Visit 25 Feb: late. Next due 25 Feb + 42 = 8 Apr, no visit yet.
  const child = kid('2015-06-01', [entered('2026-01-05'), placed('2026-01-05'), visit('2026-01-12'), visit('2026-02-25', false)]);

  it('replays the engine into due instances', () => {
    const [instances] = replayDueInstances(child.child, child.facts, '2026-04-30');
    expect(instances).toEqual([
      { due: '2026-01-12', doneOn: '2026-01-12' },
      { due: '2026-02-23', doneOn: '2026-02-25' },
      { due: '2026-04-08', doneOn: null },
    ]);
  });

  it('counts a visit on the due date as on time and a late one as late; the next, due after the period, is not counted', () => {
    expect(count(computeOnTime([child], '2026-01-01', '2026-03-31'), 'visits-on-time')).toEqual({ numerator: 1, denominator: 2 });
    expect(count(computeOnTime([child], '2026-01-01', '2026-04-07'), 'visits-on-time')).toEqual({ numerator: 1, denominator: 2 });
  });

  it('counts a visit due in the period and not made by its end as late', () => {
    expect(count(computeOnTime([child], '2026-01-01', '2026-04-30'), 'visits-on-time')).toEqual({ numerator: 1, denominator: 3 });
    // Due 8 Apr: still late when the period ends on the due date itself with no visit recorded by then.
    expect(count(computeOnTime([child], '2026-04-01', '2026-04-08'), 'visits-on-time')).toEqual({ numerator: 0, denominator: 1 });
  });

  it('ignores facts dated after the period', () => {
    const later = { ...child, facts: [...child.facts, visit('2026-04-08')] };
    expect(count(computeOnTime([later], '2026-01-01', '2026-03-31'), 'visits-on-time')).toEqual({ numerator: 1, denominator: 2 });
    expect(count(computeOnTime([later], '2026-01-01', '2026-04-30'), 'visits-on-time')).toEqual({ numerator: 2, denominator: 3 });
  });

  it('takes a visit on the day a placement starts as that placement’s first visit', () => {
    // Placed and visited 5 Jan: answers the 12 Jan due date. Next due 5 Jan + 42 = 16 Feb, visited that day.
    const sameDay = kid('2015-06-01', [visit('2026-01-05'), entered('2026-01-05'), placed('2026-01-05'), visit('2026-02-16')]);
    expect(count(computeOnTime([sameDay], '2026-01-01', '2026-02-28'), 'visits-on-time')).toEqual({ numerator: 2, denominator: 2 });
  });

  it('counts a visit already overdue when the placement changed as late, and the new placement’s first visit on its own', () => {
    // Visit 12 Jan on time; next due 23 Feb, not made. New placement 2 Mar: first visit due 9 Mar, made 6 Mar.
    const moved = kid('2015-06-01', [
      entered('2026-01-05'),
      placed('2026-01-05'),
      visit('2026-01-12'),
      { type: 'placement-ended', date: '2026-03-02', placementId: 'p1' },
      placed('2026-03-02', 'p2'),
      visit('2026-03-06'),
    ]);
    expect(replayDueInstances(moved.child, moved.facts, '2026-03-31')[0]).toEqual([
      { due: '2026-01-12', doneOn: '2026-01-12' },
      { due: '2026-02-23', doneOn: null },
      { due: '2026-03-09', doneOn: '2026-03-06' },
    ]);
    expect(count(computeOnTime([moved], '2026-01-01', '2026-03-31'), 'visits-on-time')).toEqual({ numerator: 2, denominator: 3 });
  });

  it('counts a visit overdue when the child left care as late, and one made on the day of leaving as made', () => {
    const base = [entered('2026-01-05'), placed('2026-01-05'), visit('2026-01-12')];
    const left: Fact = { type: 'left-care', date: '2026-03-02', reason: 'returned-home' };
    // Due 23 Feb, not made; left care 2 Mar: late. Nothing owed after leaving.
    expect(count(computeOnTime([kid('2015-06-01', [...base, left])], '2026-01-01', '2026-06-30'), 'visits-on-time')).toEqual({
      numerator: 1,
      denominator: 2,
    });
    // Visited on 23 Feb, the due date, and left care that day: the visit answers the due date.
    const leftOnDue: Fact = { ...left, date: '2026-02-23' };
    expect(
      count(computeOnTime([kid('2015-06-01', [...base, visit('2026-02-23'), leftOnDue])], '2026-01-01', '2026-06-30'), 'visits-on-time'),
    ).toEqual({ numerator: 2, denominator: 2 });
  });

  it('counts a visit overdue when the child turned 18 as late', () => {
    // 18 on 1 Mar 2026: the visit due 23 Feb was never made, and nothing is owed after the birthday.
    const adult = kid('2008-03-01', [entered('2026-01-05'), placed('2026-01-05'), visit('2026-01-12')]);
    expect(count(computeOnTime([adult], '2026-01-01', '2026-06-30'), 'visits-on-time')).toEqual({ numerator: 1, denominator: 2 });
    // A visit recorded after the birthday answers nothing: the one due 23 Feb stays missed.
    const visitedLater = { ...adult, facts: [...adult.facts, visit('2026-04-01')] };
    expect(replayDueInstances(visitedLater.child, visitedLater.facts, '2026-06-30')[0]).toEqual([
      { due: '2026-01-12', doneOn: '2026-01-12' },
      { due: '2026-02-23', doneOn: null },
    ]);
    expect(count(computeOnTime([visitedLater], '2026-01-01', '2026-06-30'), 'visits-on-time')).toEqual({ numerator: 1, denominator: 2 });
  });
});

describe('visits seen alone', () => {
  it('counts visits made in the period, and those where the child was seen alone', () => {
    const child = kid('2015-06-01', [
      entered('2026-01-05'),
      placed('2026-01-05'),
      visit('2026-01-12', true),
      visit('2026-02-20', false),
      visit('2026-03-30', true),
      visit('2026-04-02', false), // after the period
    ]);
    expect(count(computeOnTime([child], '2026-01-01', '2026-03-31'), 'visits-seen-alone')).toEqual({ numerator: 2, denominator: 3 });
  });
});

describe('teams', () => {
  it('splits the figures by team, and the council figure is their sum', () => {
    // North: visits due 12 Jan (on time) and 23 Feb (late, made 25 Feb). South: due 12 Jan, made 14 Jan (late).
    const north = kid('2015-06-01', [entered('2026-01-05'), placed('2026-01-05'), visit('2026-01-12'), visit('2026-02-25')], 'North');
    const south = kid('2016-02-10', [entered('2026-01-05'), placed('2026-01-05'), visit('2026-01-14', false)], 'South');
    const report = computeOnTime([south, north], '2026-01-01', '2026-03-31');
    expect(report.teams.map((t) => t.team)).toEqual(['North', 'South']);
    const n = report.teams[0]!;
    const s = report.teams[1]!;
    expect(count(n, 'visits-on-time')).toEqual({ numerator: 1, denominator: 2 });
    // South: 14 Jan + 42 = 25 Feb, not made by 31 Mar: late too.
    expect(count(s, 'visits-on-time')).toEqual({ numerator: 0, denominator: 2 });
    expect(count(report, 'visits-on-time')).toEqual({ numerator: 1, denominator: 4 });
    expect(count(s, 'visits-seen-alone')).toEqual({ numerator: 0, denominator: 1 });
    expect(count(report, 'visits-seen-alone')).toEqual({ numerator: 2, denominator: 3 });
  });
});

describe('reviews', () => {
  // In care Friday 18 Dec 2026: first review due on the 20th working day, 20 Jan 2027 (reg 33(1)).
  // Held 20 Jan with the child: on time. Second due 3 months later, 20 Apr (reg 33(2)); held 22 Apr
  // without the child: late. Third due 6 months later, 22 Oct: after the period.
  const child = kid('2012-05-05', [entered('2026-12-18'), review('2027-01-20', true), review('2027-04-22', false)]);

  it('counts reviews held on or before the due date', () => {
    expect(count(computeOnTime([child], '2027-01-01', '2027-06-30'), 'reviews-on-time')).toEqual({ numerator: 1, denominator: 2 });
  });

  it('counts reviews held in the period with the child taking part; unrecorded participation does not count', () => {
    expect(count(computeOnTime([child], '2027-01-01', '2027-06-30'), 'reviews-participation')).toEqual({ numerator: 1, denominator: 2 });
    const unrecorded = { ...child, facts: [...child.facts, review('2027-06-01')] };
    expect(count(computeOnTime([unrecorded], '2027-01-01', '2027-06-30'), 'reviews-participation')).toEqual({
      numerator: 1,
      denominator: 3,
    });
  });
});

describe('health assessments', () => {
  it('counts initial and review assessments against their due dates', () => {
    // Both in care from Friday 18 Dec 2026: initial assessment due 20 Jan 2027 (20 working days).
    // Aged 11: done 15 Jan, on time; the review is due 12 months later, 15 Jan 2028, after the period.
    const older = kid('2015-06-01', [entered('2026-12-18'), { type: 'health-assessment', date: '2027-01-15', kind: 'initial' }]);
    // Aged 2: done 25 Jan, late; under 5 the review is due 6 months later, 25 Jul, done 20 Jul: on time.
    const younger = kid('2024-03-01', [
      entered('2026-12-18'),
      { type: 'health-assessment', date: '2027-01-25', kind: 'initial' },
      { type: 'health-assessment', date: '2027-07-20', kind: 'review' },
    ]);
    expect(count(computeOnTime([older, younger], '2027-01-01', '2027-12-31'), 'health-on-time')).toEqual({ numerator: 2, denominator: 3 });
  });
});

describe('PEPs', () => {
  // In care Monday 5 Jan 2026: the first PEP is due within 10 working days, Monday 19 Jan.
  it('counts school-age looked-after children on the last day whose PEP is not overdue', () => {
    // PEP 15 Jan, in the spring term: the next is due by the end of the summer term (15 Jul by default). In date on 31 Mar.
    const inDate = kid('2015-06-01', [entered('2026-01-05'), { type: 'pep', date: '2026-01-15' }]);
    // No PEP: overdue since 19 Jan.
    const overdue = kid('2014-09-09', [entered('2026-01-05')]);
    // Aged 4 on 31 Mar: not of school age, not counted.
    const young = kid('2022-01-01', [entered('2026-01-05')]);
    // Left care in February: not looked after on the last day, not counted.
    const left = kid('2013-03-03', [entered('2026-01-05'), { type: 'left-care', date: '2026-02-10', reason: 'returned-home' }]);
    // Turned 16 on 1 Mar 2025: school age ran to 31 Aug 2025, not counted.
    const older = kid('2009-03-01', [entered('2026-01-05')]);
    expect(count(computeOnTime([inDate, overdue, young, left, older], '2026-01-01', '2026-03-31'), 'pep-in-date')).toEqual({
      numerator: 1,
      denominator: 2,
    });
  });

  it('counts a child just in care, first PEP not yet due, as in date', () => {
    expect(count(computeOnTime([kid('2015-06-01', [entered('2026-01-05')])], '2026-01-01', '2026-01-19'), 'pep-in-date')).toEqual({
      numerator: 1,
      denominator: 1,
    });
  });
});

describe('SDQs', () => {
  it('counts SDQs in the period, their total score and those of concern (17 or more)', () => {
    const a = kid('2015-06-01', [
      entered('2025-01-05'),
      { type: 'sdq', date: '2026-01-10', score: 12 },
      { type: 'sdq', date: '2026-02-10', score: 17 },
      { type: 'sdq', date: '2026-04-10', score: 30 }, // after the period
    ]);
    const b = kid('2014-06-01', [entered('2025-01-05'), { type: 'sdq', date: '2026-03-01', score: 25 }], 'South');
    const sdq = computeOnTime([a, b], '2026-01-01', '2026-03-31').council.figures['sdq-done'];
    // 12 + 17 + 25 = 54 over 3: mean 18; two of the three score 17 or more.
    expect({ count: sdq.count, sum: sdq.sum, concern: sdq.concern }).toEqual({ count: 3, sum: 54, concern: 2 });
    expect(sdq.sum / sdq.count).toBe(18);
    expect({ numerator: sdq.numerator, denominator: sdq.denominator }).toEqual({ numerator: 2, denominator: 3 });
  });
});

describe('return home interviews', () => {
  const missing = (start: string, returned: string): Fact => ({ type: 'missing-episode', start, returned });
  const interview = (date: string): Fact => ({ type: 'return-home-interview', date });

  it('counts an interview within 72 hours across a weekend as on time, and one beyond as late', () => {
    const child = kid('2011-04-04', [
      entered('2026-01-05'),
      // Back Friday 6 Mar, 18:00: 72 hours runs to Monday 9 Mar, 18:00. Interview Monday: on time.
      missing('2026-03-06T09:00:00Z', '2026-03-06T18:00:00Z'),
      interview('2026-03-09'),
      // Thursday 12 Mar is before the next return, so it answers nothing.
      interview('2026-03-12'),
      // Back Friday 13 Mar, 18:00: due by Monday 16 Mar. Interview Tuesday 17 Mar: late.
      missing('2026-03-13T08:00:00Z', '2026-03-13T18:00:00Z'),
      interview('2026-03-17'),
      // Back Friday 27 Mar, 23:30 GMT; 72 hours later is 00:30 BST on Tuesday 31 Mar, so an interview that day is on time.
      missing('2026-03-27T20:00:00Z', '2026-03-27T23:30:00Z'),
      interview('2026-03-31'),
    ]);
    expect(count(computeOnTime([child], '2026-03-01', '2026-03-31'), 'rhi-within-72-hours')).toEqual({ numerator: 2, denominator: 3 });
  });

  it('lets an interview after the period answer a return at its end', () => {
    // Back Monday 30 Mar 10:00 BST; interview Wednesday 1 Apr, within 72 hours.
    const child = kid('2011-04-04', [entered('2026-01-05'), missing('2026-03-29T20:00:00Z', '2026-03-30T09:00:00Z'), interview('2026-04-01')]);
    expect(count(computeOnTime([child], '2026-03-01', '2026-03-31'), 'rhi-within-72-hours')).toEqual({ numerator: 1, denominator: 1 });
  });

  it('checks an interview whose time was recorded to the minute, in London time', () => {
    const timed = (date: string, time: string): Fact => ({ type: 'return-home-interview', date, time });
    const child = kid('2011-04-04', [
      entered('2026-01-05'),
      // Back Friday 3 Jul, 14:00 BST (13:00Z): 72 hours runs to Monday 6 Jul, 14:00 BST.
      missing('2026-07-03T08:00:00Z', '2026-07-03T13:00:00Z'),
      timed('2026-07-06', '14:00'),
      // Back Friday 10 Jul, 14:00 BST: an interview on Monday at 14:01 is a minute late, though on the due date.
      missing('2026-07-10T08:00:00Z', '2026-07-10T13:00:00Z'),
      timed('2026-07-13', '14:01'),
    ]);
    expect(count(computeOnTime([child], '2026-07-01', '2026-07-31'), 'rhi-within-72-hours')).toEqual({ numerator: 1, denominator: 2 });
  });
});

describe('pathway plans', () => {
  it('counts care leavers and eligible children on the last day whose plan is not overdue', () => {
    // Born 1 Feb 2008, in care from 2021: eligible at 16 (1 Feb 2024), left care at 18 (1 Feb 2026).
    // Plans 1 Jun and 20 Nov 2025: the review is due 6 months later, 20 May 2026. Overdue on 30 Jun.
    const overdue = kid('2008-02-01', [
      entered('2021-06-01'),
      { type: 'pathway-plan', date: '2025-06-01' },
      { type: 'pathway-plan', date: '2025-11-20' },
    ]);
    // Same, but reviewed 1 Mar 2026: next due 1 Sep 2026. In date.
    const inDate = kid('2008-02-01', [entered('2021-06-01'), { type: 'pathway-plan', date: '2026-03-01' }]);
    // Still in care at 17 (eligible since 16, 10 Oct 2025); plan due 3 months after, 10 Jan 2026; none: overdue.
    const eligible = kid('2009-10-10', [entered('2023-01-01')]);
    // 15: a pathway plan is already due ahead, but the child is not yet eligible, so not counted.
    const fifteen = kid('2011-01-01', [entered('2020-01-01')]);
    expect(count(computeOnTime([overdue, inDate, eligible, fifteen], '2026-04-01', '2026-06-30'), 'pathway-plan-in-date')).toEqual({
      numerator: 1,
      denominator: 3,
    });
  });
});

describe('monthly series', () => {
  it('gives 12 months ending with the month containing the end of the period, the last stopping at it', () => {
    const child = kid('2015-06-01', [
      entered('2026-01-05'),
      placed('2026-01-05'),
      visit('2026-01-12'),
      visit('2026-02-25'),
      review('2026-01-30'),
    ]);
    const report = computeOnTime([child], '2026-03-01', '2026-03-15');
    const months = report.council.monthly;
    expect(months).toHaveLength(12);
    expect(months[0]).toMatchObject({ month: '2025-04', from: '2025-04-01', to: '2025-04-30' });
    expect(months[11]).toMatchObject({ month: '2026-03', from: '2026-03-01', to: '2026-03-15' });
    const byMonth = new Map(months.map((m) => [m.month, m]));
    // Visits: due 12 Jan on time, due 23 Feb late; due 8 Apr is past 15 Mar.
    expect(byMonth.get('2026-01')!.visitsOnTime).toEqual({ numerator: 1, denominator: 1 });
    expect(byMonth.get('2026-02')!.visitsOnTime).toEqual({ numerator: 0, denominator: 1 });
    expect(byMonth.get('2026-03')!.visitsOnTime).toEqual({ numerator: 0, denominator: 0 });
    // Review: first due on the 20th working day after 5 Jan, 2 Feb; held 30 Jan, on time. Second due 30 Apr.
    expect(byMonth.get('2026-02')!.reviewsOnTime).toEqual({ numerator: 1, denominator: 1 });
    expect(months.reduce((n, m) => n + m.reviewsOnTime.denominator, 0)).toBe(1);
    expect(report.teams[0]!.monthly).toEqual(months);
  });

  it('crosses a year end', () => {
    const months = computeOnTime([], '2026-01-01', '2026-01-31').council.monthly.map((m) => m.month);
    expect(months).toEqual(['2025-02', '2025-03', '2025-04', '2025-05', '2025-06', '2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12', '2026-01']);
  });
});

describe('shape', () => {
  it('gives every figure an id, title and definition, and no child ids anywhere', () => {
    const child = kid('2015-06-01', [entered('2026-01-05'), placed('2026-01-05'), visit('2026-01-12')]);
    const report = computeOnTime([child], '2026-01-01', '2026-03-31');
    expect(Object.keys(report.council.figures)).toEqual([...FIGURE_IDS]);
    for (const id of FIGURE_IDS) {
      const figure = report.council.figures[id];
      expect(figure.id).toBe(id);
      expect(figure.title.length).toBeGreaterThan(5);
      expect(figure.definition).toMatch(/Denominator/);
    }
    expect(JSON.stringify(report)).not.toContain(child.child.id);
  });

  it('uses the council’s hours in the return home interview wording', () => {
    const policy = resolvePolicy({ returnHomeInterview: { withinHours: 48 } });
    const figure = computeOnTime([], '2026-01-01', '2026-03-31', policy).council.figures['rhi-within-72-hours'];
    expect(figure.title).toBe('Return home interviews within 48 hours');
  });

  it('refuses a backwards or malformed period', () => {
    expect(() => computeOnTime([], '2026-03-31', '2026-01-01')).toThrow(RangeError);
    expect(() => computeOnTime([], '2026-02-30', '2026-03-01')).toThrow(RangeError);
  });
});
