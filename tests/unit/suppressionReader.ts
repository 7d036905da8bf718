/**
 * The reader of a published small-numbers table, trying to get a hidden count
 * back, and the generated tables the suppression tests attack.
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
import { expect } from 'vitest';
import { HIDDEN, MAX_SUPPRESSED, suppressTable, type Shown, type SuppressedTable } from '#domain/suppression.js';

type Position = [number, number];
export type Published = (number | null)[][];

const labels = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`);

export function suppress(counts: number[][]): SuppressedTable {
  return suppressTable({ rows: labels(counts.length, 'r'), columns: labels(counts[0]?.length ?? 0, 'k'), counts });
}

/** The true table with its totals: cells, row totals in the last column, column totals and grand total in the last row. */
export function withTotals(counts: number[][]): number[][] {
  const rows = counts.map((row) => [...row, row.reduce((a, b) => a + b, 0)]);
  const width = (counts[0]?.length ?? 0) + 1;
  const totals = Array.from({ length: width }, (_, j) => rows.reduce((sum, row) => sum + row[j]!, 0));
  return [...rows, totals];
}

/** What a reader sees, in the same layout; null where the table shows `c`. */
export function published(t: SuppressedTable): Published {
  const v = (s: Shown) => (s === HIDDEN ? null : s);
  return [...t.cells.map((row, i) => [...row.map(v), v(t.rowTotals[i]!)]), [...t.columnTotals.map(v), v(t.total)]];
}

function hiddenPositions(pub: Published): Position[] {
  return pub.flatMap((row, i) => row.flatMap((v, j): Position[] => (v === null ? [[i, j]] : [])));
}

/** Every line of the table-with-totals: its positions, the last one being the total of the others. */
export function lines(pub: Published): Position[][] {
  const height = pub.length;
  const width = pub[0]!.length;
  return [
    ...Array.from({ length: height }, (_, i) => Array.from({ length: width }, (_, j): Position => [i, j])),
    ...Array.from({ length: width }, (_, j) => Array.from({ length: height }, (_, i): Position => [i, j])),
  ];
}

// ---------------------------------------------------------------- attackers

/** Attack (a): solve any line with one unknown, again and again. Returns what it solved. */
export function peel(pub: Published): Position[] {
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
export function determinedByAlgebra(pub: Published): Position[] {
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
export function bruteForce(pub: Published, truth: number[][], reader: Reader): Position[] {
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
export function protectable(truth: number[][], reader: Reader): boolean {
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

export const table = (maxRows: number, maxColumns: number, maxCount: number) =>
  fc
    .tuple(fc.integer({ min: 1, max: maxRows }), fc.integer({ min: 1, max: maxColumns }))
    .chain(([r, c]) => fc.array(fc.array(count(maxCount), { minLength: c, maxLength: c }), { minLength: r, maxLength: r }));
