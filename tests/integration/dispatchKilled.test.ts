/**
 * A survey dispatch whose process is killed (SIGKILL) between claiming a
 * message and sending it, or between sending it and marking it sent, then run
 * again: invitations and reminders, by email (the SES emulator, behind the
 * relay that publishes SES's send events) and by text (the local SMS
 * endpoint, infra/local/sms.ts, which publishes the service's TEXT_QUEUED
 * events), against DynamoDB Local. Once the events are delivered: a message
 * the dead run had sent is marked sent by the provider's event, so no run
 * sends it again; one it had only claimed is held within the lease (that run
 * fails) and sent by the retry after it. Every message exactly once, none lost.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, testStaff, type TestStack } from '#tests/support/stack.js';
import { dispatchFailure, runSurveyDispatch } from '#services/surveyDispatch.js';
import { sesSender, type SendEmail } from '#email/sender.js';
import { smsSender, type SendText } from '#email/textSender.js';
import { projector } from '#services/council.js';
import { STATUTORY_POLICY } from '#domain/policy.js';
import type { Campaign } from '#domain/surveys/campaign.js';
import type { ChildRecord } from '#domain/people.js';
import { CARE_LEAVER_FACTS } from '#tests/support/records.js';
import { dispatchKilledAt } from '#tests/support/killedRun.js';

const TODAY = '2027-01-18';
const CLOSES = '2027-02-15';
/** The campaign's one reminder is due a week after it opens. */
const REMINDER_DAY = '2027-01-25';
const PEOPLE = 3;
let stack: TestStack;
let send: SendEmail;
let sendText: SendText;
let numbers = 20_000;

/** A council whose care leavers can be reached only by `channel`, and a care leaver survey opening today; their addresses or numbers. */
async function council(label: string, channel: 'email' | 'text'): Promise<{ councilId: string; campaignId: string; contacts: string[] }> {
  const councilId = `${stack.councilId}-${label}`;
  await stack.store.putCouncil({ id: councilId, name: 'Test Borough' });
  for (const s of testStaff(councilId)) await stack.store.createStaff(s);
  const contacts = Array.from({ length: PEOPLE }, (_, i) => (channel === 'email' ? `young-${label}-${i}@${stack.councilId}.test` : `+4477009${String(numbers++).padStart(5, '0')}`));
  await stack.store.writeChildren(
    contacts.map((contact, i) => {
      const child: ChildRecord = {
        councilId, id: `L-${i}`, firstName: 'Zara', lastName: 'Quill', dateOfBirth: '2006-03-01', holderId: 'sw-1', createdAt: TODAY, version: 0,
        ...(channel === 'email' ? { email: contact } : { mobile: contact }),
      };
      return { child, facts: CARE_LEAVER_FACTS.map((fact) => ({ fact, recordedAt: `${TODAY}T08:00:00Z`, recordedBy: 'sw-1' })), projection: projector(STATUTORY_POLICY, TODAY)(child, CARE_LEAVER_FACTS.map((fact) => ({ fact }))) };
    }),
  );
  const campaign: Campaign = {
    id: `cmp-${label}`, councilId, surveyId: 'care-leaver', version: 1, name: 'Care leavers', mode: 'anonymous', state: 'scheduled',
    audience: { status: 'care-leaver', ageFrom: 16, ageTo: 26 }, opens: TODAY, closes: CLOSES, reminderDays: [7],
    createdBy: 'lead-1', createdAt: TODAY, invited: 0, remindersSent: 0,
  };
  await stack.surveys.putCampaign(campaign);
  return { councilId, campaignId: campaign.id, contacts };
}

const sum = (counts: number[]) => counts.reduce((a, b) => a + b, 0);

/** How many messages each contact has had. */
async function received(channel: 'email' | 'text', contacts: string[]): Promise<number[]> {
  const to = channel === 'email' ? (await stack.inbox()).map((e) => e.destination.to[0]) : (await stack.texts()).map((t) => t.to);
  return contacts.map((c) => to.filter((x) => x === c).length);
}

beforeAll(async () => {
  process.env.KEPT_TODAY = TODAY;
  stack = await startTestStack('killed-dispatch');
  send = sesSender({ ratePerSecond: 0 });
  sendText = smsSender({ endpoint: stack.smsEndpoint, ratePerSecond: 0 })!;
});

afterAll(async () => {
  await stack?.stop();
});

describe('a survey dispatch whose process is killed (SIGKILL) mid-message, then run again once the send events are delivered', () => {
  it.each([
    ['invitation', 'email', 'after-claim'],
    ['invitation', 'email', 'after-send'],
    ['invitation', 'text', 'after-claim'],
    ['invitation', 'text', 'after-send'],
    ['reminder', 'email', 'after-claim'],
    ['reminder', 'email', 'after-send'],
    ['reminder', 'text', 'after-claim'],
    ['reminder', 'text', 'after-send'],
  ] as const)('%s by %s, killed %s: every message exactly once, none lost', async (step, channel, point) => {
    const c = await council(`${step}-${channel}-${point}`, channel);
    const day = step === 'invitation' ? TODAY : REMINDER_DAY;
    const dispatch = (nowMs: number) =>
      runSurveyDispatch({ store: stack.store, surveys: stack.surveys, claims: stack.claims, councilId: c.councilId, today: day, send, sendText, appUrl: stack.baseUrl, nowMs: () => nowMs });
    const before = step === 'invitation' ? 0 : 1;
    if (step === 'reminder') {
      expect(await dispatch(Date.parse(`${TODAY}T09:00:00Z`))).toMatchObject({ opened: 1, invited: PEOPLE });
      await stack.events();
    }
    const t0 = Date.parse(`${day}T09:00:00Z`);
    // Killed at the second message of the step: the first went and was marked, the second is claimed (and perhaps sent).
    const killed = await dispatchKilledAt({ councilId: c.councilId, today: day, smsEndpoint: stack.smsEndpoint, nowMs: t0 }, channel, point, 2);
    expect(killed.signal, killed.stderr).toBe('SIGKILL');
    expect(sum(await received(channel, c.contacts))).toBe(PEOPLE * before + (point === 'after-claim' ? 1 : 2));
    // The provider's events, as SES and End User Messaging SMS publish them within seconds of accepting each message.
    await stack.events();

    const moved = async () => {
      const campaign = (await stack.surveys.getCampaign(c.councilId, c.campaignId))!;
      return step === 'invitation' ? campaign.state === 'open' : campaign.remindersSent === 1;
    };
    const early = await dispatch(t0 + 60_000);
    if (point === 'after-claim') {
      // Held within the lease: not sent, not counted as sent; the run fails and the campaign waits.
      // (The first message, sent and recorded, is not looked at again.)
      expect(early).toMatchObject({ held: 1, sent: PEOPLE - 2, alreadyClaimed: 0, failed: 0, claimsLost: 0 });
      expect(dispatchFailure(early)).toContain('held by another run');
      expect(await moved()).toBe(false);
    } else {
      // The message the dead run sent was marked sent by the provider's event: not sent again, and the step completes.
      expect(early).toMatchObject({ held: 0, sent: PEOPLE - 2, alreadyClaimed: 1, failed: 0, claimsLost: 0 });
      expect(dispatchFailure(early)).toBeUndefined();
      expect(await moved()).toBe(true);
    }
    await stack.events();

    const late = await dispatch(t0 + 16 * 60_000);
    expect(late).toMatchObject({ held: 0, sent: point === 'after-claim' ? 1 : 0, failed: 0, claimsLost: 0 });
    expect(dispatchFailure(late)).toBeUndefined();
    expect(await moved()).toBe(true);
    await stack.events();
    expect(await dispatch(t0 + 17 * 60_000)).toMatchObject({ sent: 0, held: 0, opened: 0 });

    expect(await received(channel, c.contacts), 'each young person had each message once').toEqual(c.contacts.map(() => before + 1));
    const invitations = await stack.surveys.listInvitations(c.councilId, c.campaignId);
    expect(invitations.every((i) => i.sentAt && i.reminders === before)).toBe(true);
  }, 90_000);
});
