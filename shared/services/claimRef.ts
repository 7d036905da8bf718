/**
 * A send claim's identity as one short string, carried by the message
 * itself (an SES tag, a text's Context) so that the provider's send event
 * names the claim it settles: a JSON array, kind first, in the order of the
 * SendKey's fields. Every claim named this way covers one message (a claim
 * covering several emails could be settled by the first of them); a
 * safeguarding message's claim names its recipient by role, never address.
 */
import * as z from 'zod/mini';
import type { SendKey } from '#store/ports/sendClaims.js';

const id = z.string().check(z.minLength(1));
const channel = z.optional(z.literal('text'));
const to = z.enum(['worker', 'manager', 'inbox']);
const ref = z.union([
  z.tuple([z.literal('d'), id, id, id]),
  z.tuple([z.literal('i'), id, id, id], channel),
  z.tuple([z.literal('r'), id, id, id, z.number().check(z.int(), z.positive())], channel),
  z.tuple([z.literal('h'), id, id, id, id, to]),
  z.tuple([z.literal('w'), id, id, id, to]),
]);

export function claimRefOf(key: SendKey): string {
  const text = 'channel' in key && key.channel ? [key.channel] : [];
  switch (key.kind) {
    case 'digest':
      return JSON.stringify(['d', key.councilId, key.date, key.staffId]);
    case 'invitation':
      return JSON.stringify(['i', key.councilId, key.campaignId, key.childId, ...text]);
    case 'reminder':
      return JSON.stringify(['r', key.councilId, key.campaignId, key.childId, key.number, ...text]);
    case 'help-request':
      return JSON.stringify(['h', key.councilId, key.campaignId, key.childId, key.requestId, key.to]);
    case 'worrying-alert':
      return JSON.stringify(['w', key.councilId, key.campaignId, key.childId, key.to]);
  }
}

/** The claim a reference names, or null when it is not one claimRefOf made. */
export function claimOfRef(value: string): SendKey | null {
  let parsed;
  try {
    parsed = ref.parse(JSON.parse(value));
  } catch {
    return null;
  }
  switch (parsed[0]) {
    case 'd':
      return { kind: 'digest', councilId: parsed[1], date: parsed[2], staffId: parsed[3] };
    case 'i':
      return { kind: 'invitation', councilId: parsed[1], campaignId: parsed[2], childId: parsed[3], ...(parsed[4] === 'text' ? { channel: 'text' as const } : {}) };
    case 'r':
      return { kind: 'reminder', councilId: parsed[1], campaignId: parsed[2], childId: parsed[3], number: parsed[4], ...(parsed[5] === 'text' ? { channel: 'text' as const } : {}) };
    case 'h':
      return { kind: 'help-request', councilId: parsed[1], campaignId: parsed[2], childId: parsed[3], requestId: parsed[4], to: parsed[5] };
    case 'w':
      return { kind: 'worrying-alert', councilId: parsed[1], campaignId: parsed[2], childId: parsed[3], to: parsed[4] };
  }
}
