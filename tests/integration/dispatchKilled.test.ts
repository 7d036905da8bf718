/**
 * A survey dispatch whose process is killed (SIGKILL) between claiming a
 * message and sending it, or between sending it and marking it sent, then run
 * again: by email (the SES emulator) and by text (the local SMS endpoint,
 * infra/local/sms.ts), against DynamoDB Local. A retry within the lease sends
 * nothing the dead run held and fails; the retry after the lease finishes the
 * step, and no young person is missed.
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

describe('a survey dispatch whose process is killed (SIGKILL) mid-message, then run again', () => {
  it.each([
    ['email', 'after-claim'],
    ['email', 'after-send'],
    ['text', 'after-claim'],
    ['text', 'after-send'],
  ] as const)('by %s, killed %s: a retry within the lease sends nothing held and fails; the retry after it opens the campaign, none lost', async (channel, point) => {
    const c = await council(`${channel}-${point}`, channel);
    const dispatch = (nowMs: number) =>
      runSurveyDispatch({ store: stack.store, surveys: stack.surveys, claims: stack.claims, councilId: c.councilId, today: TODAY, send, sendText, appUrl: stack.baseUrl, nowMs: () => nowMs });
    const t0 = Date.parse(`${TODAY}T09:00:00Z`);
    // Killed at the second invitation: the first went and was marked, the second is claimed (and perhaps sent).
    const killed = await dispatchKilledAt({ councilId: c.councilId, today: TODAY, smsEndpoint: stack.smsEndpoint, nowMs: t0 }, channel, point, 2);
    expect(killed.signal, killed.stderr).toBe('SIGKILL');
    expect((await received(channel, c.contacts)).reduce((a, b) => a + b)).toBe(point === 'after-claim' ? 1 : 2);

    const early = await dispatch(t0 + 60_000);
    expect(early).toMatchObject({ held: 1, opened: 0, failed: 0, claimsLost: 0 });
    expect(dispatchFailure(early)).toContain('held by another run');
    expect((await stack.surveys.getCampaign(c.councilId, c.campaignId))!.state).toBe('scheduled');

    const late = await dispatch(t0 + 16 * 60_000);
    expect(late).toMatchObject({ held: 0, sent: 1, opened: 1, invited: PEOPLE, failed: 0, claimsLost: 0 });
    expect(dispatchFailure(late)).toBeUndefined();
    expect(await dispatch(t0 + 17 * 60_000)).toMatchObject({ sent: 0, held: 0, opened: 0 });

    const counts = await received(channel, c.contacts);
    expect(counts.every((n) => n >= 1), 'every invitation arrived').toBe(true);
    // Killed after the claim: every invitation exactly once. Killed after the email or text was accepted but before
    // it was marked, nothing records that it went (neither SES nor SendTextMessage takes an idempotency key), so the
    // retry after the lease sends that one again: at least once, never lost, and only that one twice.
    expect(counts.filter((n) => n > 1)).toEqual(point === 'after-claim' ? [] : [2]);
    expect((await stack.surveys.listInvitations(c.councilId, c.campaignId)).every((i) => i.sentAt)).toBe(true);
  }, 60_000);
});
