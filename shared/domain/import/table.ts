/**
 * Reading one extract file: CSV with a header row, columns found by name
 * (case and surrounding spaces ignored; order free; unknown columns ignored),
 * each row read through a `Row` that records every problem with the file,
 * the line (the header is line 1) and the column, for a data analyst to fix.
 */
import { parse } from 'csv-parse/sync';
import { type Bad, isBad, readDate, readFlag, readInt, readLondonInstant } from './values.js';

export interface ExtractProblem {
  file: string;
  line: number;
  column: string;
  message: string;
}

export interface Skipped {
  file: string;
  line: number;
  reason: string;
}

/** `NULL` as SQL Server's and PostgreSQL's CSV saves write an empty cell. */
const NULL = /^null$/i;

/** One row's cells by lower-case column name, and where it came from; a `NULL` cell is empty. */
export class Row {
  failed = false;
  constructor(
    readonly file: string,
    readonly line: number,
    cells: Record<string, string>,
    private readonly problems: ExtractProblem[],
  ) {
    this.cells = Object.fromEntries(Object.entries(cells).map(([k, v]) => [k, NULL.test(v.trim()) ? '' : v]));
  }
  private readonly cells: Record<string, string>;

  /** Whether the file has the column (whatever its cell holds). */
  has(column: string): boolean {
    return column.toLowerCase() in this.cells;
  }

  problem(column: string, message: string): undefined {
    this.failed = true;
    this.problems.push({ file: this.file, line: this.line, column, message });
    return undefined;
  }

  private take<T>(column: string, value: T | undefined | Bad, required: boolean): T | undefined {
    if (isBad(value)) return this.problem(column, value.bad);
    if (value === undefined && required) return this.problem(column, 'is required');
    return value;
  }

  text(column: string, required = false): string | undefined {
    const v = this.cells[column.toLowerCase()]?.trim();
    return this.take(column, v === '' ? undefined : v, required);
  }
  date(column: string, required = false): string | undefined {
    return this.take(column, readDate(this.cells[column.toLowerCase()]), required);
  }
  instant(column: string, required = false): string | undefined {
    return this.take(column, readLondonInstant(this.cells[column.toLowerCase()]), required);
  }
  flag(column: string, required = false): boolean | undefined {
    return this.take(column, readFlag(this.cells[column.toLowerCase()]), required);
  }
  int(column: string, min: number, max: number, required = false): number | undefined {
    return this.take(column, readInt(this.cells[column.toLowerCase()], min, max), required);
  }
  /** A code from a table; unknown codes are a problem naming the ones Kept knows. */
  code<T>(column: string, table: Readonly<Record<string, T>>, required = false): T | undefined {
    const v = this.text(column, required);
    if (v === undefined) return undefined;
    const key = Object.keys(table).find((k) => k.toLowerCase() === v.toLowerCase());
    if (key === undefined) return this.problem(column, `${v} is not a code Kept knows (${Object.keys(table).join(', ')})`);
    return table[key];
  }
}

export interface Table {
  file: string;
  rows: Row[];
}

/** Parses a file and checks that the columns Kept needs are there (by name). */
export function readTable(file: string, text: string, needed: readonly string[], problems: ExtractProblem[]): Table {
  let records: Array<{ record: Record<string, string>; info: { lines: number } }>;
  try {
    records = parse(text.replace(/\r\n?/g, '\n'), {
      columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
      skip_empty_lines: true,
      bom: true,
      info: true,
      relax_column_count: false,
    }) as never;
  } catch (error) {
    const e = error as { lines?: number; message: string };
    problems.push({ file, line: e.lines ?? 1, column: '(file)', message: e.message });
    return { file, rows: [] };
  }
  const header = new Set(records.length ? Object.keys(records[0]!.record) : headerOf(text));
  const missing = needed.filter((c) => !header.has(c.toLowerCase()));
  if (missing.length) {
    problems.push({ file, line: 1, column: '(header)', message: `needs the column(s) ${missing.join(', ')}` });
    return { file, rows: [] };
  }
  return { file, rows: records.map(({ record, info }) => new Row(file, info.lines, record, problems)) };
}

function headerOf(text: string): string[] {
  const first = text.replace(/^\uFEFF/, '').split(/\r?\n/)[0] ?? '';
  return first.split(',').map((h) => h.trim().replace(/^"|"$/g, '').toLowerCase());
}
