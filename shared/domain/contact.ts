/**
 * How a young person is reached for surveys: their own UK mobile number
 * (stored in E.164), the channel they prefer and their language. Pure.
 */
import * as z from 'zod/mini';

export const CHANNELS = ['email', 'text', 'both'] as const;
export type PreferredChannel = (typeof CHANNELS)[number];
/** A channel a message actually goes by. */
export type Channel = 'email' | 'text';

/**
 * A record holds a mobile number in E.164 only. What people type ("07700 900123")
 * is turned into it where input arrives (mobileInput.ts), so the phone-number
 * library and its metadata stay out of every other function's bundle.
 */
const ukMobile = z.string().check(z.regex(/^\+447\d{9}$/, 'must be a UK mobile number, such as 07700 900123'));

/** The contact fields of a child's record (added at the end of the child schema). */
export const contactFields = {
  /** The young person's own UK mobile number, for survey texts (stored in E.164). */
  mobile: z.optional(ukMobile),
  /** How they would like survey invitations: by email, by text or both (email when absent). */
  preferredChannel: z.optional(z.enum(CHANNELS)),
  /** The language they prefer to read, as a BCP 47 tag such as "en" or "fa". */
  language: z.optional(z.string().check(z.regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a language tag such as en or fa'))),
};

/** AWS End User Messaging SMS event types that mean a number cannot be texted: invalid, blocked, or no phone there. */
export const UNREACHABLE_TEXT_EVENTS = ['TEXT_INVALID', 'TEXT_BLOCKED', 'TEXT_UNREACHABLE'] as const;

/**
 * What Kept learns about a young person's contact details from the messages
 * it sends. Each mark is set only while the record still holds the number or
 * address it is about (the store's write is conditional on it). Nothing in
 * Kept changes an existing child's mobile or email today (an import leaves
 * the details of a child already in Kept alone, and the API has no edit), so
 * nothing clears a mark yet: whatever comes to change one of them must
 * remove its mark in the same write.
 */
export interface ContactState {
  /** The mobile network could not deliver texts to the number (or it opted out): no more texts. */
  mobileUnreachable?: { since: string; reason: string };
  /** Survey email to the address bounced for good (or they marked it as spam): no more emails. */
  emailUnreachable?: { since: string; reason: string };
}

interface Contactable extends ContactState {
  email?: string;
  mobile?: string;
  preferredChannel?: PreferredChannel;
}

/** Why the contact fields do not fit together (the field and message), or null. */
export function contactProblem(c: Contactable): { field: string; message: string } | null {
  if ((c.preferredChannel === 'text' || c.preferredChannel === 'both') && !c.mobile) return { field: 'preferredChannel', message: 'needs a mobile number' };
  if ((c.preferredChannel === 'email' || c.preferredChannel === 'both') && !c.email) return { field: 'preferredChannel', message: 'needs an email address' };
  return null;
}

/**
 * The channels a survey message goes by: the preferred ones that can be used,
 * else whichever one can (email first). An address or number found
 * unreachable cannot be used. Empty when the young person cannot be reached.
 */
export function channelsFor(c: Contactable, textEnabled: boolean): Channel[] {
  const can = { email: Boolean(c.email) && !c.emailUnreachable, text: textEnabled && Boolean(c.mobile) && !c.mobileUnreachable };
  const preferred = c.preferredChannel ?? 'email';
  const wanted: Channel[] = preferred === 'both' ? ['email', 'text'] : [preferred];
  const chosen = wanted.filter((ch) => can[ch]);
  if (chosen.length > 0) return chosen;
  return can.email ? ['email'] : can.text ? ['text'] : [];
}
