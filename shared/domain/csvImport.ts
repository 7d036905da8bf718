/**
 * Reading a case-management export: one CSV row per fact, with the child's
 * details on it. Pure: it parses (csv-parse) and validates every row, and
 * reports each problem by line, before anything is written anywhere.
 *
 * Columns (header row required; order free; unknown columns rejected):
 *   child_id, first_name, last_name, date_of_birth, holder_id   the child (the holder is its social worker)
 *   iro_id, personal_adviser_id, virtual_school_id, health_id   the rest of the child's team (optional)
 *   email                                                      the young person's own address (optional)
 *   fact_type, date                                            the fact (any fact type, e.g. care-order with its date)
 *   placement_id, long_term, arrangement, out_of_area          placements
 *   seen_alone                                                 visits
 *   child_participated                                         reviews
 *   kind            health-assessment: initial|review; local-task: the local rule
 *   score           sdq
 *   missing_start, missing_returned                            missing-episode (ISO instants)
 *   reason                                                     left-care
 * A row with no fact_type only creates the child. A child's details may be
 * left blank on its later rows, but must not differ.
 */
import { parse } from 'csv-parse/sync';
import * as z from 'zod/mini';
import type { Fact } from './facts.js';
import { factSchema } from './facts.js';
import { type ChildInput, type Team, childFieldsSchema, childInputSchema, teamSchema } from './people.js';
import { problemsOf } from './validation.js';

export const IMPORT_COLUMNS = [
  'child_id', 'first_name', 'last_name', 'date_of_birth', 'holder_id', 'email',
  'iro_id', 'personal_adviser_id', 'virtual_school_id', 'health_id',
  'fact_type', 'date', 'placement_id', 'long_term', 'arrangement', 'out_of_area', 'seen_alone', 'child_participated',
  'kind', 'score', 'missing_start', 'missing_returned', 'reason',
] as const;
type Column = (typeof IMPORT_COLUMNS)[number];
type Row = Partial<Record<Column, string>>;

export interface ImportProblem {
  line: number;
  field: string;
  message: string;
}

export interface ImportedChild {
  /** The details the file gives; a child already in Kept may be named by child_id alone. */
  details: Partial<ChildInput> & { id: string };
  /** The team members the file names besides the social worker (the holder). */
  team: TeamColumns;
  /** The line the child first appears on. */
  line: number;
  facts: Array<{ line: number; fact: Fact }>;
}

/** The details a new child needs, as the columns name them. */
export function missingDetails(child: ImportedChild): ImportProblem[] {
  const parsed = childInputSchema.safeParse(child.details);
  return parsed.success
    ? []
    : problemsOf(parsed.error).map((p) => ({ line: child.line, field: CHILD_COLUMNS[p.field as keyof typeof CHILD_COLUMNS] ?? p.field, message: p.message }));
}

const childDetailsSchema = z.partial(childFieldsSchema, { firstName: true, lastName: true, dateOfBirth: true, holderId: true });

export interface ParsedImport {
  children: Map<string, ImportedChild>;
  problems: ImportProblem[];
  rows: number;
}

type TeamColumns = Partial<Omit<Team, 'socialWorker'>>;
const TEAM_COLUMNS: Record<keyof TeamColumns, Column> = {
  iro: 'iro_id',
  personalAdviser: 'personal_adviser_id',
  virtualSchool: 'virtual_school_id',
  health: 'health_id',
};
const teamColumnsSchema = z.partial(z.omit(teamSchema, { socialWorker: true }));

/** The team a new child gets from its rows. */
export function importedTeam(child: ImportedChild): Team | undefined {
  if (!child.details.holderId || Object.keys(child.team).length === 0) return undefined;
  return { ...child.team, socialWorker: child.details.holderId };
}

const CHILD_COLUMNS: Partial<Record<Exclude<keyof ChildInput, 'team'>, Column>> = {
  id: 'child_id',
  firstName: 'first_name',
  lastName: 'last_name',
  dateOfBirth: 'date_of_birth',
  holderId: 'holder_id',
  email: 'email',
};

const FACT_COLUMNS: Partial<Record<string, Column>> = {
  type: 'fact_type', date: 'date', placementId: 'placement_id', longTerm: 'long_term', arrangement: 'arrangement', outOfArea: 'out_of_area',
  seenAlone: 'seen_alone', childParticipated: 'child_participated', kind: 'kind', score: 'score',
  start: 'missing_start', returned: 'missing_returned', reason: 'reason',
};

function yesNo(value: string | undefined): boolean | string | undefined {
  if (value === undefined || value === '') return undefined;
  const v = value.toLowerCase();
  if (['true', 'yes', 'y', '1'].includes(v)) return true;
  if (['false', 'no', 'n', '0'].includes(v)) return false;
  return value; // left as text, so validation names it
}

function factFrom(row: Row): Record<string, unknown> {
  const fact: Record<string, unknown> = {};
  const set = (key: string, value: unknown) => {
    if (value !== undefined && value !== '') fact[key] = value;
  };
  set('type', row.fact_type);
  if (row.fact_type === 'missing-episode') {
    set('start', row.missing_start);
    set('returned', row.missing_returned);
  } else set('date', row.date);
  set('placementId', row.placement_id);
  set('longTerm', yesNo(row.long_term));
  set('arrangement', row.arrangement);
  set('outOfArea', yesNo(row.out_of_area));
  set('seenAlone', yesNo(row.seen_alone));
  set('childParticipated', yesNo(row.child_participated));
  set('kind', row.kind);
  set('score', row.score === undefined || row.score === '' ? undefined : /^\d+$/.test(row.score) ? Number(row.score) : row.score);
  set('reason', row.reason);
  return fact;
}

export function parseImport(text: string): ParsedImport {
  const problems: ImportProblem[] = [];
  const children = new Map<string, ImportedChild>();
  let records: Array<{ record: Row; info: { lines: number } }>;
  try {
    // One line ending throughout, so line numbers count as a person reading the file would.
    records = parse(text.replace(/\r\n?/g, '\n'), { columns: true, skip_empty_lines: true, trim: true, bom: true, info: true, relax_column_count: false }) as never;
  } catch (error) {
    const e = error as { lines?: number; message: string };
    return { children, problems: [{ line: e.lines ?? 1, field: '(file)', message: e.message }], rows: 0 };
  }
  const header = records.length ? Object.keys(records[0]!.record) : [];
  const unknown = header.filter((c) => !(IMPORT_COLUMNS as readonly string[]).includes(c));
  if (unknown.length) problems.push({ line: 1, field: '(header)', message: `unknown column(s) ${unknown.join(', ')}; expected ${IMPORT_COLUMNS.join(', ')}` });
  if (!header.includes('child_id')) problems.push({ line: 1, field: '(header)', message: 'needs a child_id column' });
  if (problems.length) return { children, problems, rows: records.length };

  for (const { record, info } of records) {
    const line = info.lines;
    const id = record.child_id ?? '';
    let entry = children.get(id);
    const details = Object.fromEntries(
      Object.entries(CHILD_COLUMNS).map(([key, column]): [string, string] => [key, record[column] ?? '']).filter(([, v]) => v !== ''),
    );
    const teamDetails = Object.fromEntries(
      Object.entries(TEAM_COLUMNS).map(([key, column]): [string, string] => [key, record[column] ?? '']).filter(([, v]) => v !== ''),
    );
    const team = teamColumnsSchema.safeParse(teamDetails);
    if (!team.success) {
      for (const p of problemsOf(team.error)) problems.push({ line, field: TEAM_COLUMNS[p.field as keyof TeamColumns] ?? p.field, message: p.message });
      continue;
    }
    if (!entry) {
      const parsed = childDetailsSchema.safeParse(details);
      if (!parsed.success) {
        for (const p of problemsOf(parsed.error)) problems.push({ line, field: CHILD_COLUMNS[p.field as keyof typeof CHILD_COLUMNS] ?? p.field, message: p.message });
        continue;
      }
      entry = { details: parsed.data, team: team.data, line, facts: [] };
      children.set(id, entry);
    } else {
      for (const [key, value] of Object.entries(team.data) as Array<[keyof TeamColumns, string]>) {
        const first = entry.team[key];
        if (first === undefined) entry.team = { ...entry.team, [key]: value };
        else if (first !== value) problems.push({ line, field: TEAM_COLUMNS[key], message: `differs from the child's first row (${first})` });
      }
      for (const [key, value] of Object.entries(details)) {
        const first = entry.details[key as keyof typeof CHILD_COLUMNS];
        if (first === undefined) entry.details = { ...entry.details, [key]: value };
        else if (String(first) !== value) {
          problems.push({ line, field: CHILD_COLUMNS[key as keyof typeof CHILD_COLUMNS] ?? key, message: `differs from the child's first row (${first})` });
        }
      }
    }
    if (!record.fact_type) continue;
    const parsed = factSchema.safeParse(factFrom(record));
    if (!parsed.success) {
      for (const p of problemsOf(parsed.error)) {
        const field = FACT_COLUMNS[p.field] ?? p.field;
        problems.push({ line, field, message: p.field === 'type' ? `must be one of the fact types (${p.message.replace(/^must have a "type" of /, '')})` : p.message });
      }
      continue;
    }
    entry.facts.push({ line, fact: parsed.data });
  }
  return { children, problems, rows: records.length };
}
