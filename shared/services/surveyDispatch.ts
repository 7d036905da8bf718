/**
 * The daily survey dispatch: opens campaigns whose day has come (inviting
 * everyone in the audience with an email address), sends up to two
 * reminders to those who have not answered, and closes campaigns.
 * Rerunning on the same day sends nothing twice.
 */
import escapeHtml from 'escape-html';
import { newToken, tokenHash } from '#platform/tokens.js';
import { buildHistory } from '#domain/history.js';
import { addDaysIso } from '#domain/dates.js';
import { inAudience, personOf } from '#domain/surveys/bands.js';
import { type Campaign, nextStep } from '#domain/surveys/campaign.js';
import type { SurveyDefinition } from '#domain/surveys/schema.js';
import type { SendEmail } from '#email/sender.js';
import { longDate } from '#domain/dateText.js';
import type { KeptStore } from '#store/keptStore.js';
import type { SurveyStore } from '#store/surveyStore.js';
import { type Council, loadCouncil } from './council.js';
import { definitionFor } from './surveyDefinitions.js';
import { log } from '#platform/log.js';

export interface DispatchOptions {
  store: KeptStore;
  surveys: SurveyStore;
  councilId: string;
  today: string;
  send: SendEmail;
  appUrl: string;
}

export interface DispatchReport {
  opened: number;
  invited: number;
  reminded: number;
  closed: number;
}

const dayBefore = (iso: string) => addDaysIso(iso, -1);
const epochAfter = (iso: string) => Math.floor(Date.parse(`${iso}T00:00:00Z`) / 1000) + 86_400;

export function invitationEmail(
  campaign: Campaign,
  definition: SurveyDefinition,
  council: Pick<Council, 'name'>,
  url: string,
  reminder: boolean,
): { subject: string; text: string; html: string } {
  const privacy =
    campaign.mode === 'anonymous'
      ? 'It is anonymous: nobody will know which answers are yours.'
      : 'It is confidential: your worker can see your answers so they can help you, and nobody else will without telling you first.';
  const paragraphs = [
    reminder ? `We would still love to hear from you. ${council.name} is asking young people about their lives.` : `${council.name} wants to hear from you.`,
    definition.purpose,
    privacy,
    `Answer here: ${url}`,
    `The link is just for you and works until ${longDate(dayBefore(campaign.closes))}. You can stop and come back to it.`,
    'If you do not feel safe, talk to your worker, or call Childline on 0800 1111 (free, any time).',
  ];
  return {
    subject: `${reminder ? 'Reminder: ' : ''}${definition.title} – ${council.name}`,
    text: paragraphs.join('\n\n'),
    html: paragraphs.map((p) => (p.startsWith('Answer here: ') ? `<p><a href="${escapeHtml(url)}">Answer the survey</a></p>` : `<p>${escapeHtml(p)}</p>`)).join('\n'),
  };
}

async function invite(o: DispatchOptions, council: Council, campaign: Campaign, definition: SurveyDefinition): Promise<number> {
  const existing = new Map((await o.surveys.listInvitations(o.councilId, campaign.id)).map((i) => [i.childId, i]));
  let invited = 0;
  for (const child of await o.store.listChildren(o.councilId)) {
    if (!child.email) continue;
    const already = existing.get(child.id);
    if (already?.sentAt) {
      invited += 1;
      continue;
    }
    const { facts } = await o.store.getChildHistory(o.councilId, child.id);
    const person = personOf(buildHistory({ id: child.id, dateOfBirth: child.dateOfBirth }, facts.map((f) => f.fact), campaign.opens), council.policy.personalAdviser.untilAge);
    if (!inAudience(person, campaign.audience)) continue;
    await sendLink(o, council, campaign, definition, child.id, child.email, false);
    invited += 1;
  }
  return invited;
}

async function sendLink(o: DispatchOptions, council: Council, campaign: Campaign, definition: SurveyDefinition, childId: string, email: string, reminder: boolean) {
  const token = newToken();
  await o.surveys.issueLink(
    { linkHash: tokenHash(token), councilId: o.councilId, campaignId: campaign.id, childId, lastDay: dayBefore(campaign.closes) },
    epochAfter(campaign.closes),
  );
  const message = invitationEmail(campaign, definition, council, `${o.appUrl}/s/${token}`, reminder);
  await o.send({ to: email, ...message });
  await o.surveys.markInvitationSent(o.councilId, campaign.id, childId, new Date().toISOString(), reminder);
}

export async function runSurveyDispatch(o: DispatchOptions): Promise<DispatchReport> {
  const report: DispatchReport = { opened: 0, invited: 0, reminded: 0, closed: 0 };
  const council = await loadCouncil(o.store, o.councilId);
  for (const campaign of await o.surveys.listCampaigns(o.councilId)) {
    const step = nextStep(campaign, o.today);
    if (step.action === 'none') continue;
    if (step.action === 'close') {
      await o.surveys.updateCampaign(o.councilId, campaign.id, { state: 'closed' });
      report.closed += 1;
      continue;
    }
    const definition = definitionFor(campaign, council);
    if (!definition) {
      log.error('campaign has no survey definition', { councilId: o.councilId, campaignId: campaign.id });
      continue;
    }
    if (step.action === 'open') {
      const invited = await invite(o, council, campaign, definition);
      await o.surveys.updateCampaign(o.councilId, campaign.id, { state: 'open', invited });
      report.opened += 1;
      report.invited += invited;
    } else {
      const emails = new Map((await o.store.listChildren(o.councilId)).map((c) => [c.id, c.email]));
      for (const inv of await o.surveys.listInvitations(o.councilId, campaign.id)) {
        const email = emails.get(inv.childId);
        if (inv.answered || !inv.sentAt || inv.reminders >= step.number || !email) continue;
        await sendLink(o, council, campaign, definition, inv.childId, email, true);
        report.reminded += 1;
      }
      await o.surveys.updateCampaign(o.councilId, campaign.id, { remindersSent: step.number });
    }
  }
  log.info('survey dispatch finished', { councilId: o.councilId, today: o.today, ...report });
  return report;
}
