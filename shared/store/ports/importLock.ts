/**
 * One import of a council's extract at a time. An import (the nightly
 * function, or `npm run import` with an extract folder) claims the lock
 * before it reads Kept's records and gives it back when it is done; two at
 * once would each compare the extract with what Kept held before the other
 * wrote, and add the same facts twice. A claim is a lease: a run that dies
 * holding it leaves it to be taken over once it expires.
 */
export interface ImportLockTerms {
  nowMs: number;
  /** How long the claim stands before another run may take it over. */
  leaseMs: number;
}

/** `claimed`: yours until `until`; `held`: another run (`holder`) has it until `until` (ms since the epoch). */
export type ImportLockOutcome = { claimed: true; until: number } | { claimed: false; holder: string; since: string; until: number };

export interface ImportLock {
  /** Claims the council's import lock for `holder` (who is running, for messages); the same holder may claim it again. */
  claim(councilId: string, holder: string, terms: ImportLockTerms): Promise<ImportLockOutcome>;
  /** Gives the lock back, if `holder` still has it. */
  release(councilId: string, holder: string): Promise<void>;
}
