/**
 * Faults injected between Kept and the real DynamoDB Local and SES emulator:
 * nothing is lost, nothing is sent twice, nothing is half-written.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { startCouncilStack, type TestStack } from '#tests/support/stack.js';
import { dynamoServerError, dynamoThrottling, sesServerError, sesThrottling, startFaultProxy, type Fault, type FaultProxy } from '#tests/support/faultProxy.js';
import { runSweep, sweepFailure } from '#services/sweep.js';
import { sesSender } from '#email/sender.js';
import { captureLogs } from '#platform/log.js';
import { newToken, tokenHash } from '#platform/tokens.js';
import { CARE_LEAVER_SURVEY } from '#domain/surveys/definitions.js';
import { answersFor } from '#tests/support/surveyClient.js';
import { longDate } from '#domain/dateText.js';

let stack: TestStack;
let dynamo: FaultProxy;
let ses: FaultProxy;
const TODAY = '2027-01-18';

beforeAll(async () => {
  process.env.KEPT_TODAY = TODAY;
  dynamo = await startFaultProxy(`http://127.0.0.1:${inject('dynamoPort')}`);
  ses = await startFaultProxy(`http://127.0.0.1:${inject('sesPort')}`);
  stack = await startCouncilStack('faults', { dynamoEndpoint: dynamo.url });
  const admin = await stack.token('admin', 'admin-1');
  for (const [id, holderId] of [['C-1', 'sw-1'], ['C-2', 'sw-2'], ['C-3', 'sw-3']] as const) {
    await stack.call('POST', '/children', { token: admin, body: { id, firstName: 'Ola', lastName: 'Pym', dateOfBirth: '2014-01-01', holderId } });
    await stack.call('POST', `/children/${id}/facts`, { token: admin, body: { type: 'entered-care', date: '2027-01-04' } });
    await stack.call('POST', `/children/${id}/facts`, { token: admin, body: { type: 'placement-started', date: '2027-01-04', placementId: 'P1', longTerm: false } });
  }
});

afterAll(async () => {
  await stack?.stop();
  await dynamo?.stop();
  await ses?.stop();
});

const digestsOn = async (day: string) => (await stack.inbox()).filter((e) => e.subject.endsWith(longDate(day)));

describe('SES faults during the sweep', () => {
  it('retries throttling and 5xx with backoff, and every digest is sent exactly once in the end', async () => {
    const attempts = new Map<string, number>();
    ses.rule = ({ body }) => {
      const to = /Destination\.ToAddresses\.member\.1=([^&]+)/.exec(body)?.[1] ?? '';
      const n = (attempts.get(to) ?? 0) + 1;
      attempts.set(to, n);
      return n === 1 ? sesThrottling : n === 2 ? sesServerError : null;
    };
    const report = await runSweep({ store: stack.store, claims: stack.claims, councilId: stack.councilId, today: TODAY, send: sesSender({ endpoint: ses.url, ratePerSecond: 0 }), appUrl: 'https://kept.example' });
    expect(report.failed).toBe(0);
    expect(report.sent).toBe(report.digests);
    expect([...attempts.values()].every((n) => n === 3)).toBe(true);
    const emails = await digestsOn(TODAY);
    expect(emails).toHaveLength(report.digests);
    expect(new Set(emails.map((e) => e.destination.to[0])).size).toBe(report.digests);
  });

  it('puts what cannot be sent on the dead-letter path with an alarm-worthy log line, and a rerun sends it once', async () => {
    const day = '2027-01-19';
    ses.rule = ({ body }) => (body.includes(encodeURIComponent(`sw-2@${stack.councilId}.test`)) ? sesServerError : null);
    const logs = captureLogs();
    let report;
    try {
      report = await runSweep({ store: stack.store, claims: stack.claims, councilId: stack.councilId, today: day, send: sesSender({ endpoint: ses.url, ratePerSecond: 0, maxAttempts: 3 }), appUrl: 'https://kept.example' });
    } finally {
      logs.stop();
    }
    expect(report.failed).toBe(1);
    const alarm = logs.lines.map((l) => JSON.parse(l)).find((l) => l.message === 'digest not sent');
    expect(alarm).toMatchObject({ level: 'ERROR', staffId: 'sw-2', deadLetter: true, today: day });
    // The scheduled handler throws sweepFailure's reason, so Lambda retries the run and then dead-letters it.
    expect(sweepFailure(report)).toBe(`1 digest(s) could not be sent for ${day}`);

    ses.rule = () => null;
    const rerun = await runSweep({ store: stack.store, claims: stack.claims, councilId: stack.councilId, today: day, send: sesSender({ endpoint: ses.url, ratePerSecond: 0 }), appUrl: 'https://kept.example' });
    expect(rerun).toMatchObject({ sent: 1, failed: 0 });
    const emails = await digestsOn(day);
    expect(emails.filter((e) => e.destination.to[0]!.startsWith('sw-2'))).toHaveLength(1);
    expect(new Set(emails.map((e) => e.destination.to[0])).size).toBe(emails.length);
  });
});

describe('DynamoDB faults while recording a fact', () => {
  const sw1 = () => stack.token('practitioner', 'sw-1');
  const snapshot = async () => {
    const { facts, obligations } = await stack.store.getChildHistory(stack.councilId, 'C-1');
    return { facts: facts.length, obligations: JSON.stringify(obligations.map((o) => [o.kind, o.dueDate]).sort()) };
  };
  /** Records a visit to C-1 on `date` while DynamoDB meets the transaction that writes it with `fault` (when it says so), then takes the fault away. */
  const recordVisitDuring = async (date: string, fault: () => Fault | null) => {
    dynamo.rule = ({ headers }) => (String(headers['x-amz-target']).endsWith('TransactWriteItems') ? fault() : null);
    const r = await stack.call('POST', '/children/C-1/facts', { token: await sw1(), body: { type: 'visit', date, seenAlone: true } });
    dynamo.rule = () => null;
    return r;
  };

  it('answers 503 when DynamoDB throttles, and writes neither the fact nor the projection', async () => {
    const before = await snapshot();
    const r = await recordVisitDuring('2027-01-11', () => dynamoThrottling);
    expect(r.status).toBe(503);
    expect(r.headers.get('retry-after')).toBeTruthy();
    expect(r.body.error).toMatch(/nothing was changed/);
    expect(await snapshot()).toEqual(before);
  });

  it('answers 503 on a server error too, with nothing half-written', async () => {
    const before = await snapshot();
    const r = await recordVisitDuring('2027-01-11', () => dynamoServerError);
    expect(r.status).toBe(503);
    expect(await snapshot()).toEqual(before);
  });

  it('records the fact once when the answer to a write that did happen is lost', async () => {
    const before = await snapshot();
    let lost = 0;
    const r = await recordVisitDuring('2027-01-12', () => (lost++ === 0 ? { ...dynamoServerError, after: true } : null));
    expect(r.status).toBe(201);
    expect((await snapshot()).facts).toBe(before.facts + 1);
  });
});

describe('concurrent survey submissions', () => {
  it('stores exactly one response when the same link is sent fifty times at once', async () => {
    const surveys = stack.surveys;
    await surveys.putCampaign({
      id: 'c-1', councilId: stack.councilId, surveyId: 'care-leaver', version: 1, name: 'Leavers', mode: 'anonymous', state: 'open',
      audience: { status: 'care-leaver', ageFrom: 16, ageTo: 26 }, opens: TODAY, closes: '2027-02-15', reminderDays: [],
      createdBy: 'lead-1', createdAt: TODAY, invited: 1, remindersSent: 0,
    });
    const token = newToken();
    await surveys.issueLink({ linkHash: tokenHash(token), councilId: stack.councilId, campaignId: 'c-1', childId: 'C-1', lastDay: '2027-02-14' }, 2_000_000_000);
    const draft = Object.fromEntries(Object.entries(Object.assign({}, ...Object.values(answersFor(CARE_LEAVER_SURVEY)))).map(([k, v]) => [k, /^\d+$/.test(String(v)) ? Number(v) : v]));
    await surveys.saveDraft(tokenHash(token), draft as Record<string, string | number>);
    const csrf = 'z'.repeat(40);
    const results = await Promise.all(
      Array.from({ length: 50 }, () =>
        fetch(`${stack.baseUrl}/s/${token}/check`, { method: 'POST', redirect: 'manual', headers: { cookie: `kept_csrf=${csrf}`, 'content-type': 'application/x-www-form-urlencoded' }, body: `csrf=${csrf}` }).then((r) => r.status),
      ),
    );
    expect(results.every((s) => s === 303 || s === 200)).toBe(true);
    expect(await surveys.listResponses(stack.councilId, 'c-1')).toHaveLength(1);
  });
});

describe('pages when DynamoDB fails', () => {
  it('answer 503 with the "Sorry, there is a problem" page in the GOV.UK layout, under the page\'s own CSP nonce', async () => {
    const lead = await stack.token('lead', 'lead-1');
    dynamo.rule = () => dynamoServerError;
    try {
      const survey = await fetch(`${stack.baseUrl}/s/${newToken()}`);
      const reports = await fetch(`${stack.baseUrl}/reports`, { headers: { cookie: `kept_session=${lead}` } });
      for (const [r, words] of [[survey, 'Your answers so far are saved.'], [reports, 'Please try again in a few minutes.']] as const) {
        expect(r.status).toBe(503);
        const html = await r.text();
        expect(html).toContain('Sorry, there is a problem');
        expect(html).toContain(words);
        expect(html).toContain('class="govuk-template"');
        expect(html).toContain('/assets/kept.css');
        const nonce = /'nonce-([^']+)'/.exec(r.headers.get('content-security-policy') ?? '')?.[1];
        expect(nonce).toBeTruthy();
        for (const tag of html.match(/<script[^>]*>/g) ?? []) expect(tag.includes(`nonce="${nonce}"`) || tag.includes('src=')).toBe(true);
        expect(html).toContain(`nonce="${nonce}"`);
      }
    } finally {
      dynamo.rule = () => null;
    }
  });
});
