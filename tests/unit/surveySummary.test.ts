import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { summariseSurvey, type ResponseForSummary } from '#domain/surveySummary.js';
import { CARE_LEAVER_SURVEY } from '#domain/surveys/definitions.js';
import type { Bands } from '#domain/surveys/bands.js';

const band = (ageBand: Bands['ageBand']): Bands => ({ ageBand, placementType: 'care-leaver', area: 'unknown' });
const respond = (feelSafe: string, ageBand: Bands['ageBand'], extra: Record<string, string | number> = {}): ResponseForSummary => ({
  answers: { 'feel-safe-home': feelSafe, ...extra },
  bands: band(ageBand),
});

describe('survey summaries', () => {
  it('counts answers and the headline share, with change against last time', () => {
    const now = [...Array.from({ length: 16 }, () => respond('always', '18-20')), ...Array.from({ length: 8 }, () => respond('never', '18-20'))];
    const before = [...Array.from({ length: 10 }, () => respond('always', '18-20')), ...Array.from({ length: 10 }, () => respond('sometimes', '18-20'))];
    const s = summariseSurvey({ definition: CARE_LEAVER_SURVEY, invited: 40, responses: now, previous: { definition: CARE_LEAVER_SURVEY, responses: before }, includeComments: true });
    expect(s).toMatchObject({ invited: 40, answered: 24, responseRate: 60 });
    const safe = s.indicators.find((i) => i.id === 'feel-safe-home')!;
    expect(safe).toMatchObject({ count: 16, base: 24, percent: 66.7, previousPercent: 50, change: 16.7 });
    const q = s.questions.find((x) => x.id === 'feel-safe-home')!;
    expect(q.table!.cells[0]).toEqual([16, 0, 0, 8]);
    expect(q.percents).toEqual([66.7, 0, 0, 33.3]);
  });

  it('hides small groups, and never gives a hidden base back through a percentage', () => {
    // 16-17: 2 answers; 18-20: 26 safe, 12 not. The 16-17 row and its total are hidden, so must its share be.
    const responses = [
      ...Array.from({ length: 26 }, () => respond('always', '18-20')),
      ...Array.from({ length: 12 }, () => respond('never', '18-20')),
      respond('never', '16-17'),
      respond('never', '16-17'),
    ];
    const s = summariseSurvey({ definition: CARE_LEAVER_SURVEY, invited: 60, responses, includeComments: false });
    const byAge = s.indicators.find((i) => i.id === 'feel-safe-home')!.breakdowns.find((b) => b.dimension === 'ageBand')!;
    byAge.table.rows.forEach((_, i) => {
      if (byAge.table.rowTotals[i] === 'c' || byAge.table.cells[i]![0] === 'c') expect(byAge.percents[i]).toBeNull();
    });
    expect(byAge.table.cells.flat()).toContain('c');
  });

  it('keeps responses whose age is unknown in a group of their own, suppressed like any other', () => {
    const byAge = (unknownSafe: number) => {
      const responses = [
        ...Array.from({ length: 14 }, () => respond('always', '21-25')),
        ...Array.from({ length: 6 }, () => respond('never', '21-25')),
        ...Array.from({ length: unknownSafe }, () => respond('always', 'unknown')),
      ];
      const s = summariseSurvey({ definition: CARE_LEAVER_SURVEY, invited: 40, responses, includeComments: false });
      return s.indicators.find((i) => i.id === 'feel-safe-home')!.breakdowns.find((b) => b.dimension === 'ageBand')!.table;
    };
    const table = byAge(8);
    expect(table.rows).toEqual(['21-25', 'unknown']);
    expect(table.cells).toEqual([[14, 6], [8, 0]]);
    expect(table.rowTotals).toEqual([20, 8]);
    expect(byAge(3).cells[1]![0]).toBe('c');
  });

  it('publishes no percentage whose part or base is hidden, whatever the answers', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('always', 'mostly', 'sometimes', 'never'), fc.constantFrom('16-17', '18-20', '21-25')), { maxLength: 60 }), (rows) => {
        const s = summariseSurvey({ definition: CARE_LEAVER_SURVEY, invited: 80, responses: rows.map(([a, b]) => respond(a, b as Bands['ageBand'])), includeComments: false });
        for (const q of s.questions) {
          if (!q.table) continue;
          q.table.cells[0]!.forEach((cell, i) => {
            if (cell === 'c' || q.table!.rowTotals[0] === 'c') expect(q.percents[i]).toBeNull();
            if (typeof cell === 'number' && cell >= 1 && cell <= 5) throw new Error('a small count was published');
          });
        }
        for (const ind of s.indicators) {
          for (const b of ind.breakdowns) b.table.rows.forEach((_, i) => {
            if (b.table.rowTotals[i] === 'c' || b.table.cells[i]![0] === 'c') expect(b.percents[i]).toBeNull();
          });
        }
      }),
      { numRuns: 200 },
    );
  });

  it('shows comments only to leads, and only when 10 or more answered', () => {
    const nine = Array.from({ length: 9 }, () => respond('always', '18-20', { 'anything-else': 'Thanks' }));
    expect(summariseSurvey({ definition: CARE_LEAVER_SURVEY, invited: 20, responses: nine, includeComments: true }).comments).toBeNull();
    const ten = [...nine, respond('always', '18-20', { 'anything-else': 'More help with rent' })];
    expect(summariseSurvey({ definition: CARE_LEAVER_SURVEY, invited: 20, responses: ten, includeComments: true }).comments).toHaveLength(10);
    expect(summariseSurvey({ definition: CARE_LEAVER_SURVEY, invited: 20, responses: ten, includeComments: false }).comments).toBeNull();
  });

  it('gives the life satisfaction mean and the share scoring low, only from 10 answers', () => {
    const scores = [2, 3, 4, 6, 7, 8, 8, 9, 10, 7];
    const s = summariseSurvey({ definition: CARE_LEAVER_SURVEY, invited: 20, responses: scores.map((n) => respond('always', '18-20', { 'life-satisfaction': n })), includeComments: false });
    const life = s.indicators.find((i) => i.id === 'life-satisfaction')!;
    expect(life.mean).toBe(6.4);
    expect(life.lowPercent).toBeNull(); // 3 scored low: a count of 1 to 5 is hidden, so is its share
    const fewer = summariseSurvey({ definition: CARE_LEAVER_SURVEY, invited: 20, responses: scores.slice(0, 9).map((n) => respond('always', '18-20', { 'life-satisfaction': n })), includeComments: false });
    expect(fewer.indicators.find((i) => i.id === 'life-satisfaction')!.mean).toBeNull();
  });
});
