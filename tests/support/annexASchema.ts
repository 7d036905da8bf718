/**
 * Ofsted's Annex A template as liia-tools' cleaner reads it
 * (tests/fixtures/annex-a/Annex_A_schema.yml, MIT): each list's columns in
 * order, each column's header (its name or its header_regex) and what a cell
 * may hold (a category's code, name or cell_regex; a %d/%m/%Y date; a whole
 * number at least min_value; a postcode; any text), and whether it may be
 * blank. Patterns are matched from the cell's start, as Python's re.match.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';

interface Category {
  code: string;
  name?: string;
  cell_regex?: string[];
}

export interface ColumnSpec {
  name: string;
  string?: string;
  date?: string;
  numeric?: { type: string; min_value?: number };
  category?: Category[];
  header_regex?: string[];
  canbeblank?: boolean;
}

type RawSpec = Omit<ColumnSpec, 'name'> & { '<<'?: Omit<ColumnSpec, 'name'> };

/** The schema's columns for a list (`List 8`, `List 9`), in the template's order; a YAML merge (`<<`) folded in. */
export function schemaColumns(list: 'List 8' | 'List 9'): ColumnSpec[] {
  const text = readFileSync(join(import.meta.dirname, '../fixtures/annex-a/Annex_A_schema.yml'), 'utf8');
  const schema = load(text) as { column_map: Record<string, Record<string, RawSpec>> };
  return Object.entries(schema.column_map[list]!).map(([name, raw]) => {
    const { '<<': merged, ...own } = raw;
    return { name, ...merged, ...own };
  });
}

/** `/pattern/flags` as a RegExp anchored at the start, as re.match. */
function regexOf(text: string): RegExp {
  const m = /^\/(.*)\/([a-z]*)$/s.exec(text);
  if (!m) throw new Error(`not a /regex/: ${text}`);
  return new RegExp(`^(?:${m[1]})`, m[2]!.replace('g', ''));
}

export function headerMatches(spec: ColumnSpec, header: string): boolean {
  const h = header.trim();
  return h.toLowerCase() === spec.name.toLowerCase() || (spec.header_regex ?? []).some((r) => regexOf(r).test(h));
}

const POSTCODE = /^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$/i;
const DAY = /^(\d{2})\/(\d{2})\/(\d{4})$/;

const realDay = (d: number, m: number, y: number) => {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
};

const shown = (value: unknown): string => JSON.stringify(value) ?? 'undefined';

/** What is wrong with a cell (CSV text, or an XLSX cell's value), or null. */
export function cellProblem(spec: ColumnSpec, value: unknown): string | null {
  const blank = value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
  if (blank) return spec.canbeblank === false ? 'is blank, and the template requires it' : null;
  if (spec.date) {
    if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'is not a date' : null;
    const m = typeof value === 'string' ? DAY.exec(value.trim()) : null;
    return m && realDay(Number(m[1]), Number(m[2]), Number(m[3])) ? null : `${shown(value)} is not a dd/mm/yyyy date`;
  }
  if (spec.numeric) {
    const n = typeof value === 'number' ? value : typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : Number.NaN;
    if (!Number.isInteger(n)) return `${shown(value)} is not a whole number`;
    return spec.numeric.min_value !== undefined && n < spec.numeric.min_value ? `${n} is under ${spec.numeric.min_value}` : null;
  }
  if (typeof value !== 'string') return `${shown(value)} is not text`;
  const text = value.trim();
  if (spec.category) {
    const fits = spec.category.some(
      (c) => c.code.toLowerCase() === text.toLowerCase() || c.name?.toLowerCase() === text.toLowerCase() || (c.cell_regex ?? []).some((r) => regexOf(r).test(text)),
    );
    return fits ? null : `${text} is none of the template's values`;
  }
  if (spec.string === 'postcode') return POSTCODE.test(text) ? null : `${text} is not a postcode`;
  return null;
}
