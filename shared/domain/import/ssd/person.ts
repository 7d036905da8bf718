/**
 * `ssd_person`: the child's case reference (pers_person_id), names and date
 * of birth, and their sex (pers_sex) and ethnicity (pers_ethnicity) as a
 * `characteristics` fact for Annex A. The SSD gives no date for those, so the
 * fact is dated the child's birth; its source is the person row, so a later
 * extract replaces it.
 */
import { addFact, type ExtractPlan } from '../plan.js';
import type { Table } from '../table.js';
import { annexAValue } from './annexAValue.js';

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
    const sex = annexAValue(plan, row, 'pers_sex', 'sex');
    const ethnicity = annexAValue(plan, row, 'pers_ethnicity', 'ethnicity');
    if ((sex || ethnicity) && person.dateOfBirth) {
      const fact = { type: 'characteristics', date: person.dateOfBirth, ...(sex ? { sex } : {}), ...(ethnicity ? { ethnicity } : {}) };
      addFact(plan, id, row, `ssd:ssd_person:${id}:characteristics`, fact, { date: 'pers_dob', sex: 'pers_sex', ethnicity: 'pers_ethnicity' });
    }
  }
}

/** Facts read only for Annex A: alone, they say nothing of care. */
const ANNEX_A_ONLY = new Set(['characteristics', 'allocated-team', 'legal-status', 'disability', 'immigration-status', 'absence']);

/**
 * A person row (or an involvement) alone makes no child: once every table is
 * read, a person whose only facts are for Annex A keeps none, so the import
 * creates no child for them and still lists them as having no care record.
 */
export function dropAnnexAOnly(plan: ExtractPlan): void {
  for (const [id, facts] of plan.facts) {
    if (facts.every((f) => ANNEX_A_ONLY.has(f.fact.type))) plan.facts.delete(id);
  }
}
