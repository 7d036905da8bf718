/**
 * What the killed-process scripts (killedSweep, killedDispatch, killedTell)
 * share: claims and sends that SIGKILL their own process (nothing runs after
 * it) at the `n`th claim taken (`after-claim`) or the `n`th message gone
 * (`after-send`), counting only what `counts` keeps.
 */
import type { SendClaims, SendKey } from '#store/ports/sendClaims.js';

export type KillPoint = 'after-claim' | 'after-send';

const die = (): never => {
  process.kill(process.pid, 'SIGKILL');
  throw new Error('unreachable: killed');
};

/** Claims that kill the process once the `n`th claim that `counts` keeps is written. */
export function dyingClaims(claims: SendClaims, point: KillPoint, n: number, counts: (key: SendKey) => boolean = () => true): SendClaims {
  let claimed = 0;
  return {
    ...claims,
    async claim(key, terms) {
      const outcome = await claims.claim(key, terms);
      if (outcome === 'claimed' && counts(key) && ++claimed === n && point === 'after-claim') die();
      return outcome;
    },
  };
}

/** A counter of messages gone that kills the process at the `n`th, after it has gone. */
export function dyingAfterSend(point: KillPoint, n: number): () => void {
  let sent = 0;
  return () => {
    if (++sent === n && point === 'after-send') die();
  };
}
