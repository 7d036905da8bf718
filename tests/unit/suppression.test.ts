/**
 * Small numbers: every test here plays the reader of a published table and
 * tries to get a hidden count back. Each attack must fail.
 *
 * Attackers (all work on the table-with-totals: cells, a total for each row
 * and column, and the grand total; `null` = shown as `c`):
 * - peel: find a line (row with its total, column with its total, column
 *   totals with the grand total, row totals with the grand total) with one
 *   unknown, solve it, repeat;
 * - algebra: exact Gaussian elimination over all the lines at once, to find
 *   any hidden entry the equations fix (catches what peeling misses);
 * - brute force (small tables): search every whole-number table that fits
 *   what is published and what the attacker knows of each `c`, and require
 *   every hidden entry to have at least two possible values. Two readers:
 *     'published'    - each `c` is at least 1 (zeros are always shown);
 *     'knowsPrimary' - also told which `c`s are primary, so 1..5, the others
 *                      at least 1. This is stronger than "primary 1..5,
 *                      others 0..max", so beating it beats that too. Some
 *                      tables cannot be protected from this reader at all
 *                      (see the [[1,1,1],[1,1,0]] example); for those only
 *                      'published' is required.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  HIDDEN,
  MAX_SUPPRESSED,
  MIN_BASE,
  mean,
  meetsMinBase,
  percent,
  suppressCount,
  suppressDistribution,
  suppressTable,
  type Shown,
  type SuppressedTable,
} from '#domain/suppression.js';

type Position = [number, number];
type Published = (number | null)[][];

const labels = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`);

function suppress(counts: number[][]): SuppressedTable {
  return suppressTable({ rows: labels(counts.length, 'r'), columns: labels(counts[0]?.length ?? 0, 'k'), counts });
}

/** The true table with its totals: cells, row totals in the last column, column totals and grand total in the last row. */
function withTotals(counts: number[][]): number[][] {
  const rows = counts.map((row) => [...row, row.reduce((a, b) => a + b, 0)]);
  const width = (counts[0]?.length ?? 0) + 1;
  const totals = Array.from({ length: width }, (_, j) => rows.reduce((sum, row) => sum + row[j]!, 0));
  return [...rows, totals];
}

/** What a reader sees, in the same layout; null where the table shows `c`. */
function published(t: SuppressedTable): Published {
  const v = (s: Shown) => (s === HIDDEN ? null : s);
  return [...t.cells.map((row, i) => [...row.map(v), v(t.rowTotals[i]!)]), [...t.columnTotals.map(v), v(t.total)]];
}

function hiddenPositions(pub: Published): Position[] {
  return pub.flatMap((row, i) => row.flatMap((v, j): Position[] => (v === null ? [[i, j]] : [])));
}

/** Every line of the table-with-totals: its positions, the last one being the total of the others. */
function lines(pub: Published): Position[][] {
  const height = pub.length;
  const width = pub[0]!.length;
  return [
    ...Array.from({ length: height }, (_, i) => Array.from({ length: width }, (_, j): Position => [i, j])),
    ...Array.from({ length: width }, (_, j) => Array.from({ length: height }, (_, i): Position => [i, j])),
  ];
}

// ---------------------------------------------------------------- attackers

/** Attack (a): solve any line with one unknown, again and again. Returns what it solved. */
function peel(pub: Published): Position[] {
  const g = pub.map((row) => [...row]);
  const solved: Position[] = [];
  for (let progress = true; progress; ) {
    progress = false;
    for (const line of lines(g)) {
      const unknown = line.filter(([i, j]) => g[i]![j] === null);
      if (unknown.length !== 1) continue;
      const [ui, uj] = unknown[0]!;
      const parts = line.slice(0, -1);
      const [ti, tj] = line[line.length - 1]!;
      const partsSum = parts.reduce((sum, [i, j]) => sum + (g[i]![j] ?? 0), 0);
      g[ui]![uj] = ui === ti && uj === tj ? partsSum : g[ti]![tj]! - partsSum;
      solved.push([ui, uj]);
      progress = true;
    }
  }
  return solved;
}

function gcd(a: number, b: number): number {
  a = Math.abs(a);
  b = Math.abs(b);
  while (b) [a, b] = [b, a % b];
  return a;
}

/**
 * Attack (algebra): hidden entries fixed by the line equations alone. A
 * variable is fixed exactly when its unit vector is in the row space of the
 * equations; found by fraction-free Gauss-Jordan elimination (whole numbers,
 * each row divided by its gcd, so nothing is rounded).
 */
function determinedByAlgebra(pub: Published): Position[] {
  const vars = hiddenPositions(pub);
  const index = new Map(vars.map(([i, j], k) => [`${i},${j}`, k]));
  const rows = lines(pub)
    .map((line) => {
      const eq = new Array<number>(vars.length).fill(0);
      line.forEach(([i, j], n) => {
        const k = index.get(`${i},${j}`);
        if (k !== undefined) eq[k] = n === line.length - 1 ? -1 : 1;
      });
      return eq;
    })
    .filter((eq) => eq.some((x) => x !== 0));
  const pivots: number[] = [];
  let top = 0;
  for (let col = 0; col < vars.length && top < rows.length; col++) {
    const p = rows.findIndex((eq, n) => n >= top && eq[col] !== 0);
    if (p < 0) continue;
    [rows[top], rows[p]] = [rows[p]!, rows[top]!];
    const pivot = rows[top]!;
    for (const [n, eq] of rows.entries()) {
      if (n === top || eq[col] === 0) continue;
      const a = eq[col]!;
      const b = pivot[col]!;
      for (let k = 0; k < eq.length; k++) eq[k] = eq[k]! * b - pivot[k]! * a;
      const g = eq.reduce(gcd, 0);
      if (g > 1) for (let k = 0; k < eq.length; k++) eq[k] = eq[k]! / g;
    }
    pivots.push(col);
    top++;
  }
  return pivots.flatMap((col, n) => (rows[n]!.every((x, k) => k === col || x === 0) ? [vars[col]!] : []));
}

type Reader = 'published' | 'knowsPrimary';

/**
 * Attack (b), brute force. What `reader` knows of hidden entry (i, j): 'published': 1..cap;
 * 'knowsPrimary': 1..5 for a primary `c`, 1..cap for the others. `cap` is a generous
 * upper bound the search needs to be finite; it only ever helps the attacker.
 */
function knowledge(truth: number[][], reader: Reader) {
  const cap = 2 * truth.at(-1)!.at(-1)! + 12;
  return (i: number, j: number): [number, number] => {
    const v = truth[i]![j]!;
    return reader === 'knowsPrimary' && v >= 1 && v <= MAX_SUPPRESSED ? [1, MAX_SUPPRESSED] : [1, cap];
  };
}

/**
 * Depth-first search for a whole-number table that fits `pub` (shown
 * entries exactly, every line adding up) with each hidden entry inside
 * `range`. Hidden cells are the variables; hidden totals follow from them
 * and must land inside their range. `near` orders the values tried (it
 * changes speed, never the answer).
 */
function findTable(pub: Published, range: (i: number, j: number) => [number, number], near: number[][]): boolean {
  const r = pub.length - 1;
  const c = pub[0]!.length - 1;
  const vars: Position[] = [];
  const target = (i: number, j: number): [number, number] => {
    const v = pub[i]![j]!;
    return v === null ? range(i, j) : [v, v];
  };
  // Each constraint: [lo, hi] for the sum, current sum, and the least and most the unassigned variables can add.
  type Sum = { lo: number; hi: number; sum: number; min: number; max: number };
  const make = ([lo, hi]: [number, number]): Sum => ({ lo, hi, sum: 0, min: 0, max: 0 });
  const rowSums = Array.from({ length: r }, (_, i) => make(target(i, c)));
  const colSums = Array.from({ length: c }, (_, j) => make(target(r, j)));
  const all = make(target(r, c));
  for (let i = 0; i < r; i++) {
    for (let j = 0; j < c; j++) {
      const sums = [rowSums[i]!, colSums[j]!, all];
      const v = pub[i]![j]!;
      if (v !== null) for (const s of sums) s.sum += v;
      else {
        const [lo, hi] = range(i, j);
        if (lo > hi) return false;
        vars.push([i, j]);
        for (const s of sums) {
          s.min += lo;
          s.max += hi;
        }
      }
    }
  }
  // Each variable's choice below keeps its own lines feasible, so checking every line once up front keeps them all feasible.
  if ([...rowSums, ...colSums, all].some((s) => s.sum + s.min > s.hi || s.sum + s.max < s.lo)) return false;
  let budget = 3_000_000;
  const search = (k: number): boolean => {
    if (--budget < 0) throw new Error('brute force ran out of budget');
    if (k === vars.length) return [...rowSums, ...colSums, all].every((s) => s.sum >= s.lo && s.sum <= s.hi);
    const [i, j] = vars[k]!;
    const [vlo, vhi] = range(i, j);
    const sums = [rowSums[i]!, colSums[j]!, all];
    for (const s of sums) {
      s.min -= vlo;
      s.max -= vhi;
    }
    let lo = vlo;
    let hi = vhi;
    for (const s of sums) {
      lo = Math.max(lo, s.lo - s.sum - s.max);
      hi = Math.min(hi, s.hi - s.sum - s.min);
    }
    let found = false;
    const start = Math.min(Math.max(near[i]![j]!, lo), hi);
    for (let d = 0; !found && (start - d >= lo || start + d <= hi); d++) {
      for (const x of d === 0 ? [start] : [start + d, start - d]) {
        if (found || x < lo || x > hi) continue;
        for (const s of sums) s.sum += x;
        found = search(k + 1);
        for (const s of sums) s.sum -= x;
      }
    }
    for (const s of sums) {
      s.min += vlo;
      s.max += vhi;
    }
    return found;
  };
  return search(0);
}

/** Hidden entries that have only one possible value for this reader. */
function bruteForce(pub: Published, truth: number[][], reader: Reader): Position[] {
  const range = knowledge(truth, reader);
  // The attacker's knowledge must be true of the real table, or the attack proves nothing.
  for (const [i, j] of hiddenPositions(pub)) {
    const [lo, hi] = range(i, j);
    expect(truth[i]![j]).toBeGreaterThanOrEqual(lo);
    expect(truth[i]![j]).toBeLessThanOrEqual(hi);
  }
  pub.forEach((row, i) => row.forEach((v, j) => v === null || expect(v).toBe(truth[i]![j])));
  return hiddenPositions(pub).filter(([hi, hj]) => {
    const t = truth[hi]![hj]!;
    const only = (lo: number, up: number) => (i: number, j: number): [number, number] => {
      const [a, b] = range(i, j);
      return i === hi && j === hj ? [Math.max(a, lo), Math.min(b, up)] : [a, b];
    };
    return !findTable(pub, only(-Infinity, t - 1), truth) && !findTable(pub, only(t + 1, Infinity), truth);
  });
}

/** Whether hiding every non-zero entry would keep everything from this reader; if not, no pattern can. */
function protectable(truth: number[][], reader: Reader): boolean {
  return bruteForce(truth.map((row) => row.map((v) => (v === 0 ? v : null))), truth, reader).length === 0;
}

// ---------------------------------------------------------------- generators

/** Counts with many zeros and small values, some just over the threshold, a few large. */
const count = (max: number) =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constant(0) },
    { weight: 5, arbitrary: fc.integer({ min: 1, max: MAX_SUPPRESSED }) },
    { weight: 3, arbitrary: fc.integer({ min: MAX_SUPPRESSED + 1, max: Math.min(12, max) }) },
    { weight: 1, arbitrary: fc.integer({ min: Math.min(12, max), max }) },
  );

const table = (maxRows: number, maxColumns: number, maxCount: number) =>
  fc
    .tuple(fc.integer({ min: 1, max: maxRows }), fc.integer({ min: 1, max: maxColumns }))
    .chain(([r, c]) => fc.array(fc.array(count(maxCount), { minLength: c, maxLength: c }), { minLength: r, maxLength: r }));

// ---------------------------------------------------------------- tests

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
