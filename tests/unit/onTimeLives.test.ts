/**
 * Care leavers' lives (the DfE's SSDA903 OC3 measures) and placement
 * stability and distance on the on-time page, counted by hand for the year
 * 1 April 2026 to 31 March 2027.
 */
import { describe, expect, it } from 'vitest';
import { computeOnTime } from '#domain/onTime.js';
import type { Fact } from '#domain/facts.js';
import { birthdayReturns } from '#domain/careLeaverFigures.js';
import { stabilityOf } from '#domain/stabilityFigures.js';
import { count, entered, kid } from './onTimeChildren.js';

const FROM = '2026-04-01';
const TO = '2027-03-31';
const left = (date: string): Fact => ({ type: 'left-care', date, reason: 'age-18' });
const status = (date: string, inTouch: 'YES' | 'NO' | 'DIED', activity?: 'F2' | 'G5' | 'F5', accommodation?: 'U' | 'S' | 'D', suitable?: boolean): Fact =>
  ({ type: 'care-leaver-status', date, inTouch, ...(activity ? { activity } : {}), ...(accommodation ? { accommodation, accommodationSuitable: suitable } : {}) });
const place = (date: string, placementId: string, more: { distanceMiles?: number; outOfArea?: boolean; arrangement?: 'short-breaks' } = {}): Fact => ({
  type: 'placement-started', date, placementId, longTerm: false, ...more,
});
const inCare = (date: string, more: Parameters<typeof place>[2] = {}): Fact[] => [entered(date), place(date, 'p1', more)];

describe("care leavers' birthday returns", () => {
  // 19th birthday 10 June 2026 (window 10 March to 10 July): in touch, full-time education, independent living, suitable.
  const a = kid('2007-06-10', [...inCare('2020-01-06'), left('2025-06-10'), status('2026-05-01', 'YES', 'F2', 'U', true)]);
  // 20th birthday 1 September 2026 (window 1 June to 1 October): a status before it opens and one after it closes, none in it: not known.
  const b = kid('2006-09-01', [...inCare('2019-01-07'), left('2024-09-01'), status('2026-05-01', 'YES', 'F2', 'U', true), status('2026-10-15', 'NO')]);
  // 21st birthday 1 December 2026: in touch, not in EET, homeless (unsuitable).
  const c = kid('2005-12-01', [...inCare('2018-01-08'), left('2023-12-01'), status('2026-11-20', 'YES', 'G5', 'S', false)]);
  // 21st birthday 1 February 2027, recorded as having died: left out.
  const d = kid('2006-02-01', [...inCare('2019-01-07'), left('2024-02-01'), status('2027-01-15', 'DIED')]);
  // 18th birthday 20 November 2026, left care at 17 on 1 May 2026: in touch, training, semi-independent and suitable.
  const e = kid('2008-11-20', [...inCare('2022-01-10'), { type: 'left-care', date: '2026-05-01', reason: 'independent-living' }, status('2026-12-01', 'YES', 'F5', 'D', true)]);
  // 17th birthday in the period but still looked after: not a care leaver.
  const f = kid('2009-08-01', inCare('2021-03-01'));

  it('counts each birthday in the period from what was recorded in its window', () => {
    const report = computeOnTime([a, b, c, d, e, f], FROM, TO);
    expect(count(report, 'care-leavers-19-21-in-touch')).toEqual({ numerator: 2, denominator: 3 });
    expect(count(report, 'care-leavers-19-21-eet')).toEqual({ numerator: 1, denominator: 3 });
    expect(count(report, 'care-leavers-19-21-suitable-accommodation')).toEqual({ numerator: 1, denominator: 3 });
    expect(count(report, 'care-leavers-17-18-in-touch')).toEqual({ numerator: 1, denominator: 1 });
    expect(count(report, 'care-leavers-17-18-eet')).toEqual({ numerator: 1, denominator: 1 });
    expect(count(report, 'care-leavers-17-18-suitable-accommodation')).toEqual({ numerator: 1, denominator: 1 });
    expect(report.council.figures['care-leavers-19-21-eet'].definition).toMatch(/SSDA903.*OC3.*3 months before the birthday to 1 month after/);
  });

  it('is a pure function of one young person', () => {
    expect(birthdayReturns(a.child, a.facts, FROM, TO)).toEqual([{ age: 19, birthday: '2026-06-10', inTouch: true, inEducationEmploymentOrTraining: true, suitablyHoused: true }]);
    // Ending the period on 30 June 2026, b's 20th birthday (1 September) is still to come: nothing.
    expect(birthdayReturns(b.child, b.facts, FROM, '2026-06-30')).toEqual([]);
    // A status dated after `to` is not read: ending on 30 November, e's status of 1 December is not yet known.
    expect(birthdayReturns(e.child, e.facts, FROM, '2026-11-30')).toEqual([{ age: 18, birthday: '2026-11-20', inTouch: false, inEducationEmploymentOrTraining: false, suitablyHoused: false }]);
  });
});

describe('placement stability and distance on 31 March 2027', () => {
  // 12, in care since 2020; moved 1 June and 1 December 2026: 3 placements in the year (p1 running when it began); 25 miles away, out of area.
  const s1 = kid('2015-01-01', [...inCare('2020-01-06'), place('2026-06-01', 'p2'), place('2026-12-01', 'p3', { distanceMiles: 25, outOfArea: true })]);
  // 13, in the same placement since January 2022, 5 miles away, in the area: stable both ways.
  const s2 = kid('2013-05-01', inCare('2022-01-10', { distanceMiles: 5, outOfArea: false }));
  // 17 (too old for long-term stability), moved before the year began: 1 placement; no distance, no area recorded.
  const s3 = kid('2010-01-01', [...inCare('2025-01-01'), place('2026-03-01', 'p2')]);
  // On short breaks: left out of every figure.
  const s4 = kid('2014-01-01', [...inCare('2020-01-06', { arrangement: 'short-breaks', distanceMiles: 40, outOfArea: true }), place('2026-05-01', 'p2', { arrangement: 'short-breaks' }), place('2026-07-01', 'p3', { arrangement: 'short-breaks' })]);
  // Left care in the year: not looked after on 31 March.
  const s5 = kid('2012-01-01', [...inCare('2020-01-06', { distanceMiles: 30, outOfArea: true }), { type: 'left-care', date: '2026-10-01', reason: 'returned-home' }]);
  // 9, in care 2 years only (from April 2025): not in the long-term cohort; p1 ended and p2 began on 1 August 2026: 2 placements.
  const s6 = kid('2018-01-01', [...inCare('2025-04-01'), { type: 'placement-ended', date: '2026-08-01', placementId: 'p1' }, place('2026-08-01', 'p2')]);

  it('counts as the DfE defines them', () => {
    const report = computeOnTime([s1, s2, s3, s4, s5, s6], FROM, TO);
    // Looked after on 31 March, not on short breaks: s1, s2, s3, s6. Three or more placements: s1 only.
    expect(count(report, 'placements-3-or-more')).toEqual({ numerator: 1, denominator: 4 });
    // Under 16 and looked after 2.5 years or more (since 30 September 2024 at the latest): s1, s2. Same placement 2 years or more: s2.
    expect(count(report, 'placement-same-2-years')).toEqual({ numerator: 1, denominator: 2 });
    expect(count(report, 'placed-over-20-miles')).toEqual({ numerator: 1, denominator: 2 });
    expect(count(report, 'placed-out-of-area')).toEqual({ numerator: 1, denominator: 2 });
    expect(report.council.figures['placement-same-2-years'].definition).toMatch(/under 16.*2 and a half years.*2 years or more/);
  });

  it('is a pure function of one child', () => {
    expect(stabilityOf(s1.child, s1.facts, TO)).toEqual({ threeOrMorePlacements: true, sameFor2Years: false, over20Miles: true, outOfArea: true });
    expect(stabilityOf(s6.child, s6.facts, TO)).toEqual({ threeOrMorePlacements: false, sameFor2Years: null, over20Miles: null, outOfArea: null });
    // On 1 June 2026 s1 had had 2 placements in the year up to it (p1, and p2 from that day).
    expect(stabilityOf(s1.child, s1.facts, '2026-06-01').threeOrMorePlacements).toBe(false);
  });
});
