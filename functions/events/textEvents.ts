/**
 * Permanent text delivery failures from AWS End User Messaging SMS (through
 * SNS): the young person's number is marked unreachable, so they are
 * invited by email instead where they have an address.
 */
import middy from '@middy/core';
import type { SNSEvent } from 'aws-lambda';
import { store } from '#services/context.js';
import { handleTextEvent } from '#services/textEvents.js';

export const handler = middy<SNSEvent, { marked: number }>().handler(async (event) => {
  let marked = 0;
  for (const record of event.Records ?? []) {
    if (await handleTextEvent(store(), record.Sns.Message)) marked += 1;
  }
  return { marked };
});
