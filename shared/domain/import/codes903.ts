/**
 * SSDA903 code lists (the DfE's children looked after return, which the SSD
 * specification repeats), kept as data with the collection years each code is
 * valid for, and what each means in Kept's terms.
 *
 * Source: the DfE's validation rules as data-to-insight/csc-validator-be-903
 * holds them (`lac_validator/rules/lac2025_26` and the earlier years it
 * inherits; vendored as data in tests/fixtures/ssda903-codes, and a test
 * checks every list here against it). `CODE_LIST_YEAR` is the year the lists
 * are current for. A code the DfE has retired is still read (a historic row
 * keeps its meaning) and its `until` says the last year it was valid.
 *
 * A code in no list never stops an import: `readCode` gives the strictest
 * reading that fits (the `unknown` of each list) and the import report lists
 * the row with its file, line and code.
 */
import type { LEFT_CARE_REASONS, PLACEMENT_ARRANGEMENTS } from '../facts.js';
import { all, asCodes, type CodeList } from './codeList.js';
import { ACCOMMODATION, ACTIVITY, IN_TOUCH } from './codesOc3.js';

export { CODE_LIST_YEAR, type CodeList, codesIn, lookUp } from './codeList.js';
export { ACCOMMODATION, ACTIVITY, IN_TOUCH } from './codesOc3.js';

type LeftCareReason = (typeof LEFT_CARE_REASONS)[number];
type Arrangement = (typeof PLACEMENT_ARRANGEMENTS)[number];

/** Reason episode ceased; `X1` (a new episode starts the same day) is not leaving care, so it maps to null. */
export const REASON_CEASED: CodeList<LeftCareReason | null> = {
  field: 'REC',
  codes: all<LeftCareReason | null>({
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
  }),
  // The episode has a ceased date, so it ended; 'other' keeps the care leaver's duties that follow.
  unknown: { meaning: 'other', reading: 'read as leaving care for another reason' },
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
 * legal status is C1. Temporary moves (T0 to T4) and the rest are `other`,
 * which has the ordinary visits of CPPCR reg 28(2).
 *
 * Changes by year: K3 (supported accommodation, registered under the
 * Supported Accommodation (England) Regulations 2023) from 2024-25, where H5
 * (semi-independent living) was before it; P2 (independent living) not valid
 * for placements from 28 October 2023 and gone from the 2025-26 list; Z1
 * (other placements) split into Z11 to Z14 from 2025-26.
 */
export const PLACEMENT_TYPES: CodeList<PlacementMeaning> = {
  field: 'PLACE',
  codes: {
    ...all({
      A3: p('other'), A4: p('other'), A5: p('other'), A6: p('other'), // placed for adoption
      K1: p('residential'), K2: p('residential'),
      P1: p('parent-care-order'),
      P3: p('other'),
      R1: p('residential'), R2: p('other'), R3: p('residential'), R5: p('other'),
      S1: p('residential'),
      T0: p('other'), T1: p('other'), T2: p('other'), T3: p('other'), T4: p('other'),
      U1: p('connected-person', true), U2: p('connected-person'), U3: p('connected-person'),
      U4: p('foster', true), U5: p('foster'), U6: p('foster'),
    }),
    K3: { meaning: p('supported-accommodation'), since: '2024-25' },
    H5: { meaning: p('supported-accommodation'), until: '2024-25' },
    P2: { meaning: p('supported-accommodation'), until: '2024-25' }, // independent living, with or without support
    Z1: { meaning: p('other'), until: '2024-25' },
    Z11: { meaning: p('other'), since: '2025-26' },
    Z12: { meaning: p('other'), since: '2025-26' },
    Z13: { meaning: p('other'), since: '2025-26' },
    Z14: { meaning: p('other'), since: '2025-26' },
  },
  unknown: { meaning: p('other'), reading: 'read as an ordinary placement: visits at the ordinary 6-weekly interval (CPPCR reg 28(2))' },
};

/**
 * Legal status. V3 and V4 are a series of short breaks (accommodated under
 * s20(4) of the Children Act 1989): CPPCR 2010 regulation 48 applies the
 * regulations with its modifications (visits and reviews within 3 months,
 * then 6-monthly; no health assessment or placement plan), so a placement
 * under them is `short-breaks`. Every other status is ordinary care.
 */
export const LEGAL_STATUS: CodeList<'ordinary' | 'short-breaks'> = {
  field: 'LS',
  codes: all({
    C1: 'ordinary', // interim care order
    C2: 'ordinary', // full care order
    D1: 'ordinary', // freeing order
    E1: 'ordinary', // placement order
    V2: 'ordinary', // single period of accommodation under s20
    V3: 'short-breaks', // series of short breaks, individual episodes recorded
    V4: 'short-breaks', // series of short breaks, agreements recorded
    J1: 'ordinary', J2: 'ordinary', J3: 'ordinary', // youth justice remand and sentences
    L1: 'ordinary', L2: 'ordinary', L3: 'ordinary', // police protection, emergency protection, child assessment orders
  }),
  unknown: { meaning: 'ordinary', reading: 'read as ordinary care (not short breaks), so the ordinary timescales apply' },
};

/**
 * Reason for new episode: S starts a period of care; S, P, T, B and U a new
 * placement; L, B and U a new legal status.
 */
export const REASON_NEW_EPISODE: CodeList<string> = {
  field: 'RNE',
  codes: all({ S: 'S', P: 'P', L: 'L', T: 'T', U: 'U', B: 'B' }),
  unknown: { meaning: 'B', reading: 'read as B, a new placement and legal status together (a visit is due within a week)' },
};

/**
 * Review participation. PN1 to PN6 (attending, or views conveyed through an
 * advocate or another medium) count as taking part, as the DfE counts it;
 * PN7 does not; PN0 (under 4) is left unknown.
 */
export const PARTICIPATION: CodeList<boolean | null> = {
  field: 'REVIEW_CODE',
  codes: all<boolean | null>({ PN0: null, PN1: true, PN2: true, PN3: true, PN4: true, PN5: true, PN6: true, PN7: false }),
  unknown: { meaning: null, reading: 'read as not known whether the child took part' },
};

/** Missing (M) or away from placement without authorisation (A); case systems' words too. */
export const MISSING_TYPES: CodeList<'missing' | 'absent'> = {
  field: 'MISSING',
  codes: all<'missing' | 'absent'>({ M: 'missing', MISSING: 'missing', A: 'absent', ABSENT: 'absent', AWAY: 'absent' }),
  unknown: { meaning: 'missing', reading: 'read as missing, so a return home interview is owed' },
};

/** Category of need (the episode's CIN, the SSD's clae_cla_primary_need_code), kept as the code. */
export const NEED_CODES: CodeList<string> = {
  field: 'CIN',
  codes: asCodes(['N1', 'N2', 'N3', 'N4', 'N5', 'N6', 'N7', 'N8']),
  unknown: { meaning: '', reading: 'not kept' },
};

/** Placement provider (PR0 to PR5), kept as the code. */
export const PLACEMENT_PROVIDERS: CodeList<string> = {
  field: 'PLACE_PROVIDER',
  codes: asCodes(['PR0', 'PR1', 'PR2', 'PR3', 'PR4', 'PR5']),
  unknown: { meaning: '', reading: 'not kept' },
};

/** Reason for placement change, kept as the code. */
export const PLACEMENT_CHANGE_REASONS: CodeList<string> = {
  field: 'REASON_PLACE_CHANGE',
  codes: asCodes(['CARPL', 'CLOSE', 'ALLEG', 'STAND', 'APPRR', 'CREQB', 'CREQO', 'CHILD', 'LAREQ', 'PLACE', 'CUSTOD', 'OTHER']),
  unknown: { meaning: '', reading: 'not kept' },
};

/** Every list, by the SSDA903 field it codes. */
export const CODE_LISTS = {
  PLACE: PLACEMENT_TYPES,
  LS: LEGAL_STATUS,
  RNE: REASON_NEW_EPISODE,
  REC: REASON_CEASED,
  REVIEW_CODE: PARTICIPATION,
  MISSING: MISSING_TYPES,
  CIN: NEED_CODES,
  PLACE_PROVIDER: PLACEMENT_PROVIDERS,
  REASON_PLACE_CHANGE: PLACEMENT_CHANGE_REASONS,
  IN_TOUCH,
  ACTIV: ACTIVITY,
  ACCOM: ACCOMMODATION,
} as const;
