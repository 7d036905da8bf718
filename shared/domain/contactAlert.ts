/**
 * The words of the two "contact this young person today" emails: a press of
 * "I need help now" and a worrying answer in a confidential survey. The
 * worker and their manager are told as the people who know the young person.
 * The council's safeguarding inbox is told only when one of them cannot be,
 * by people who may not know the young person nor have a Kept sign-in, so
 * its email says why it came to them and how to find the case without Kept.
 * Both carry the case reference, initials and the response reference only.
 */
import type { Staff } from './people.js';

export type AlertKind = 'help-request' | 'worrying-answer';

export interface AlertCase {
  caseRef: string;
  initials: string;
  /** The survey response's reference, which the young person may quote. */
  reference: string;
  /** The case page in Kept (needs a Kept sign-in). */
  caseUrl: string;
}

export interface Message {
  subject: string;
  text: string;
}

const WHAT: Record<AlertKind, { worker: string; inbox: string }> = {
  'help-request': {
    worker: 'A young person you support pressed "I need help now" in a confidential survey and asked you to contact them.',
    inbox: 'A young person pressed "I need help now" in a confidential survey and asked to be contacted.',
  },
  'worrying-answer': {
    worker: 'A young person you support gave an answer in a confidential survey that needs follow-up.',
    inbox: 'A young person gave an answer in a confidential survey that needs follow-up.',
  },
};

const NOT_HERE: Record<AlertKind, string> = {
  'help-request': 'Nothing they answered is in this email.',
  'worrying-answer': 'The answers are not in this email.',
};

export function workerMessage(kind: AlertKind, c: AlertCase): Message {
  const subject =
    kind === 'help-request' ? `Kept: please contact ${c.caseRef} today, they asked for help (${c.reference})` : `Kept: please contact ${c.caseRef} today (${c.reference})`;
  const text =
    `${WHAT[kind].worker} Please contact them today.\n\n` +
    `Case: ${c.caseRef} (${c.initials})\nReference: ${c.reference}\n\n` +
    `${NOT_HERE[kind]} ${c.caseUrl}`;
  return { subject, text };
}

/** Why the safeguarding inbox is told: the worker or manager who could not be. */
export function gapsOf(worker: Staff | null, manager: Staff | null): string[] {
  if (!worker) return ['The young person has no allocated worker in Kept.'];
  return [...gapOf(worker, 'Their worker'), ...(manager ? gapOf(manager, `${worker.name}'s manager`) : [`${worker.name} has no manager in Kept.`])];
}

function gapOf(staff: Staff, who: string): string[] {
  if (staff.accessEnded) return [`${who}, ${staff.name}, no longer works for the council.`];
  if (staff.undeliverable) return [`${who}, ${staff.name}, cannot be emailed: their address bounced.`];
  if (staff.awaitingEmail) return [`${who}, ${staff.name}, has no email address in Kept yet.`];
  return [`${who}, ${staff.name}, has been emailed too.`];
}

export function inboxMessage(kind: AlertKind, c: AlertCase, gaps: ReadonlyArray<string>): Message {
  const subject = `Kept safeguarding: a young person needs contact today (${c.caseRef}, ${c.reference})`;
  const text =
    `${WHAT[kind].inbox} Kept sends this to the safeguarding inbox because the people who would normally be told could not all be:\n\n` +
    `${gaps.join('\n')}\n\n` +
    `Please make sure someone contacts them today.\n\n` +
    `Case reference: ${c.caseRef} (${c.initials})\nResponse reference: ${c.reference}\n\n` +
    `Find the young person by their case reference in the council's case management system. ${NOT_HERE[kind]} ` +
    `Staff with a Kept sign-in can also open the case: ${c.caseUrl}`;
  return { subject, text };
}
