/**
 * The provider's word that it accepted a message: SES's send event (any
 * event of an email, which SES publishes only for what it accepted) and
 * End User Messaging SMS's text events carry back the claim the message
 * named (an SES tag, a text's Context: claimRef.ts), and the claim is marked
 * sent with the provider's message id, whichever run holds it. So a run that
 * died after the send and before marking it leaves nothing for the next run
 * to send again, provided the event arrives within the claim's lease.
 */
import * as z from 'zod/mini';
import { claimOfTags, idOfTagValue } from '#email/messageTags.js';
import type { SendClaims } from '#store/ports/sendClaims.js';
import { log } from '#platform/log.js';
import { claimOfRef } from './claimRef.js';

const emailEvent = z.object({ mail: z.object({ messageId: z.string().check(z.minLength(1)), tags: z.optional(z.unknown()) }) });
const textEvent = z.object({ messageId: z.string().check(z.minLength(1)), context: z.optional(z.record(z.string(), z.unknown())) });

async function confirm(claims: Pick<SendClaims, 'confirmSent'>, ref: string | null, messageId: string, by: 'email' | 'text'): Promise<boolean> {
  const key = ref === null ? null : claimOfRef(ref);
  if (!key) return false;
  const marked = await claims.confirmSent(key, messageId);
  // A line per message only at debug: every message sends one event, and the runs' own reports count them.
  if (marked) log.debug('send claim marked sent by the provider', { councilId: key.councilId, kind: key.kind, by });
  return marked;
}

function parsed<T>(schema: z.ZodMiniType<T>, message: string): T | null {
  try {
    return schema.parse(JSON.parse(message));
  } catch {
    return null;
  }
}

/** True when an SES event (the SNS message's text) marked the claim its email named. */
export async function confirmEmailSent(claims: Pick<SendClaims, 'confirmSent'>, message: string): Promise<boolean> {
  const event = parsed(emailEvent, message);
  if (!event) return false;
  return confirm(claims, claimOfTags(event.mail.tags), event.mail.messageId, 'email');
}

/** True when a text event (the SNS message's text) marked the claim its text named in `context.claim`. */
export async function confirmTextSent(claims: Pick<SendClaims, 'confirmSent'>, message: string): Promise<boolean> {
  const event = parsed(textEvent, message);
  const value = event?.context?.claim;
  if (!event || typeof value !== 'string') return false;
  return confirm(claims, idOfTagValue(value), event.messageId, 'text');
}
