/** Staff and children as Kept holds them, and the payloads that create them. */
import * as z from 'zod/mini';
import { ROLES } from './principal.js';
import { isoDate } from './validation.js';
import { type ContactState, contactFields } from './contact.js';

const identifier = z.string().check(
  z.regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'must be 1 to 64 letters, digits, dots, dashes or underscores'),
);
const personName = z.string().check(z.trim(), z.minLength(1), z.maxLength(80));

export const staffInputSchema = z.strictObject({
  id: identifier,
  name: personName,
  email: z.string().check(z.trim(), z.toLowerCase(), z.email('must be an email address'), z.maxLength(254)),
  role: z.enum(ROLES),
  /** The manager this person reports to; their overdue items escalate there. */
  managerId: z.optional(identifier),
  jobTitle: z.optional(z.string().check(z.maxLength(80))),
});
export type StaffInput = z.output<typeof staffInputSchema>;

export interface Staff extends StaffInput {
  councilId: string;
  undeliverable?: { since: string; reason: string };
}

export const childInputSchema = z.strictObject({
  /** The council's case reference, used in every email and link. */
  id: identifier,
  firstName: personName,
  lastName: personName,
  dateOfBirth: isoDate,
  /** The practitioner who holds the case. */
  holderId: identifier,
  /** The young person's own email address, for survey invitations (optional). */
  email: z.optional(z.string().check(z.trim(), z.toLowerCase(), z.email('must be an email address'), z.maxLength(254))),
  /** mobile, preferredChannel, language: see contact.ts. */
  ...contactFields,
});
export type ChildInput = z.output<typeof childInputSchema>;

export interface ChildRecord extends ChildInput, ContactState {
  councilId: string;
  createdAt: string;
  version: number;
}

/** "A.B.": how an email names a child, beside the case reference. */
export function initials(firstName: string, lastName: string): string {
  const first = (name: string) => (Array.from(name.trim())[0] ?? '').toLocaleUpperCase('en-GB');
  return `${first(firstName)}.${first(lastName)}.`;
}

