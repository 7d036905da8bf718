/**
 * How the case page and the contact form show a young person's own contact
 * details: the summary list rows, with an address or number that Kept found
 * unreachable flagged. No phone-number library here: the case page's bundle
 * stays small.
 */
import escapeHtml from 'escape-html';
import { type ContactDetails, type ContactState, type PreferredChannel, ukMobileText } from '#domain/contact.js';
import { londonDateOf } from '#domain/dates.js';
import { plainDate } from '#domain/dateText.js';

export const CHANNEL_TEXT: Record<PreferredChannel, string> = { email: 'Email', text: 'Text message', both: 'Email and text message' };

const REASON_TEXT: Record<string, string> = { complained: 'reported as spam' };

/** "Not delivered since 3 December 2026: bounced", for an unreachable mark. */
export function unreachableText(mark: { since: string; reason: string }): string {
  const day = /^\d{4}-\d{2}-\d{2}/.test(mark.since) ? londonDateOf(new Date(mark.since)) : undefined;
  const when = day ? ` since ${plainDate(day)}` : '';
  return `Not delivered${when}: ${REASON_TEXT[mark.reason] ?? mark.reason}`;
}

/** "Persian (fa)": the language's English name where the runtime knows it, and the tag. */
export function languageText(tag: string): string {
  try {
    const name = new Intl.DisplayNames(['en-GB'], { type: 'language' }).of(tag);
    return name && name !== tag ? `${name} (${tag})` : tag;
  } catch {
    return tag;
  }
}

const tagged = (value: string, mark: { since: string; reason: string } | undefined) =>
  mark ? `${escapeHtml(value)} <strong class="govuk-tag govuk-tag--red">${escapeHtml(unreachableText(mark))}</strong>` : escapeHtml(value);

/** The rows of the "Young person's contact" summary list. */
export function contactRows(child: ContactDetails & ContactState) {
  return [
    { key: { text: 'Email address' }, value: child.email ? { html: tagged(child.email, child.emailUnreachable) } : { text: 'Not recorded' } },
    { key: { text: 'Mobile number' }, value: child.mobile ? { html: tagged(ukMobileText(child.mobile), child.mobileUnreachable) } : { text: 'Not recorded' } },
    { key: { text: 'Preferred channel' }, value: { text: child.preferredChannel ? CHANNEL_TEXT[child.preferredChannel] : 'Not recorded (email is used)' } },
    { key: { text: 'Language' }, value: { text: child.language ? languageText(child.language) : 'Not recorded' } },
  ];
}
