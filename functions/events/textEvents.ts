/**
 * Text events from AWS End User Messaging SMS (through SNS). A text that
 * names its send claim has the claim marked sent on the service's word
 * (sendConfirmations.ts), whoever held it; on a permanent delivery failure
 * the young person's number is marked unreachable, so they are invited by
 * email instead where they have an address.
 */
import middy from '@middy/core';
import type { SNSEvent } from 'aws-lambda';
import { sendClaims, store } from '#services/context.js';
import { handleTextEvent } from '#services/textEvents.js';
import { confirmTextSent } from '#services/sendConfirmations.js';

export const handler = middy<SNSEvent, { marked: number; confirmed: number }>().handler(async (event) => {
  let marked = 0;
  let confirmed = 0;
  for (const record of event.Records ?? []) {
    if (await confirmTextSent(sendClaims(), record.Sns.Message)) confirmed += 1;
    if (await handleTextEvent(store(), record.Sns.Message)) marked += 1;
  }
  return { marked, confirmed };
});
