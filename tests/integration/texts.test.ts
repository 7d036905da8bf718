/**
 * Survey invitations and reminders by text, through the real SDK client to
 * the local SMS endpoint (infra/local/sms.ts), with DynamoDB Local and the
 * SES emulator: each young person's channel, exactly once, the rate, an
 * opted-out number, a delivery failure that marks the number unreachable,
 * and a young person with only a mobile who answers from the text's link.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, testStaff, type TestStack } from '#tests/support/stack.js';
import { SurveyBrowser, completeSurvey } from '#tests/support/surveyClient.js';
import { runSurveyDispatch, type DispatchOptions } from '#services/surveyDispatch.js';
import { handleTextEvent } from '#services/textEvents.js';
import { sesSender, type SendEmail } from '#email/sender.js';
import { smsSender, type SendText } from '#email/textSender.js';
import { projector } from '#services/council.js';
import { STATUTORY_POLICY } from '#domain/policy.js';
import { CARE_LEAVER_SURVEY } from '#domain/surveys/definitions.js';
import { gsm7Length } from '#domain/textMessage.js';
import type { Campaign } from '#domain/surveys/campaign.js';
import type { ChildRecord } from '#domain/people.js';
import { CARE_LEAVER_FACTS } from '#tests/support/records.js';

const TODAY = '2027-01-18';
const WEEK_ON = '2027-01-25';
const CLOSES = '2027-02-15';
const COUNCIL_NAME = 'Test Borough';
let stack: TestStack;
let send: SendEmail;
let sendText: SendText;

const leaverFacts = CARE_LEAVER_FACTS;

type Contact = Pick<ChildRecord, 'email' | 'mobile' | 'preferredChannel'>;

/** A council whose care leavers have these contact details, and a care leaver survey opening today. */
async function council(label: string, contacts: Contact[]): Promise<{ councilId: string; campaignId: string }> {
  const councilId = `${stack.councilId}-${label}`;
  await stack.store.putCouncil({ id: councilId, name: COUNCIL_NAME });
  for (const s of testStaff(councilId)) await stack.store.createStaff(s);
  await stack.store.writeChildren(
    contacts.map((contact, i) => {
      const child: ChildRecord = { councilId, id: `L-${i}`, firstName: 'Zara', lastName: 'Quill', dateOfBirth: '2006-03-01', holderId: 'sw-1', createdAt: TODAY, version: 0, ...contact };
      return { child, facts: leaverFacts.map((fact) => ({ fact, recordedAt: `${TODAY}T08:00:00Z`, recordedBy: 'sw-1' })), projection: projector(STATUTORY_POLICY, TODAY)(child, leaverFacts.map((fact) => ({ fact }))) };
    }),
  );
  const campaign: Campaign = {
    id: `cmp-${label}`, councilId, surveyId: 'care-leaver', version: 1, name: 'Care leavers', mode: 'anonymous', state: 'scheduled',
    audience: { status: 'care-leaver', ageFrom: 16, ageTo: 26 }, opens: TODAY, closes: CLOSES, reminderDays: [7],
    createdBy: 'lead-1', createdAt: TODAY, invited: 0, remindersSent: 0,
  };
  await stack.surveys.putCampaign(campaign);
  return { councilId, campaignId: campaign.id };
}

const dispatch = (councilId: string, today: string, extra: Partial<DispatchOptions> = {}) =>
  runSurveyDispatch({ store: stack.store, surveys: stack.surveys, claims: stack.claims, councilId, today, send, sendText, appUrl: stack.baseUrl, ...extra });

let n = 0;
/** A fresh UK mobile number for each young person, in E.164. */
const mobile = () => `+4477009${String(10_000 + n++).padStart(5, '0')}`;
const textsTo = async (number: string) => (await stack.texts()).filter((t) => t.to === number);
const emailsTo = async (address: string) => (await stack.inbox()).filter((e) => e.destination.to[0] === address);
const address = (label: string) => `${label}@${stack.councilId}.test`;
const linkIn = (body: string) => new URL(/(http\S+\/s\/\S+)/.exec(body)![1]!).pathname;

beforeAll(async () => {
  process.env.KEPT_TODAY = TODAY;
  stack = await startTestStack('texts');
  send = sesSender({ ratePerSecond: 0 });
  sendText = smsSender({ endpoint: stack.smsEndpoint, ratePerSecond: 0 })!;
});

afterAll(async () => {
  await stack?.stop();
});

describe('survey texts', () => {
  it('goes by each young person’s channel: a text of one GSM-7 part with the council and the link, nothing about them', async () => {
    const [onlyMobile, both, textPreferred] = [mobile(), mobile(), mobile()];
    const c = await council('channels', [
      { mobile: onlyMobile },
      { email: address('channels-email') },
      { email: address('channels-both'), mobile: both, preferredChannel: 'both' },
      { email: address('channels-text'), mobile: textPreferred, preferredChannel: 'text' },
    ]);
    const report = await dispatch(c.councilId, TODAY);
    expect(report).toMatchObject({ opened: 1, invited: 4, sent: 4, texts: 3, failed: 0 });
    for (const number of [onlyMobile, both, textPreferred]) {
      const [text, ...more] = await textsTo(number);
      expect(more).toHaveLength(0);
      expect(gsm7Length(text!.body)).not.toBeNull();
      expect(gsm7Length(text!.body)!).toBeLessThanOrEqual(160);
      expect(text!.body).toContain(COUNCIL_NAME);
      expect(text!.body).toContain(`${stack.baseUrl}/s/`);
      expect(text!.body).not.toMatch(/Zara|Quill|L-\d|2006/);
    }
    expect(await emailsTo(address('channels-email'))).toHaveLength(1);
    expect(await emailsTo(address('channels-both'))).toHaveLength(1);
    expect(await emailsTo(address('channels-text'))).toHaveLength(0);
    // Both channels carry the same, one working link.
    const [bothText] = await textsTo(both);
    const [bothEmail] = await emailsTo(address('channels-both'));
    expect(bothEmail!.body.text).toContain(`${stack.baseUrl}${linkIn(bothText!.body)}`);

    // Nothing is sent twice; the reminder goes by text too.
    expect(await dispatch(c.councilId, TODAY)).toMatchObject({ sent: 0 });
    expect(await dispatch(c.councilId, WEEK_ON)).toMatchObject({ reminded: 4, texts: 3 });
    expect(await dispatch(c.councilId, WEEK_ON)).toMatchObject({ sent: 0 });
    const reminders = await textsTo(onlyMobile);
    expect(reminders.map((t) => t.body.startsWith('Reminder'))).toEqual([false, true]);
  });

  it('sends each text once when two dispatches run at the same time', async () => {
    const numbers = [mobile(), mobile(), mobile(), mobile(), mobile()];
    const c = await council('twice', numbers.map((m) => ({ mobile: m })));
    const [a, b] = await Promise.all([dispatch(c.councilId, TODAY), dispatch(c.councilId, TODAY)]);
    expect(a.texts + b.texts).toBe(5);
    for (const number of numbers) expect(await textsTo(number)).toHaveLength(1);
  });

  it('lets a young person with only a mobile number answer from the text’s link', async () => {
    const number = mobile();
    const c = await council('answer', [{ mobile: number }]);
    await dispatch(c.councilId, TODAY);
    const link = linkIn((await textsTo(number))[0]!.body);
    const pages = await completeSurvey(new SurveyBrowser(stack.baseUrl), link, CARE_LEAVER_SURVEY);
    expect(pages.at(-1)!.html).toContain('Thank you');
    expect(await stack.surveys.listResponses(c.councilId, c.campaignId)).toHaveLength(1);
    expect((await stack.surveys.listInvitations(c.councilId, c.campaignId))[0]).toMatchObject({ answered: true });
  });

  it('gives a failed text back for the next run, which sends it once', async () => {
    const number = mobile();
    const c = await council('failed', [{ mobile: number }]);
    const down = smsSender({ endpoint: 'http://127.0.0.1:9', ratePerSecond: 0, maxAttempts: 1 })!;
    expect(await dispatch(c.councilId, TODAY, { sendText: down })).toMatchObject({ failed: 1, opened: 0 });
    expect(await textsTo(number)).toHaveLength(0);
    expect(await dispatch(c.councilId, TODAY)).toMatchObject({ texts: 1, opened: 1 });
    expect(await textsTo(number)).toHaveLength(1);
  });

  it('marks an opted-out number unreachable and invites by email instead, at once', async () => {
    const number = mobile();
    await fetch(`${stack.smsEndpoint}/opt-outs`, { method: 'POST', body: JSON.stringify({ phoneNumber: number }) });
    const c = await council('optout', [{ mobile: number, email: address('optout'), preferredChannel: 'text' }]);
    expect(await dispatch(c.councilId, TODAY)).toMatchObject({ sent: 1, texts: 0, failed: 0, opened: 1 });
    expect((await stack.store.getChild(c.councilId, 'L-0'))!.mobileUnreachable).toMatchObject({ reason: 'opted-out' });
    expect(await emailsTo(address('optout'))).toHaveLength(1);
    // The reminder goes by email too; no text is tried again.
    expect(await dispatch(c.councilId, WEEK_ON)).toMatchObject({ reminded: 1, texts: 0 });
    expect(await emailsTo(address('optout'))).toHaveLength(2);
    expect(await textsTo(number)).toHaveLength(0);
  });

  it('marks a number unreachable when a delivery failure event arrives, so reminders go by email', async () => {
    const number = mobile();
    const c = await council('event', [{ mobile: number, email: address('event'), preferredChannel: 'text' }]);
    await dispatch(c.councilId, TODAY);
    expect(await textsTo(number)).toHaveLength(1);
    const event = (eventType: string, destination = number) =>
      JSON.stringify({ eventType, eventVersion: '1.0', destinationPhoneNumber: destination, messageStatus: 'FAILED', context: { councilId: c.councilId, childId: 'L-0' } });
    expect(await handleTextEvent(stack.store, event('TEXT_CARRIER_UNREACHABLE'))).toBe(false); // temporary: the service retries
    expect(await handleTextEvent(stack.store, event('TEXT_INVALID', '+447700999999'))).toBe(false); // no longer the child's number
    expect(await handleTextEvent(stack.store, 'not json')).toBe(false);
    expect((await stack.store.getChild(c.councilId, 'L-0'))!.mobileUnreachable).toBeUndefined();
    expect(await handleTextEvent(stack.store, event('TEXT_INVALID'), '2027-01-19T10:00:00.000Z')).toBe(true);
    expect((await stack.store.getChild(c.councilId, 'L-0'))!.mobileUnreachable).toEqual({ since: '2027-01-19T10:00:00.000Z', reason: 'invalid number' });
    expect(await dispatch(c.councilId, WEEK_ON)).toMatchObject({ reminded: 1, texts: 0 });
    expect(await textsTo(number)).toHaveLength(1);
    expect(await emailsTo(address('event'))).toHaveLength(1);
  });

  it('keeps to the configured rate', async () => {
    const numbers = [mobile(), mobile(), mobile(), mobile(), mobile(), mobile()];
    const paced = smsSender({ endpoint: stack.smsEndpoint, ratePerSecond: 5 })!;
    const started = Date.now();
    for (const to of numbers) await paced({ to, body: 'rate test', context: {} });
    // Six sends at five a second: the sixth starts a second after the first.
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    const at = (await stack.texts()).filter((t) => numbers.includes(t.to)).map((t) => Date.parse(t.at));
    expect(at).toHaveLength(6);
    expect(at[5]! - at[0]!).toBeGreaterThanOrEqual(900);
  });
});

describe('a young person’s contact details through the API', () => {
  it('stores a UK mobile in E.164 with the channel, and refuses bad ones naming the field, storing nothing', async () => {
    const c = await council('api', []);
    stack.serveCouncil(c.councilId);
    const manager = await stack.token('manager', 'tm-1', c.councilId);
    const child = (id: string, extra: object) => ({ id, firstName: 'Ada', lastName: 'Stone', dateOfBirth: '2010-04-01', holderId: 'sw-1', ...extra });
    const ok = await stack.call('POST', '/children', { token: manager, body: child('C-1', { mobile: '07700 100 100', preferredChannel: 'text', language: 'fa' }) });
    expect(ok.status).toBe(201);
    expect((await stack.store.getChild(c.councilId, 'C-1'))).toMatchObject({ mobile: '+447700100100', preferredChannel: 'text', language: 'fa' });
    for (const [body, field] of [
      [child('C-2', { mobile: '020 7946 0000' }), 'mobile'],
      [child('C-3', { preferredChannel: 'text' }), 'preferredChannel'],
      [child('C-4', { preferredChannel: 'fax' }), 'preferredChannel'],
    ] as const) {
      const bad = await stack.call('POST', '/children', { token: manager, body });
      expect(bad.status, JSON.stringify(body)).toBe(400);
      expect(bad.text).toContain(field);
      expect(await stack.store.getChild(c.councilId, body.id)).toBeNull();
    }
  });
});
