/**
 * An extract import runs under the council's import lock
 * (shared/store/ports/importLock.ts): claimed before the import reads or
 * writes anything, given back when it ends, however it ends. A run that
 * finds the lock held imports nothing and fails with ImportInProgress.
 */
import type { ImportLock } from '#store/ports/importLock.js';

/**
 * How long a claim stands: longer than any import runs (the import
 * function's timeout is 15 minutes, infra/cdk/keptStack.ts), so a live run
 * never loses the lock; a run that died holding it blocks the next for at
 * most this long.
 */
export const IMPORT_LEASE_MS = 20 * 60 * 1000;

export class ImportInProgress extends Error {
  override readonly name = 'ImportInProgress';

  constructor(
    readonly holder: string,
    readonly since: string,
    readonly until: string,
  ) {
    super(`another import is running (${holder}, since ${since}), so this one imported nothing; try again when it has finished (its lock runs out at ${until} if it has stopped)`);
  }
}

export interface LockOptions {
  /** Who is running, as the refused run's message names it. */
  holder: string;
  nowMs?: () => number;
  leaseMs?: number;
}

export async function underImportLock<T>(lock: ImportLock, councilId: string, options: LockOptions, run: () => Promise<T>): Promise<T> {
  const { holder } = options;
  const claim = await lock.claim(councilId, holder, { nowMs: (options.nowMs ?? Date.now)(), leaseMs: options.leaseMs ?? IMPORT_LEASE_MS });
  if (!claim.claimed) throw new ImportInProgress(claim.holder, claim.since, new Date(claim.until).toISOString());
  let result: T;
  try {
    result = await run();
  } catch (error) {
    // The import's own failure is what the caller needs to see; a failed release only leaves the lease to run out.
    await lock.release(councilId, holder).catch(() => undefined);
    throw error;
  }
  await lock.release(councilId, holder);
  return result;
}
