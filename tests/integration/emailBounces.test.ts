/**
 * Bounced and complained-of email, through the real SES client (by way of a
 * recording proxy in front of the SES emulator, which does not keep message
 * tags) and DynamoDB Local: a survey invitation carries tags naming the
 * young person, the configuration set's bounce event built from those tags
 * marks their address unreachable, the live response rate counts it as not
 * delivered, and the reminder goes by text; a member of staff's bounce
 * still stops their digests and tells an admin.
 */
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { startTestStack, testStaff, type TestStack } from '#tests/support/stack.js';
import { textOf } from '#tests/support/webSession.js';
import { runSurveyDispatch } from '#services/surveyDispatch.js';
import { handleEmailEvent } from '#services/emailEvents.js';
import { sesSender, type SendEmail } from '#email/sender.js';
import { smsSender, type SendText } from '#email/textSender.js';
import { CHILD_TAG, CLAIM_TAG, COUNCIL_TAG, idOfTagValue } from '#email/messageTags.js';
import { listen } from '#local/server.js';
import { captureLogs } from '#platform/log.js';
import { projector } from '#services/council.js';
import { STATUTORY_POLICY } from '#domain/policy.js';
import type { Campaign } from '#domain/surveys/campaign.js';
import type { ChildRecord } from '#domain/people.js';
import type { Fact } from '#domain/facts.js';

const TODAY = '2027-01-18';
const WEEK_ON = '2027-01-25';
let stack: TestStack;
let send: SendEmail;
let sendText: SendText;
let proxy: Server;
/** Every SendEmail request the SES client made, as the form it posted, and the message id SES gave back. */
const sent: Array<{ form: URLSearchParams; messageId: string }> = [];

const leaverFacts: Fact[] = [
  { type: 'entered-care', date: '2020-05-01' },
  { type: 'placement-started', date: '2020-05-01', placementId: 'P1', longTerm: true, arrangement: 'foster' },
  { type: 'left-care', date: '2024-03-01', reason: 'age-18' },
];
const address = (id: string) => `${id.toLowerCase()}@${stack.councilId}.test`;
const MOBILE = '+447700955001';
/** Six care leavers invited by email; L-1 also has a mobile number. */
const CHILDREN = ['L-1', 'L-2', 'L-3', 'L-4', 'L-5', 'L-6'];

/** The SendEmail requests to this address: the tags as SES would publish them in `mail.tags`, and the message id. */
function sendsTo(to: string): Array<{ tags: Record<string, string[]>; messageId: string }> {
  return sent
    .filter((s) => s.form.get('Action') === 'SendEmail' && s.form.get('Destination.ToAddresses.member.1') === to)
    .map(({ form, messageId }) => {
      const tags: Record<string, string[]> = {};
      for (let i = 1; form.has(`Tags.member.${i}.Name`); i++) (tags[form.get(`Tags.member.${i}.Name`)!] ??= []).push(form.get(`Tags.member.${i}.Value`)!);
      return { tags, messageId };
    });
}

/** The event SES publishes to SNS through the configuration set, for mail that carried these tags. */
function sesEvent(kind: 'Bounce' | 'Complaint', to: string, mail: { tags: Record<string, string[]>; messageId: string }, bounceType = 'Permanent') {
  const recipients = [{ emailAddress: to, action: 'failed', status: '5.1.1', diagnosticCode: 'smtp; 550 5.1.1 user unknown' }];
  return JSON.stringify({
    eventType: kind,
    ...(kind === 'Bounce'
      ? { bounce: { bounceType, bounceSubType: 'General', bouncedRecipients: recipients, timestamp: '2027-01-18T09:01:00.000Z', feedbackId: 'feedback-1', reportingMTA: 'dsn; mta.example.com' } }
      : { complaint: { complainedRecipients: [{ emailAddress: to }], timestamp: '2027-01-18T09:02:00.000Z', feedbackId: 'feedback-2', complaintFeedbackType: 'abuse' } }),
    mail: {
      timestamp: '2027-01-18T09:00:00.000Z',
      source: 'Kept <kept@council.test>',
      messageId: mail.messageId,
      destination: [to],
      headersTruncated: false,
      tags: { 'ses:configuration-set': ['kept-mail'], 'ses:source-ip': ['192.0.2.0'], 'ses:from-domain': ['council.test'], ...mail.tags },
    },
  });
}

const dispatch = (today: string) =>
  runSurveyDispatch({ store: stack.store, surveys: stack.surveys, claims: stack.claims, councilId: stack.councilId, today, send, sendText, appUrl: stack.baseUrl });

let lead = '';
const report = (campaignId: string, format = '') =>
  fetch(`${stack.baseUrl}/reports/surveys/${campaignId}${format ? `?format=${format}` : ''}`, { headers: { cookie: `kept_session=${lead}` } });

beforeAll(async () => {
  process.env.KEPT_TODAY = TODAY;
  stack = await startTestStack('bounces');
  // A proxy in front of the SES emulator that keeps each request's form (with its Tags) and the message id.
  proxy = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => void forward().catch(() => res.writeHead(502).end()));
    async function forward() {
      const body = Buffer.concat(chunks).toString('utf8');
      const headers = Object.fromEntries(Object.entries(req.headers).filter(([name, value]) => typeof value === 'string' && !['host', 'content-length', 'connection'].includes(name))) as Record<string, string>;
      const answer = await fetch(`${stack.sesEndpoint}${req.url}`, { method: req.method, headers, body: body || undefined });
      const text = await answer.text();
      sent.push({ form: new URLSearchParams(body), messageId: /<MessageId>([^<]+)</.exec(text)?.[1] ?? '' });
      res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'text/xml' });
      res.end(text);
    }
  });
  send = sesSender({ endpoint: `http://127.0.0.1:${await listen(proxy, 0)}`, ratePerSecond: 0 });
  sendText = smsSender({ endpoint: stack.smsEndpoint, ratePerSecond: 0 })!;
  await stack.store.putCouncil({ id: stack.councilId, name: 'Test Borough' });
  for (const s of testStaff(stack.councilId)) await stack.store.createStaff(s);
  await stack.store.writeChildren(
    CHILDREN.map((id) => {
      const child: ChildRecord = {
        councilId: stack.councilId, id, firstName: 'Zara', lastName: 'Quill', dateOfBirth: '2006-03-01', holderId: 'sw-1', createdAt: TODAY, version: 0,
        email: address(id), ...(id === 'L-1' ? { mobile: MOBILE } : {}),
      };
      return { child, facts: leaverFacts.map((fact) => ({ fact, recordedAt: `${TODAY}T08:00:00Z`, recordedBy: 'sw-1' })), projection: projector(STATUTORY_POLICY, TODAY)(child, leaverFacts.map((fact) => ({ fact }))) };
    }),
  );
  lead = await stack.token('lead', 'lead-1');
});

afterAll(async () => {
  await new Promise<void>((r) => (proxy ? proxy.close(() => r()) : r()));
  await stack?.stop();
});

describe('a young person’s bounced survey email', () => {
  it('is noticed from the invitation’s tags: the address is marked unreachable, counted as not delivered, and the reminder goes by text', async () => {
    const campaign: Campaign = {
      id: 'cmp-bounce', councilId: stack.councilId, surveyId: 'care-leaver', version: 1, name: 'Care leavers', mode: 'anonymous', state: 'scheduled',
      audience: { status: 'care-leaver', ageFrom: 16, ageTo: 26 }, opens: TODAY, closes: '2027-02-15', reminderDays: [7],
      createdBy: 'lead-1', createdAt: TODAY, invited: 0, remindersSent: 0,
    };
    await stack.surveys.putCampaign(campaign);
    expect(await dispatch(TODAY)).toMatchObject({ opened: 1, invited: 6, sent: 6, texts: 0, failed: 0 });

    // The invitation to L-1 went by email with tags naming the council and the case, and its send claim, in SES's alphabet.
    const [invitation, ...more] = sendsTo(address('L-1'));
    expect(more).toHaveLength(0);
    expect(Object.keys(invitation!.tags).sort()).toEqual([CHILD_TAG, CLAIM_TAG, COUNCIL_TAG]);
    for (const [value] of Object.values(invitation!.tags)) expect(value).toMatch(/^[A-Za-z0-9_-]{1,256}$/);
    expect(idOfTagValue(invitation!.tags[COUNCIL_TAG]![0]!)).toBe(stack.councilId);
    expect(idOfTagValue(invitation!.tags[CHILD_TAG]![0]!)).toBe('L-1');
    expect((await stack.inbox()).filter((e) => e.destination.to[0] === address('L-1'))).toHaveLength(1);
    expect((await (await report(campaign.id, 'json')).json()).rates).toMatchObject({ invited: 6, undelivered: 0 });

    // A full inbox (SES retries) and a notice that names another address are left alone.
    expect(await handleEmailEvent(stack.store, send, sesEvent('Bounce', address('L-1'), invitation!, 'Transient'))).toBe(0);
    expect(await handleEmailEvent(stack.store, send, sesEvent('Bounce', 'someone-else@example.test', invitation!))).toBe(0);
    expect((await stack.store.getChild(stack.councilId, 'L-1'))!.emailUnreachable).toBeUndefined();

    // The permanent bounce, with the tags the invitation carried (SES may give the address in another case).
    const logs = captureLogs();
    try {
      expect(await handleEmailEvent(stack.store, send, sesEvent('Bounce', address('L-1').toUpperCase(), invitation!), '2027-01-18T09:05:00.000Z')).toBe(1);
    } finally {
      logs.stop();
    }
    expect((await stack.store.getChild(stack.councilId, 'L-1'))!.emailUnreachable).toEqual({ since: '2027-01-18T09:05:00.000Z', reason: 'bounced' });
    // Logged by case reference only, never the address or the name; no member of staff marked or told.
    expect(logs.lines.join('\n')).toContain('L-1');
    expect(logs.lines.join('\n')).not.toMatch(/l-1@|Zara|Quill/i);
    expect((await stack.store.listStaff(stack.councilId)).filter((s) => s.undeliverable)).toEqual([]);
    expect((await stack.inbox()).filter((e) => e.subject.includes('not being delivered'))).toHaveLength(0);

    // The live response rate counts it as not delivered (1 to 5 shows as c).
    const json = await (await report(campaign.id, 'json')).json();
    expect(json.rates).toMatchObject({ invited: 6, undelivered: 'c' });
    const csv: string[][] = parse(await (await report(campaign.id, 'csv')).text());
    expect(csv.find((r) => r[2] === 'Could not be delivered (email or text)')![4]).toBe('c');
    expect(textOf(await (await report(campaign.id)).text())).toContain('invitations sent by email to an address that has since bounced for good or been reported as spam');

    // L-2 reports it as spam; L-3 to L-6 bounce: all six now count, exactly.
    const [toL2] = sendsTo(address('L-2'));
    const later = '2027-01-19T12:00:00.000Z';
    expect(await handleEmailEvent(stack.store, send, sesEvent('Complaint', address('L-2'), toL2!), later)).toBe(1);
    expect((await stack.store.getChild(stack.councilId, 'L-2'))!.emailUnreachable).toMatchObject({ reason: 'complained' });
    for (const id of ['L-3', 'L-4', 'L-5', 'L-6']) expect(await handleEmailEvent(stack.store, send, sesEvent('Bounce', address(id), sendsTo(address(id))[0]!), later)).toBe(1);
    expect((await (await report(campaign.id, 'json')).json()).rates).toMatchObject({ invited: 6, undelivered: 6 });

    // The reminder goes to L-1 by text, and to nobody else: the others cannot be reached now.
    expect(await dispatch(WEEK_ON)).toMatchObject({ reminded: 1, texts: 1, failed: 0 });
    const texts = (await stack.texts()).filter((t) => t.to === MOBILE);
    expect(texts).toHaveLength(1);
    expect(texts[0]!.body).toContain(`${stack.baseUrl}/s/`);
    expect(sendsTo(address('L-1'))).toHaveLength(1);
    expect((await stack.inbox()).filter((e) => e.destination.to[0] === address('L-1'))).toHaveLength(1);
  });
});

describe('a member of staff’s bounced email', () => {
  it('still marks their address undeliverable and tells an admin, whether or not the event carries tags', async () => {
    const staffAddress = `sw-2@${stack.councilId}.test`;
    const untagged = JSON.stringify({
      notificationType: 'Bounce',
      bounce: { bounceType: 'Permanent', bouncedRecipients: [{ emailAddress: staffAddress }] },
      mail: { timestamp: '2027-01-25T07:00:01Z' },
    });
    expect(await handleEmailEvent(stack.store, send, untagged, '2027-01-25T07:05:00Z')).toBe(1);
    expect((await stack.store.getStaff(stack.councilId, 'sw-2'))!.undeliverable).toEqual({ since: '2027-01-25T07:05:00Z', reason: 'bounced' });
    const told = (await stack.inbox()).filter((e) => e.destination.to[0] === `admin-1@${stack.councilId}.test` && e.subject.includes('Sid Worker'));
    expect(told).toHaveLength(1);
    // The admin's notice is not a survey email: it carries no tags.
    expect(sendsTo(`admin-1@${stack.councilId}.test`).map((s) => s.tags)).toEqual([{}]);

    // With only SES's own tags (a digest goes through the configuration set too), it is a staff bounce.
    const digest = { tags: {}, messageId: 'digest-1' };
    expect(await handleEmailEvent(stack.store, send, sesEvent('Complaint', `sw-3@${stack.councilId}.test`, digest), '2027-01-25T08:00:00Z')).toBe(1);
    expect((await stack.store.getStaff(stack.councilId, 'sw-3'))!.undeliverable).toEqual({ since: '2027-01-25T08:00:00Z', reason: 'complained' });
  });
});
