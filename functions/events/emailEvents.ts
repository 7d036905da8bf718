/**
 * SES send, bounce and complaint events (through SNS). An email that names
 * its send claim (a digest, invitation or reminder) has the claim marked
 * sent on SES's word (sendConfirmations.ts), whoever held it. A survey email's
 * tags name the young person it went to: their address is marked
 * unreachable, so later invitations and reminders go by text where they
 * have a mobile. Otherwise a member of staff's address is marked
 * undeliverable, so the sweep stops mailing it, and the council's admins
 * are told whose address needs fixing.
 */
import middy from '@middy/core';
import { withLogContext } from '#platform/log.js';
import type { SNSEvent } from 'aws-lambda';
import { sendClaims, store } from '#services/context.js';
import { sesSender } from '#email/sender.js';
import { handleEmailEvent } from '#services/emailEvents.js';
import { confirmEmailSent } from '#services/sendConfirmations.js';

export const handler = middy<SNSEvent, { marked: number; confirmed: number }>().use(withLogContext()).handler(async (event) => {
  let marked = 0;
  let confirmed = 0;
  for (const record of event.Records ?? []) {
    if (await confirmEmailSent(sendClaims(), record.Sns.Message)) confirmed += 1;
    marked += await handleEmailEvent(store(), sesSender(), record.Sns.Message);
  }
  return { marked, confirmed };
});
