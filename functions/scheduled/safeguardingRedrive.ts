/** Every 5 minutes: safeguarding emails left unsent after their lease (a run killed, a send given back) go now. */
import middy from '@middy/core';
import { withLogContext } from '#platform/log.js';
import type { Context } from 'aws-lambda';
import { redriveFailure, redriveSafeguarding, type RedriveReport } from '#services/safeguardingRedrive.js';
import { sendClaims, store } from '#services/context.js';
import { sesSender } from '#email/sender.js';
import { config } from '#platform/config.js';

export const handler = middy<{ nowMs?: number }, RedriveReport, Error, Context>().use(withLogContext()).handler(async (event) => {
  const report = await redriveSafeguarding({
    store: store(),
    claims: sendClaims(),
    send: sesSender(),
    councilId: config.councilId,
    safeguardingEmail: config.safeguardingEmail,
    ...(typeof event?.nowMs === 'number' ? { nowMs: () => event.nowMs! } : {}),
  });
  // Thrown after the rest is done: the error alarm fires, and the entries left are tried on the next run.
  const failure = redriveFailure(report);
  if (failure) throw new Error(failure);
  return report;
});
