/** The demo council's histories (infra/local/histories.ts) give the on-time care-leaver and distance figures something to count. */
import { describe, expect, it } from 'vitest';
import { makeRng, syntheticChild } from '#local/histories.js';
import { birthdayReturns } from '#domain/careLeaverFigures.js';
import { stabilityOf } from '#domain/stabilityFigures.js';

const TODAY = '2027-01-18';
const draw = (careLeaver: boolean, n = 40) => {
  const rng = makeRng(20_270_118);
  return Array.from({ length: n }, (_, i) => {
    const { dateOfBirth, facts } = syntheticChild(rng, TODAY, careLeaver);
    return { child: { id: `C-${i}`, dateOfBirth }, facts };
  });
};

describe('demo histories', () => {
  it("care leavers have birthday statuses, varied, inside the windows the figures read, and the same each time", () => {
    const leavers = draw(true);
    expect(draw(true)).toEqual(leavers);
    const returns = leavers.flatMap((h) => birthdayReturns(h.child, h.facts, '2026-01-19', TODAY));
    expect(returns.length).toBeGreaterThan(5);
    for (const key of ['inTouch', 'inEducationEmploymentOrTraining', 'suitablyHoused'] as const) {
      expect(new Set(returns.map((r) => r[key])), key).toEqual(new Set([true, false]));
    }
  });

  it('placements have distances from home, some over 20 miles and out of area', () => {
    const stability = draw(false).map((h) => stabilityOf(h.child, h.facts, TODAY));
    expect(new Set(stability.map((s) => s.over20Miles))).toEqual(new Set([true, false]));
    expect(new Set(stability.map((s) => s.outOfArea))).toEqual(new Set([true, false]));
  });
});
