/**
 * SSDA903 OC3 (care leavers): IN_TOUCH, ACTIV and ACCOM, which the DfE asks
 * for about the young person around the birthday from the 17th to the 21st
 * that falls in the collection year (1 April to the 31 March `yearEnding`).
 * OC3 carries no date, so each row is a `care-leaver-status` dated that
 * birthday, inside the window careLeaverFigures.ts reads. ACCOM is the letter
 * of the accommodation and a digit for its suitability (1 suitable, 2 not);
 * `0` (not known) leaves the activity or accommodation out. A row Kept cannot
 * make a status of (a code no list holds for IN_TOUCH, no birthday from the
 * 17th to the 21st in the year, in touch without activity or accommodation)
 * is skipped with its reason, never a reason to refuse the return.
 */
import { addYears, ageOn, toDayNumber, toIsoDate } from '../dates.js';
import { ACCOMMODATION, ACTIVITY, IN_TOUCH } from './codes903.js';
import { addFact, type ExtractPlan, readCode, skip } from './plan.js';
import type { Table } from './table.js';

const FIRST_AGE = 17;
const LAST_AGE = 21;

/** The birthday in the collection year ending `yearEnding` (a 31 March), with the age reached on it. */
function birthdayInYear(dateOfBirth: string, yearEnding: string): { age: number; birthday: string } {
  const end = toDayNumber(yearEnding);
  const age = ageOn(toDayNumber(dateOfBirth), end);
  return { age, birthday: toIsoDate(addYears(toDayNumber(dateOfBirth), age)) };
}

export function mapOc3(table: Table, plan: ExtractPlan, yearEnding: string | undefined): void {
  if (table.rows.length === 0) return;
  if (yearEnding === undefined) {
    plan.notes.push('oc3: IN_TOUCH, ACTIV and ACCOM are about the birthday in the collection year; without --year-ending Kept cannot date them, so they make no facts');
    return;
  }
  for (const row of table.rows) {
    const child = row.text('CHILD', true);
    const dob = row.date('DOB') ?? plan.people.get(child ?? '')?.dateOfBirth;
    const inTouch = readCode(plan, row, 'IN_TOUCH', IN_TOUCH, true);
    const activity = readCode(plan, row, 'ACTIV', ACTIVITY);
    const accom = readCode(plan, row, 'ACCOM', ACCOMMODATION);
    if (row.failed || !child || inTouch === undefined) continue;
    if (!dob) {
      skip(plan, row, 'no DOB here or in header.csv, so the birthday it is about is not known: no care leaver status');
      continue;
    }
    if (!inTouch) {
      skip(plan, row, 'IN_TOUCH is a code Kept does not know: no care leaver status');
      continue;
    }
    const { age, birthday } = birthdayInYear(dob, yearEnding);
    if (age < FIRST_AGE || age > LAST_AGE) {
      skip(plan, row, `the birthday in the year ending ${yearEnding} is the ${age}th, not the 17th to the 21st: no care leaver status`);
      continue;
    }
    const fact: Record<string, unknown> = { type: 'care-leaver-status', date: birthday, inTouch };
    if (activity && activity !== '0') fact.activity = activity;
    if (accom && accom !== '0') {
      fact.accommodation = accom.slice(0, 1);
      fact.accommodationSuitable = accom.slice(1) === '1';
    }
    if (inTouch === 'YES' && (fact.activity === undefined || fact.accommodation === undefined)) {
      skip(plan, row, 'in touch, but ACTIV or ACCOM is not known: no care leaver status');
      continue;
    }
    addFact(plan, child, row, `ssda903:oc3:${child}:${birthday}`, fact, { date: 'DOB', inTouch: 'IN_TOUCH', activity: 'ACTIV', accommodation: 'ACCOM', accommodationSuitable: 'ACCOM' });
  }
}
