/**
 * The SES message tags a survey email to a young person carries, naming
 * their council and case reference, so a bounce or complaint about it
 * (published by the configuration set with the tags in `mail.tags`) finds
 * the child without Kept looking anyone up by address. Identifiers only:
 * never the address or a name.
 */
import type { MessageTag } from './sender.js';

export const COUNCIL_TAG = 'kept-council';
export const CHILD_TAG = 'kept-child';

/** SES's limit on a tag value's length. */
const MAX_TAG_VALUE = 256;
const TAG_VALUE = /^[A-Za-z0-9_-]+$/;

/**
 * A tag value may hold only ASCII letters, digits, `_` and `-`, but case
 * references may hold dots (and council ids whatever a council was given),
 * so each id is sent as base64url of its UTF-8 without padding: that
 * alphabet is exactly the one SES allows, and it decodes back to the id.
 */
export function tagValueOf(id: string): string {
  return Buffer.from(id, 'utf8').toString('base64url');
}

/** The id a tag value encodes; null when it is not one tagValueOf made. */
export function idOfTagValue(value: string): string | null {
  if (!TAG_VALUE.test(value)) return null;
  const id = Buffer.from(value, 'base64url').toString('utf8');
  // Only a canonical encoding of valid UTF-8 comes back to the same value.
  return id !== '' && tagValueOf(id) === value ? id : null;
}

/** The tags for a survey email to this young person; none when an id is too long to fit (the email still goes). */
export function youngPersonTags(councilId: string, childId: string): MessageTag[] {
  const tags = [
    { name: COUNCIL_TAG, value: tagValueOf(councilId) },
    { name: CHILD_TAG, value: tagValueOf(childId) },
  ];
  return tags.every((t) => t.value.length <= MAX_TAG_VALUE) ? tags : [];
}

/**
 * The young person an SES event's `mail.tags` names, or null. SES publishes
 * them as `{ name: [value, ...] }`, its own `ses:` tags among them.
 */
export function youngPersonOfTags(tags: unknown): { councilId: string; childId: string } | null {
  if (typeof tags !== 'object' || tags === null) return null;
  const one = (name: string): string | null => {
    const values: unknown = (tags as Record<string, unknown>)[name];
    const value: unknown = Array.isArray(values) && values.length === 1 ? (values as unknown[])[0] : undefined;
    return typeof value === 'string' ? idOfTagValue(value) : null;
  };
  const councilId = one(COUNCIL_TAG);
  const childId = one(CHILD_TAG);
  return councilId && childId ? { councilId, childId } : null;
}
