/**
 * The survey dispatch sends each invitation and each reminder exactly once,
 * against DynamoDB Local and the SES emulator: two dispatches at once, a
 * dispatch stopped part-way, one that died holding a claim or before it
 * recorded a send, and a send that failed. Each test has its own council,
 * so the campaigns of one test do not move in another's runs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { startTestStack, testStaff, type TestStack } from '#tests/support/stack.js';
import { dispatchFailure, runSurveyDispatch, type DispatchOptions } from '#services/surveyDispatch.js';
import { sesSender, type SendEmail } from '#email/sender.js';
import { projector } from '#services/council.js';
import { STATUTORY_POLICY } from '#domain/policy.js';
import { tokenHash } from '#platform/tokens.js';
import { documentClient } from '#store/dynamo/client.js';
import type { Campaign } from '#domain/surveys/campaign.js';
import type { ChildRecord } from '#domain/people.js';
import type { ReceivedEmail } from '#local/services.js';
import { CARE_LEAVER_FACTS } from '#tests/support/records.js';
import { killedAfter } from '#tests/support/killedRun.js';

const TODAY = '2027-01-18';
const WEEK_ON = '2027-01-25';
const CLOSES = '2027-02-15';
let stack: TestStack;
let send: SendEmail;

const leaverFacts = CARE_LEAVER_FACTS;

interface Council {
  councilId: string;
  campaignId: string;
  /** Each young person's address, by case reference. */
  addresses: Map<string, string>;
}

/** A council with `people` care leavers, each with an address, and a care leaver survey opening today. */
async function council(label: string, people: number, reminderDays: number[] = [7]): Promise<Council> {
  const councilId = `${stack.councilId}-${label}`;
  await stack.store.putCouncil({ id: councilId, name: 'Test Borough' });
  for (const s of testStaff(councilId)) await stack.store.createStaff(s);
  const addresses = new Map<string, string>();
  const entries = Array.from({ length: people }, (_, i) => {
    const email = `young-${label}-${i}@${stack.councilId}.test`;
    const child: ChildRecord = { councilId, id: `L-${i}`, firstName: 'Zara', lastName: 'Quill', dateOfBirth: '2006-03-01', holderId: 'sw-1', createdAt: TODAY, version: 0, email };
    addresses.set(child.id, email);
    return { child, facts: leaverFacts.map((fact) => ({ fact, recordedAt: `${TODAY}T08:00:00Z`, recordedBy: 'sw-1' })), projection: projector(STATUTORY_POLICY, TODAY)(child, leaverFacts.map((fact) => ({ fact }))) };
  });
  await stack.store.writeChildren(entries);
  const campaign: Campaign = {
    id: `cmp-${label}`, councilId, surveyId: 'care-leaver', version: 1, name: 'Care leavers', mode: 'anonymous', state: 'scheduled',
    audience: { status: 'care-leaver', ageFrom: 16, ageTo: 26 }, opens: TODAY, closes: CLOSES, reminderDays,
    createdBy: 'lead-1', createdAt: TODAY, invited: 0, remindersSent: 0,
  };
  await stack.surveys.putCampaign(campaign);
  return { councilId, campaignId: campaign.id, addresses };
}

const dispatch = (c: Council, today: string, extra: Partial<DispatchOptions> = {}) =>
  runSurveyDispatch({ store: stack.store, surveys: stack.surveys, claims: stack.claims, councilId: c.councilId, today, send, appUrl: stack.baseUrl, ...extra });

/** The emails each young person of the council has had, by case reference. */
async function mailsOf(c: Council): Promise<Map<string, ReceivedEmail[]>> {
  const inbox = await stack.inbox();
  return new Map([...c.addresses].map(([id, address]) => [id, inbox.filter((e) => e.destination.to[0] === address)]));
}
const counts = async (c: Council) => [...(await mailsOf(c)).values()].map((m) => m.length);
const tokenIn = (email: ReceivedEmail) => new URL(/Answer here: (\S+)/.exec(email.body.text!)![1]!).pathname.split('/')[2]!;
const campaignOf = async (c: Council) => (await stack.surveys.getCampaign(c.councilId, c.campaignId))!;
const invitationOf = async (c: Council, childId: string) => (await stack.surveys.listInvitations(c.councilId, c.campaignId)).find((i) => i.childId === childId)!;

/** The young person's last email carries the one link that works: the invitation names it, and it opens. */
async function expectOneWorkingLink(c: Council, childId: string, replaced: string[]) {
  const last = (await mailsOf(c)).get(childId)!.at(-1)!;
  const hash = tokenHash(tokenIn(last));
  expect((await invitationOf(c, childId)).linkHash).toBe(hash);
  expect((await fetch(`${stack.baseUrl}/s/${tokenIn(last)}`)).status).toBe(200);
  for (const old of replaced.filter((h) => h !== hash)) expect(await stack.surveys.getLink(old)).toBeNull();
}

beforeAll(async () => {
  process.env.KEPT_TODAY = TODAY;
  stack = await startTestStack('dispatch');
  send = sesSender({ ratePerSecond: 0 });
});

afterAll(async () => {
  await stack?.stop();
});

describe('the survey dispatch', () => {
  it('sends each invitation and each reminder once when two dispatches run at the same time', async () => {
    const c = await council('twice', 6);
    const [a, b] = await Promise.all([dispatch(c, TODAY), dispatch(c, TODAY)]);
    expect(a.sent + b.sent).toBe(6);
    expect(a.failed + b.failed).toBe(0);
    expect(await counts(c)).toEqual([1, 1, 1, 1, 1, 1]);
    // Whichever run found a message another was still sending left the campaign to open on the next run.
    if ((await campaignOf(c)).state !== 'open') expect(await dispatch(c, TODAY)).toMatchObject({ sent: 0, opened: 1 });
    expect(await campaignOf(c)).toMatchObject({ state: 'open', invited: 6 });

    const [x, y] = await Promise.all([dispatch(c, WEEK_ON), dispatch(c, WEEK_ON)]);
    expect(x.reminded + y.reminded).toBe(6);
    const mails = await mailsOf(c);
    for (const m of mails.values()) expect(m.map((e) => e.subject.startsWith('Reminder: '))).toEqual([false, true]);
    if ((await campaignOf(c)).remindersSent !== 1) await dispatch(c, WEEK_ON);
    expect(await dispatch(c, WEEK_ON)).toMatchObject({ sent: 0 });
    expect(await counts(c)).toEqual([2, 2, 2, 2, 2, 2]);
  });

  it('sends the rest, each once, when a dispatch stopped after some of its invitations runs again', async () => {
    const c = await council('stopped', 5);
    expect(await dispatch(c, TODAY, killedAfter(2, send))).toMatchObject({ sent: 2, stoppedEarly: true, opened: 0 });
    expect((await counts(c)).sort()).toEqual([0, 0, 0, 1, 1]);
    expect((await campaignOf(c)).state).toBe('scheduled');
    expect(await dispatch(c, TODAY)).toMatchObject({ sent: 3, opened: 1, invited: 5 });
    expect(await counts(c)).toEqual([1, 1, 1, 1, 1]);
  });

  it('leaves a message claimed by a dispatch that died to its lease, then sends it once with the only working link', async () => {
    const c = await council('died', 3);
    const now = Date.parse(`${TODAY}T09:00:00Z`);
    // A dispatch claims L-1's invitation and issues its link, then dies before sending (and so before giving the claim back).
    const dying: SendEmail = async (email) => {
      if (email.to === c.addresses.get('L-1')) throw Object.assign(new Error('process killed'), { name: 'Killed' });
      return send(email);
    };
    const died = await dispatch(c, TODAY, { send: dying, nowMs: () => now, claims: { ...stack.claims, release: async () => undefined } });
    expect(died).toMatchObject({ sent: 2, failed: 1 });
    const unsent = (await invitationOf(c, 'L-1')).linkHash;
    expect(await stack.surveys.getLink(unsent)).not.toBeNull();

    expect(await dispatch(c, TODAY, { nowMs: () => now + 60_000 })).toMatchObject({ sent: 0, held: 1, alreadyClaimed: 0, opened: 0 });
    expect((await mailsOf(c)).get('L-1')).toHaveLength(0);
    expect(await dispatch(c, TODAY, { nowMs: () => now + 16 * 60_000 })).toMatchObject({ sent: 1, opened: 1, invited: 3 });
    expect(await counts(c)).toEqual([1, 1, 1]);
    await expectOneWorkingLink(c, 'L-1', [unsent]);
  });

  it('does not send again what a dispatch sent but died before recording', async () => {
    const c = await council('unrecorded', 2);
    const surveys = {
      ...stack.surveys,
      markInvitationSent: async () => {
        throw Object.assign(new Error('process killed'), { name: 'Killed' });
      },
    };
    await expect(dispatch(c, TODAY, { surveys })).rejects.toThrow('process killed');
    expect(await counts(c)).toEqual([1, 0]);
    expect(await dispatch(c, TODAY)).toMatchObject({ sent: 1, alreadyClaimed: 1, opened: 1, invited: 2 });
    expect(await counts(c)).toEqual([1, 1]);
    // The rerun recorded the first invitation too, so it is reminded like the others.
    expect((await invitationOf(c, 'L-0')).sentAt).toBeTruthy();
    expect(await dispatch(c, WEEK_ON)).toMatchObject({ reminded: 2 });
  });

  it('retries a failed invitation and a failed reminder on the next run, with the only working link', async () => {
    const c = await council('flaky', 4);
    let failing = true;
    const flaky: SendEmail = async (email) => {
      if (failing && email.to === c.addresses.get('L-2')) throw Object.assign(new Error('mailbox unavailable'), { name: 'MessageRejected' });
      return send(email);
    };
    expect(await dispatch(c, TODAY, { send: flaky })).toMatchObject({ sent: 3, failed: 1, opened: 0 });
    const unsent = (await invitationOf(c, 'L-2')).linkHash;
    expect((await campaignOf(c)).state).toBe('scheduled');
    failing = false;
    expect(await dispatch(c, TODAY)).toMatchObject({ sent: 1, failed: 0, opened: 1, invited: 4 });
    expect(await counts(c)).toEqual([1, 1, 1, 1]);
    await expectOneWorkingLink(c, 'L-2', [unsent]);

    failing = true;
    expect(await dispatch(c, WEEK_ON, { send: flaky })).toMatchObject({ reminded: 3, failed: 1 });
    expect((await campaignOf(c)).remindersSent).toBe(0);
    failing = false;
    expect(await dispatch(c, WEEK_ON)).toMatchObject({ reminded: 1, alreadyClaimed: 0 });
    expect((await campaignOf(c)).remindersSent).toBe(1);
    expect(await counts(c)).toEqual([2, 2, 2, 2]);
    await expectOneWorkingLink(c, 'L-2', [unsent]);
  });

  it('keeps a send marker, with the message id, until the day after the campaign closes (DynamoDB TTL)', async () => {
    const c = await council('ttl', 1);
    await dispatch(c, TODAY);
    const { Item } = await documentClient().send(
      new GetCommand({ TableName: stack.tableName, Key: { pk: `CAMPAIGN#${c.councilId}#${c.campaignId}`, sk: 'SEND#L-0#INVITE' }, ConsistentRead: true }),
    );
    expect(Item).toMatchObject({ state: 'sent', messageId: expect.any(String), expiresAt: Date.parse(`${CLOSES}T00:00:00Z`) / 1000 + 86_400 });
  });

  it('gives up on a young person whose sends fail three times: the campaign opens and reminds everyone else, and shows them not reachable', async () => {
    const c = await council('unreachable', 4);
    const bad = c.addresses.get('L-2');
    const tried: string[] = [];
    const failing: SendEmail = async (email) => {
      tried.push(email.to);
      if (email.to === bad) throw Object.assign(new Error('mailbox unavailable'), { name: 'MessageRejected' });
      return send(email);
    };
    const first = await dispatch(c, TODAY, { send: failing });
    expect(first).toMatchObject({ sent: 3, failed: 1, notReachable: 0, opened: 0 });
    expect(dispatchFailure(first)).toBeDefined();
    expect(await dispatch(c, TODAY, { send: failing })).toMatchObject({ sent: 0, failed: 1, notReachable: 0, opened: 0 });
    expect((await invitationOf(c, 'L-2')).sendFailures).toBe(2);
    const third = await dispatch(c, TODAY, { send: failing });
    expect(third).toMatchObject({ sent: 0, failed: 0, notReachable: 1, opened: 1, invited: 3 });
    expect(dispatchFailure(third)).toBeUndefined();
    expect(await campaignOf(c)).toMatchObject({ state: 'open', invited: 3 });
    expect(await invitationOf(c, 'L-2')).toMatchObject({ notReachable: true, sendFailures: 3 });
    expect(tried.filter((to) => to === bad)).toHaveLength(3);

    // The reminder goes to everyone else, and no more is tried for them.
    const reminded = await dispatch(c, WEEK_ON, { send: failing });
    expect(reminded).toMatchObject({ reminded: 3, failed: 0, notReachable: 0 });
    expect(dispatchFailure(reminded)).toBeUndefined();
    expect((await campaignOf(c)).remindersSent).toBe(1);
    expect(tried.filter((to) => to === bad)).toHaveLength(3);
    expect(await counts(c)).toEqual([2, 2, 0, 2]);

    // The campaign's page counts them (one young person: shown as c), and their case page says so; no one else's does.
    stack.serveCouncil(c.councilId);
    const page = async (path: string, role: 'lead' | 'admin', staffId: string) =>
      (await fetch(`${stack.baseUrl}${path}`, { headers: { cookie: `kept_session=${await stack.token(role, staffId, c.councilId)}` } })).text();
    const cell = (html: string, key: string) => new RegExp(`>\\s*${key}\\s*</dt>\\s*<dd[^>]*>\\s*([^<]+?)\\s*</dd>`).exec(html)?.[1];
    const report = await page(`/reports/surveys/${c.campaignId}`, 'lead', 'lead-1');
    expect(cell(report, 'Not reachable for this survey')).toBe('c');
    expect(cell(report, 'Invited')).toBe('c');
    const csv = await page(`/reports/surveys/${c.campaignId}?format=csv`, 'lead', 'lead-1');
    expect(csv).toMatch(/Not reachable for this survey \(3 failed sends\),,c,/);
    expect(await page('/case/L-2', 'admin', 'admin-1')).toContain('Care leavers: not reachable for this survey.');
    expect(await page('/case/L-1', 'admin', 'admin-1')).not.toContain('not reachable for this survey');
  });
});
