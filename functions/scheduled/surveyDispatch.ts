/** Daily at 09:00 Europe/London: open, remind and close survey campaigns. */
import middy from '@middy/core';
import { withLogContext } from '#platform/log.js';
import type { Context } from 'aws-lambda';
import { dispatchFailure, runSurveyDispatch, type DispatchReport } from '#services/surveyDispatch.js';
import { sendClaims, store, surveyStore } from '#services/context.js';
import { sesSender } from '#email/sender.js';
import { smsSender } from '#email/textSender.js';
import { config, scheduledDay } from '#platform/config.js';

export const handler = middy<{ date?: string }, DispatchReport, Error, Context>().use(withLogContext()).handler(async (event, context) => {
  const signal = new AbortController();
  // Stop starting new emails 20 s before Lambda would kill us; the rest go on the retry.
  const remaining = typeof context?.getRemainingTimeInMillis === 'function' ? context.getRemainingTimeInMillis() : Infinity;
  const timer = Number.isFinite(remaining) ? setTimeout(() => signal.abort(), Math.max(0, remaining - 20_000)) : undefined;
  try {
    const today = scheduledDay(event);
    const report = await runSurveyDispatch({
      store: store(),
      surveys: surveyStore(),
      claims: sendClaims(),
      councilId: config.councilId,
      today,
      send: sesSender(),
      sendText: smsSender(),
      appUrl: config.appUrl,
      signal: signal.signal,
    });
    // As with the sweep: a failed invocation is retried (the claims make a rerun send only what is
    // missing) and then dead-lettered, where an alarm is raised.
    const failure = dispatchFailure(report);
    if (failure) throw new Error(`${failure} for ${today}`);
    return report;
  } finally {
    clearTimeout(timer);
  }
});
