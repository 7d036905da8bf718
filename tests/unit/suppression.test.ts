/**
 * Small numbers: single counts, worked examples checked by hand (each also
 * put to the readers of suppressionReader.ts), percentages and means. The
 * attacks on random tables are in suppressionAttacks.test.ts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HIDDEN, MAX_SUPPRESSED, MIN_BASE, mean, meetsMinBase, percent, suppressCount, suppressDistribution, suppressTable } from '#domain/suppression.js';
import { bruteForce, protectable, published, suppress, table, withTotals } from './suppressionReader.js';

const c = HIDDEN;

describe('single counts', () => {
  it('hides 1 to 5, shows 0 and 6 or more', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7, 100].map(suppressCount)).toEqual([0, c, c, c, c, c, 6, 7, 100]);
    expect(MAX_SUPPRESSED).toBe(5);
    expect(MIN_BASE).toBe(10);
  });

  it('refuses what is not a count', () => {
    for (const bad of [-1, 1.5, Number.NaN, Infinity]) expect(() => suppressCount(bad)).toThrow(RangeError);
  });
});

describe('worked examples (checked by hand)', () => {
  it('DfE-style distribution: [3, 20, 40] of 63 hides the 3 and the next smallest, 20', () => {
    expect(suppressDistribution({ categories: ['yes', 'no', 'not sure'], counts: [3, 20, 40] })).toEqual({
      categories: ['yes', 'no', 'not sure'],
      counts: [c, c, 40],
      total: 63,
    });
    // As a one-row table the column totals repeat the cells, and are hidden with them.
    expect(suppress([[3, 20, 40]])).toMatchObject({ cells: [[c, c, 40]], rowTotals: [63], columnTotals: [c, c, 40], total: 63 });
  });

  it('two `c`s that add up to 2 must both be 1, so the third count goes too', () => {
    // The line rule alone would publish [c, c, 40 | 42]: 42 - 40 = 2 = 1 + 1.
    expect(suppressDistribution({ categories: ['a', 'b', 'd'], counts: [1, 1, 40] })).toMatchObject({ counts: [c, c, c], total: 42 });
  });

  it('zeros stay 0 and are never used to cover a `c`', () => {
    expect(suppressDistribution({ categories: ['a', 'b', 'd'], counts: [4, 0, 9] })).toMatchObject({ counts: [c, 0, c], total: 13 });
    expect(suppressDistribution({ categories: ['a', 'b', 'd'], counts: [0, 7, 9] })).toMatchObject({ counts: [0, 7, 9], total: 16 });
    expect(suppress([[0, 0], [0, 0]])).toEqual({ rows: ['r1', 'r2'], columns: ['k1', 'k2'], cells: [[0, 0], [0, 0]], rowTotals: [0, 0], columnTotals: [0, 0], total: 0 });
    expect(suppress([[0, 0, 0], [3, 0, 20], [0, 0, 0]]).cells).toEqual([[0, 0, 0], [c, 0, c], [0, 0, 0]]);
  });

  it('primary suppression in one row cascades through the columns', () => {
    // A[x]=2 is `c`. Row A: hide its next smallest, A[y]=15. Column x: hide C[x]=8.
    // Column y: hide B[y]=12. Row B: hide B[x]=10. Row C: hide C[y]=20. Now every line
    // has 0 or 3 hidden entries and the hidden cells form a 3x2 block with shown totals.
    expect(
      suppress([
        [2, 15, 30],
        [10, 12, 25],
        [8, 20, 22],
      ]),
    ).toMatchObject({
      cells: [
        [c, c, 30],
        [c, c, 25],
        [c, c, 22],
      ],
      rowTotals: [47, 47, 50],
      columnTotals: [20, 47, 77],
      total: 144,
    });
  });

  it('totals of 1 to 5 are `c` themselves', () => {
    expect(suppressDistribution({ categories: ['a', 'b', 'd'], counts: [2, 0, 1] })).toMatchObject({ counts: [c, 0, c], total: c });
    expect(suppress([[3]])).toMatchObject({ cells: [[c]], rowTotals: [c], columnTotals: [c], total: c });
    // Row 1 total 2 and column 1 total 2 are `c`; the column totals line then has one `c`,
    // and its only other non-zero entries are totals: the smaller, 9, goes, and so on round.
    expect(suppress([[2, 0], [0, 9]])).toMatchObject({ cells: [[c, 0], [0, c]], rowTotals: [c, c], columnTotals: [c, c], total: 11 });
  });

  it('hides a total when a total is the only thing left to hide', () => {
    // Nine 1s: every row and column total is 3, so `c`. Grand total 9 shown would give
    // nine cells of at least 1 adding up to 9: all 1. The only shown number is the grand total.
    const ones = suppress([[1, 1, 1], [1, 1, 1], [1, 1, 1]]);
    expect(ones.total).toBe(c);
    expect(ones.cells.flat().every((v) => v === c)).toBe(true);
    // One column: the 3 is covered by the 7, and then by its row total.
    expect(suppress([[3], [7]])).toMatchObject({ cells: [[c], [c]], rowTotals: [c, c], columnTotals: [10], total: 10 });
  });

  it('tiny tables', () => {
    expect(suppress([[7]])).toMatchObject({ cells: [[7]], rowTotals: [7], columnTotals: [7], total: 7 });
    expect(suppress([[3, 9]])).toMatchObject({ cells: [[c, c]], rowTotals: [12], columnTotals: [c, c], total: 12 });
    expect(suppress([[1, 1]])).toMatchObject({ cells: [[c, c]], rowTotals: [c], columnTotals: [c, c], total: c });
    expect(suppress([[6, 7]])).toMatchObject({ cells: [[6, 7]], rowTotals: [13], columnTotals: [6, 7], total: 13 });
    expect(suppressTable({ rows: [], columns: ['a'], counts: [] })).toEqual({ rows: [], columns: ['a'], cells: [], rowTotals: [], columnTotals: [0], total: 0 });
  });

  it('a reader told which `c`s are primary cannot always be stopped, and is stopped when possible', () => {
    // Grand total 5 is a primary `c` (at most 5) over five non-zero cells: each must be 1,
    // however much is hidden. Only the weaker guarantee is possible here.
    const t = [[1, 1, 1], [1, 1, 0]];
    expect(protectable(withTotals(t), 'knowsPrimary')).toBe(false);
    expect(bruteForce(published(suppress(t)), withTotals(t), 'published')).toEqual([]);
    // [5, 5, 40]: two primaries adding to 10 are 5 and 5 to that reader, so the 40 goes too.
    expect(suppressDistribution({ categories: ['a', 'b', 'd'], counts: [5, 5, 40] })).toMatchObject({ counts: [c, c, c], total: 50 });
  });

  it('checks its input', () => {
    expect(() => suppressTable({ rows: ['a'], columns: ['x', 'y'], counts: [[1]] })).toThrow(RangeError);
    expect(() => suppressTable({ rows: ['a', 'b'], columns: ['x'], counts: [[1]] })).toThrow(RangeError);
    expect(() => suppressTable({ rows: ['a'], columns: ['x'], counts: [[-2]] })).toThrow(RangeError);
    expect(() => suppressTable({ rows: ['a'], columns: ['x'], counts: [[2.5]] })).toThrow(RangeError);
  });
});

describe('percentages', () => {
  it('needs a base of 10 or more', () => {
    expect(percent(7, 9)).toBeNull();
    expect(percent(9, 9)).toBeNull();
    expect(percent(7, 10)).toBe(70);
    expect(percent(0, 10)).toBe(0);
    expect(percent(12, 12)).toBe(100);
    expect(meetsMinBase(9)).toBe(false);
    expect(meetsMinBase(10)).toBe(true);
    expect(meetsMinBase(c)).toBe(false);
  });

  it('is never given for a hidden count or a hidden base', () => {
    expect(percent(c, 50)).toBeNull();
    expect(percent(20, c)).toBeNull();
    // A raw count of 1..5 is refused too, in case a caller skipped the table.
    for (let n = 1; n <= MAX_SUPPRESSED; n++) expect(percent(n, 40)).toBeNull();
    fc.assert(
      fc.property(table(4, 5, 80), (counts) => {
        const t = suppress(counts);
        t.cells.forEach((row, i) => row.forEach((v, j) => {
          if (v === c) {
            expect(percent(v, t.rowTotals[i]!)).toBeNull();
            expect(percent(v, t.columnTotals[j]!)).toBeNull();
          }
        }));
      }),
      { numRuns: 100 },
    );
  });

  it('rounds to 1 decimal place, halves up, without floating-point slips', () => {
    expect(percent(10, 30)).toBe(33.3);
    expect(percent(20, 30)).toBe(66.7);
    expect(percent(7, 16)).toBe(43.8); // 43.75
    expect(percent(9, 16)).toBe(56.3); // 56.25
    expect(percent(201, 2000)).toBe(10.1); // 10.05 exactly; 201 / 2000 * 100 is 10.049999...
    expect(percent(6, 11)).toBe(54.5); // 54.545...
  });

  it('refuses nonsense', () => {
    expect(() => percent(11, 10)).toThrow(RangeError);
    expect(() => percent(-1, 10)).toThrow(RangeError);
    expect(() => percent(6, 10.5)).toThrow(RangeError);
  });
});

describe('means', () => {
  const tenOf = (sum: number) => [...new Array<number>(9).fill(0), sum];

  it('needs 10 or more values', () => {
    expect(mean([])).toBeNull();
    expect(mean([7, 7, 7, 7, 7, 7, 7, 7, 7])).toBeNull();
    expect(mean([0, 1, 2, 3, 4, 5, 6, 7, 8, 9])).toBe(4.5);
  });

  it('rounds to 1 decimal place, halves away from zero', () => {
    expect(mean(tenOf(26))).toBe(2.6);
    expect(mean([...new Array<number>(19).fill(0), 5])).toBe(0.3); // 0.25
    expect(mean([...new Array<number>(11).fill(1), 0])).toBe(0.9); // 0.9166...
    expect(mean([...new Array<number>(19).fill(0), -5])).toBe(-0.3);
    expect(mean([...new Array<number>(10).fill(0.25)])).toBe(0.3);
    expect(Object.is(mean(new Array<number>(10).fill(0)), 0)).toBe(true);
    expect(() => mean([...tenOf(1), Number.NaN])).toThrow(RangeError);
  });
});
