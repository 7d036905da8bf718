/**
 * Bulk load from a CSV export: everything is validated first, and problems
 * are reported by line with nothing written. New children are written with
 * their facts and projections, each only while still absent; facts for children already in Kept are
 * appended child by child. If a write fails part-way, everything this
 * import wrote is taken back and the projections restored: the store tells
 * us each batch's keys before it sends it, so even the keys of a batch whose
 * call failed (or whose answer was lost) are taken back.
 */
import { importedTeam, missingDetails, parseImport, type ImportProblem } from '#domain/csvImport.js';
import { teamOfChild, teamProblems } from '#domain/people.js';
import type { ChildInput } from '#domain/people.js';
import type { ChildRecord } from '#domain/people.js';
import { type Fact, factDate } from '#domain/facts.js';
import type { StoredFact, WrittenKeys } from '#store/ports/cases.js';
import type { KeptStore } from '#store/ports/stores.js';
import { loadCouncil, projector } from './council.js';
import { InvalidInput } from '#domain/errors.js';
import type { ParsedImport } from '#domain/csvImport.js';
import type { Projector } from '#store/ports/cases.js';

const TEAM_COLUMNS = [
  ['iro', 'iro_id'],
  ['personalAdviser', 'personal_adviser_id'],
  ['virtualSchool', 'virtual_school_id'],
  ['health', 'health_id'],
] as const;

export interface ImportResult {
  ok: boolean;
  problems: ImportProblem[];
  childrenCreated: number;
  childrenUpdated: number;
  factsAdded: number;
}

export async function importCsv(
  store: KeptStore,
  councilId: string,
  text: string,
  options: { today: string; importedBy: string; now?: () => string },
): Promise<ImportResult> {
  const now = options.now ?? (() => new Date().toISOString());
  const parsed = parseImport(text);
  const problems = [...parsed.problems];
  const result: ImportResult = { ok: false, problems, childrenCreated: 0, childrenUpdated: 0, factsAdded: 0 };
  if (problems.length) return result;

  const staff = new Map((await store.listStaff(councilId)).map((s) => [s.id, s]));
  const existing = new Map<string, ChildRecord>();
  const fresh: ChildInput[] = [];
  for (const [id, entry] of parsed.children) {
    const current = await store.getChild(councilId, id);
    if (current) {
      existing.set(id, current);
      if (entry.details.dateOfBirth !== undefined && current.dateOfBirth !== entry.details.dateOfBirth) {
        problems.push({ line: entry.line, field: 'date_of_birth', message: `child ${id} is already in Kept with another date of birth` });
      }
      if (entry.details.holderId !== undefined && current.holderId !== entry.details.holderId) {
        problems.push({ line: entry.line, field: 'holder_id', message: `child ${id} is held by ${current.holderId}; change the holder in Kept, not by import` });
      }
      const team = teamOfChild(current);
      for (const [key, column] of TEAM_COLUMNS) {
        const given = entry.team[key];
        if (given !== undefined && team[key] !== given) {
          problems.push({ line: entry.line, field: column, message: `child ${id} has ${team[key] ?? 'nobody'} there; change the team in Kept (PUT /children/${id}/team), not by import` });
        }
      }
      continue;
    }
    const missing = missingDetails(entry);
    problems.push(...missing);
    if (missing.length) continue;
    const holder = staff.get(entry.details.holderId!);
    if (!holder || (holder.role !== 'practitioner' && holder.role !== 'manager')) {
      problems.push({ line: entry.line, field: 'holder_id', message: `no practitioner or manager ${entry.details.holderId} in this council` });
    }
    const team = importedTeam(entry);
    if (team) {
      const columns = new Map<string, string>(TEAM_COLUMNS);
      for (const p of teamProblems(team, staff)) if (columns.has(p.field)) problems.push({ line: entry.line, field: columns.get(p.field)!, message: p.message });
    }
    fresh.push({ ...(entry.details as ChildInput), ...(team ? { team } : {}) });
  }
  if (problems.length) return result;

  const council = await loadCouncil(store, councilId);
  const project = projector(council.policy, options.today, await store.listStaff(councilId));
  const recordedAt = now();
  problems.push(...(await outsideTheCalendar(store, parsed.children, fresh, existing, project, recordedAt)));
  if (problems.length) return result;
  const stored = (facts: ReadonlyArray<{ fact: Fact }>): StoredFact[] =>
    facts.map(({ fact }) => ({ fact, recordedAt, recordedBy: options.importedBy }));

  const written: WrittenKeys = [];
  const noteWritten = (keys: WrittenKeys) => written.push(...keys);
  const touched: string[] = [];
  try {
    const entries = fresh.map((input) => {
      const facts = parsed.children.get(input.id)!.facts;
      const child: ChildRecord = { ...input, councilId, createdAt: recordedAt, version: 0 };
      return { child, facts: stored(facts), projection: project(child, facts) };
    });
    // Put only while still absent: a child created meanwhile (POST /children) is not overwritten. The file then
    // changes nothing, as with any problem: what this import wrote is taken back and the line names the child.
    const existed = await store.createChildren(entries, noteWritten);
    if (existed.length) {
      await store.deleteItems(written);
      for (const id of existed) {
        problems.push({ line: parsed.children.get(id)!.line, field: 'child_id', message: `child ${id} was created in Kept while this import ran; nothing was imported: import the file again` });
      }
      return result;
    }
    result.childrenCreated = entries.length;
    for (const e of entries) result.factsAdded += e.facts.length;

    for (const [id, child] of existing) {
      const facts = stored(parsed.children.get(id)!.facts);
      if (!facts.length) continue;
      touched.push(id);
      await store.appendFacts(child, facts, project, noteWritten);
      result.childrenUpdated += 1;
      result.factsAdded += facts.length;
    }
  } catch (error) {
    await store.deleteItems(written);
    for (const id of touched) await store.refreshProjection(councilId, id, project);
    throw error;
  }
  result.ok = true;
  return result;
}

/**
 * Works out each child's obligations once before anything is written, so a
 * date the engine cannot count from (a birth date or fact in a year outside
 * its bank-holiday table) is a problem on the child's line, not a failure
 * half-way through writing.
 */
const inTable = (date: string) => date >= '1990-01-01' && date <= '2100-12-31';

async function outsideTheCalendar(
  store: KeptStore,
  children: ParsedImport['children'],
  fresh: readonly ChildInput[],
  existing: ReadonlyMap<string, ChildRecord>,
  project: Projector,
  createdAt: string,
): Promise<ImportProblem[]> {
  const problems: ImportProblem[] = [];
  const records = [
    ...fresh.map((input): ChildRecord => ({ ...input, councilId: '', createdAt, version: 0 })),
    ...existing.values(),
  ];
  for (const child of records) {
    const entry = children.get(child.id)!;
    // A child already in Kept is projected from its whole history, as the write will be.
    const history = existing.has(child.id) ? (await store.getChildHistory(child.councilId, child.id)).facts : [];
    try {
      project(child, [...history, ...entry.facts]);
    } catch (error) {
      if (!(error instanceof InvalidInput)) throw error;
      const line = entry.facts.find((f) => !inTable(factDate(f.fact)))?.line;
      const field = line === undefined ? 'date_of_birth' : 'date';
      for (const p of error.problems) problems.push({ line: line ?? entry.line, field, message: `child ${child.id}: ${p.message}` });
    }
  }
  return problems;
}
