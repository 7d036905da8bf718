/**
 * What a personal adviser learns of a care leaver's life, in the SSDA903
 * return's OC3 codes (the DfE's children looked after return: IN_TOUCH,
 * ACTIV, ACCOM), with their words. The accommodation is kept as its letter
 * and its suitability apart, as the SSD's ssd_care_leavers gives them; the
 * 903's ACCOM code is the two together (`U1`: independent living, suitable).
 * import/codes903.ts keeps the same lists for reading extracts, and a test
 * checks the two agree.
 */

/** IN_TOUCH: whether the council was in touch around the birthday, and if not, why. */
export const IN_TOUCH_CODES = ['YES', 'NO', 'DIED', 'REFU', 'NREQ', 'RHOM'] as const;
export type InTouchCode = (typeof IN_TOUCH_CODES)[number];

export const IN_TOUCH_WORDS: Record<InTouchCode, string> = {
  YES: 'In touch',
  NO: 'Not in touch',
  DIED: 'Has died',
  REFU: 'Refuses contact',
  NREQ: 'No longer needs services',
  RHOM: 'Returned home to parents or relatives for more than 6 months',
};

/**
 * ACTIV, the main activity. F3 and P3 (training or employment) were split
 * into F4/P4 (apprenticeships) and F5/P5 (other training or employment);
 * they are still read for older rows. The DfE's `0` (not known) is no code
 * here: the activity is left out.
 */
export const ACTIVITY_CODES = ['F1', 'P1', 'F2', 'P2', 'F4', 'P4', 'F5', 'P5', 'G4', 'G5', 'G6', 'F3', 'P3'] as const;
export type ActivityCode = (typeof ACTIVITY_CODES)[number];

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
export const CURRENT_ACTIVITY_CODES = ACTIVITY_CODES.filter((c) => c !== 'F3' && c !== 'P3');

/** In education, employment or training, as the DfE counts it: every activity but G4, G5 and G6. */
export function inEducationEmploymentOrTraining(activity: ActivityCode | undefined): boolean {
  return activity !== undefined && !activity.startsWith('G');
}

/** ACCOM's letter: the kind of accommodation. */
export const ACCOMMODATION_CODES = ['B', 'C', 'D', 'E', 'G', 'H', 'K', 'R', 'S', 'T', 'U', 'V', 'W', 'X', 'Y', 'Z'] as const;
export type AccommodationCode = (typeof ACCOMMODATION_CODES)[number];

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

