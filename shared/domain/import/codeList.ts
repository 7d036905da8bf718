/**
 * The shape of an SSDA903 code list (codes903.ts): each code's meaning and
 * the collection years it is valid for, and the strictest reading of a code
 * in no list. Apart from codes903.ts so that the OC3 lists (codesOc3.ts),
 * which facts.ts reads through careLeaverCodes.ts, need nothing of facts.ts.
 */

/** The collection year the lists of codes903.ts are current for. */
export const CODE_LIST_YEAR = '2025-26';

/** A code's meaning, and the years it is valid for (none: valid in every year the lists cover). */
export interface Coded<T> {
  meaning: T;
  /** The first collection year it is valid in. */
  since?: string;
  /** The last collection year it was valid in: retired since, still read for historic rows. */
  until?: string;
}

export interface CodeList<T> {
  /** The SSDA903 field, for the report. */
  field: string;
  codes: Readonly<Record<string, Coded<T>>>;
  /** The strictest reading that fits, for a code in no list, and what the report says of it. */
  unknown: { meaning: T; reading: string };
}

export const all = <T>(codes: Record<string, T>): Record<string, Coded<T>> =>
  Object.fromEntries(Object.entries(codes).map(([code, meaning]) => [code, { meaning }]));

/** The codes valid in `year` (`2025-26`). */
export function codesIn<T>(list: CodeList<T>, year: string): string[] {
  return Object.entries(list.codes)
    .filter(([, c]) => (c.since === undefined || c.since <= year) && (c.until === undefined || c.until >= year))
    .map(([code]) => code);
}

/** The code's entry, matched without regard to case and surrounding spaces; undefined when no list has it. */
export function lookUp<T>(list: CodeList<T>, code: string): Coded<T> | undefined {
  const key = code.trim().toUpperCase();
  return Object.hasOwn(list.codes, key) ? list.codes[key] : undefined;
}

/** A list whose codes mean themselves, with each code's literal type kept (careLeaverCodes.ts derives its types from them). */
export const asCodes = <const C extends string>(codes: readonly C[], retired: Partial<Record<C, string>> = {}): Record<C, Coded<C>> =>
  Object.fromEntries(codes.map((c) => [c, retired[c] ? { meaning: c, until: retired[c] } : { meaning: c }])) as Record<C, Coded<C>>;
