/**
 * What a personal adviser learns of a care leaver's life, in the SSDA903
 * return's OC3 codes (the DfE's children looked after return: IN_TOUCH,
 * ACTIV, ACCOM), with their words. The accommodation is kept as its letter
 * and its suitability apart, as the SSD's ssd_care_leavers gives them; the
 * 903's ACCOM code is the two together (`U1`: independent living, suitable).
 * The codes come from the import's OC3 lists (import/codesOc3.ts), without
 * `0` (not known), and ACCOM as its letters; only their words are here.
 */
import { CODE_LIST_YEAR, codesIn } from './import/codeList.js';
import { ACCOMMODATION, ACTIVITY, IN_TOUCH } from './import/codesOc3.js';

/** IN_TOUCH: whether the council was in touch around the birthday, and if not, why. */
export type InTouchCode = keyof typeof IN_TOUCH.codes;
export const IN_TOUCH_CODES = Object.keys(IN_TOUCH.codes) as [InTouchCode, ...InTouchCode[]];

export const IN_TOUCH_WORDS: Record<InTouchCode, string> = {
  YES: 'In touch',
  NO: 'Not in touch',
  DIED: 'Has died',
  REFU: 'Refuses contact',
  NREQ: 'No longer needs services',
  RHOM: 'Returned home to parents or relatives for more than 6 months',
};

/**
 * ACTIV, the main activity, the retired F3 and P3 included (older rows). The
 * DfE's `0` (not known) is no code here: the activity is left out.
 */
export type ActivityCode = Exclude<keyof typeof ACTIVITY.codes, '0'>;
export const ACTIVITY_CODES = Object.keys(ACTIVITY.codes).filter((c) => c !== '0') as [ActivityCode, ...ActivityCode[]];

export const ACTIVITY_WORDS: Record<ActivityCode, string> = {
  F1: 'Full-time in higher education',
  P1: 'Part-time in higher education',
  F2: 'Full-time in education other than higher education',
  P2: 'Part-time in education other than higher education',
  F4: 'Full-time in an apprenticeship',
  P4: 'Part-time in an apprenticeship',
  F5: 'Full-time in training or employment (not an apprenticeship)',
  P5: 'Part-time in training or employment (not an apprenticeship)',
  G4: 'Not in education, employment or training: illness or disability',
  G5: 'Not in education, employment or training: other reasons',
  G6: 'Not in education, employment or training: pregnancy or parenting',
  F3: 'Full-time in training or employment',
  P3: 'Part-time in training or employment',
};

/** The codes the record page offers: the current year's, without the retired F3 and P3. */
export const CURRENT_ACTIVITY_CODES = codesIn(ACTIVITY, CODE_LIST_YEAR).filter((c) => c !== '0') as ActivityCode[];

/** In education, employment or training, as the DfE counts it: every activity but G4, G5 and G6. */
export function inEducationEmploymentOrTraining(activity: ActivityCode | undefined): boolean {
  return activity !== undefined && !activity.startsWith('G');
}

/** ACCOM's letter: the kind of accommodation. */
export type AccommodationCode = keyof typeof ACCOMMODATION.codes extends infer C ? (C extends `${infer L}${'1' | '2'}` ? L : never) : never;
export const ACCOMMODATION_CODES = [...new Set(Object.keys(ACCOMMODATION.codes).filter((c) => c !== '0').map((c) => c[0]!))] as [AccommodationCode, ...AccommodationCode[]];

export const ACCOMMODATION_WORDS: Record<AccommodationCode, string> = {
  B: 'With parents or relatives',
  C: 'Community home or other residential care',
  D: 'Semi-independent, transitional or self-contained accommodation',
  E: 'Supported lodgings',
  G: 'Abroad',
  H: 'Deported',
  K: 'Ordinary lodgings, without formal support',
  R: 'Residence not known',
  S: 'No fixed abode or homeless',
  T: 'Foyer or similar supported accommodation',
  U: 'Independent living',
  V: 'Emergency accommodation',
  W: 'Bed and breakfast',
  X: 'In custody',
  Y: 'Other accommodation',
  Z: 'With former foster carers',
};

