/**
 * Loading a case system's extract (SSD or SSDA903) that the domain has read
 * into a plan: idempotent and all or nothing. Each fact carries its source
 * row; a fact whose source Kept already holds with the same content is left
 * alone, a changed one is replaced, a new one added. Nothing is written if
 * the plan or the checks against Kept find any problem; if a write fails
 * part-way, everything this import wrote is taken back (as `importCsv`).
 * Children missing from a full extract are listed, never deleted.
 */
import { withdrawnIds } from '#domain/corrections.js';
import { readSsd } from '#domain/import/ssd.js';
import { readSsda903 } from '#domain/import/ssda903.js';
import type { ExtractFiles } from '#store/ports/extractFiles.js';
import type { Fact } from '#domain/facts.js';
import type { ExtractPlan, SourcedFact, UnknownCode } from '#domain/import/plan.js';
import { currentTeamOf, holderOf } from '#domain/import/ssd/professionals.js';
import { isActive, TEAM_MEMBER, type Team, type TeamRole, UNALLOCATED } from '#domain/people.js';
import type { ExtractProblem, Skipped } from '#domain/import/table.js';
import type { ChildInput, ChildRecord, Staff } from '#domain/people.js';
import { childInputSchema } from '#domain/people.js';
import type { StoredFact, WrittenKeys } from '#store/ports/cases.js';
import type { KeptStore } from '#store/ports/stores.js';
import { loadCouncil, projector } from './council.js';

export interface ExtractReport {
  ok: boolean;
  problems: ExtractProblem[];
  rowsRead: Record<string, number>;
  facts: { created: number; replaced: number; unchanged: number };
  childrenCreated: number;
  childrenUpdated: number;
  staffCreated: number;
  /** Staff created from the extract without an address: no digest or sign-in until one is given (`--staff`, PUT /staff/{id}). */
  staffAwaitingEmail: string[];
  /** New children created without a worker Kept knows: held Unallocated, every duty still owed. */
  unallocated: Array<{ childId: string; reason: string }>;
  skipped: Skipped[];
  /** Children Kept holds that a full extract (one with its person file) no longer has: kept, not deleted. */
  notInExtract: string[];
  notes: string[];
  /** Rows with a code Kept does not know, each read the strictest way that fits (file, line, column, code). */
  unknownCodes: UnknownCode[];
  /** Facts withdrawn (a correction kept in the history) because the SSD extract no longer holds their source row. */
  withdrawn: Array<{ childId: string; source: string }>;
  /**
   * Staff Kept has whose every involvement in the extract has ended: they
   * seem to have left. Their children (every child whose team they are in)
   * are listed for a manager to move; the import moves no one.
   */
  leavers: Array<{ staffId: string; lastInvolvementEnded: string; children: string[] }>;
  /** Set when the extract was refused as older than the newest imported: that one's day. */
  olderThan?: string;
}

export interface ExtractOptions {
  today: string;
  importedBy: string;
  /** The day the extract was taken (its folder's date): one older than the newest imported is refused. Without it, not checked. */
  takenOn?: string;
  now?: () => string;
}

/** A report of nothing done, with these problems. */
export function emptyReport(problems: ExtractProblem[]): ExtractReport {
  return {
    ok: false, problems, rowsRead: {}, facts: { created: 0, replaced: 0, unchanged: 0 },
    childrenCreated: 0, childrenUpdated: 0, staffCreated: 0, staffAwaitingEmail: [], unallocated: [], skipped: [], notInExtract: [], notes: [], unknownCodes: [], withdrawn: [], leavers: [],
  };
}

/** Same content, whatever order its fields were written in. */
const same = (a: Fact, b: Fact) => canonical(a) === canonical(b);
const canonical = (value: unknown): string =>
  value && typeof value === 'object'
    ? `{${Object.keys(value).sort().map((k) => `${k}:${canonical((value as Record<string, unknown>)[k])}`).join(',')}}`
    : JSON.stringify(value);

/** The fact that stands now for each source: the latest recorded that no correction withdrew. */
export function heldBySource(facts: readonly StoredFact[]): Map<string, StoredFact> {
  const withdrawn = withdrawnIds(facts);
  const held = new Map<string, StoredFact>();
  for (const f of facts) if (f.source !== undefined && !(f.id !== undefined && withdrawn.has(f.id))) held.set(f.source, f);
  return held;
}

/** What a child's sourced facts change against what Kept holds. */
export function compareFacts(incoming: readonly SourcedFact[], held: ReadonlyMap<string, StoredFact>) {
  const created: SourcedFact[] = [];
  const replaced: Array<{ old: StoredFact; next: SourcedFact }> = [];
  let unchanged = 0;
  for (const f of incoming) {
    const old = held.get(f.source);
    if (!old) created.push(f);
    else if (same(old.fact, f.fact)) unchanged += 1;
    else replaced.push({ old, next: f });
  }
  return { created, replaced, unchanged };
}

/** Which reader an extract needs, with its options. */
export type ExtractKind =
  | { system: 'ssd'; roles?: Readonly<Record<string, string>> }
  | { system: 'ssda903'; yearEnding?: string };

/** Reads the named files (every `.csv` in the folder when none are named) into a plan. */
export async function readExtract(source: ExtractFiles, kind: ExtractKind, names?: readonly string[]): Promise<ExtractPlan> {
  const wanted = names ?? (await source.list()).filter((name) => name.toLowerCase().endsWith('.csv'));
  const files = new Map<string, string>();
  for (const name of [...wanted].sort()) files.set(name, await source.read(name));
  return kind.system === 'ssd' ? readSsd(files, { roles: kind.roles }) : readSsda903(files, { yearEnding: kind.yearEnding });
}

/** The import from files: read, check, then write all or nothing. */
export async function importExtractFiles(store: KeptStore, councilId: string, source: ExtractFiles, kind: ExtractKind, options: ExtractOptions, names?: readonly string[]): Promise<ExtractReport> {
  return importExtract(store, councilId, await readExtract(source, kind, names), options);
}

const HOLDER_ROLES = new Set(['practitioner', 'manager']);

export async function importExtract(store: KeptStore, councilId: string, plan: ExtractPlan, options: ExtractOptions): Promise<ExtractReport> {
  const now = options.now ?? (() => new Date().toISOString());
  const report: ExtractReport = {
    ...emptyReport([...plan.problems]),
    rowsRead: plan.rowsRead,
    skipped: [...plan.skipped],
    notes: [...plan.notes],
    unknownCodes: [...plan.unknownCodes],
  };
  if (report.problems.length) return report;
  if (options.takenOn !== undefined) {
    const newest = await store.newestExtract(councilId, plan.system);
    if (newest !== null && options.takenOn < newest) {
      report.olderThan = newest;
      report.problems.push({
        file: '(extract)', line: 0, column: '(taken on)',
        message: `taken on ${options.takenOn}, before the newest ${plan.system.toUpperCase()} extract imported (taken on ${newest}): refused, nothing changed`,
      });
      return report;
    }
  }

  // Staff: who Kept knows, and whom it creates: with the email an added column gives, or else awaiting one.
  const staff = new Map((await store.listStaff(councilId)).map((s) => [s.id, s]));
  const newStaff = new Map<string, Staff>();
  const staffIdOf = (professionalId: string): string | undefined => {
    const prof = plan.professionals.get(professionalId);
    const id = prof?.staffId ?? professionalId;
    return staff.has(id) || newStaff.has(id) ? id : undefined;
  };
  for (const prof of plan.professionals.values()) {
    if (staff.has(prof.staffId) || newStaff.has(prof.staffId)) continue;
    const email = prof.email?.toLowerCase();
    const member: Staff = { councilId, id: prof.staffId, name: prof.name, email: email ?? '', role: 'practitioner', ...(prof.jobTitle ? { jobTitle: prof.jobTitle } : {}) };
    if (!email) {
      newStaff.set(prof.staffId, { ...member, awaitingEmail: { since: options.today } });
      continue;
    }
    const owner = await store.findStaffByEmail(email);
    if (owner || [...newStaff.values()].some((s) => s.email === email)) {
      report.problems.push({ file: prof.file, line: prof.line, column: 'prof_professional_email', message: `${prof.email} already belongs to ${owner?.id ?? 'another professional in this extract'}` });
      continue;
    }
    newStaff.set(prof.staffId, member);
  }

  if (plan.system === 'ssd') report.leavers = await leaversOf(store, councilId, plan, staff, options.today);

  // Children: new ones need a name and a date of birth; without a worker Kept knows they are held Unallocated.
  const fresh: Array<{ input: ChildInput; facts: SourcedFact[]; at: { file: string; line: number } }> = [];
  const existing: Array<{ child: ChildRecord; facts: SourcedFact[]; replaced: Array<{ old: StoredFact; next: SourcedFact }>; gone: StoredFact[] }> = [];
  const carried = carriedBy(plan);
  const ids = new Set([...plan.facts.keys(), ...plan.people.keys()]);
  // An SSD extract without its person table holds whole tables for every child: a child Kept has may have lost all its rows in one.
  if (plan.system === 'ssd' && plan.rowsRead.ssd_person === undefined) for (const c of await store.listChildren(councilId)) ids.add(c.id);
  for (const id of ids) {
    const incoming = plan.facts.get(id) ?? [];
    const person = plan.people.get(id);
    const current = await store.getChild(councilId, id);
    if (current) {
      if (person?.dateOfBirth && person.dateOfBirth !== current.dateOfBirth) {
        report.problems.push({ file: person.file, line: person.line, column: plan.system === 'ssd' ? 'pers_dob' : 'DOB', message: `${id} is in Kept with another date of birth` });
        continue;
      }
      const held = heldBySource((await store.getChildHistory(councilId, id)).facts);
      const diff = compareFacts(incoming, held);
      const sources = new Set(incoming.map((f) => f.source));
      const gone = [...held.values()].filter((f) => carried(f.source!) && !sources.has(f.source!));
      report.facts.unchanged += diff.unchanged;
      if (diff.created.length || diff.replaced.length || gone.length) existing.push({ child: current, facts: diff.created, replaced: diff.replaced, gone });
      continue;
    }
    if (!incoming.length) continue;
    const first = incoming[0]!;
    const at = person ?? first;
    if (plan.system === 'ssda903') {
      report.skipped.push({ file: at.file, line: at.line, reason: `${id} is not in Kept; SSDA903 names no one and no worker, so create the child in Kept (or import the SSD extract) first` });
      continue;
    }
    if (!person) {
      report.skipped.push({ file: first.file, line: first.line, reason: `${id} is not in Kept and the extract has no person row for them (name, date of birth)` });
      continue;
    }
    const professional = holderOf(plan.team.get(id) ?? [], options.today);
    const holderId = professional === undefined ? undefined : staffIdOf(professional);
    const known = holderId === undefined ? undefined : (staff.get(holderId) ?? newStaff.get(holderId));
    const holder = known && HOLDER_ROLES.has(known.role) ? known : undefined;
    const team = holder ? teamFor(currentTeamOf(plan.team.get(id) ?? [], options.today), holder.id, (p) => staffIdOf(p), (s) => staff.get(s) ?? newStaff.get(s)) : undefined;
    // An unallocated child is checked with a stand-in holder: UNALLOCATED is deliberately not a staff id.
    const parsed = childInputSchema.safeParse({
      id, firstName: person.firstName, lastName: person.lastName, dateOfBirth: person.dateOfBirth, holderId: holder?.id ?? 'unallocated', ...(team ? { team } : {}),
    });
    if (!parsed.success) {
      const fields = parsed.error.issues.map((i) => String(i.path[0])).join(', ');
      report.skipped.push({ file: at.file, line: at.line, reason: `${id} is not in Kept and cannot be created: the person row lacks ${fields}` });
      continue;
    }
    if (!holder) {
      const why = professional === undefined ? 'no current social worker or personal adviser in the extract' : `their worker ${professional} is not in ssd_professionals nor a practitioner or manager in Kept`;
      report.unallocated.push({ childId: id, reason: why });
      parsed.data.holderId = UNALLOCATED;
    }
    fresh.push({ input: parsed.data, facts: incoming, at });
  }
  for (const person of plan.people.values()) {
    if (!plan.facts.has(person.id)) report.skipped.push({ file: person.file, line: person.line, reason: `${person.id} has no care episode or care leaver record in this extract` });
  }
  if (report.problems.length) return report;

  const personFile = plan.system === 'ssd' ? 'ssd_person' : 'header';
  if (plan.rowsRead[personFile] !== undefined) {
    report.notInExtract = (await store.listChildren(councilId)).map((c) => c.id).filter((id) => !plan.people.has(id)).sort();
  }

  const council = await loadCouncil(store, councilId);
  const project = projector(council.policy, options.today, await store.listStaff(councilId));
  const recordedAt = now();
  const stored = (f: SourcedFact): StoredFact => ({ fact: f.fact, source: f.source, recordedAt, recordedBy: options.importedBy });
  /** A changed row: the old fact withdrawn (kept in the history), the new one in its place. */
  const replacement = ({ old, next }: { old: StoredFact; next: SourcedFact }): StoredFact[] => [
    { fact: { type: 'correction', date: options.today, factId: old.id!, reason: 'replaced' }, recordedAt, recordedBy: options.importedBy },
    stored(next),
  ];

  /** A row the case system no longer holds: its fact withdrawn, kept in the history. */
  const withdrawal = (old: StoredFact): StoredFact => ({
    fact: { type: 'correction', date: options.today, factId: old.id!, reason: 'recorded-in-error' }, recordedAt, recordedBy: options.importedBy,
  });

  const written: WrittenKeys = [];
  const noteWritten = (keys: WrittenKeys) => written.push(...keys);
  const touched: string[] = [];
  try {
    const entries = fresh.map(({ input, facts }) => {
      const child: ChildRecord = { ...input, councilId, createdAt: recordedAt, version: 0 };
      return { child, facts: facts.map(stored), projection: project(child, facts) };
    });
    // Each new child is put only if it is still absent: one created meanwhile (POST /children) is reported, not
    // overwritten, and a rollback, deleting only what this import wrote, leaves it alone.
    const existed = new Set(await store.createChildren(entries, noteWritten));
    fresh.forEach(({ input, at }) => {
      if (existed.has(input.id)) report.skipped.push({ file: at.file, line: at.line, reason: `${input.id} was created in Kept while this import ran; its rows were not imported: import again to add them` });
    });
    const created = entries.filter((e) => !existed.has(e.child.id));
    report.childrenCreated = created.length;
    for (const e of created) report.facts.created += e.facts.length;

    for (const { child, facts, replaced, gone } of existing) {
      touched.push(child.id);
      await store.appendFacts(child, [...replaced.flatMap(replacement), ...gone.map(withdrawal), ...facts.map(stored)], project, noteWritten);
      for (const f of gone) report.withdrawn.push({ childId: child.id, source: f.source! });
      report.childrenUpdated += 1;
      report.facts.created += facts.length;
      report.facts.replaced += replaced.length;
    }
    // Staff last: a member of staff, once created, is not taken back by a rollback.
    for (const s of newStaff.values()) {
      await store.createStaff(s);
      report.staffCreated += 1;
      if (s.awaitingEmail) report.staffAwaitingEmail.push(s.id);
    }
  } catch (error) {
    await store.deleteItems(written);
    for (const id of touched) await store.refreshProjection(councilId, id, project);
    throw error;
  }
  await store.noteExtract(councilId, plan.system, options.takenOn, Object.keys(plan.rowsRead));
  report.ok = true;
  return report;
}

/**
 * Whether a source row is one this extract would hold if the case system
 * still had it: an SSD extract is the case system's whole record, so a fact
 * from a table it carries (all of them in a full extract; those a partial
 * extract's marker lists) whose row it lacks is withdrawn. An SSDA903 return
 * covers one year, so it withdraws nothing.
 */
function carriedBy(plan: ExtractPlan): (source: string) => boolean {
  if (plan.system !== 'ssd') return () => false;
  const tables = new Set(Object.keys(plan.rowsRead));
  return (source) => {
    const [system, table] = source.split(':');
    return system === 'ssd' && table !== undefined && tables.has(table);
  };
}

/**
 * A new child's team from the extract's current involvements: each member Kept
 * knows as a practitioner or manager whose own team role (if set) fits the
 * place; anyone else is left out and the place stays unallocated. The holder
 * fills no other place but the personal adviser's (a care leaver they hold).
 */
function teamFor(
  involved: Partial<Record<Exclude<keyof Team, 'socialWorker'>, string>>,
  socialWorker: string,
  staffIdOf: (professionalId: string) => string | undefined,
  staffOf: (staffId: string) => Staff | undefined,
): Team | undefined {
  const team: Team = { socialWorker };
  const placeOf = new Map((Object.entries(TEAM_MEMBER) as Array<[TeamRole, keyof Team]>).map(([role, key]) => [key, role]));
  for (const [key, professionalId] of Object.entries(involved) as Array<[Exclude<keyof Team, 'socialWorker'>, string]>) {
    const staffId = staffIdOf(professionalId);
    const person = staffId === undefined ? undefined : staffOf(staffId);
    if (!person || (person.role !== 'practitioner' && person.role !== 'manager')) continue;
    if (person.teamRole && person.teamRole !== placeOf.get(key)) continue;
    // A care leaver held by their adviser (no social worker) has them as adviser too, so Annex A's list 9 names them.
    if (person.id !== socialWorker || key === 'personalAdviser') team[key] = person.id;
  }
  return Object.keys(team).length > 1 ? team : undefined;
}

/** Staff Kept has (still working) whose involvements in the extract have all ended before `today`, with the children whose team they are in. */
async function leaversOf(store: KeptStore, councilId: string, plan: ExtractPlan, staff: ReadonlyMap<string, Staff>, today: string): Promise<ExtractReport['leavers']> {
  const ended = new Map<string, string>();
  const current = new Set<string>();
  for (const members of plan.team.values()) {
    for (const m of members) {
      const staffId = plan.professionals.get(m.professionalId)?.staffId ?? m.professionalId;
      if (m.end !== undefined && m.end < today) ended.set(staffId, [ended.get(staffId) ?? '', m.end].sort()[1]!);
      else current.add(staffId);
    }
  }
  const leavers: ExtractReport['leavers'] = [];
  for (const [staffId, lastInvolvementEnded] of [...ended].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const member = staff.get(staffId);
    if (current.has(staffId) || !member || !isActive(member)) continue;
    const children = (await store.listChildrenInTeamOf(councilId, staffId)).map((c) => c.id).sort();
    leavers.push({ staffId, lastInvolvementEnded, children });
  }
  return leavers;
}
