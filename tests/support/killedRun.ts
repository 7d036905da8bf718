/**
 * A run killed part-way, as a process stopped mid-send would be: a sender
 * that passes each email on to `send` and, once the `n`th has gone, aborts the
 * signal the run was given. Pass both to the sweep or the dispatch.
 */
import type { SendEmail } from '#email/sender.js';

export function killedAfter(n: number, send: SendEmail): { send: SendEmail; signal: AbortSignal } {
  const killer = new AbortController();
  let sends = 0;
  return {
    signal: killer.signal,
    send: async (email) => {
      const id = await send(email);
      if (++sends === n) killer.abort();
      return id;
    },
  };
}
