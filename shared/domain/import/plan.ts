/**
 * What reading an extract gives the import: people, facts each tagged with the
 * source row they came from (so a second import of the same extract can be
 * compared row by row), the allocated worker and the team around each child,
 * the professionals, and everything skipped or wrong. Pure data.
 */
import type { Fact } from '../facts.js';
import { factSchema } from '../facts.js';
import { problemsOf } from '../validation.js';
import { type CodeList, lookUp } from './codes903.js';
import { type ExtractProblem, type Row, type Skipped, type Table, readTable } from './table.js';

/** A fact and the row it came from; `source` is at most 200 characters, e.g. `ssd:ssd_cla_visits:V123`. */
export interface SourcedFact {
  source: string;
  fact: Fact;
  file: string;
  line: number;
}

export interface Person {
  id: string;
  firstName?: string;
  lastName?: string;
  dateOfBirth?: string;
  file: string;
  line: number;
}

/** A professional as the extract names them; `staffId` is the id Kept knows them by. */
export interface Professional {
  professionalId: string;
  staffId: string;
  name: string;
  jobTitle?: string;
  email?: string;
  file: string;
  line: number;
}

export interface TeamMember {
  professionalId: string;
  role: string;
  start?: string;
  end?: string;
  file: string;
  line: number;
}

export interface ExtractPlan {
  system: 'ssd' | 'ssda903';
  people: Map<string, Person>;
  facts: Map<string, SourcedFact[]>;
  /** The team around each child, from involvements (and a care leaver's allocated worker). */
  team: Map<string, TeamMember[]>;
  professionals: Map<string, Professional>;
  rowsRead: Record<string, number>;
  skipped: Skipped[];
  problems: ExtractProblem[];
  /** Things the report should say about rows Kept read but does not turn into facts. */
  notes: string[];
  /** Rows read with a code in no list Kept holds, and how each was read. */
  unknownCodes: UnknownCode[];
}

/** A code Kept does not know: the row is read with the strictest reading that fits, and listed. */
export interface UnknownCode {
  file: string;
  line: number;
  column: string;
  code: string;
  reading: string;
}

export function emptyPlan(system: ExtractPlan['system']): ExtractPlan {
  return { system, people: new Map(), facts: new Map(), team: new Map(), professionals: new Map(), rowsRead: {}, skipped: [], problems: [], notes: [], unknownCodes: [] };
}

const MAX_SOURCE = 200;

/**
 * Adds a fact for a child after checking it against the fact schema; a fact
 * the schema refuses is a problem on the row, at the column `columns` names
 * for the fact's field.
 */
export function addFact(plan: ExtractPlan, childId: string, row: Row, source: string, fact: Record<string, unknown>, columns: Record<string, string> = {}): void {
  if (row.failed) return;
  const parsed = factSchema.safeParse(fact);
  if (!parsed.success) {
    for (const p of problemsOf(parsed.error)) row.problem(columns[p.field] ?? p.field, p.message);
    return;
  }
  if (source.length > MAX_SOURCE) {
    row.problem('(row id)', `makes a source longer than ${MAX_SOURCE} characters`);
    return;
  }
  const list = plan.facts.get(childId) ?? [];
  list.push({ source, fact: parsed.data, file: row.file, line: row.line });
  plan.facts.set(childId, list);
}

/**
 * A coded cell: its meaning, undefined when empty, or for a code in no list
 * the list's strictest reading, with the row listed in `plan.unknownCodes`.
 */
export function readCode<T>(plan: ExtractPlan, row: Row, column: string, list: CodeList<T>, required = false): T | undefined {
  const text = row.text(column, required);
  if (text === undefined) return undefined;
  const known = lookUp(list, text);
  if (known) return known.meaning;
  plan.unknownCodes.push({ file: row.file, line: row.line, column, code: text.slice(0, 40), reading: list.unknown.reading });
  return list.unknown.meaning;
}

export function skip(plan: ExtractPlan, row: Row, reason: string): void {
  plan.skipped.push({ file: row.file, line: row.line, reason });
}

/**
 * Reads each file `kindOf` recognises (checking its needed columns, problems
 * into the plan) and counts its rows; any other file is noted and ignored.
 */
export function readFiles<K extends string>(
  plan: ExtractPlan,
  files: ReadonlyMap<string, string>,
  kindOf: (name: string) => K | null | undefined,
  needed: Readonly<Record<K, readonly string[]>>,
  what: string,
): Map<K, Table> {
  const tables = new Map<K, Table>();
  for (const [name, text] of files) {
    const kind = kindOf(name);
    if (!kind) {
      plan.notes.push(`${name}: not ${what} Kept reads; ignored`);
      continue;
    }
    const table = readTable(name, text, needed[kind], plan.problems);
    tables.set(kind, table);
    plan.rowsRead[kind] = table.rows.length;
  }
  return tables;
}
