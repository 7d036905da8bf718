/**
 * Small numbers (statistical disclosure control): the one place the rules in
 * shared/domain/surveys.md live. Every output (HTML, JSON, CSV) takes its
 * numbers from here, so they all hide the same things. Pure: no I/O, no
 * randomness, no clock; the same input always gives the same output.
 *
 * Rules
 * - Primary: a count of 1 to 5 is shown as `c`; 0 is shown as 0; 6 or more is
 *   shown. Totals are counts too: a total of 1 to 5 is `c`.
 * - Zeros are never hidden, so a reader always knows a `c` is at least 1.
 *   (Hiding a 0 next to a lone `c` only makes the two hidden cells add up to
 *   the small count itself, which is the thing being protected.)
 * - Secondary, line rule (DfE practice): a table is its cells with a total
 *   for every row, every column and a grand total, all published unless
 *   hidden. A "line" is a row with its total, a column with its total, the
 *   column totals with the grand total, or the row totals with the grand
 *   total. Whenever a line has exactly one hidden entry, hide the smallest
 *   non-zero entry still shown in that line (ties: a cell before a total,
 *   then the first in reading order). Repeat until no line has exactly one
 *   hidden entry. When the only non-zero entry left in a line is a total, the
 *   total is hidden.
 * - Secondary, check: the line rule is not enough on its own. Two `c`s that
 *   add up to 2 must both be 1, and hidden cells can be worked out by
 *   combining several rows and columns even when no line has a single hidden
 *   entry. So the table is then checked exactly (see below), and while some
 *   hidden value could still be worked out, one more entry is hidden: the
 *   smallest shown non-zero entry that on its own stops that, else the
 *   smallest shown non-zero entry in the exposed entry's row or column, else
 *   the smallest shown non-zero entry anywhere; then the line rule runs again.
 *
 * What "cannot be worked out" means, and why the check is exact
 *   The reader knows every shown number, that each `c` is a whole number of
 *   at least 1, and that every row, column and the table add up. The check
 *   also assumes, when it is possible at all for this table, a stronger
 *   reader who is told which `c`s are primary (so lie in 1..5) and which are
 *   secondary (at least 1). A hidden value is safe when at least two values
 *   of it fit everything that reader knows.
 *   Multiply the row-total and column-total entries by -1: then every row and
 *   every column of the table-with-totals adds up to 0, and the hidden
 *   entries are the edges of a bipartite graph between lines-across and
 *   lines-down. Two tables that fit what is published differ by a flow that
 *   adds up to 0 at every line, which splits into simple cycles that each
 *   move their entries the same way as the whole difference (conformal
 *   decomposition). So a hidden entry can take another value if and only if
 *   there is a simple cycle through it along which +1, -1, +1, ... keeps every
 *   entry within what the reader knows of it: a directed cycle in the
 *   "residual" graph, found by a breadth-first search. No linear algebra, no
 *   enumeration, no rounding.
 *   Hiding every non-zero entry always defeats the weaker reader (each
 *   non-zero cell, its row total, its column total and the grand total can
 *   all go up by 1 together), so the loop always ends safe for that reader.
 *   The stronger reader cannot always be defeated: in [[1,1,1],[1,1,0]] the
 *   grand total is a primary `c` (at most 5) and five cells are each at least
 *   1, so all are 1 whatever is hidden. The module first checks whether
 *   hiding everything non-zero would defeat the stronger reader; if so it
 *   protects against the stronger reader, otherwise against the weaker one.
 *
 * Not covered: a reader who knows this algorithm and reasons about which
 * other tables would have produced the same pattern of `c`s; a reader who
 * also knows that a secondary `c` is 0 or at least 6; differencing between
 * two different published tables (e.g. the same question by two
 * overlapping groupings). Those need controls across outputs, not in one.
 */

/** A published count: the number, or `c` when it is hidden. */
export type Shown = number | 'c';

/** Counts from 1 to this are hidden (primary suppression). */
export const MAX_SUPPRESSED = 5;
/** Percentages, means and free-text comments need at least this many in the base. */
export const MIN_BASE = 10;
/** How a hidden count is shown. */
export const HIDDEN = 'c' as const;

export interface TableInput {
  /** Labels across (one per row of counts). */
  rows: readonly string[];
  /** Labels down (one per count in each row). */
  columns: readonly string[];
  /** counts[row][column]: whole numbers, 0 or more. */
  counts: readonly (readonly number[])[];
}

export interface SuppressedTable {
  rows: string[];
  columns: string[];
  cells: Shown[][];
  rowTotals: Shown[];
  columnTotals: Shown[];
  total: Shown;
}

export interface DistributionInput {
  categories: readonly string[];
  counts: readonly number[];
}

export interface SuppressedDistribution {
  categories: string[];
  counts: Shown[];
  total: Shown;
}

function checkCount(n: number, what: string): void {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`${what} must be a whole number, 0 or more (got ${n})`);
}

function isPrimary(n: number): boolean {
  return n >= 1 && n <= MAX_SUPPRESSED;
}

/** One count on its own, with no totals to protect: 0, `c` for 1..5, else the count. */
export function suppressCount(n: number): Shown {
  checkCount(n, 'A count');
  return isPrimary(n) ? HIDDEN : n;
}

/**
 * The table with its totals, small counts hidden and enough other entries
 * hidden that no hidden count can be worked out from what is shown.
 */
export function suppressTable(input: TableInput): SuppressedTable {
  const grid = Grid.from(input);
  const hidden = grid.values.map((line) => line.map(isPrimary));

  if (hidden.some((line) => line.includes(true))) {
    const everythingNonZero = grid.values.map((line) => line.map((v) => v > 0));
    const model: Model = grid.firstExposed(everythingNonZero, 'knowsPrimary') === null ? 'knowsPrimary' : 'published';
    for (;;) {
      grid.applyLineRule(hidden);
      const exposed = grid.firstExposed(hidden, model);
      if (exposed === null) break;
      const [i, j] = grid.extraToHide(hidden, model, exposed);
      hidden[i]![j] = true;
    }
  }

  const shown = grid.values.map((line, i) => line.map((v, j): Shown => (hidden[i]![j] ? HIDDEN : v)));
  const r = grid.r;
  const c = grid.c;
  return {
    rows: [...input.rows],
    columns: [...input.columns],
    cells: shown.slice(0, r).map((line) => line.slice(0, c)),
    rowTotals: shown.slice(0, r).map((line) => line[c]!),
    columnTotals: shown[r]!.slice(0, c),
    total: shown[r]![c]!,
  };
}

/**
 * Answers to one question: a one-row table, so the counts are protected
 * against the total (and the total against the counts).
 */
export function suppressDistribution(input: DistributionInput): SuppressedDistribution {
  const table = suppressTable({ rows: ['all'], columns: input.categories, counts: [input.counts] });
  return { categories: table.columns, counts: table.cells[0]!, total: table.total };
}

/** Whether a group is big enough for percentages, means and free-text comments. */
export function meetsMinBase(base: Shown): boolean {
  if (base === HIDDEN) return false;
  checkCount(base, 'A base');
  return base >= MIN_BASE;
}

/**
 * `part` as a percentage of `base`, to 1 decimal place (halves round up), or
 * null when it must not be published: the base is hidden or under
 * MIN_BASE, or the part is hidden (a percentage of a shown base would give
 * the count back). Pass numbers as they come out of suppressTable: a raw
 * count of 1..5 is refused here too, but a raw count that the table hid as
 * secondary cannot be recognised.
 */
export function percent(part: Shown, base: Shown): number | null {
  if (!meetsMinBase(base) || part === HIDDEN) return null;
  checkCount(part, 'A part');
  const whole = base as number;
  if (part > whole) throw new RangeError(`A part (${part}) cannot be more than its base (${whole})`);
  if (isPrimary(part)) return null;
  // Tenths of a percent, rounded half up, in whole numbers so 10.05 is never 10.049999.
  return Math.floor((2000 * part + whole) / (2 * whole)) / 10;
}

/**
 * The mean to 1 decimal place (halves round away from zero), or null when
 * there are fewer than MIN_BASE values.
 */
export function mean(values: readonly number[]): number | null {
  for (const v of values) if (!Number.isFinite(v)) throw new RangeError(`A value to average must be a finite number (got ${v})`);
  const n = values.length;
  if (n < MIN_BASE) return null;
  const sum = values.reduce((a, b) => a + b, 0);
  if (values.every(Number.isSafeInteger) && Number.isSafeInteger(20 * sum)) {
    const tenths = Math.floor((20 * Math.abs(sum) + n) / (2 * n));
    return (Math.sign(sum) * tenths) / 10 || 0;
  }
  const m = sum / n;
  return (Math.sign(m) * Math.round(Math.abs(m) * 10)) / 10 || 0;
}

/**
 * What the reader is assumed to know about each hidden entry (shown entries
 * are known exactly): 'published' - at least 1 (zeros are never hidden);
 * 'knowsPrimary' - also told which hidden entries are primary, so 1..5.
 */
type Model = 'published' | 'knowsPrimary';

type Position = [number, number];

/**
 * The table with its totals: values[i][j] for i < r, j < c are the cells,
 * values[i][c] the row totals, values[r][j] the column totals, values[r][c]
 * the grand total. Line i across is values[i][*]; line j down is values[*][j].
 */
class Grid {
  private constructor(
    readonly r: number,
    readonly c: number,
    readonly values: number[][],
  ) {}

  static from(input: TableInput): Grid {
    const r = input.rows.length;
    const c = input.columns.length;
    if (input.counts.length !== r) throw new RangeError(`${r} row labels but ${input.counts.length} rows of counts`);
    const values: number[][] = [];
    for (const [i, row] of input.counts.entries()) {
      if (row.length !== c) throw new RangeError(`${c} column labels but row ${i} has ${row.length} counts`);
      for (const n of row) checkCount(n, 'A count');
      values.push([...row, row.reduce((a, b) => a + b, 0)]);
    }
    const totals: number[] = [];
    for (let j = 0; j <= c; j++) totals.push(values.reduce((sum, line) => sum + line[j]!, 0));
    values.push(totals);
    for (const n of totals) if (!Number.isSafeInteger(n)) throw new RangeError('The counts are too large to add up exactly');
    return new Grid(r, c, values);
  }

  private isTotal(i: number, j: number): boolean {
    return i === this.r || j === this.c;
  }

  /** +1 for cells and the grand total, -1 for row and column totals: then every line adds up to 0. */
  private sign(i: number, j: number): 1 | -1 {
    return (i === this.r) === (j === this.c) ? 1 : -1;
  }

  private bounds(i: number, j: number, model: Model): [number, number] {
    return model === 'knowsPrimary' && isPrimary(this.values[i]![j]!) ? [1, MAX_SUPPRESSED] : [1, Infinity];
  }

  /** Whether the signed entry can go up by 1 (`up`) or down by 1 and stay within what the reader knows. */
  private canMove(i: number, j: number, up: boolean, model: Model): boolean {
    const [lo, hi] = this.bounds(i, j, model);
    const v = this.values[i]![j]!;
    return up === (this.sign(i, j) === 1) ? v + 1 <= hi : v - 1 >= lo;
  }

  /**
   * Residual graph: nodes 0..r are the lines across, r+1..r+1+c the lines
   * down. Hidden entry (i, j) gives an arc across -> down when its signed
   * value can go up, and down -> across when it can go down. Is there a path
   * from `from` to `to` that does not use entry `skip`?
   */
  private reaches(hidden: boolean[][], model: Model, from: number, to: number, skip: Position): boolean {
    const across = this.r + 1;
    const seen = new Set<number>([from]);
    const queue = [from];
    while (queue.length > 0) {
      const node = queue.shift()!;
      if (node === to) return true;
      const isAcross = node < across;
      const count = isAcross ? this.c + 1 : across;
      for (let k = 0; k < count; k++) {
        const [i, j] = isAcross ? [node, k] : [k, node - across];
        if (!hidden[i]![j] || (i === skip[0] && j === skip[1])) continue;
        if (!this.canMove(i, j, isAcross, model)) continue;
        const next = isAcross ? across + j : i;
        if (!seen.has(next)) {
          seen.add(next);
          queue.push(next);
        }
      }
    }
    return false;
  }

  /** Whether hidden entry (i, j) has only one value that fits what is published. */
  private isExposed(hidden: boolean[][], model: Model, i: number, j: number): boolean {
    const row = i;
    const column = this.r + 1 + j;
    const skip: Position = [i, j];
    if (this.canMove(i, j, true, model) && this.reaches(hidden, model, column, row, skip)) return false;
    if (this.canMove(i, j, false, model) && this.reaches(hidden, model, row, column, skip)) return false;
    return true;
  }

  /** The first hidden entry, in reading order, whose value could be worked out; null when none. */
  firstExposed(hidden: boolean[][], model: Model): Position | null {
    for (let i = 0; i <= this.r; i++) {
      for (let j = 0; j <= this.c; j++) if (hidden[i]![j] && this.isExposed(hidden, model, i, j)) return [i, j];
    }
    return null;
  }

  /** Shown non-zero entries among `positions`, smallest first; cells before totals; then reading order. */
  private candidates(hidden: boolean[][], positions: Position[]): Position[] {
    return positions
      .filter(([i, j]) => !hidden[i]![j] && this.values[i]![j]! > 0)
      .sort(
        ([ai, aj], [bi, bj]) =>
          this.values[ai]![aj]! - this.values[bi]![bj]! ||
          Number(this.isTotal(ai, aj)) - Number(this.isTotal(bi, bj)) ||
          ai - bi ||
          aj - bj,
      );
  }

  private across(i: number): Position[] {
    return Array.from({ length: this.c + 1 }, (_, j): Position => [i, j]);
  }

  private down(j: number): Position[] {
    return Array.from({ length: this.r + 1 }, (_, i): Position => [i, j]);
  }

  /** DfE line rule, until no line has exactly one hidden entry. */
  applyLineRule(hidden: boolean[][]): void {
    const lines = [...Array.from({ length: this.r + 1 }, (_, i) => this.across(i)), ...Array.from({ length: this.c + 1 }, (_, j) => this.down(j))];
    let changed = true;
    while (changed) {
      changed = false;
      for (const line of lines) {
        if (line.filter(([i, j]) => hidden[i]![j]).length !== 1) continue;
        // A lone hidden entry is at least 1 and its line adds up, so the line has another non-zero entry, and it is shown.
        const [pick] = this.candidates(hidden, line);
        if (pick === undefined) throw new Error('Unreachable: a line with one hidden entry has no other non-zero entry');
        hidden[pick[0]]![pick[1]] = true;
        changed = true;
      }
    }
  }

  /** The entry to hide next when `exposed` could be worked out. */
  extraToHide(hidden: boolean[][], model: Model, exposed: Position): Position {
    const all: Position[] = [];
    for (let i = 0; i <= this.r; i++) all.push(...this.across(i));
    const everywhere = this.candidates(hidden, all);
    for (const [i, j] of everywhere) {
      const trial = hidden.map((line) => [...line]);
      trial[i]![j] = true;
      if (!this.isExposed(trial, model, exposed[0], exposed[1])) return [i, j];
    }
    const [near] = this.candidates(hidden, [...this.across(exposed[0]), ...this.down(exposed[1])]);
    const pick = near ?? everywhere[0];
    // Never happens: the model is one that hiding every non-zero entry defeats.
    if (pick === undefined) throw new Error('Unreachable: nothing left to hide but a value is still exposed');
    return pick;
  }
}
