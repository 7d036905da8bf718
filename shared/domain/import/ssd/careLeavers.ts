/**
 * `ssd_care_leavers`: the latest pathway plan review and the latest contact
 * with the young person, each a fact. Their sources carry the date, so a
 * later extract with a newer date adds a fact (the earlier plan and contact
 * did happen) rather than replacing one. The allocated worker
 * (clea_care_leaver_worker_id, a professional id) joins the team as the
 * personal adviser.
 */
import { addFact, type ExtractPlan } from '../plan.js';
import type { Table } from '../table.js';

export const CARE_LEAVER_COLUMNS = ['clea_table_id', 'clea_person_id'] as const;

export function mapCareLeavers(table: Table, plan: ExtractPlan): void {
  for (const row of table.rows) {
    const id = row.text('clea_table_id', true);
    const person = row.text('clea_person_id', true);
    const plan_ = row.date('clea_pathway_plan_review_date');
    const contact = row.date('clea_care_leaver_latest_contact');
    const worker = row.text('clea_care_leaver_worker_id');
    if (row.failed || !id || !person) continue;
    const source = `ssd:ssd_care_leavers:${id}`;
    if (plan_) addFact(plan, person, row, `${source}:pathway-plan:${plan_}`, { type: 'pathway-plan', date: plan_ }, { date: 'clea_pathway_plan_review_date' });
    if (contact) addFact(plan, person, row, `${source}:contact:${contact}`, { type: 'personal-adviser-contact', date: contact }, { date: 'clea_care_leaver_latest_contact' });
    if (worker) {
      const team = plan.team.get(person) ?? [];
      team.push({ professionalId: worker, role: 'personal-adviser', file: row.file, line: row.line });
      plan.team.set(person, team);
    }
  }
}
