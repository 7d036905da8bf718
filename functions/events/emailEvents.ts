/**
 * SES bounce and complaint notifications (through SNS). A survey email's
 * tags name the young person it went to: their address is marked
 * unreachable, so later invitations and reminders go by text where they
 * have a mobile. Otherwise a member of staff's address is marked
 * undeliverable, so the sweep stops mailing it, and the council's admins
 * are told whose address needs fixing.
 */
import middy from '@middy/core';
import { withLogContext } from '#platform/log.js';
import type { SNSEvent } from 'aws-lambda';
import { store } from '#services/context.js';
import { sesSender } from '#email/sender.js';
import { handleEmailEvent } from '#services/emailEvents.js';

export const handler = middy<SNSEvent, { marked: number }>().use(withLogContext()).handler(async (event) => {
  let marked = 0;
  for (const record of event.Records ?? []) {
    marked += await handleEmailEvent(store(), sesSender(), record.Sns.Message);
  }
  return { marked };
});
