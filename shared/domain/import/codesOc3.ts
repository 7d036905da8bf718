/**
 * The SSDA903 OC3 lists (care leavers: IN_TOUCH, ACTIV, ACCOM), part of
 * codes903.ts's lists, kept here with nothing of facts.ts so that the fact
 * schemas can take their codes (careLeaverCodes.ts) without a cycle.
 */
import { asCodes, type CodeList } from './codeList.js';

/** A care leaver's contact with the council (OC3 IN_TOUCH). */
export const IN_TOUCH = {
  field: 'IN_TOUCH',
  codes: asCodes(['YES', 'NO', 'DIED', 'REFU', 'NREQ', 'RHOM']),
  unknown: { meaning: '', reading: 'not kept' },
} satisfies CodeList<string>;

/**
 * A care leaver's main activity (OC3 ACTIV): F full-time, P part-time; 0 not
 * known. F3 and P3 (training or employment) were split into F4/P4
 * (apprenticeships) and F5/P5 (other training or employment): they are in none
 * of the validator's lists (2022-23 is its earliest), so they are marked as
 * last valid in 2021-22 and still read for older rows.
 */
export const ACTIVITY = {
  field: 'ACTIV',
  codes: asCodes(['F1', 'P1', 'F2', 'P2', 'F4', 'P4', 'F5', 'P5', 'G4', 'G5', 'G6', 'F3', 'P3', '0'], { F3: '2021-22', P3: '2021-22' }),
  unknown: { meaning: '', reading: 'not kept' },
} satisfies CodeList<string>;

/**
 * A care leaver's accommodation (OC3 ACCOM): a letter for the kind and 1
 * (suitable) or 2 (not suitable); 0 not known.
 */
export const ACCOMMODATION = {
  field: 'ACCOM',
  codes: asCodes([
    'B1', 'B2', 'C1', 'C2', 'D1', 'D2', 'E1', 'E2', 'G1', 'G2', 'H1', 'H2', 'K1', 'K2', 'R1', 'R2', 'S2', 'T1', 'T2', 'U1', 'U2', 'V1', 'V2', 'W1', 'W2', 'X2', 'Y1', 'Y2', 'Z1', 'Z2', '0',
  ]),
  unknown: { meaning: '', reading: 'not kept' },
} satisfies CodeList<string>;
