/**
 * The morning sweep, invoked by EventBridge Scheduler at 07:00 Europe/London
 * on weekdays; bank holidays are skipped by the engine's calendar.
 */
import middy from '@middy/core';
import { withLogContext } from '#platform/log.js';
import type { Context } from 'aws-lambda';
import { runSweep } from '#services/sweep.js';
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
    // Failing the invocation sends it back to Lambda's retries (the markers make a rerun send only
    // what is missing) and, after those, to the dead-letter queue, where an alarm is raised.
    if (report.failed > 0) throw new Error(`${report.failed} digest(s) could not be sent for ${report.today}`);
    return report;
  } finally {
    clearTimeout(timer);
  }
});
