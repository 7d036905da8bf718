/**
 * What `ssd_care_leavers` says of a care leaver's life, as of the latest
 * contact (clea_care_leaver_latest_contact): clea_care_leaver_in_touch,
 * clea_care_leaver_activity, clea_care_leaver_accommodation and
 * clea_care_leaver_accom_suitable, in the SSDA903 OC3 codes, made a
 * `care-leaver-status` fact. The SSD writes in touch as YES/NO or Y/N, the
 * accommodation as its letter or the 903's letter-and-digit (`U1`), and
 * suitability as 1/2 or yes/no. `0` (not known) and an empty cell are left
 * out. A row with none of the four, or no contact date, gives no status.
 */
import type { Row } from '../table.js';
import { type ExtractPlan, addFact } from '../plan.js';

const COLUMNS = {
  date: 'clea_care_leaver_latest_contact',
  inTouch: 'clea_care_leaver_in_touch',
  activity: 'clea_care_leaver_activity',
  accommodation: 'clea_care_leaver_accommodation',
  accommodationSuitable: 'clea_care_leaver_accom_suitable',
};

const IN_TOUCH_WORDS: Readonly<Record<string, string>> = { Y: 'YES', N: 'NO' };
const SUITABLE: Readonly<Record<string, boolean>> = { '1': true, Y: true, YES: true, TRUE: true, SUITABLE: true, '2': false, N: false, NO: false, FALSE: false, UNSUITABLE: false };

const known = (text: string | undefined): string | undefined => {
  const v = text?.trim().toUpperCase();
  return v === undefined || v === '' || v === '0' ? undefined : v;
};

export function addCareLeaverStatus(plan: ExtractPlan, person: string, row: Row, source: string, contact: string | undefined): void {
  const inTouchCell = known(row.text(COLUMNS.inTouch));
  const activity = known(row.text(COLUMNS.activity));
  const accommodationCell = known(row.text(COLUMNS.accommodation));
  const suitableCell = known(row.text(COLUMNS.accommodationSuitable));
  if (!inTouchCell && !activity && !accommodationCell) return;
  if (!contact) {
    plan.notes.push(`${row.file} line ${row.line}: in touch, activity or accommodation given without ${COLUMNS.date}, so Kept cannot tell when it was true; not read`);
    return;
  }
  // The 903's ACCOM is the letter and a digit for suitability; the SSD may give them apart.
  const accommodation = accommodationCell?.slice(0, 1);
  const digit = accommodationCell && accommodationCell.length === 2 ? accommodationCell.slice(1) : undefined;
  const suitableText = suitableCell ?? digit;
  const fact: Record<string, unknown> = { type: 'care-leaver-status', date: contact, inTouch: inTouchCell ? (IN_TOUCH_WORDS[inTouchCell] ?? inTouchCell) : undefined };
  if (activity) fact.activity = activity;
  if (accommodation) fact.accommodation = accommodation;
  if (suitableText !== undefined) {
    if (!(suitableText in SUITABLE)) {
      row.problem(COLUMNS.accommodationSuitable, `${suitableText} is not a suitability Kept knows (1 or yes: suitable; 2 or no: not suitable)`);
      return;
    }
    fact.accommodationSuitable = SUITABLE[suitableText];
  }
  addFact(plan, person, row, `${source}:status:${contact}`, fact, COLUMNS);
}
