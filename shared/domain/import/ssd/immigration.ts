/**
 * `ssd_immigration_status`: each status with its start and end, kept only as
 * whether it is unaccompanied asylum-seeking (UASC), for Annex A. Case
 * systems write the status as free text; as ssd-data-model's own queries do,
 * a status naming UASC (or "unaccompanied") is UASC, any other is not.
 */
import { addFact, type ExtractPlan } from '../plan.js';
import type { Table } from '../table.js';

export const IMMIGRATION_COLUMNS = ['immi_immigration_status_id', 'immi_person_id', 'immi_immigration_status_start_date', 'immi_immigration_status'] as const;

const UASC = /uasc|unaccompanied/i;

export function mapImmigrationStatuses(table: Table, plan: ExtractPlan): void {
  for (const row of table.rows) {
    const id = row.text('immi_immigration_status_id', true);
    const person = row.text('immi_person_id', true);
    const start = row.date('immi_immigration_status_start_date', true);
    const end = row.date('immi_immigration_status_end_date');
    const status = row.text('immi_immigration_status', true);
    if (start && end && end < start) row.problem('immi_immigration_status_end_date', 'must not be before immi_immigration_status_start_date');
    if (row.failed || !id || !person || !start || !status) continue;
    const fact = { type: 'immigration-status', date: start, uasc: UASC.test(status), ...(end ? { end } : {}) };
    addFact(plan, person, row, `ssd:ssd_immigration_status:${id}`, fact, { date: 'immi_immigration_status_start_date', end: 'immi_immigration_status_end_date' });
  }
}
