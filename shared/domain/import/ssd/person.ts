/** `ssd_person`: the child's case reference (pers_person_id), names and date of birth. */
import type { ExtractPlan } from '../plan.js';
import type { Table } from '../table.js';

/** Only the id is needed: the SSD leaves names optional (Mosaic's script writes none) and a child Kept holds needs no new ones. */
export const PERSON_COLUMNS = ['pers_person_id'] as const;

export function mapPeople(table: Table, plan: ExtractPlan): void {
  for (const row of table.rows) {
    const id = row.text('pers_person_id', true);
    const person = {
      firstName: row.text('pers_forename'),
      lastName: row.text('pers_surname'),
      dateOfBirth: row.date('pers_dob'),
    };
    if (row.failed || id === undefined) continue;
    if (plan.people.has(id)) {
      row.problem('pers_person_id', `${id} appears twice in ssd_person (first on line ${plan.people.get(id)!.line})`);
      continue;
    }
    plan.people.set(id, { id, ...person, file: row.file, line: row.line });
  }
}
