/**
 * `ssd_disability`: one row per disability recorded (disa_disability_code,
 * the CIN census codes; NONE for none), each a `disability` fact for Annex A.
 * The SSD gives no date, so each is dated the child's birth from ssd_person;
 * a row whose child has no person row with a date of birth is skipped.
 */
import { addFact, type ExtractPlan, skip } from '../plan.js';
import type { Table } from '../table.js';
import { annexAValue } from './annexAValue.js';

export const DISABILITY_COLUMNS = ['disa_person_id', 'disa_disability_code'] as const;

export function mapDisabilities(table: Table, plan: ExtractPlan): void {
  for (const row of table.rows) {
    const person = row.text('disa_person_id', true);
    const id = row.text('disa_table_id');
    if (row.failed || !person) continue;
    const code = annexAValue(plan, row, 'disa_disability_code', 'disabilityCode');
    if (!code) continue;
    const born = plan.people.get(person)?.dateOfBirth;
    if (!born) {
      skip(plan, row, `${person} has no date of birth in ssd_person, which dates a disability`);
      continue;
    }
    addFact(plan, person, row, `ssd:ssd_disability:${id ?? `${person}:${code}`}`, { type: 'disability', date: born, disabled: code !== 'NONE' }, { date: 'disa_person_id', disabled: 'disa_disability_code' });
  }
}
