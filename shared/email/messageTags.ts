/**
 * The SES message tags a survey email to a young person carries, naming
 * their council and case reference, so a bounce or complaint about it
 * (published by the configuration set with the tags in `mail.tags`) finds
 * the child without Kept looking anyone up by address; and the tag every
 * digest, invitation, reminder and safeguarding email carries naming its send claim, so SES's
 * send event marks the claim sent even if the process that sent it died
 * before it could. Identifiers only: never the address or a name.
 */
import type { MessageTag } from './sender.js';

export const COUNCIL_TAG = 'kept-council';
export const CHILD_TAG = 'kept-child';
export const CLAIM_TAG = 'kept-claim';

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

/** The tag naming a message's send claim (`claimRef`, claimRef.ts); none when it is too long to fit (the claim is then marked by its run alone). */
export function claimTags(claimRef: string): MessageTag[] {
  const value = tagValueOf(claimRef);
  return value.length <= MAX_TAG_VALUE ? [{ name: CLAIM_TAG, value }] : [];
}

/** The id in the one value of tag `name` in an SES event's `mail.tags` (`{ name: [value, ...] }`, its own `ses:` tags among them). */
function oneTag(tags: unknown, name: string): string | null {
  if (typeof tags !== 'object' || tags === null) return null;
  const values: unknown = (tags as Record<string, unknown>)[name];
  const value: unknown = Array.isArray(values) && values.length === 1 ? (values as unknown[])[0] : undefined;
  return typeof value === 'string' ? idOfTagValue(value) : null;
}

/** The young person an SES event's `mail.tags` names, or null. */
export function youngPersonOfTags(tags: unknown): { councilId: string; childId: string } | null {
  const councilId = oneTag(tags, COUNCIL_TAG);
  const childId = oneTag(tags, CHILD_TAG);
  return councilId && childId ? { councilId, childId } : null;
}

/** The send claim reference an SES event's `mail.tags` names, or null. */
export function claimOfTags(tags: unknown): string | null {
  return oneTag(tags, CLAIM_TAG);
}
