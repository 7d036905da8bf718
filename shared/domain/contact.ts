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
export const ukMobile = z.string().check(z.regex(/^\+447\d{9}$/, 'must be a UK mobile number, starting 07 or +44 7'));

/** The young person's own email address, as a record holds it (trimmed, lower case). */
export const youngPersonEmail = z.string().check(z.trim(), z.toLowerCase(), z.email('must be an email address'), z.maxLength(254));

/** A BCP 47 language tag, such as "en", "fa" or "pt-BR". */
export const languageTag = z.string().check(z.regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a language tag such as en or fa'));

/** The contact fields of a child's record (added at the end of the child schema). */
export const contactFields = {
  /** The young person's own UK mobile number, for survey texts (stored in E.164). */
  mobile: z.optional(ukMobile),
  /** How they would like survey invitations: by email, by text or both (email when absent). */
  preferredChannel: z.optional(z.enum(CHANNELS)),
  /** The language they prefer to read, as a BCP 47 tag such as "en" or "fa". */
  language: z.optional(languageTag),
};

/** AWS End User Messaging SMS event types that mean a number cannot be texted: invalid, blocked, or no phone there. */
export const UNREACHABLE_TEXT_EVENTS = ['TEXT_INVALID', 'TEXT_BLOCKED', 'TEXT_UNREACHABLE'] as const;

/**
 * End User Messaging SMS events that say the service accepted a text (queued
 * it, or the carrier took it): any of them marks the text's send claim sent.
 */
export const ACCEPTED_TEXT_EVENTS = ['TEXT_QUEUED', 'TEXT_SUCCESSFUL', 'TEXT_DELIVERED'] as const;

/**
 * What Kept learns about a young person's contact details from the messages
 * it sends. Each mark is set only while the record still holds the number or
 * address it is about (the store's write is conditional on it). Changing the
 * contact details (PUT /children/{id}/contact, the case page's form) removes
 * the mark of an address or number it changes in the same write; an import
 * still leaves the details of a child already in Kept alone.
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

/** The contact details a record holds, each of which a change may set or remove. */
export const CONTACT_FIELDS = ['email', 'mobile', 'preferredChannel', 'language'] as const;
export type ContactField = (typeof CONTACT_FIELDS)[number];
export type ContactDetails = Partial<Record<ContactField, string>> & { preferredChannel?: PreferredChannel };

/**
 * A change to a child's contact details: each field given replaces the one
 * held, `null` removes it, a field left out stays as it is. `version`, when
 * given, is the record's version the change was made against (GET
 * /children/{id} returns it): if the record has changed since, the change is
 * refused rather than written over someone else's.
 */
export const contactChangeSchema = z
  .strictObject({
    email: z.optional(z.nullable(youngPersonEmail)),
    mobile: z.optional(z.nullable(ukMobile)),
    preferredChannel: z.optional(z.nullable(z.enum(CHANNELS))),
    language: z.optional(z.nullable(languageTag)),
    version: z.optional(z.int().check(z.nonnegative())),
  })
  .check(z.refine((c) => CONTACT_FIELDS.some((f) => c[f] !== undefined), { message: 'give at least one of email, mobile, preferredChannel or language', path: ['(body)'] }));
export type ContactChange = z.output<typeof contactChangeSchema>;

/** What a store writes for a change: the fields to set (a value) or remove (null), and the marks that go with them. */
export interface ContactWrite {
  fields: Partial<Record<ContactField, string | null>>;
  /** The unreachable marks to remove: the address or number they were about is no longer the record's. */
  clear: Array<keyof ContactState>;
}

const MARK_OF: Partial<Record<ContactField, keyof ContactState>> = { email: 'emailUnreachable', mobile: 'mobileUnreachable' };

/**
 * The details after the change, what to write, and why they would not fit
 * together (the preferred channel needs its address or number), or null.
 * A field given with the value it already has is written as it is; only an
 * address or number that really changes (or goes) loses its mark.
 */
export function planContactChange<T extends ContactDetails & ContactState>(
  current: T,
  change: ContactChange,
): { after: T; write: ContactWrite; problem: { field: string; message: string } | null } {
  const after: T = { ...current };
  const write: ContactWrite = { fields: {}, clear: [] };
  for (const field of CONTACT_FIELDS) {
    const value = change[field];
    if (value === undefined) continue;
    write.fields[field] = value;
    if (value === null) delete after[field];
    else (after as Record<ContactField, string>)[field] = value;
    const mark = MARK_OF[field];
    if (mark && (value ?? undefined) !== current[field] && current[mark]) {
      write.clear.push(mark);
      delete after[mark];
    }
  }
  let problem = contactProblem(after);
  // Removing the address or number the preferred channel goes by: say so about the field removed.
  if (problem && change.preferredChannel === undefined) {
    const removed = problem.message === 'needs a mobile number' ? 'mobile' : 'email';
    if (change[removed] === null) problem = { field: removed, message: `is needed while the preferred channel is ${after.preferredChannel}` };
  }
  return { after, write, problem };
}

/** A UK mobile number held in E.164 as people write it: +447700900123 is "07700 900123". */
export function ukMobileText(e164: string): string {
  return /^\+447\d{9}$/.test(e164) ? `0${e164.slice(3, 7)} ${e164.slice(7)}` : e164;
}
