/**
 * The value labels of Ofsted's Annex A template (lists 8 and 9), keyed by
 * the code a case system or the SSDA903 return uses. Each label is written
 * exactly as the template's drop-down gives it (as reproduced in
 * liia-tools' Annex_A_schema.yml, vendored under tests/fixtures/annex-a),
 * so a council's own spreadsheet and the sector's cleaners read it as that
 * value. A code with no label here is written as it came, for the council
 * to see and correct.
 */

export const YES = 'a) Yes';
export const NO = 'b) No';
export const UNKNOWN = 'c) Unknown';

/** Sex as the SSD (pers_sex) and the CIN census have it: M, F, U (not stated or not recorded), N (neither). */
export const GENDER: Readonly<Record<string, string>> = {
  M: 'a) Male',
  F: 'b) Female',
  U: 'c) Not stated/recorded',
  N: 'd) Neither',
};

/** The DfE ethnicity codes. */
export const ETHNICITY: Readonly<Record<string, string>> = {
  WBRI: 'a) WBRI', WIRI: 'b) WIRI', WIRT: 'c) WIRT', WOTH: 'd) WOTH', WROM: 'e) WROM',
  MWBC: 'f) MWBC', MWBA: 'g) MWBA', MWAS: 'h) MWAS', MOTH: 'i) MOTH',
  AIND: 'j) AIND', APKN: 'k) APKN', ABAN: 'l) ABAN', AOTH: 'm) AOTH',
  BCRB: 'n) BCRB', BAFR: 'o) BAFR', BOTH: 'p) BOTH', CHNE: 'q) CHNE', OOTH: 'r) OOTH',
  REFU: 's) REFU', NOBT: 's) NOBT',
};

/** The category of need (SSDA903 CIN codes N1 to N9, N0 not stated). */
export const NEED: Readonly<Record<string, string>> = {
  N1: 'N1 - Abuse or neglect',
  N2: "N2 - Child's disability",
  N3: 'N3 - Parental disability or illness',
  N4: 'N4 - Family in acute stress',
  N5: 'N5 - Family dysfunction',
  N6: 'N6 - Socially unacceptable behaviour',
  N7: 'N7 - Low income',
  N8: 'N8 - Absent parenting',
  N9: 'N9 - Cases other than children in need',
  N0: 'N0 - Not stated',
};

/** SSDA903 legal status codes. */
export const LEGAL_STATUS: Readonly<Record<string, string>> = {
  C1: 'C1: ICO',
  C2: 'C2: FCO',
  D1: 'D1: Freeing order',
  E1: 'E1: Placement order',
  V2: 'V2: Single period under S20',
  L1: 'L1: Police protection LA accommodation',
  L2: 'L2: EPO',
  L3: 'L3: Child assessment order LA accommodation',
  J1: 'J1: Remanded to LA or youth detention',
  J2: 'J2: LA accommodation under PACE',
  J3: 'J3: Youth rehabilitation order',
  V3: 'V3: Short term breaks, episodes recorded',
  V4: 'V4: Short term breaks, agreements recorded',
};

/** The permanence plan, in Kept's words. */
export const PERMANENCE_PLANS = [
  'return-to-family', 'adoption', 'sgo-or-cao', 'supported-living', 'long-term-residential', 'long-term-fostering', 'other',
] as const;
export type PermanencePlan = (typeof PERMANENCE_PLANS)[number];
export const PERMANENCE: Readonly<Record<PermanencePlan, string>> = {
  'return-to-family': 'a) Return to family',
  adoption: 'b) Adoption',
  'sgo-or-cao': 'c) SGO/CAO',
  'supported-living': 'd) Supported living in the community',
  'long-term-residential': 'e) Long-term residential placement',
  'long-term-fostering': 'f) Long-term fostering',
  other: 'g) other',
};

/** SSDA903 reasons episode ceased. */
export const REASON_CEASED: Readonly<Record<string, string>> = {
  E11: 'a) E11: Adopted - application unopposed',
  E12: 'b) E12: Adopted - consent dispensed',
  E2: 'c) E2: Died',
  E3: 'd) E3: Care taken by another LA',
  E4A: 'e) E4A: Returned home to live with parents or relatives - part of planning',
  E4B: 'f) E4B: Returned home to live with parents or relatives - not part of planning',
  E13: 'g) E13: Parents, relatives or other with no parental responsibility',
  E41: 'h) E41: Residence order granted',
  E45: 'i) E45: Special Guardianship Orders - former carer relative/friend',
  E46: 'j) E46: Special Guardianship Orders - former carer other',
  E47: 'k) E47: Special Guardianship Orders - relative/friend',
  E48: 'l) E48: Special Guardianship Orders - other',
  E5: 'm) E5: Moved into independent living - supported',
  E6: 'n) E6: Moved into independent living - no support',
  E7: 'o) E7: Transferred to residential care funded by adult social services',
  E9: 'p) E9: Sentenced to custody',
  E14: 'q) E14: Accommodation on remand ended',
  E15: 'r) E15: Age assessment determined child was 18 or over',
  E16: 's) E16: Child moved abroad',
  E8: 't) E8: Care ceased for any other reason',
  E17: 'v) E17: Aged 18+ and remained with current carers',
};

/** SSDA903 placement types. */
export const PLACEMENT_TYPE: Readonly<Record<string, string>> = {
  U1: 'a) U1: Foster placement - relatives - long term',
  U2: 'b) U2: Foster placement - relative - FFA',
  U3: 'c) U3: Foster placement - relative - not FFA',
  U4: 'd) U4: Foster placement - long term',
  U5: 'e) U5: Foster placement - FFA',
  U6: 'f) U6: Foster placement - not FFA',
  A3: 'g) A3: Placed for adoption - consent - current foster',
  A4: 'h) A4: Placed for adoption - consent - not foster',
  A5: 'i) A5: Placed for adoption - order - foster',
  A6: 'j) A6: Placed for adoption - order - not foster',
  P1: 'k) P1: Placed with parents',
  P2: 'l) P2: Independent living',
  P3: 'm) P3: Residential employment',
  H5: 'n) H5: Residential accommodation',
  K1: "o) K1: Secure Children's Homes",
  K2: "p) K2: Children's Homes",
  R1: 'q) R1: Residential Care Home',
  R2: 'r) R2: NHS/Health Trust',
  R3: 's) R3: Family Centre or Mother and Baby Unit',
  R5: 't) R5: Young Offender Institution',
  S1: 'u) S1: Residential school',
  Z1: 'v) Z1: Other placements',
  T0: 'w) T0: Temporary placement',
  T1: 'x) T1: Temporary placement - hospital',
  T2: 'y) T2: Temporary placement - holiday',
  T3: 'z) T3: Temporary placement - carer holiday',
  T4: 'zz) T4: Temporary placement - seven days or less',
};

/** SSDA903 placement provider codes. */
export const PROVIDER: Readonly<Record<string, string>> = {
  PR0: 'a) PR0: Parents/Parental responsibility',
  PR1: 'b) PR1: Own provision',
  PR2: 'c) PR2: Other LA provision',
  PR3: 'd) PR3: Other public provision',
  PR4: 'e) PR4: Private provision',
  PR5: 'f) PR5: Voluntary/third sector',
};

/** LA of placement outside England; an English council is written by its name. */
export const LA_OUTSIDE_ENGLAND: Readonly<Record<string, string>> = {
  NIR: 'NIR - Child placed in Northern Ireland',
  WAL: 'WAL - Child placed in Wales',
  SCO: 'SCO - Child placed in Scotland',
  NUK: 'NUK - Child placed outside the UK',
  CON: 'CON - Child placed in confidential placement',
};

/** The care leaver eligibility categories (Children Act 1989 s23A, Sch 2 paras 19B and 19C, s24). */
export const ELIGIBILITY = {
  relevant: 'a) Relevant child',
  formerRelevant: 'b) Former relevant child',
  qualifying: 'c) Qualifying care leaver',
  eligible: 'd) Eligible child',
} as const;

/** SSDA903 care leaver in-touch codes (the SSD gives Y and N as well). */
export const IN_TOUCH: Readonly<Record<string, string>> = {
  YES: 'a) Yes', Y: 'a) Yes',
  NO: 'b) No', N: 'b) No',
  DIED: 'c) Died',
  REFU: 'd) Refu',
  NREQ: 'e) NREQ',
  RHOM: 'f) Rhom',
};

/** SSDA903 care leaver accommodation codes (the letter; the digit after it is suitability). */
export const ACCOMMODATION: Readonly<Record<string, string>> = {
  B: 'B: Parents/relatives',
  C: 'C: Community home/residential care',
  D: 'D: Semi-independent, transitional accommodation and self-contained accommodation',
  E: 'E: Supported lodgings',
  G: 'G: Abroad',
  H: 'H: Deported',
  K: 'K: Ordinary lodgings, without formal support',
  R: 'R: Residence not known',
  S: 'S: No fixed adobe/homeless',
  T: 'T: Foyers and similar supported accommodation',
  U: 'U: Independent living',
  V: 'V: Emergency accommodation',
  W: 'W: Bed and breakfast',
  X: 'X: In custody',
  Y: 'Y: Other accommodation',
  Z: 'Z: With former foster carers',
};

export const SUITABLE = 'a) Suitable';
export const UNSUITABLE = 'b) Unsuitable';

/** SSDA903 care leaver activity codes. */
export const ACTIVITY: Readonly<Record<string, string>> = {
  F1: 'F1: Full time in higher education',
  P1: 'P1: Part time in higher education',
  F2: 'F2: Full time in education other than higher',
  P2: 'P2: Part time in education other than higher',
  F3: 'F3: Full time in training or employment',
  P3: 'P3: Part time in training or employment',
  F4: 'F4: Young person engaged full time in an apprenticeship',
  P4: 'P4: Young person engaged part time in an apprenticeship',
  F5: 'F5: Young person engaged full time in training or employment (not apprenticeship)',
  P5: 'P5: Young person engaged part time in training or employment (not apprenticeship)',
  G4: 'G4: Not in education, employment or training - illness or disability',
  G5: 'G5: Not in education, employment or training - other',
  G6: 'G6: Not in education, employment or training - pregnancy or parenting',
};

/** The label for a code, or the code as it came when the template has no label for it. */
export function labelOf(labels: Readonly<Record<string, string>>, code: string | undefined): string | null {
  if (code === undefined) return null;
  const key = code.trim().toUpperCase();
  if (key === '') return null;
  return Object.hasOwn(labels, key) ? labels[key]! : code.trim();
}
