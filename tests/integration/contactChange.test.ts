/**
 * Changing a young person's own contact details after their case is open,
 * through the real HTTP API, the case page's form and DynamoDB Local: who may,
 * what is refused and left alone, the audit entry, a stale version, and a
 * bounced address that a new one replaces, after which the next survey
 * invitation goes to the new address. The form is checked with axe-core at
 * phone width, and works without JavaScript.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCouncilStack, type TestStack } from '#tests/support/stack.js';
import { csrfOf, textOf, webSession } from '#tests/support/webSession.js';
import { browserForFile } from '#tests/support/browser.js';
import { axeViolations, openPage } from '#tests/support/axe.js';
import { runSurveyDispatch } from '#services/surveyDispatch.js';
import { sesSender } from '#email/sender.js';
import { smsSender } from '#email/textSender.js';
import { projector } from '#services/council.js';
import { captureLogs } from '#platform/log.js';
import { STATUTORY_POLICY } from '#domain/policy.js';
import type { Campaign } from '#domain/surveys/campaign.js';
import type { ChildRecord } from '#domain/people.js';
import type { Fact } from '#domain/facts.js';
import type { AuditEntry } from '#store/ports/audit.js';

const TODAY = '2027-01-18';
let stack: TestStack;
const t: Record<string, string> = {};
const chromium = browserForFile();

const leaverFacts: Fact[] = [
  { type: 'entered-care', date: '2020-05-01' },
  { type: 'placement-started', date: '2020-05-01', placementId: 'P1', longTerm: true, arrangement: 'foster' },
  { type: 'left-care', date: '2024-03-01', reason: 'age-18' },
];
const address = (name: string) => `${name}@${stack.councilId}.test`;
const contact = (id: string, token: string | undefined, body: unknown) => stack.call('PUT', `/children/${id}/contact`, { token, body });
const record = (id: string) => stack.store.getChild(stack.councilId, id);

beforeAll(async () => {
  process.env.KEPT_TODAY = TODAY;
  stack = await startCouncilStack('contact');
  for (const [name, role, id] of [
    ['admin', 'admin', 'admin-1'], ['lead', 'lead', 'lead-1'], ['tm1', 'manager', 'tm-1'], ['tm2', 'manager', 'tm-2'],
    ['sw1', 'practitioner', 'sw-1'], ['sw3', 'practitioner', 'sw-3'],
  ] as const) t[name] = await stack.token(role, id);
  await stack.store.writeChildren(
    ['L-1', 'L-2', 'W-1'].map((id) => {
      const child: ChildRecord = {
        councilId: stack.councilId, id, firstName: 'Zara', lastName: 'Quill', dateOfBirth: '2006-03-01', holderId: 'sw-1', createdAt: TODAY, version: 0,
        email: address(`old-${id.toLowerCase()}`), preferredChannel: 'email',
      };
      return { child, facts: leaverFacts.map((fact) => ({ fact, recordedAt: `${TODAY}T08:00:00Z`, recordedBy: 'sw-1' })), projection: projector(STATUTORY_POLICY, TODAY)(child, leaverFacts.map((fact) => ({ fact }))) };
    }),
  );
});

afterAll(async () => {
  await chromium.close();
  await stack?.stop();
});

describe('PUT /children/{id}/contact', () => {
  it('changes the fields given, removes those sent as null, and is audited, with nothing logged of the number', async () => {
    const logs = captureLogs();
    let r;
    try {
      r = await contact('L-2', t.sw1, { mobile: '07700 100123', preferredChannel: 'both', language: 'ps' });
    } finally {
      logs.stop();
    }
    expect(r.status).toBe(200);
    expect(r.body.child).toMatchObject({ id: 'L-2', version: 1, email: address('old-l-2'), mobile: '+447700100123', preferredChannel: 'both', language: 'ps' });
    expect(logs.lines.join('\n')).not.toMatch(/7700|100123|old-l-2/);
    const got = (await stack.call('GET', '/children/L-2', { token: t.sw1 })).body.child;
    expect(got).toMatchObject({ mobile: '+447700100123', preferredChannel: 'both', language: 'ps', version: 1 });
    // A manager of the social worker removes the language; an admin changes the channel.
    expect((await contact('L-2', t.tm1, { language: null })).status).toBe(200);
    expect((await contact('L-2', t.admin, { preferredChannel: 'text' })).status).toBe(200);
    const after = await record('L-2');
    expect(after).toMatchObject({ email: address('old-l-2'), mobile: '+447700100123', preferredChannel: 'text', version: 3 });
    expect(after).not.toHaveProperty('language');
    const entries = (await stack.call('GET', '/children/L-2/audit', { token: t.admin })).body.entries as AuditEntry[];
    expect(entries.filter((e) => e.action === 'change-contact').map((e) => [e.staffId, e.route])).toEqual([
      ['sw-1', 'PUT /children/{id}/contact'], ['tm-1', 'PUT /children/{id}/contact'], ['admin-1', 'PUT /children/{id}/contact'],
    ]);
  });

  it('names the field and changes nothing when the details are wrong or do not fit together', async () => {
    const before = await record('L-2');
    for (const [body, field] of [
      [{ email: 'not an address' }, 'email'],
      [{ mobile: '020 7946 0000' }, 'mobile'],
      [{ language: 'Pashto' }, 'language'],
      [{ preferredChannel: 'pigeon' }, 'preferredChannel'],
      [{ mobile: null }, 'mobile'], // the preferred channel is text
      [{ email: null, preferredChannel: 'email' }, 'preferredChannel'],
      [{}, '(body)'],
    ] as const) {
      const r = await contact('L-2', t.sw1, body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.body.problems[0].field, JSON.stringify(body)).toBe(field);
    }
    expect(await record('L-2')).toEqual(before);
    expect((await contact('NOPE', t.admin, { language: 'fa' })).status).toBe(404);
  });

  it('is refused to a practitioner not on the case, another team’s manager and a lead', async () => {
    const before = await record('L-2');
    for (const who of ['sw3', 'tm2', 'lead']) expect((await contact('L-2', t[who], { language: 'fa' })).status, who).toBe(403);
    expect(await record('L-2')).toEqual(before);
  });

  it('refuses a change made against a version someone has changed since (409), and takes the current one', async () => {
    const { version } = (await record('L-2'))!;
    expect((await contact('L-2', t.sw1, { language: 'fa', version })).status).toBe(200);
    const stale = await contact('L-2', t.tm1, { language: 'ar', version });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatch(/changed since/);
    expect((await record('L-2'))?.language).toBe('fa');
  });
});

describe('a bounced address replaced', () => {
  it('clears the mark, and the next survey invitation goes to the new address', async () => {
    const old = address('old-l-1');
    expect(await stack.store.markEmailUnreachable(stack.councilId, 'L-1', old, '2026-12-03T09:05:00.000Z', 'bounced')).toBe(true);
    expect((await stack.call('GET', '/children/L-1', { token: t.sw1 })).body.child.emailUnreachable).toEqual({ since: '2026-12-03T09:05:00.000Z', reason: 'bounced' });
    // The case page flags it.
    const page = textOf((await webSession(stack.baseUrl, t.sw1).get('/case/L-1')).html);
    expect(page).toContain(`${old} Not delivered since 3 December 2026: bounced`);
    // Giving the same address again leaves the mark.
    expect((await contact('L-1', t.sw1, { email: old.toUpperCase() })).status).toBe(200);
    expect((await record('L-1'))?.emailUnreachable).toBeDefined();

    const r = await contact('L-1', t.sw1, { email: address('new-l-1') });
    expect(r.status).toBe(200);
    expect(r.body.child.emailUnreachable).toBeUndefined();
    const after = await record('L-1');
    expect(after?.email).toBe(address('new-l-1'));
    expect(after).not.toHaveProperty('emailUnreachable');
    // A late bounce for the old address no longer marks the record.
    expect(await stack.store.markEmailUnreachable(stack.councilId, 'L-1', old, '2027-01-18T10:00:00.000Z', 'bounced')).toBe(false);

    const campaign: Campaign = {
      id: 'cmp-contact', councilId: stack.councilId, surveyId: 'care-leaver', version: 1, name: 'Care leavers', mode: 'anonymous', state: 'scheduled',
      audience: { status: 'care-leaver', ageFrom: 16, ageTo: 26 }, opens: TODAY, closes: '2027-02-15', reminderDays: [7],
      createdBy: 'lead-1', createdAt: TODAY, invited: 0, remindersSent: 0,
    };
    await stack.surveys.putCampaign(campaign);
    const send = sesSender({ endpoint: stack.sesEndpoint, ratePerSecond: 0 });
    const sendText = smsSender({ endpoint: stack.smsEndpoint, ratePerSecond: 0 })!;
    await runSurveyDispatch({ store: stack.store, surveys: stack.surveys, claims: stack.claims, councilId: stack.councilId, today: TODAY, send, sendText, appUrl: stack.baseUrl });
    const to = (await stack.inbox()).map((e) => e.destination.to[0]);
    expect(to).toContain(address('new-l-1'));
    expect(to).not.toContain(old);
  });
});

describe('the form on the case page', () => {
  it('changes the details without JavaScript, re-showing what was typed on an error, then back to the case with a banner', async () => {
    const browser = webSession(stack.baseUrl, t.sw1);
    const casePage = (await browser.get('/case/W-1')).html;
    expect(casePage).toContain('href="/children/W-1/contact"');
    expect((await webSession(stack.baseUrl, t.lead).get('/case/W-1')).html).not.toContain('/children/W-1/contact');
    const form = await browser.get('/children/W-1/contact');
    expect(form.status).toBe(200);
    expect(form.html).toMatch(/type="email"[^>]*autocomplete="off"|autocomplete="off"[^>]*type="email"/);
    expect(form.html).toContain('type="tel"');
    const csrf = csrfOf(form.html);
    const typed = { csrf, version: '0', email: 'nope', mobile: '07700 100124', preferredChannel: 'both', language: 'fa' };
    const wrong = await browser.post('/children/W-1/contact', typed);
    expect(wrong.status).toBe(400);
    expect(textOf(wrong.html)).toContain('There is a problem Enter an email address in the correct format');
    expect(wrong.html).toContain('href="#email"');
    expect(wrong.html).toContain('value="nope"');
    expect(wrong.html).toContain('value="07700 100124"');
    expect((await record('W-1'))?.version).toBe(0);
    const done = await browser.post('/children/W-1/contact', { ...typed, csrf: csrfOf(wrong.html), email: address('w-1') });
    expect(done.status).toBe(303);
    expect(done.location).toBe('/case/W-1?changed=contact');
    expect(await record('W-1')).toMatchObject({ email: address('w-1'), mobile: '+447700100124', preferredChannel: 'both', language: 'fa', version: 1 });
    const shown = textOf((await browser.get(done.location!)).html);
    expect(shown).toContain("The young person's contact details have been changed.");
    expect(shown).toContain('Mobile number 07700 100124');
    expect(shown).toContain('Language Persian (fa)');
    // The same form sent again is now out of date: refused, nothing changed.
    const stale = await browser.post('/children/W-1/contact', { ...typed, csrf, email: address('w-9') });
    expect(stale.status).toBe(409);
    expect((await record('W-1'))?.email).toBe(address('w-1'));
    // Without the CSRF token, nothing happens.
    expect((await browser.post('/children/W-1/contact', { ...typed, csrf: 'x'.repeat(32), version: '1' })).status).toBe(403);
    expect((await webSession(stack.baseUrl, t.sw3).get('/children/W-1/contact')).status).toBe(403);
  });

  it('passes axe-core at 390 px, with and without errors, and with an unreachable address flagged', async () => {
    await stack.store.markEmailUnreachable(stack.councilId, 'W-1', address('w-1'), '2027-01-10T09:00:00.000Z', 'bounced');
    await chromium.ready();
    const { page, problems } = await openPage(await chromium.browser(), { session: { name: 'kept_session', value: t.sw1!, url: stack.baseUrl } });
    const found: Record<string, string[]> = {};
    await page.goto(`${stack.baseUrl}/case/W-1`);
    found.case = await axeViolations(page);
    await page.getByRole('link', { name: "Change the young person's contact details" }).click();
    expect(await page.textContent('.govuk-inset-text')).toContain('Not delivered since 10 January 2027: bounced');
    found.form = await axeViolations(page);
    await page.fill('#mobile', 'call me');
    await page.getByRole('button', { name: 'Save contact details' }).click();
    expect(await page.textContent('.govuk-error-summary')).toContain('Enter a UK mobile number');
    found.errors = await axeViolations(page);
    await page.fill('#mobile', '07700 100125');
    await page.fill('#email', address('w-2'));
    await page.getByRole('button', { name: 'Save contact details' }).click();
    await page.waitForURL(/changed=contact/);
    found.changed = await axeViolations(page);
    expect(found).toEqual({ case: [], form: [], errors: [], changed: [] });
    expect(problems).toEqual([]);
    expect(await record('W-1')).toMatchObject({ email: address('w-2'), mobile: '+447700100125' });
    expect(await record('W-1')).not.toHaveProperty('emailUnreachable');
  }, 120_000);
});
