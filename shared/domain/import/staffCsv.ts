/**
 * The staff CSV a council exports from its directory (`npm run import --
 * --staff FILE`): one member of staff a line, matched to the case system's
 * professionals by the worker id (the id the SSD import gave them: its
 * `prof_staff_id`, or else `prof_professional_id`). Columns, by name in any
 * order: `worker_id`, `name`, `email`, `role` (practitioner, manager, lead,
 * admin), `team_role` (optional: social-worker, iro, personal-adviser,
 * virtual-school, health; practitioners only) and `manager_worker_id`
 * (optional). Each line is checked on its own here; the checks against the
 * other lines and Kept's staff are the service's. Pure.
 */
import { staffInputSchema, type StaffInput } from '../people.js';
import { problemsOf } from '../validation.js';
import { type ExtractProblem, readTable } from './table.js';

export const STAFF_CSV_COLUMNS = ['worker_id', 'name', 'email', 'role', 'team_role', 'manager_worker_id'] as const;
const NEEDED = ['worker_id', 'name', 'email', 'role'] as const;

/** Which column each field of a member of staff comes from. */
const COLUMN_OF: Record<string, string> = { id: 'worker_id', name: 'name', email: 'email', role: 'role', teamRole: 'team_role', managerId: 'manager_worker_id' };

export interface StaffLine {
  line: number;
  staff: StaffInput;
}

export function readStaffCsv(file: string, text: string): { lines: StaffLine[]; problems: ExtractProblem[] } {
  const problems: ExtractProblem[] = [];
  const table = readTable(file, text, NEEDED, problems);
  const lines: StaffLine[] = [];
  const ids = new Map<string, number>();
  const emails = new Map<string, number>();
  for (const row of table.rows) {
    const cells = {
      id: row.text('worker_id'),
      name: row.text('name'),
      email: row.text('email'),
      role: row.text('role')?.toLowerCase(),
      teamRole: row.text('team_role')?.toLowerCase(),
      managerId: row.text('manager_worker_id'),
    };
    const parsed = staffInputSchema.safeParse(Object.fromEntries(Object.entries(cells).filter(([, v]) => v !== undefined)));
    if (!parsed.success) {
      for (const p of problemsOf(parsed.error)) row.problem(COLUMN_OF[p.field] ?? p.field, p.message);
      continue;
    }
    const staff = parsed.data;
    if (staff.teamRole && staff.role !== 'practitioner') row.problem('team_role', `is for practitioners; a ${staff.role} has none`);
    if (staff.managerId === staff.id) row.problem('manager_worker_id', 'is this person themselves');
    const twice = ids.get(staff.id);
    if (twice) row.problem('worker_id', `${staff.id} is also on line ${twice}`);
    const sameEmail = emails.get(staff.email);
    if (sameEmail) row.problem('email', `${staff.email} is also on line ${sameEmail}`);
    ids.set(staff.id, row.line);
    emails.set(staff.email, row.line);
    if (!row.failed) lines.push({ line: row.line, staff });
  }
  if (!table.rows.length && !problems.length) problems.push({ file, line: 1, column: '(file)', message: 'has no staff lines' });
  return { lines, problems };
}
