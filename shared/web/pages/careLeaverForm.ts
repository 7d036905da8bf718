/**
 * A care leaver's life on the personal adviser's record pages: in touch or
 * not, their main activity, their accommodation and whether it is suitable,
 * in the SSDA903 OC3 codes shown in words (careLeaverCodes.ts). The birthday
 * return's page asks all of it; the contact page asks activity and
 * accommodation when the return is due (its window is open) and otherwise
 * takes them only when given (something changed). Answered, the record is a
 * `care-leaver-status`; a contact page left blank records the contact alone.
 */
import {
  ACCOMMODATION_CODES, ACCOMMODATION_WORDS, ACTIVITY_WORDS, CURRENT_ACTIVITY_CODES, IN_TOUCH_CODES, IN_TOUCH_WORDS,
  type InTouchCode,
} from '#domain/careLeaverCodes.js';
import type { FactOf } from '#domain/facts.js';
import type { Answers, FieldError, RecordForm } from './recordForms.js';

export interface LifeContext {
  /** The birthday return's window is open and nothing is recorded in it: activity and accommodation must be answered. */
  returnDue?: boolean;
}

const has = <T extends string>(list: readonly T[], value: string): value is T => (list as readonly string[]).includes(value);

/** The status the answers give, or null for a contact page left blank; errors name each field. */
export function lifeFields(form: RecordForm, answers: Answers, context: LifeContext): { fields: Record<string, unknown> | null; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const q = (name: string) => answers[name] ?? '';
  const asksInTouch = form.questions.includes('inTouch');
  const given = q('activity') !== '' || q('accommodation') !== '' || q('suitable') !== '';
  if (!asksInTouch && !given && !context.returnDue) return { fields: null, errors };
  let inTouch: InTouchCode = 'YES';
  if (asksInTouch) {
    if (has(IN_TOUCH_CODES, q('inTouch'))) inTouch = q('inTouch') as InTouchCode;
    else errors.push({ href: '#inTouch', field: 'inTouch', text: 'Select whether you are in touch with the young person' });
  }
  // In touch, the DfE's return needs both; not in touch, they are what is known, if anything.
  const needed = inTouch === 'YES' && (asksInTouch ? errors.length === 0 : true);
  const fields: Record<string, unknown> = { inTouch };
  if (has(CURRENT_ACTIVITY_CODES, q('activity'))) fields.activity = q('activity');
  else if (q('activity') !== '' || needed) errors.push({ href: '#activity', field: 'activity', text: 'Select what the young person mainly does' });
  if (has(ACCOMMODATION_CODES, q('accommodation'))) fields.accommodation = q('accommodation');
  else if (q('accommodation') !== '' || needed) errors.push({ href: '#accommodation', field: 'accommodation', text: 'Select where the young person lives' });
  if (q('suitable') === 'yes' || q('suitable') === 'no') {
    if (fields.accommodation !== undefined) fields.accommodationSuitable = q('suitable') === 'yes';
  } else if (fields.accommodation !== undefined || needed) errors.push({ href: '#suitable', field: 'suitable', text: 'Select yes if the accommodation is suitable' });
  return { fields, errors };
}

/** The radios' items for the question page. */
export function lifeItems() {
  const items = <T extends string>(codes: readonly T[], words: Record<T, string>) => codes.map((value) => ({ value, text: words[value], hint: { text: value } }));
  return {
    inTouchItems: items(IN_TOUCH_CODES, IN_TOUCH_WORDS),
    activityItems: items(CURRENT_ACTIVITY_CODES, ACTIVITY_WORDS),
    accommodationItems: items(ACCOMMODATION_CODES, ACCOMMODATION_WORDS),
  };
}

/** Check-your-answers rows: key, value, the field to go back to. */
export function lifeRows(fact: FactOf<'care-leaver-status'>, asksInTouch: boolean): Array<[string, string, string]> {
  const rows: Array<[string, string, string]> = [];
  if (asksInTouch) rows.push(['In touch', IN_TOUCH_WORDS[fact.inTouch], 'inTouch']);
  rows.push(['Main activity', fact.activity ? ACTIVITY_WORDS[fact.activity] : 'Not known', 'activity']);
  rows.push(['Accommodation', fact.accommodation ? ACCOMMODATION_WORDS[fact.accommodation] : 'Not known', 'accommodation']);
  if (fact.accommodationSuitable !== undefined) rows.push(['Suitable', fact.accommodationSuitable ? 'Yes' : 'No', 'suitable']);
  return rows;
}

/** The status in a line, for the case page's history. */
export function lifeWords(fact: FactOf<'care-leaver-status'>): string {
  const parts: string[] = [IN_TOUCH_WORDS[fact.inTouch]];
  if (fact.activity) parts.push(ACTIVITY_WORDS[fact.activity]);
  if (fact.accommodation) parts.push(`${ACCOMMODATION_WORDS[fact.accommodation]}${fact.accommodationSuitable === undefined ? '' : fact.accommodationSuitable ? ' (suitable)' : ' (not suitable)'}`);
  return parts.join('; ');
}
