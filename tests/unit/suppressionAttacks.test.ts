/**
 * Small numbers: readers of a published table (see suppressionReader.ts) try
 * to get hidden counts back, on the worked examples and on random tables, by
 * peeling, exact algebra and brute force. Each attack must fail.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HIDDEN, MAX_SUPPRESSED } from '#domain/suppression.js';
import { type Published, bruteForce, determinedByAlgebra, lines, peel, protectable, published, suppress, table, withTotals } from './suppressionReader.js';

const c = HIDDEN;

describe('readers trying to get hidden counts back', () => {
  it('the worked examples resist every attack', () => {
    const examples = [
      [[3, 20, 40]],
      [[1, 1, 40]],
      [[4, 0, 9]],
      [[2, 15, 30], [10, 12, 25], [8, 20, 22]],
      [[2, 0], [0, 9]],
      [[1, 1, 1], [1, 1, 1], [1, 1, 1]],
      [[3], [7]],
      [[5, 5, 40]],
      [[2, 0, 1], [16, 0, 11], [45, 6, 2]],
    ];
    for (const counts of examples) {
      const pub = published(suppress(counts));
      const truth = withTotals(counts);
      expect(peel(pub)).toEqual([]);
      expect(determinedByAlgebra(pub)).toEqual([]);
      expect(bruteForce(pub, truth, 'published')).toEqual([]);
      expect(bruteForce(pub, truth, 'knowsPrimary')).toEqual([]);
    }
  });

  it('the attackers do find what is left exposed (so their failures mean something)', () => {
    // DfE line rule only, [c, c, 40 | 42]: no single unknown, but each `c` is at least 1.
    const lineRuleOnly: Published = [[null, null, 40, 42], [null, null, 40, 42]];
    const truth = withTotals([[1, 1, 40]]);
    expect(peel(lineRuleOnly)).toEqual([]);
    expect(bruteForce(lineRuleOnly, truth, 'published')).toHaveLength(4);
    // Primary suppression only, [c, 20, 40 | 63]: peeling solves it at once.
    expect(peel([[null, 20, 40, 63], [null, 20, 40, 63]])).toEqual([[0, 0], [1, 0]]);
    // What the DfE line rule alone publishes for [[2,0,1],[16,0,11],[45,6,2]] (no line has a lone `c`):
    //   [c, 0, c  | c ]      row 3: c32 + c33 = 53 - 45 = 8;  column 2: c32 = C2;
    //   [c, 0, 11 | c ]      totals: C2 + C3 = 83 - 63 = 20;
    //   [45, c, c | 53]      column 3: c13 = C3 - 11 - c33 = (20 - c32) - 11 - (8 - c32) = 1.
    //   [63, c, c | 83]
    const bridged = [[2, 0, 1], [16, 0, 11], [45, 6, 2]];
    const lineRule: Published = [[null, 0, null, null], [null, 0, 11, null], [45, null, null, 53], [63, null, null, 83]];
    expect(peel(lineRule)).toEqual([]);
    expect(determinedByAlgebra(lineRule)).toEqual([[0, 2]]);
    expect(bruteForce(lineRule, withTotals(bridged), 'published')).toEqual([[0, 2]]);
    // The check hides the 11 as well, which puts the 1 on a cycle of hidden entries.
    expect(suppress(bridged)).toMatchObject({
      cells: [[c, 0, c], [c, 0, c], [45, c, c]],
      rowTotals: [c, c, 53],
      columnTotals: [63, c, c],
      total: 83,
    });
  });

  it('(a) peeling and exact algebra recover nothing from random tables up to 5x6', () => {
    fc.assert(
      fc.property(table(5, 6, 80), (counts) => {
        const t = suppress(counts);
        const pub = published(t);
        const truth = withTotals(counts);
        // What is shown is true; every 1..5 is hidden; every 0 is shown; no line has a lone `c`.
        pub.forEach((row, i) =>
          row.forEach((v, j) => {
            const real = truth[i]![j]!;
            if (v !== null) expect(v).toBe(real);
            if (real >= 1 && real <= MAX_SUPPRESSED) expect(v).toBeNull();
            if (real === 0) expect(v).toBe(0);
          }),
        );
        for (const line of lines(pub)) expect(line.filter(([i, j]) => pub[i]![j] === null).length).not.toBe(1);
        expect(peel(pub)).toEqual([]);
        expect(determinedByAlgebra(pub)).toEqual([]);
      }),
      { numRuns: 600 },
    );
  });

  it('(b) brute force over small tables leaves every hidden count at least two possible values', () => {
    fc.assert(
      fc.property(table(3, 3, 12), (counts) => {
        const pub = published(suppress(counts));
        const truth = withTotals(counts);
        expect(bruteForce(pub, truth, 'published')).toEqual([]);
        if (protectable(truth, 'knowsPrimary')) expect(bruteForce(pub, truth, 'knowsPrimary')).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });

  it('is deterministic and does not touch its input', () => {
    fc.assert(
      fc.property(table(5, 6, 80), (counts) => {
        const copy = structuredClone(counts);
        const first = suppress(counts);
        expect(counts).toEqual(copy);
        expect(suppress(structuredClone(counts))).toEqual(first);
      }),
      { numRuns: 200 },
    );
  });
});
