/**
 * `ssd_sdq_scores`: strengths and difficulties questionnaire scores (0 to 40)
 * with the date completed. A row without a score (a reason code instead) is
 * skipped.
 */
import { addFact, type ExtractPlan, skip } from '../plan.js';
import type { Table } from '../table.js';

/** Mosaic's script names the id csdq_sdq_id and leaves the score as SDQ_SCORE; both are read. */
export const SDQ_COLUMNS = ['csdq_person_id', 'csdq_sdq_completed_date'] as const;

export function mapSdq(table: Table, plan: ExtractPlan): void {
  for (const row of table.rows) {
    const person = row.text('csdq_person_id', true);
    const date = row.date('csdq_sdq_completed_date');
    const id = row.text('csdq_table_id') ?? row.text('csdq_sdq_id') ?? `${person}:${date ?? ''}`;
    const score = row.has('csdq_sdq_score') ? row.int('csdq_sdq_score', 0, 40) : row.int('sdq_score', 0, 40);
    if (row.failed || !id || !person) continue;
    if (score === undefined) {
      skip(plan, row, `no SDQ score${row.text('csdq_sdq_reason') ? ` (reason ${row.text('csdq_sdq_reason')})` : ''}`);
      continue;
    }
    if (!date) {
      row.problem('csdq_sdq_completed_date', 'is required with a score');
      continue;
    }
    addFact(plan, person, row, `ssd:ssd_sdq_scores:${id}`, { type: 'sdq', date, score }, { date: 'csdq_sdq_completed_date' });
  }
}
