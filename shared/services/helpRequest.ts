/**
 * "I need help now" on a survey page: who to contact, and in a confidential
 * campaign a young person's request that their worker contact them. The
 * worker and their manager are emailed at once, as a worrying answer does,
 * with the case and the link's reference and nothing the young person
 * answered. The request is claimed before it is sent, so pressing the
 * button twice, or two tabs at once, tells them once.
 */
import { isMailable } from '#domain/people.js';
import escapeHtml from 'escape-html';
import type { SendClaims, SendKey } from '#store/ports/sendClaims.js';
import { addDaysIso } from '#domain/dates.js';
import { log } from '#platform/log.js';
import type { OpenSurvey, SurveyResponseDeps } from './surveyResponse.js';

export interface HelpContacts {
  workerName?: string;
  outOfHoursPhone?: string;
  /** Only in a confidential campaign can the young person ask their worker to get in touch. */
  canAskWorker: boolean;
}

/** `sent`: the worker (and manager) were told now; `already`: an earlier request told them; `unavailable`: nobody to tell. */
export type HelpRequestOutcome = 'sent' | 'already' | 'unavailable';

export async function helpContacts(deps: Pick<SurveyResponseDeps, 'store'>, { link, council, campaign }: OpenSurvey): Promise<HelpContacts> {
  const child = await deps.store.getChild(link.councilId, link.childId);
  const worker = child ? await deps.store.getStaff(link.councilId, child.holderId) : null;
  return { workerName: worker?.name, outOfHoursPhone: council.outOfHoursPhone, canAskWorker: campaign.mode === 'confidential' && child !== null };
}

const epochAfter = (iso: string) => Math.floor(Date.parse(`${iso}T00:00:00Z`) / 1000) + 86_400;

export async function requestContact(deps: SurveyResponseDeps & { claims: SendClaims }, { link, campaign }: OpenSurvey): Promise<HelpRequestOutcome> {
  if (campaign.mode !== 'confidential') return 'unavailable';
  const child = await deps.store.getChild(link.councilId, link.childId);
  if (!child) return 'unavailable';
  const worker = await deps.store.getStaff(link.councilId, child.holderId);
  const manager = worker?.managerId ? await deps.store.getStaff(link.councilId, worker.managerId) : null;
  const to = [worker, manager].filter((s) => s && isMailable(s)).map((s) => s!);
  if (to.length === 0) return 'unavailable';
  const key: SendKey = { kind: 'help-request', councilId: link.councilId, campaignId: campaign.id, childId: child.id };
  const nowMs = (deps.nowMs ?? Date.now)();
  const claim = await deps.claims.claim(key, { nowMs, leaseMs: 60_000, expiresAt: epochAfter(addDaysIso(link.lastDay, 1)) });
  if (claim !== 'claimed') return 'already';
  const text =
    'A young person you support pressed "I need help now" in a confidential survey and asked you to contact them. ' +
    `Please contact them today.\n\nCase: ${child.id}\nReference: ${link.reference}\n\n` +
    `Nothing they answered is in this email. ${deps.appUrl}/case/${encodeURIComponent(child.id)}`;
  const ids: string[] = [];
  try {
    for (const person of to) {
      ids.push(
        await deps.send({
          to: person.email,
          subject: `Kept: please contact ${child.id} today, they asked for help (${link.reference})`,
          text,
          html: text.split('\n\n').map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`).join('\n'),
        }),
      );
    }
  } catch (error) {
    // Given back, so pressing the button again tries again (a worker may hear twice; better than not at all).
    await deps.claims.release(key);
    throw error;
  }
  await deps.claims.markSent(key, ids.join(','));
  log.warn('help request sent', { councilId: link.councilId, childId: child.id, reference: link.reference, recipients: to.length });
  return 'sent';
}
