/**
 * `npm run import -- --staff FILE`: the council's staff from its directory.
 * A line whose worker id Kept does not know creates that member of staff; one
 * Kept knows (an SSD import's professional awaiting an email, say) is
 * completed: the line's name, email, role, team role and manager replace
 * theirs, their job title stays, and an awaiting member has their address
 * from then on (digests, sign-in). Every line is checked, against the others
 * and Kept's staff, before anything is written: any problem and nothing
 * changes. Each change is audited as an admin's change to that person. A
 * write failing part-way takes back every write of this run (the failed one
 * too, whose answer may have been lost) and throws: all or nothing.
 */
import type { ExtractProblem } from '#domain/import/table.js';
import { AlreadyExists, StaleVersion } from '#domain/errors.js';
import { readStaffCsv } from '#domain/import/staffCsv.js';
import { isActive, type Staff, type StaffChange } from '#domain/people.js';
import type { KeptStore } from '#store/ports/stores.js';
import type { StaffAuditEntry } from '#store/ports/audit.js';
import { newAuditEntry } from './audit.js';

export interface StaffImportReport {
  ok: boolean;
  problems: ExtractProblem[];
  created: string[];
  /** Awaiting an email until this import gave them one. */
  givenEmail: string[];
  changed: string[];
  unchanged: number;
}

const MANAGING = new Set(['manager', 'lead', 'admin']);
const ROUTE = 'npm run import -- --staff';

const sameAs = (before: Staff, change: StaffChange) =>
  !before.awaitingEmail && before.name === change.name && before.email === change.email && before.role === change.role &&
  before.managerId === change.managerId && before.teamRole === change.teamRole;

export async function importStaffCsv(store: KeptStore, councilId: string, file: string, text: string, options: { importedBy: string }): Promise<StaffImportReport> {
  const { lines, problems } = readStaffCsv(file, text);
  const report: StaffImportReport = { ok: false, problems, created: [], givenEmail: [], changed: [], unchanged: 0 };
  if (problems.length) return report;

  const kept = new Map((await store.listStaff(councilId)).map((s) => [s.id, s]));
  const inFile = new Map(lines.map((l) => [l.staff.id, l.staff]));
  const problem = (line: number, column: string, message: string) => problems.push({ file, line, column, message });
  for (const { line, staff } of lines) {
    const before = kept.get(staff.id);
    if (before && !isActive(before)) problem(line, 'worker_id', `${staff.id} has left (their access was ended); an admin changes a leaver, not the staff import`);
    const owner = await store.findStaffByEmail(staff.email);
    if (owner && (owner.councilId !== councilId || owner.id !== staff.id)) problem(line, 'email', `${staff.email} already belongs to ${owner.councilId === councilId ? owner.id : 'someone in another council'}`);
    if (staff.managerId !== undefined) {
      const manager = inFile.get(staff.managerId) ?? kept.get(staff.managerId);
      const working = manager && (inFile.has(staff.managerId) || isActive(manager as Staff));
      if (!manager || !working || !MANAGING.has(manager.role)) problem(line, 'manager_worker_id', `no manager, lead or admin ${staff.managerId} in this file or working in Kept`);
    }
  }
  if (problems.length) return report;

  const audit = (staffMemberId: string): StaffAuditEntry =>
    newAuditEntry<StaffAuditEntry>({ councilId, staffId: options.importedBy, role: 'operator', action: 'change-staff', staffMemberId, route: ROUTE });
  // Each write is noted before it is sent, so that one whose answer was lost is taken back too.
  const written: Array<{ after: Staff; before: Staff | null }> = [];
  try {
    for (const { staff } of lines) {
      const before = kept.get(staff.id);
      if (!before) {
        const created: Staff = { ...staff, councilId };
        written.push({ after: created, before: null });
        await store.createStaff(created);
        report.created.push(staff.id);
        continue;
      }
      const change: StaffChange = { name: staff.name, email: staff.email, role: staff.role, managerId: staff.managerId, jobTitle: before.jobTitle, teamRole: staff.teamRole };
      if (sameAs(before, change)) {
        report.unchanged += 1;
        continue;
      }
      // A new address ends awaiting one, as changeStaff does.
      const { awaitingEmail: _awaiting, undeliverable: _undeliverable, ...rest } = before;
      const moved = change.email.toLowerCase() !== before.email.toLowerCase();
      written.push({ after: { ...(moved ? rest : before), ...change }, before });
      await store.changeStaff(councilId, staff.id, change, audit(staff.id));
      (before.awaitingEmail ? report.givenEmail : report.changed).push(staff.id);
    }
  } catch (error) {
    // Refused for a clash (someone took the id or address meanwhile): that write did not happen.
    if (error instanceof AlreadyExists || error instanceof StaleVersion) written.pop();
    for (const { after, before } of written.reverse()) await store.revertStaff(after, before);
    throw error;
  }
  report.ok = true;
  return report;
}
