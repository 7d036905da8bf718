/**
 * Delivering one message (an invitation or a reminder) to one young person,
 * on each of their channels. The claim rule: each channel's message is
 * claimed, in this run's name, before anything else happens; only what this
 * run claimed is sent; a failed send gives its claim back for the next run; a
 * sent one is marked. Giving back and marking act only on this run's own
 * claim, so a run that overran its lease cannot undo the run that took over.
 * A channel another run holds within its lease is not this run's to send or to
 * count as sent: the delivery is `held`, and the run ends failed, so the
 * scheduler's retry after the lease finishes it.
 */
import { epochAfter } from '#domain/dates.js';
import { newToken, tokenHash } from '#platform/tokens.js';
import { addDaysIso } from '#domain/dates.js';
import { type Channel, channelsFor } from '#domain/contact.js';
import { surveyText } from '#domain/textMessage.js';
import { invitationEmail } from '#domain/surveys/invitation.js';
import type { ChildRecord } from '#domain/people.js';
import type { ChannelGroup } from '#domain/surveys/responseRates.js';
import { claimTags, tagValueOf, youngPersonTags } from '#email/messageTags.js';
import { TextOptedOut } from '#email/textSender.js';
import type { CarriedOnLink, SentGroups } from '#store/ports/surveys.js';
import { carriedOnLink } from '../linkCarries.js';
import type { SendKey } from '#store/ports/sendClaims.js';
import { log } from '#platform/log.js';
import type { CampaignRun } from './run.js';
import { claimRefOf } from '../claimRef.js';

/** An invitation carries the groups the response-rate breakdowns count it in (all but the channels, which are known only as it goes). */
export type Message = { kind: 'invitation'; groups: Omit<SentGroups, 'channel'>; carried?: CarriedOnLink } | { kind: 'reminder'; number: number };

/**
 * `sent-before`: an earlier run sent it; `held`: another run is sending it;
 * `not-reachable`: it failed for the young person's third time in this
 * campaign, so they are not tried again and hold up no step.
 */
export type Outcome = 'sent' | 'sent-before' | 'held' | 'failed' | 'not-reachable';

/** Failed sends to one young person after which they are not reachable for the campaign. */
export const NOT_REACHABLE_AFTER = 3;
export interface Delivery {
  outcome: Outcome;
  /** Texts this run sent. */
  texts: number;
  /** Sends whose claim another run had taken over before this one marked it. */
  claimsLost: number;
}


function sendKey(r: CampaignRun, childId: string, message: Message, channel: Channel): SendKey {
  const kind = message.kind === 'invitation' ? { kind: message.kind } : { kind: message.kind, number: message.number };
  return { ...kind, councilId: r.o.councilId, campaignId: r.campaign.id, childId, ...(channel === 'text' ? { channel: 'text' as const } : {}) };
}

/** Records on the invitation what was sent (again, harmlessly, when an earlier run sent it but stopped before recording). */
async function recordSent(r: CampaignRun, childId: string, message: Message, at: string, channels: readonly Channel[]): Promise<void> {
  if (message.kind === 'invitation') {
    const channel: ChannelGroup = channels.length > 1 ? 'both' : channels[0] === 'text' ? 'text' : 'email';
    await r.o.surveys.markInvitationSent(r.o.councilId, r.campaign.id, childId, at, { ...message.groups, channel });
  } else await r.o.surveys.markReminderSent(r.o.councilId, r.campaign.id, childId, message.number);
}

/** Claims the message on each channel: those this run may send, and whether another run holds one. */
async function claimChannels(r: CampaignRun, child: ChildRecord, message: Message, nowMs: number) {
  const { o, campaign } = r;
  const claimed: Array<{ channel: Channel; key: SendKey }> = [];
  let held = false;
  for (const channel of channelsFor(child, Boolean(o.sendText))) {
    const key = sendKey(r, child.id, message, channel);
    const claim = await o.claims.claim(key, { nowMs, leaseMs: o.leaseMs ?? 15 * 60_000, expiresAt: epochAfter(campaign.closes), owner: r.owner });
    if (claim === 'claimed') claimed.push({ channel, key });
    else if (claim === 'held') held = true;
  }
  return { claimed, held };
}

/**
 * One fresh link for the channels claimed (replacing any earlier one, so
 * exactly one link works); the claims go back if it cannot be issued. A
 * reminder's link carries the campaign, and the bands its invitation's link
 * carried (the store moves them over).
 */
async function issueLink(r: CampaignRun, child: ChildRecord, message: Message, claimed: ReadonlyArray<{ key: SendKey }>): Promise<string> {
  const { o, campaign } = r;
  const token = newToken();
  const carried = (message.kind === 'invitation' ? message.carried : undefined) ?? carriedOnLink(campaign);
  try {
    await o.surveys.issueLink(
      { linkHash: tokenHash(token), councilId: o.councilId, campaignId: campaign.id, childId: child.id, lastDay: addDaysIso(campaign.closes, -1), carried },
      epochAfter(campaign.closes),
    );
  } catch (error) {
    for (const { key } of claimed) await o.claims.release(key, r.owner);
    throw error;
  }
  return `${o.appUrl}/s/${token}`;
}

type ChannelOutcome = 'sent' | 'claim-lost' | 'failed' | 'opted-out';

/** Sends the message by one claimed channel and marks it sent, or gives the claim back when the send failed. */
async function sendBy(r: CampaignRun, child: ChildRecord, message: Message, channel: Channel, key: SendKey, url: string, nowMs: number): Promise<ChannelOutcome> {
  const { o, campaign } = r;
  const reminder = message.kind === 'reminder';
  // The message names its claim, so the provider's send event marks it sent even if this run dies before it does.
  const claim = claimRefOf(key);
  let messageId: string;
  try {
    messageId =
      channel === 'text'
        ? await o.sendText!({ to: child.mobile!, body: surveyText(r.council.name, url, reminder), context: { councilId: o.councilId, childId: child.id, claim: tagValueOf(claim) } })
        : await o.send({ to: child.email!, ...invitationEmail(campaign, r.definition, r.council, url, reminder, child.language), tags: [...youngPersonTags(o.councilId, child.id), ...claimTags(claim)] });
  } catch (error) {
    if (error instanceof TextOptedOut) {
      await o.store.markMobileUnreachable(o.councilId, child.id, child.mobile!, new Date(nowMs).toISOString(), 'opted-out');
      await o.claims.markSent(key, 'opted-out', r.owner);
      log.warn('survey text not sent: the number opted out', { councilId: o.councilId, campaignId: campaign.id, childId: child.id });
      return 'opted-out';
    }
    log.error('survey message not sent', { councilId: o.councilId, campaignId: campaign.id, childId: child.id, message: message.kind, channel, error: (error as Error).name ?? 'Error', deadLetter: true });
    await o.claims.release(key, r.owner);
    return 'failed';
  }
  if (await o.claims.markSent(key, messageId, r.owner)) return 'sent';
  // Sent, but the claim passed to another run meanwhile (this run overran its lease): that run may send it too.
  log.error('survey message claim lost before it was marked sent', { councilId: o.councilId, campaignId: campaign.id, childId: child.id, message: message.kind, channel });
  return 'claim-lost';
}

/** Counts the failure on the invitation: the third makes the young person not reachable for the campaign. */
async function failed(r: CampaignRun, childId: string): Promise<'failed' | 'not-reachable'> {
  const { o, campaign } = r;
  const { notReachable } = await o.surveys.countSendFailure(o.councilId, campaign.id, childId, NOT_REACHABLE_AFTER);
  if (!notReachable) return 'failed';
  log.warn('young person not reachable for this survey', { councilId: o.councilId, campaignId: campaign.id, childId, failures: NOT_REACHABLE_AFTER });
  return 'not-reachable';
}

/**
 * Delivers the message: delivered when every channel has sent it (now or
 * before). A number that has opted out is marked unreachable and not tried
 * again; when nothing else reached them, their other channel is tried now.
 */
export async function deliver(r: CampaignRun, child: ChildRecord, message: Message): Promise<Delivery> {
  const { o } = r;
  const nowMs = (o.nowMs ?? Date.now)();
  const { claimed, held } = await claimChannels(r, child, message, nowMs);
  const outcomes: Array<{ channel: Channel; outcome: ChannelOutcome }> = [];
  if (claimed.length > 0) {
    const url = await issueLink(r, child, message, claimed);
    for (const { channel, key } of claimed) outcomes.push({ channel, outcome: await sendBy(r, child, message, channel, key, url, nowMs) });
  }
  const sent = outcomes.filter((c) => c.outcome === 'sent' || c.outcome === 'claim-lost');
  const texts = sent.filter((c) => c.channel === 'text').length;
  const claimsLost = outcomes.filter((c) => c.outcome === 'claim-lost').length;
  if (outcomes.some((c) => c.outcome === 'failed')) return { outcome: await failed(r, child.id), texts, claimsLost };
  if (held) return { outcome: 'held', texts, claimsLost };
  if (sent.length === 0 && outcomes.some((c) => c.outcome === 'opted-out')) {
    const fallback = { ...child, mobileUnreachable: { since: new Date(nowMs).toISOString(), reason: 'opted-out' } };
    if (channelsFor(fallback, Boolean(o.sendText)).length > 0) {
      const again = await deliver(r, fallback, message);
      return { ...again, texts: again.texts + texts, claimsLost: again.claimsLost + claimsLost };
    }
  }
  await recordSent(r, child.id, message, new Date(nowMs).toISOString(), channelsFor(child, Boolean(o.sendText)));
  return { outcome: sent.length > 0 ? 'sent' : 'sent-before', texts, claimsLost };
}
