/**
 * The whole team around the child records in the browser, by the API's rule:
 * each of the five team roles (social worker, IRO, personal adviser, virtual
 * school, health) follows the link in their own morning email (through the
 * SES emulator) in headless Chromium to "Recorded"; a member cannot record a
 * kind they do not answer for, in the pages or through the API; and a record
 * form sent again (a double click, Back, a refresh, its Change link) shows
 * the first one's confirmation and stores nothing more.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startCouncilStack, type TestStack } from '#tests/support/stack.js';
import { browserForFile, closeBrowserAndStack } from '#tests/support/browser.js';
import { openPage } from '#tests/support/axe.js';
import { csrfOf, onceOf, textOf, webSession } from '#tests/support/webSession.js';
import { writeChild } from '#tests/support/records.js';
import { runSweep } from '#services/sweep.js';
import { sesSender } from '#email/sender.js';
import { longDate } from '#domain/dateText.js';
import type { ChildRecord, Staff } from '#domain/people.js';
import type { Fact } from '#domain/facts.js';

const TODAY = '2027-01-18';
let stack: TestStack;
const chromium = browserForFile();
const tokens: Record<string, string> = {};

/** One member of staff per team role, and the kind their digest link must lead to. */
const ROLES = [
  { role: 'social worker', id: 'sw-1', childId: 'T-1', kind: 'statutory-visit' },
  { role: 'IRO', id: 'iro-1', childId: 'T-1', kind: 'looked-after-review' },
  { role: 'personal adviser', id: 'pa-1', childId: 'L-1', kind: 'personal-adviser-contact' },
  { role: 'virtual school', id: 'vs-1', childId: 'T-1', kind: 'pep' },
  { role: 'health', id: 'nurse-1', childId: 'T-1', kind: 'initial-health-assessment' },
] as const;

const factsOf = async (id: string) => (await stack.store.getChildHistory(stack.councilId, id)).facts;

async function addChild(id: string, dateOfBirth: string, team: ChildRecord['team'], facts: Fact[]) {
  const child: ChildRecord = { councilId: stack.councilId, id, firstName: 'Tamsin', lastName: 'Orrell', dateOfBirth, holderId: 'sw-1', team, createdAt: TODAY, version: 0 };
  await writeChild(stack, child, facts, TODAY, { at: '2026-12-01T09:00:00Z' });
}

/** Answers whatever the question page asks, as a person would: today's date and a plain answer to each question. */
async function answer(page: Page): Promise<void> {
  const [y, m, d] = TODAY.split('-');
  await page.fill('#date-day', String(Number(d)));
  await page.fill('#date-month', String(Number(m)));
  await page.fill('#date-year', y!);
  if (await page.locator('input[name="seenAlone"]').count()) await page.check('input[name="seenAlone"][value="yes"]');
  if (await page.locator('input[name="participation"]').count()) await page.check('input[name="participation"][value="PN1"]');
  if (await page.locator('input[name="score"]').count()) await page.fill('#score', '12');
  await page.getByRole('button', { name: 'Continue' }).click();
  expect(await page.locator('h1').innerText()).toBe('Check your answers');
}

beforeAll(async () => {
  process.env.KEPT_TODAY = TODAY;
  stack = await startCouncilStack('team-recording', { localSignIn: true });
  const c = stack.councilId;
  const person = (id: string, name: string, teamRole: Staff['teamRole']): Staff => ({ councilId: c, id, name, email: `${id}@${c}.test`, role: 'practitioner', managerId: 'tm-1', teamRole });
  for (const s of [person('iro-1', 'Ira Reviewer', 'iro'), person('pa-1', 'Pat Adviser', 'personal-adviser'), person('vs-1', 'Val School', 'virtual-school'), person('nurse-1', 'Nia Nurse', 'health')]) {
    await stack.store.createStaff(s);
  }
  for (const { id } of ROLES) tokens[id] = await stack.token('practitioner', id);
  // T-1, 12, in care since 1 December: the first visit, review, PEP and health assessment are all overdue or close.
  await addChild('T-1', '2014-06-01', { socialWorker: 'sw-1', iro: 'iro-1', virtualSchool: 'vs-1', health: 'nurse-1' }, [
    { type: 'entered-care', date: '2026-12-01' },
    { type: 'placement-started', date: '2026-12-01', placementId: 'P1', longTerm: false, arrangement: 'foster' },
    { type: 'care-plan', date: '2026-12-02' },
    { type: 'placement-plan', date: '2026-12-02', placementId: 'P1' },
  ]);
  // L-1 left care at 18 in June 2026 with a personal adviser, who has not been in touch since.
  await addChild('L-1', '2008-06-01', { socialWorker: 'sw-1', personalAdviser: 'pa-1' }, [
    { type: 'entered-care', date: '2022-01-10' },
    { type: 'placement-started', date: '2022-01-10', placementId: 'P1', longTerm: true, arrangement: 'foster' },
    { type: 'left-care', date: '2026-06-01', reason: 'age-18' },
    { type: 'personal-adviser-contact', date: '2026-10-01' },
  ]);
  const report = await runSweep({ store: stack.store, claims: stack.claims, councilId: c, today: TODAY, send: sesSender({ ratePerSecond: 0 }), appUrl: stack.baseUrl });
  expect(report).toMatchObject({ ran: true, failed: 0 });
  await chromium.ready();
}, 120_000);

afterAll(() => closeBrowserAndStack(chromium, stack));

/** The record link for `kind` in the digest emailed to this person today. */
async function digestLink(staffId: string, childId: string, kind: string): Promise<string> {
  const mail = (await stack.inbox()).filter((e) => e.destination.to[0] === `${staffId}@${stack.councilId}.test` && e.subject.endsWith(longDate(TODAY)));
  expect(mail, staffId).toHaveLength(1);
  const links = [...mail[0]!.body.text!.matchAll(/https?:\/\/\S+\/record\/\S+/g)].map((m) => m[0]);
  const link = links.find((l) => l.endsWith(`/children/${childId}/record/${kind}`));
  expect(link, `${staffId}'s digest links: ${links.join(', ')}`).toBeDefined();
  return link!;
}

describe('each member of the team records their own work from their digest', () => {
  it.each(ROLES.map((r) => [r.role, r] as const))('the %s: from the email link to "Recorded"', async (_role, r) => {
    const link = await digestLink(r.id, r.childId, r.kind);
    const before = (await factsOf(r.childId)).length;
    const { page, problems } = await openPage(await chromium.browser(), { session: { name: 'kept_session', value: tokens[r.id]!, url: stack.baseUrl } });
    const opened = await page.goto(link);
    expect(opened?.status(), r.id).toBe(200);
    await answer(page);
    await page.getByRole('button', { name: 'Record', exact: true }).click();
    await page.waitForURL(/\/done$/);
    expect(await page.locator('.govuk-panel__title').innerText()).toBe('Recorded');
    const facts = await factsOf(r.childId);
    expect(facts).toHaveLength(before + 1);
    expect(facts.at(-1)!.recordedBy).toBe(r.id);
    // Done: it leaves their list.
    expect((await stack.store.dueForHolder(stack.councilId, r.id)).some((i) => i.childId === r.childId && i.kind === r.kind && i.dueDate <= TODAY)).toBe(false);
    expect(problems).toEqual([]);
    await page.context().close();
  }, 60_000);
});

describe('a member records only the kinds they answer for', () => {
  const OTHERS: Array<[string, string, string]> = [
    ['iro-1', 'T-1', 'statutory-visit'],
    ['nurse-1', 'T-1', 'looked-after-review'],
    ['vs-1', 'T-1', 'dental-check'],
    ['pa-1', 'T-1', 'statutory-visit'], // not in T-1's team at all
  ];

  it('refuses the record page, with the staff header and a way back, and stores nothing', async () => {
    for (const [who, childId, kind] of OTHERS) {
      const before = (await factsOf(childId)).length;
      const web = webSession(stack.baseUrl, tokens[who]);
      const page = await web.get(`/children/${childId}/record/${kind}`);
      expect(page.status, `${who} ${kind}`).toBe(403);
      expect(textOf(page.html)).toContain('You cannot record this');
      expect(textOf(page.html)).toMatch(/Go to my work.*Signed in as/);
      const csrf = web.cookies.get('kept_record_csrf')!;
      const posted = await web.post(`/children/${childId}/record/${kind}/confirm`, { csrf, once: 'o'.repeat(32), 'date-day': '18', 'date-month': '1', 'date-year': '2027', seenAlone: 'yes', participation: 'PN1' });
      expect(posted.status, `${who} ${kind}`).toBe(403);
      expect((await factsOf(childId)).length).toBe(before);
    }
  });

  it('answers the same through the API', async () => {
    const facts: Record<string, Fact> = {
      'statutory-visit': { type: 'visit', date: TODAY, seenAlone: true },
      'looked-after-review': { type: 'review', date: TODAY, participation: 'PN1', childParticipated: true },
      'dental-check': { type: 'dental-check', date: TODAY },
    };
    for (const [who, childId, kind] of OTHERS) {
      expect((await stack.call('POST', `/children/${childId}/facts`, { token: tokens[who], body: facts[kind] })).status, `${who} ${kind}`).toBe(403);
    }
  });

  it("offers each member on the case page only their own kinds' Record actions", async () => {
    const actions = async (who: string) => [...(await webSession(stack.baseUrl, tokens[who]).get('/case/T-1')).html.matchAll(/href="\/children\/T-1\/record\/([^"]+)"/g)].map((m) => m[1]);
    const nurse = await actions('nurse-1');
    expect(nurse.length).toBeGreaterThan(0);
    expect(nurse.every((k) => /health|dental|sdq/.test(k!))).toBe(true);
    expect(await actions('iro-1')).toEqual(['looked-after-review', 'iro-alert']);
    expect(await actions('sw-1')).toEqual(expect.arrayContaining(['statutory-visit', 'looked-after-review', 'dental-check']));
    // Withdrawing a fact stays with the social worker, their manager and admins, as through the API.
    const iroCase = (await webSession(stack.baseUrl, tokens['iro-1']).get('/case/T-1')).html;
    expect(iroCase).not.toContain('recorded-in-error');
  });
});

describe('recording once', () => {
  it('stores one fact for a form sent twice at once, and shows the first one\'s confirmation', async () => {
    const { page, problems } = await openPage(await chromium.browser(), { session: { name: 'kept_session', value: tokens['sw-1']!, url: stack.baseUrl } });
    await page.goto(`${stack.baseUrl}/children/T-1/record/dental-check`);
    await answer(page);
    const before = (await factsOf('T-1')).length;
    // Two more sends of the very form the Record button sends, racing: a double click the page's script did not catch.
    const statuses = await page.evaluate(async () => {
      const form = document.querySelector<HTMLFormElement>('form[action$="/confirm"]')!;
      const send = () => fetch(form.action, { method: 'POST', body: new URLSearchParams(new FormData(form) as unknown as Record<string, string>), redirect: 'manual' }).then((r) => r.type);
      return Promise.all([send(), send()]);
    });
    expect(statuses).toEqual(['opaqueredirect', 'opaqueredirect']);
    await page.getByRole('button', { name: 'Record', exact: true }).click();
    await page.waitForURL(/\/done$/);
    expect(await page.locator('.govuk-panel__title').innerText()).toBe('Recorded');
    expect((await factsOf('T-1')).length).toBe(before + 1);
    expect(problems).toEqual([]);
    await page.context().close();
  }, 60_000);

  it('stores nothing more from Back and Record again, a refresh of the confirmation, or the Change link afterwards', async () => {
    const web = webSession(stack.baseUrl, tokens['sw-1']);
    const question = await web.get('/children/T-1/record/sdq');
    const csrf = csrfOf(question.html);
    const once = onceOf(question.html);
    const answers = { csrf, once, 'date-day': '17', 'date-month': '1', 'date-year': '2027', score: '9' };
    const check = await web.post('/children/T-1/record/sdq', answers);
    expect(onceOf(check.html)).toBe(once);
    const before = (await factsOf('T-1')).length;
    const first = await web.post('/children/T-1/record/sdq/confirm', answers);
    expect(first.location).toBe('/children/T-1/record/sdq/done');
    expect((await factsOf('T-1')).length).toBe(before + 1);
    // Back to check your answers and Record again; the browser's refresh sends the same form.
    for (let n = 0; n < 2; n++) {
      const again = await web.post('/children/T-1/record/sdq/confirm', answers);
      expect(again.status).toBe(303);
      expect(again.location).toBe('/children/T-1/record/sdq/done');
      expect(textOf((await web.get(again.location!)).html)).toContain('Recorded');
    }
    // The check page's Change link keeps the form's token, so answering again from it stores nothing either.
    const change = /<a class="govuk-link" href="([^"]+)">Change/.exec(check.html)![1]!.replace(/&amp;/g, '&');
    const changed = await web.get(change);
    expect(onceOf(changed.html)).toBe(once);
    expect((await web.post('/children/T-1/record/sdq/confirm', { ...answers, score: '11' })).location).toBe('/children/T-1/record/sdq/done');
    expect((await factsOf('T-1')).length).toBe(before + 1);
    expect((await factsOf('T-1')).at(-1)!.fact).toEqual({ type: 'sdq', date: '2027-01-17', score: 9 });
    // A new visit to the question page is a new form: it records again.
    const fresh = await web.get('/children/T-1/record/sdq');
    expect(onceOf(fresh.html)).not.toBe(once);
    expect((await web.post('/children/T-1/record/sdq/confirm', { ...answers, once: onceOf(fresh.html) })).status).toBe(303);
    expect((await factsOf('T-1')).length).toBe(before + 2);
  });

  it('refuses a record form with no one-time token, storing nothing', async () => {
    const web = webSession(stack.baseUrl, tokens['sw-1']);
    const csrf = csrfOf((await web.get('/children/T-1/record/sdq')).html);
    const before = (await factsOf('T-1')).length;
    const r = await web.post('/children/T-1/record/sdq/confirm', { csrf, 'date-day': '17', 'date-month': '1', 'date-year': '2027', score: '9' });
    expect(r.status).toBe(403);
    expect((await factsOf('T-1')).length).toBe(before);
  });
});
