/**
 * What to do when AWS End User Messaging SMS says a text could not be
 * delivered for good: the number is marked unreachable on the young
 * person's record, so later invitations and reminders go by email if they
 * have an address (as a bounced staff address stops their digests).
 */
import * as z from 'zod/mini';
import type { CaseStore } from '#store/ports/cases.js';
import { log } from '#platform/log.js';
import { UNREACHABLE_TEXT_EVENTS } from '#domain/contact.js';

const textEvent = z.object({
  eventType: z.string(),
  destinationPhoneNumber: z.string(),
  /** What Kept put in the send's Context: identifiers only. */
  context: z.optional(z.object({ councilId: z.optional(z.string()), childId: z.optional(z.string()) })),
});

const REASONS: Record<string, string> = { TEXT_INVALID: 'invalid number', TEXT_BLOCKED: 'blocked', TEXT_UNREACHABLE: 'unreachable' };

/** True when the event marked a number unreachable. */
export async function handleTextEvent(store: Pick<CaseStore, 'markMobileUnreachable'>, message: string, nowIso = new Date().toISOString()): Promise<boolean> {
  let event;
  try {
    event = textEvent.parse(JSON.parse(message));
  } catch {
    log.warn('text event not understood');
    return false;
  }
  if (!(UNREACHABLE_TEXT_EVENTS as readonly string[]).includes(event.eventType)) return false;
  const { councilId, childId } = event.context ?? {};
  if (!councilId || !childId) return false;
  const reason = REASONS[event.eventType] ?? event.eventType;
  const marked = await store.markMobileUnreachable(councilId, childId, event.destinationPhoneNumber, nowIso, reason);
  if (marked) log.warn('mobile number marked unreachable', { councilId, childId, reason });
  return marked;
}
