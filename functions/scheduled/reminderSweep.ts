/**
 * The morning sweep, invoked by EventBridge Scheduler at 07:00 Europe/London
 * on weekdays; bank holidays are skipped by the engine's calendar.
 */
import middy from '@middy/core';
import { withLogContext } from '#platform/log.js';
import type { Context } from 'aws-lambda';
import { runSweep, sweepFailure } from '#services/sweep.js';
import { sendClaims, store } from '#services/context.js';
import { sesSender } from '#email/sender.js';
import { config, scheduledDay } from '#platform/config.js';

export interface SweepEvent {
  /** A date to sweep for, `YYYY-MM-DD`; defaults to today in London. */
  date?: string;
}

export const handler = middy<SweepEvent, Awaited<ReturnType<typeof runSweep>>, Error, Context>().use(withLogContext()).handler(async (event, context) => {
  const signal = new AbortController();
  // Stop starting new digests 20 s before Lambda would kill us; the rest go on the retry.
  const remaining = typeof context?.getRemainingTimeInMillis === 'function' ? context.getRemainingTimeInMillis() : Infinity;
  const timer = Number.isFinite(remaining) ? setTimeout(() => signal.abort(), Math.max(0, remaining - 20_000)) : undefined;
  try {
    const report = await runSweep({
      store: store(),
      claims: sendClaims(),
      councilId: config.councilId,
      today: scheduledDay(event),
      send: sesSender(),
      appUrl: config.appUrl,
      signal: signal.signal,
    });
    // Failing the invocation (after the rest is done) sends it back to the retries (the markers make a rerun
    // send only what is missing; a digest another run held is sent once its lease is over) and, after those,
    // to the dead-letter queue, where an alarm is raised.
    const failure = sweepFailure(report);
    if (failure) throw new Error(failure);
    return report;
  } finally {
    clearTimeout(timer);
  }
});
