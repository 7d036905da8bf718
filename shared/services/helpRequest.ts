/**
 * "I need help now" on a survey page: who to contact, and in a confidential
 * campaign a young person's request that their worker contact them. The
 * worker and their manager (or the safeguarding inbox, when either cannot
 * be emailed) are emailed at once, as a worrying answer does, with the case
 * and the link's reference and nothing the young person answered.
 *
 * Each press is its own request: the help page carries a fresh request id,
 * and the request is claimed under it before it is sent, so a double click
 * (or two tabs of one page) tells them once and a press next week tells
 * them again.
 */
import { randomBytes } from 'node:crypto';
import { addDaysIso, epochAfter } from '#domain/dates.js';
import { log } from '#platform/log.js';
import type { OpenSurvey, SurveyResponseDeps } from './surveyResponse.js';
import { tellOnce } from './safeguardingSend.js';

export interface HelpContacts {
  workerName?: string;
  outOfHoursPhone?: string;
  /** Only in a confidential campaign can the young person ask their worker to get in touch. */
  canAskWorker: boolean;
}

/**
 * `sent`: the email went now, or an earlier press of this page's button sent it;
 * `on-its-way`: another press of the same button is sending it right now;
 * `unavailable`: not something this campaign offers.
 */
export type HelpRequestOutcome = 'sent' | 'on-its-way' | 'unavailable';

/** A fresh id for the help page's form: one per page shown, so one per press that is meant. */
export const newRequestId = (): string => randomBytes(12).toString('base64url');
export const REQUEST_ID = /^[A-Za-z0-9_-]{16}$/;

export async function helpContacts(deps: Pick<SurveyResponseDeps, 'store'>, { link, council, campaign }: OpenSurvey): Promise<HelpContacts> {
  const child = link.childId ? await deps.store.getChild(link.councilId, link.childId) : null;
  const worker = child ? await deps.store.getStaff(link.councilId, child.holderId) : null;
  return { workerName: worker?.name, outOfHoursPhone: council.outOfHoursPhone, canAskWorker: campaign.mode === 'confidential' && child !== null };
}

/** Throws when the email could not be sent (or there is nobody to send it to): the page must not say it went. */
export async function requestContact(deps: SurveyResponseDeps, { link, campaign }: OpenSurvey, requestId: string): Promise<HelpRequestOutcome> {
  if (campaign.mode !== 'confidential') return 'unavailable';
  // A form without an id (a page cached from before ids): presses within one minute are one request.
  const request = REQUEST_ID.test(requestId) ? requestId : `minute-${Math.floor((deps.nowMs ?? Date.now)() / 60_000)}`;
  const child = link.childId ? await deps.store.getChild(link.councilId, link.childId) : null;
  if (!child) return 'unavailable';
  const told = await tellOnce(
    deps,
    { kind: 'help-request', councilId: link.councilId, campaignId: campaign.id, childId: child.id, requestId: request },
    child,
    { kind: 'help-request', reference: link.reference, caseUrl: `${deps.appUrl}/case/${encodeURIComponent(child.id)}` },
    epochAfter(addDaysIso(link.lastDay, 1)),
  );
  if (told === 'sent' || told === 'sent-part') log.warn('help request sent', { councilId: link.councilId, childId: child.id, reference: link.reference });
  return told === 'held' ? 'on-its-way' : 'sent';
}
