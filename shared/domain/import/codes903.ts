/**
 * SSDA903 code sets Kept maps (the DfE's children looked after return, as the
 * SSD specification repeats them), and what each means in Kept's terms.
 */
import type { LEFT_CARE_REASONS, PLACEMENT_ARRANGEMENTS } from '../facts.js';

type LeftCareReason = (typeof LEFT_CARE_REASONS)[number];
type Arrangement = (typeof PLACEMENT_ARRANGEMENTS)[number];

/** Reason episode ceased; `X1` (a new episode starts the same day) is not leaving care, so it maps to null. */
export const REASON_CEASED: Readonly<Record<string, LeftCareReason | null>> = {
  X1: null,
  E11: 'adopted',
  E12: 'adopted',
  E2: 'died',
  E3: 'transferred',
  E4A: 'returned-home',
  E4B: 'returned-home',
  E13: 'returned-home', // to parents or relatives without parental responsibility
  E41: 'child-arrangements-order',
  E45: 'special-guardianship',
  E46: 'special-guardianship',
  E47: 'special-guardianship',
  E48: 'special-guardianship',
  E5: 'independent-living',
  E6: 'independent-living',
  E17: 'staying-put', // 18 or over and remained with current carers
  E7: 'other', // adult social care
  E8: 'other',
  E9: 'other', // custody
  E14: 'other', // remand ended
  E15: 'other', // age assessed as 18 or over
  E16: 'other', // moved abroad
};

export interface PlacementMeaning {
  arrangement: Arrangement;
  /** Long-term fostering (U1, U4): the visit rule allows fewer visits (CPPCR reg 28(3)). */
  longTerm: boolean;
}

const p = (arrangement: Arrangement, longTerm = false): PlacementMeaning => ({ arrangement, longTerm });

/**
 * Placement type. P1 (with a parent) is read as a placement with a parent
 * under a care order; the SSDA903 reader makes it an interim order when the
 * legal status is C1. Temporary moves (T0 to T4) and the rest are `other`.
 */
export const PLACEMENT_TYPES: Readonly<Record<string, PlacementMeaning>> = {
  A3: p('other'), A4: p('other'), A5: p('other'), A6: p('other'), // placed for adoption
  H5: p('supported-accommodation'),
  K1: p('residential'), K2: p('residential'),
  P1: p('parent-care-order'),
  P2: p('supported-accommodation'), // independent living, with or without support
  P3: p('other'),
  R1: p('residential'), R2: p('other'), R3: p('residential'), R5: p('other'),
  S1: p('residential'),
  T0: p('other'), T1: p('other'), T2: p('other'), T3: p('other'), T4: p('other'),
  U1: p('connected-person', true), U2: p('connected-person'), U3: p('connected-person'),
  U4: p('foster', true), U5: p('foster'), U6: p('foster'),
  Z1: p('other'),
};

/**
 * Review participation. PN1 to PN6 (attending, or views conveyed through an
 * advocate or another medium) count as taking part, as the DfE counts it;
 * PN7 does not; PN0 (under 4) is left unknown.
 */
export const PARTICIPATION: Readonly<Record<string, boolean | null>> = {
  PN0: null,
  PN1: true,
  PN2: true,
  PN3: true,
  PN4: true,
  PN5: true,
  PN6: true,
  PN7: false,
};

/** Missing (M) or away from placement without authorisation (A). */
export const MISSING_TYPES: Readonly<Record<string, 'missing' | 'absent'>> = {
  M: 'missing',
  Missing: 'missing',
  A: 'absent',
  Absent: 'absent',
  Away: 'absent',
};
