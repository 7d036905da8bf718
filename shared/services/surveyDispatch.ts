/**
 * The daily survey dispatch: opens campaigns whose day has come (inviting
 * everyone in the audience with an email address or a mobile number, by
 * the channels they prefer), sends up to two reminders to those who have
 * not answered, and closes campaigns.
 *
 * Each invitation and each reminder is claimed before it is sent (a send
 * claim per campaign, child, message and channel), so a retried or concurrent run
 * never sends one twice, and a run stopped part-way leaves the rest to the
 * next. A campaign moves on to its next step (open, reminder n) only once
 * every message of the step is sent: until then each run takes the step
 * again and sends only what is missing, so a failed send is retried.
 */
import { newToken, tokenHash } from '#platform/tokens.js';
import { buildHistory } from '#domain/history.js';
import { addDaysIso } from '#domain/dates.js';
import { inAudience, personOf } from '#domain/surveys/bands.js';
import { type Campaign, nextStep } from '#domain/surveys/campaign.js';
import type { SurveyDefinition } from '#domain/surveys/schema.js';
import type { SendEmail } from '#email/sender.js';
import { youngPersonTags } from '#email/messageTags.js';
import { type SendText, TextOptedOut } from '#email/textSender.js';
import { type Channel, channelsFor } from '#domain/contact.js';
import { surveyText } from '#domain/textMessage.js';
import { invitationEmail } from '#domain/surveys/invitation.js';
import type { ChildRecord } from '#domain/people.js';
import type { KeptStore } from '#store/ports/stores.js';
import type { SentGroups, SurveyStore } from '#store/ports/surveys.js';
import type { ChannelGroup } from '#domain/surveys/responseRates.js';
import { managerTeamOf } from '#domain/access.js';
import type { SendClaims, SendKey } from '#store/ports/sendClaims.js';
import { type Council, loadCouncil } from './council.js';
import { definitionFor } from './surveyDefinitions.js';
import { log } from '#platform/log.js';

export interface DispatchOptions {
  store: Pick<KeptStore, 'getCouncil' | 'listChildren' | 'getChildHistory' | 'markMobileUnreachable' | 'listStaff'>;
  surveys: SurveyStore;
  claims: SendClaims;
  councilId: string;
  today: string;
  send: SendEmail;
  /** Texts go only when this is given (an origination identity is configured). */
  sendText?: SendText;
  appUrl: string;
  nowMs?: () => number;
  /** How long a claimed, unsent message is left alone before another run may send it. */
  leaseMs?: number;
  /** Stops between messages when aborted, as a Lambda about to time out would. */
  signal?: AbortSignal;
}

export interface DispatchReport {
  /** Campaigns opened: every invitation of theirs is sent. */
  opened: number;
  /** Invitations sent, now or by earlier runs, for the campaigns this run opened or tried to. */
  invited: number;
  /** Reminders this run sent. */
  reminded: number;
  closed: number;
  /** Messages this run sent (invitations and reminders), by any channel. */
  sent: number;
  /** Texts among them (a message to someone who wants both counts once in `sent`). */
  texts: number;
  /** Messages another run had sent or was sending. */
  alreadyClaimed: number;
  /** Messages whose send failed; they are given back for the next run. */
  failed: number;
  stoppedEarly: boolean;
}

const dayBefore = (iso: string) => addDaysIso(iso, -1);
const epochAfter = (iso: string) => Math.floor(Date.parse(`${iso}T00:00:00Z`) / 1000) + 86_400;

/** What one campaign's run needs at hand. */
interface Run {
  o: DispatchOptions;
  report: DispatchReport;
  council: Council;
  campaign: Campaign;
  definition: SurveyDefinition;
}

/** An invitation carries the groups the response-rate breakdowns count it in (all but the channels, which are known only as it goes). */
type Message = { kind: 'invitation'; groups: Omit<SentGroups, 'channel'> } | { kind: 'reminder'; number: number };
/** `sent-before`: an earlier run sent it; `held`: another run is sending it. */
type Delivery = 'sent' | 'sent-before' | 'held' | 'failed';

function stopped(r: Run): boolean {
  if (r.o.signal?.aborted) r.report.stoppedEarly = true;
  return r.report.stoppedEarly;
}

function sendKey(r: Run, childId: string, message: Message, channel: Channel): SendKey {
  const kind = message.kind === 'invitation' ? { kind: message.kind } : message;
  return { ...kind, councilId: r.o.councilId, campaignId: r.campaign.id, childId, ...(channel === 'text' ? { channel: 'text' as const } : {}) };
}

/** Records on the invitation what was sent (again, harmlessly, when an earlier run sent it but stopped before recording). */
async function recordSent(r: Run, childId: string, message: Message, at: string, channels: readonly Channel[]): Promise<void> {
  if (message.kind === 'invitation') {
    const channel: ChannelGroup = channels.length > 1 ? 'both' : channels[0] === 'text' ? 'text' : 'email';
    await r.o.surveys.markInvitationSent(r.o.councilId, r.campaign.id, childId, at, { ...message.groups, channel });
  }
  else await r.o.surveys.markReminderSent(r.o.councilId, r.campaign.id, childId, message.number);
}

/**
 * Claims the message on each of the young person's channels, issues one
 * fresh link for those claimed (replacing any earlier one, so exactly one
 * link works), sends it by each, and marks each sent; a failed send gives
 * its claim back for the next run. The message is delivered when every
 * channel has sent it. A number that has opted out is marked unreachable
 * and not tried again.
 */
async function deliver(r: Run, child: ChildRecord, message: Message): Promise<Delivery> {
  const { o, campaign } = r;
  const nowMs = (o.nowMs ?? Date.now)();
  const claimed: Array<{ channel: Channel; key: SendKey }> = [];
  let held = false;
  for (const channel of channelsFor(child, Boolean(o.sendText))) {
    const key = sendKey(r, child.id, message, channel);
    const claim = await o.claims.claim(key, { nowMs, leaseMs: o.leaseMs ?? 15 * 60_000, expiresAt: epochAfter(campaign.closes) });
    if (claim === 'claimed') claimed.push({ channel, key });
    else if (claim === 'held') held = true;
  }
  let sentNow = 0;
  let failed = false;
  let optedOut = false;
  if (claimed.length > 0) {
    const token = newToken();
    try {
      await o.surveys.issueLink(
        { linkHash: tokenHash(token), councilId: o.councilId, campaignId: campaign.id, childId: child.id, lastDay: dayBefore(campaign.closes) },
        epochAfter(campaign.closes),
      );
    } catch (error) {
      for (const { key } of claimed) await o.claims.release(key);
      throw error;
    }
    const url = `${o.appUrl}/s/${token}`;
    for (const { channel, key } of claimed) {
      let messageId: string;
      try {
        messageId =
          channel === 'text'
            ? await o.sendText!({ to: child.mobile!, body: surveyText(r.council.name, url, message.kind === 'reminder'), context: { councilId: o.councilId, childId: child.id } })
            : await o.send({ to: child.email!, ...invitationEmail(campaign, r.definition, r.council, url, message.kind === 'reminder', child.language), tags: youngPersonTags(o.councilId, child.id) });
      } catch (error) {
        if (error instanceof TextOptedOut) {
          await o.store.markMobileUnreachable(o.councilId, child.id, child.mobile!, new Date(nowMs).toISOString(), 'opted-out');
          await o.claims.markSent(key, 'opted-out');
          log.warn('survey text not sent: the number opted out', { councilId: o.councilId, campaignId: campaign.id, childId: child.id });
          optedOut = true;
          continue;
        }
        log.error('survey message not sent', { councilId: o.councilId, campaignId: campaign.id, childId: child.id, message: message.kind, channel, error: (error as Error).name ?? 'Error', deadLetter: true });
        await o.claims.release(key);
        failed = true;
        continue;
      }
      await o.claims.markSent(key, messageId);
      sentNow += 1;
      if (channel === 'text') r.report.texts += 1;
    }
  }
  if (failed) return 'failed';
  if (held) return 'held';
  if (optedOut && sentNow === 0) {
    // Nothing reached them: try their other channel now, if they have one.
    const fallback = { ...child, mobileUnreachable: { since: new Date(nowMs).toISOString(), reason: 'opted-out' } };
    if (channelsFor(fallback, Boolean(o.sendText)).length > 0) return deliver(r, fallback, message);
  }
  await recordSent(r, child.id, message, new Date(nowMs).toISOString(), channelsFor(child, Boolean(o.sendText)));
  return sentNow > 0 ? 'sent' : 'sent-before';
}

function tally(r: Run, delivery: Delivery): boolean {
  if (delivery === 'sent') r.report.sent += 1;
  else if (delivery === 'failed') r.report.failed += 1;
  else r.report.alreadyClaimed += 1;
  return delivery === 'sent' || delivery === 'sent-before';
}

/** Invites everyone in the audience who can be reached; true when every invitation is sent. */
async function invite(r: Run): Promise<boolean> {
  const { o, campaign } = r;
  const existing = new Map((await o.surveys.listInvitations(o.councilId, campaign.id)).map((i) => [i.childId, i]));
  const staff = await o.store.listStaff(o.councilId);
  let complete = true;
  for (const child of await o.store.listChildren(o.councilId)) {
    if (channelsFor(child, Boolean(o.sendText)).length === 0) continue;
    if (existing.get(child.id)?.sentAt) {
      r.report.invited += 1;
      continue;
    }
    if (stopped(r)) return false;
    const { facts } = await o.store.getChildHistory(o.councilId, child.id);
    const person = personOf(buildHistory({ id: child.id, dateOfBirth: child.dateOfBirth }, facts.map((f) => f.fact), campaign.opens), r.council.policy.personalAdviser.untilAge);
    if (!inAudience(person, campaign.audience)) continue;
    const groups = { team: managerTeamOf(child.holderId, staff), ageBand: person.bands.ageBand };
    if (tally(r, await deliver(r, child, { kind: 'invitation', groups }))) r.report.invited += 1;
    else complete = false;
  }
  return complete;
}

/** Sends reminder `number` to everyone invited who has not answered; true when every one is sent. */
async function remind(r: Run, number: number): Promise<boolean> {
  const { o, campaign } = r;
  const children = new Map((await o.store.listChildren(o.councilId)).map((c) => [c.id, c]));
  let complete = true;
  for (const inv of await o.surveys.listInvitations(o.councilId, campaign.id)) {
    const child = children.get(inv.childId);
    if (inv.answered || !inv.sentAt || inv.reminders >= number || !child || channelsFor(child, Boolean(o.sendText)).length === 0) continue;
    if (stopped(r)) return false;
    const delivery = await deliver(r, child, { kind: 'reminder', number });
    if (delivery === 'sent') r.report.reminded += 1;
    if (!tally(r, delivery)) complete = false;
  }
  return complete;
}

export async function runSurveyDispatch(o: DispatchOptions): Promise<DispatchReport> {
  const report: DispatchReport = { opened: 0, invited: 0, reminded: 0, closed: 0, sent: 0, texts: 0, alreadyClaimed: 0, failed: 0, stoppedEarly: false };
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
    const run: Run = { o, report, council, campaign, definition };
    if (step.action === 'open') {
      const invitedBefore = report.invited;
      if (await invite(run)) {
        await o.surveys.updateCampaign(o.councilId, campaign.id, { state: 'open', invited: report.invited - invitedBefore });
        report.opened += 1;
      }
    } else if (await remind(run, step.number)) {
      await o.surveys.updateCampaign(o.councilId, campaign.id, { remindersSent: step.number });
    }
    if (report.stoppedEarly) break;
  }
  log.info('survey dispatch finished', { councilId: o.councilId, today: o.today, ...report });
  return report;
}
