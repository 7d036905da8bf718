/**
 * Cell values as case systems' extracts write them. Each reader returns the
 * value, `undefined` for an empty cell, or a `Bad` naming what was expected,
 * so the caller can report the file, line and column.
 */
import { daysInMonth, isIsoDate, londonWallClock } from '../dates.js';

export interface Bad {
  bad: string;
}
export const isBad = (v: unknown): v is Bad => typeof v === 'object' && v !== null && 'bad' in v;

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
/** SQL Server and PostgreSQL saves: fractions (`.000`) and an offset (`+00`, `+01:00`, `Z`) allowed. */
const SQL = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,7})?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
/** DD/MM/YYYY, with a time as Excel re-saves it (`20/10/2026 14:30`). */
const UK = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const DATE_SHAPES = 'a date written YYYY-MM-DD, YYYY-MM-DD HH:MM:SS (with an offset or not), DD/MM/YYYY or DD/MM/YYYY HH:MM';

interface Civil {
  y: number;
  m: number;
  d: number;
  hh: number;
  mm: number;
  ss: number;
  /** Minutes east of UTC, when the text gave an offset. */
  offset?: number;
}

function offsetMinutes(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (text.toUpperCase() === 'Z') return 0;
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(text)!;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0));
}

function civil(text: string): Civil | Bad {
  let m = ISO.exec(text);
  if (m) return { y: +m[1]!, m: +m[2]!, d: +m[3]!, hh: 0, mm: 0, ss: 0 };
  m = SQL.exec(text);
  if (m) return { y: +m[1]!, m: +m[2]!, d: +m[3]!, hh: +m[4]!, mm: +m[5]!, ss: +(m[6] ?? 0), offset: offsetMinutes(m[7]) };
  m = UK.exec(text);
  if (m) return { y: +m[3]!, m: +m[2]!, d: +m[1]!, hh: +(m[4] ?? 0), mm: +(m[5] ?? 0), ss: +(m[6] ?? 0) };
  return { bad: `must be ${DATE_SHAPES}` };
}

function checked(c: Civil, text: string): Civil | Bad {
  if (c.m < 1 || c.m > 12 || c.d < 1 || c.d > daysInMonth(c.y, c.m)) return { bad: `${text} is not a real date` };
  if (c.hh > 23 || c.mm > 59 || c.ss > 59 || (c.offset !== undefined && Math.abs(c.offset) > 14 * 60)) return { bad: `${text} is not a real time` };
  return c;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** The cell's date and time, checked to be real; undefined when the cell is empty. */
function readCivil(raw: string | undefined): { c: Civil; text: string } | undefined | Bad {
  const text = raw?.trim() ?? '';
  if (text === '') return undefined;
  const c = civil(text);
  if (isBad(c)) return c;
  const ok = checked(c, text);
  if (isBad(ok)) return ok;
  return { c, text };
}

/** A calendar date, `YYYY-MM-DD`; a datetime's time (and offset) is dropped: the date is the one written. */
export function readDate(raw: string | undefined): string | undefined | Bad {
  const read = readCivil(raw);
  if (read === undefined || isBad(read)) return read;
  const { c, text } = read;
  const iso = `${pad(c.y, 4)}-${pad(c.m)}-${pad(c.d)}`;
  return isIsoDate(iso) ? iso : { bad: `${text} is not a real date` };
}

/**
 * An instant from a case system's wall-clock datetime, read as Europe/London
 * time (SQL Server datetimes carry no zone); a date alone is its midnight.
 */
export function readLondonInstant(raw: string | undefined): string | undefined | Bad {
  // (A datetime with an offset, `2026-10-20 14:30:00+00`, is that instant.)
  const read = readCivil(raw);
  if (read === undefined || isBad(read)) return read;
  const { c } = read;
  // With an offset the instant is exact; without one it is London wall-clock time.
  if (c.offset !== undefined) return new Date(Date.UTC(c.y, c.m - 1, c.d, c.hh, c.mm, c.ss) - c.offset * 60_000).toISOString();
  return new Date(londonWallClock(c.y, c.m, c.d, c.hh, c.mm, c.ss)).toISOString();
}

const YES = new Set(['y', 'yes', '1', 'true', 't']);
const NO = new Set(['n', 'no', '0', 'false', 'f']);

/** Y/N, Yes/No, 1/0, True/False in any case; empty (or NA, NULL) is unknown. */
export function readFlag(raw: string | undefined): boolean | undefined | Bad {
  const text = raw?.trim().toLowerCase() ?? '';
  if (text === '' || text === 'na' || text === 'n/a' || text === 'null') return undefined;
  if (YES.has(text)) return true;
  if (NO.has(text)) return false;
  return { bad: `must be Y or N (or Yes/No, 1/0, True/False), not ${raw!.trim()}` };
}

/** A whole number in a range. */
export function readInt(raw: string | undefined, min: number, max: number): number | undefined | Bad {
  const text = raw?.trim() ?? '';
  if (text === '') return undefined;
  if (!/^\d+(\.0+)?$/.test(text) || Number(text) < min || Number(text) > max) return { bad: `must be a whole number from ${min} to ${max}, not ${text}` };
  return Number.parseInt(text, 10);
}

