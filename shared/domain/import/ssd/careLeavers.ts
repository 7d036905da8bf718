/**
 * `ssd_care_leavers`: the latest pathway plan review and the latest contact
 * with the young person, each a fact, and what the contact learned (in touch,
 * activity, accommodation: careLeaverStatus.ts). Their sources carry the date, so a
 * later extract with a newer date adds a fact (the earlier plan and contact
 * did happen) rather than replacing one. The personal adviser is
 * clea_care_leaver_personal_advisor (the SSD gives a name: it is matched to
 * ssd_professionals by id or by name, see `settleAdvisers`); only when it
 * matches no professional is the allocated worker (clea_care_leaver_worker_id)
 * taken as the adviser, and the report says so. The allocated team
 * (clea_care_leaver_allocated_team) is an `allocated-team` fact as of the
 * latest contact or plan, for Annex A.
 */
import { addFact, type ExtractPlan } from '../plan.js';
import type { Table } from '../table.js';
import { annexAValue } from './annexAValue.js';
import { addCareLeaverStatus } from './careLeaverStatus.js';

/** The id is clea_table_id (clea_care_table_id in Mosaic's script), or else the child. */
export const CARE_LEAVER_COLUMNS = ['clea_person_id'] as const;

export function mapCareLeavers(table: Table, plan: ExtractPlan): void {
  for (const row of table.rows) {
    const person = row.text('clea_person_id', true);
    const id = row.text('clea_table_id') ?? row.text('clea_care_table_id') ?? person;
    const plan_ = row.date('clea_pathway_plan_review_date');
    const contact = row.date('clea_care_leaver_latest_contact');
    const adviser = row.text('clea_care_leaver_personal_advisor');
    if (row.failed || !id || !person) continue;
    const source = `ssd:ssd_care_leavers:${id}`;
    if (plan_) addFact(plan, person, row, `${source}:pathway-plan:${plan_}`, { type: 'pathway-plan', date: plan_ }, { date: 'clea_pathway_plan_review_date' });
    if (contact) addFact(plan, person, row, `${source}:contact:${contact}`, { type: 'personal-adviser-contact', date: contact }, { date: 'clea_care_leaver_latest_contact' });
    addCareLeaverStatus(plan, person, row, source, contact);
    const team = annexAValue(plan, row, 'clea_care_leaver_allocated_team', 'team');
    const asOf = contact ?? plan_;
    if (team && asOf) addFact(plan, person, row, `${source}:team`, { type: 'allocated-team', date: asOf, team }, { date: 'clea_care_leaver_latest_contact', team: 'clea_care_leaver_allocated_team' });
    const worker = row.text('clea_care_leaver_worker_id');
    if (adviser || worker) pendingOf(plan).push({ person, adviser, worker, file: row.file, line: row.line });
  }
}

type Pending = Array<{ person: string; adviser?: string; worker?: string; file: string; line: number }>;
/** Care leavers' advisers waiting for the professionals to be read, per plan. */
const pending = new WeakMap<ExtractPlan, Pending>();
const pendingOf = (plan: ExtractPlan): Pending => {
  let list = pending.get(plan);
  if (!list) pending.set(plan, (list = []));
  return list;
};

/** Once the professionals are read: each care leaver's adviser, by id or name, else their allocated worker. */
export function settleAdvisers(plan: ExtractPlan): void {
  const byName = new Map([...plan.professionals.values()].map((p) => [p.name.trim().toLowerCase(), p.professionalId]));
  for (const c of pendingOf(plan).splice(0)) {
    let id = c.adviser === undefined ? undefined : plan.professionals.has(c.adviser) ? c.adviser : byName.get(c.adviser.trim().toLowerCase());
    if (id === undefined && c.worker !== undefined) {
      if (c.adviser !== undefined) plan.notes.push(`${c.file} line ${c.line}: the personal adviser named in clea_care_leaver_personal_advisor matches no professional; the allocated worker ${c.worker} is taken as the adviser`);
      id = c.worker;
    }
    if (id === undefined) continue;
    const team = plan.team.get(c.person) ?? [];
    team.push({ professionalId: id, role: 'personal-adviser', file: c.file, line: c.line });
    plan.team.set(c.person, team);
  }
}
