/**
 * "Start a survey with this young person": the worker who holds the case
 * (or their manager, or an admin) gets a fresh single-use link for an open
 * campaign the young person is in, as a URL, an SVG QR code and a short
 * code to type on any device at /s. The link replaces any earlier one (its
 * answers so far move over), works until the campaign's last day, and is
 * marked assisted, so the answer is stored with `assisted: true` among its
 * bands; nothing records which worker started it. A young person who has
 * answered the campaign already is not given one: the worker is told so
 * (AlreadyExists, a 409).
 */
import { epochAfter } from '#domain/dates.js';
import QRCode from 'qrcode';
import type { Principal } from '#domain/principal.js';
import { AlreadyExists, InvalidInput, NotFound } from '#domain/errors.js';
import { addDaysIso } from '#domain/dates.js';
import { buildHistory } from '#domain/history.js';
import { carriedOnLink } from './linkCarries.js';
import { displayCode } from '#domain/surveys/codes.js';
import { newCode, newToken, tokenHash } from '#platform/tokens.js';
import type { AuditLog } from '#store/ports/audit.js';
import type { KeptStore } from '#store/ports/stores.js';
import type { SurveyStore } from '#store/ports/surveys.js';
import { childFor } from './children.js';
import { inCampaign } from './campaignsToStart.js';
import { loadCouncil } from './council.js';

export interface AssistedLink {
  url: string;
  /** Ten unambiguous characters; shown in two groups of five, typed in any case. */
  code: string;
  qrSvg: string;
  /** The last day the link and code work. */
  lastDay: string;
}

export async function startAssistedSurvey(
  deps: { store: KeptStore; surveys: SurveyStore; audit: AuditLog; appUrl: string; today: string },
  principal: Principal,
  childId: string,
  campaignId: string,
  route: string,
): Promise<AssistedLink> {
  const { child } = await childFor(deps.store, deps.audit, principal, childId, 'record', route);
  const campaign = await deps.surveys.getCampaign(principal.councilId, campaignId);
  if (!campaign) throw new NotFound(`no survey campaign ${campaignId}`);
  const lastDay = addDaysIso(campaign.closes, -1);
  if (campaign.state !== 'open' || deps.today > lastDay) throw new InvalidInput([{ field: 'campaignId', message: `the campaign ${campaignId} is not open` }]);
  const council = await loadCouncil(deps.store, principal.councilId);
  const { facts } = await deps.store.getChildHistory(principal.councilId, child.id);
  if (!inCampaign(child, facts, campaign, council)) throw new InvalidInput([{ field: 'campaignId', message: `case ${child.id} is not in the audience of campaign ${campaignId}` }]);
  const answered = () => new AlreadyExists(`case ${child.id} has already answered ${campaign.name}: thank you, there is nothing more to do. Each young person answers a campaign once.`);
  if ((await deps.surveys.getInvitation(principal.councilId, campaign.id, child.id))?.answered) throw answered();
  const token = newToken();
  const code = newCode();
  const issued = await deps.surveys.issueLink(
    {
      linkHash: tokenHash(token), councilId: principal.councilId, campaignId: campaign.id, childId: child.id, lastDay, assisted: true, codeHash: tokenHash(code),
      carried: carriedOnLink(campaign, { history: buildHistory({ id: child.id, dateOfBirth: child.dateOfBirth }, facts.map((f) => f.fact), deps.today), careLeaverUntilAge: council.policy.personalAdviser.untilAge }),
    },
    epochAfter(campaign.closes),
  );
  // They answered between the look and the link: the link is born answered and is not handed out.
  if (issued.answered) throw answered();
  const url = `${deps.appUrl}/s/${token}`;
  const qrSvg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return { url, code: displayCode(code), qrSvg, lastDay };
}
