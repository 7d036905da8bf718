/**
 * `ssd_cla_visits`: statutory visits with whether the child was seen alone.
 * A visit where the child was not seen (clav_cla_visit_seen N) is not a
 * statutory visit (CPPCR reg 28 is a visit to see the child) and is skipped;
 * an empty seen-alone is read as not seen alone.
 */
import { addFact, type ExtractPlan, skip } from '../plan.js';
import type { Table } from '../table.js';

/** The row id is optional: without one the source is the child and the date. */
export const VISIT_COLUMNS = ['clav_person_id', 'clav_cla_visit_date'] as const;

export function mapVisits(table: Table, plan: ExtractPlan): void {
  for (const row of table.rows) {
    const person = row.text('clav_person_id', true);
    const date = row.date('clav_cla_visit_date', true);
    const id = row.text('clav_cla_visit_id') ?? `${person}:${date}`;
    const seen = row.flag('clav_cla_visit_seen');
    const alone = row.flag('clav_cla_visit_seen_alone');
    if (row.failed || !id || !person || !date) continue;
    if (seen === false) {
      skip(plan, row, 'the child was not seen, so it is not a statutory visit');
      continue;
    }
    addFact(plan, person, row, `ssd:ssd_cla_visits:${id}`, { type: 'visit', date, seenAlone: alone ?? false }, { date: 'clav_cla_visit_date' });
  }
}
