/**
 * "I need help now" on every survey page, before any question: who to
 * contact, and in a confidential campaign a button that asks the worker to
 * get in touch, which emails the worker and their manager at once, once,
 * with no answer in it. The pages pass axe-core and work without JavaScript.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCouncilStack, type TestStack } from '#tests/support/stack.js';
import { SurveyBrowser, answersFor } from '#tests/support/surveyClient.js';
import { browserForFile, closeBrowserAndStack } from '#tests/support/browser.js';
import { axeViolations, openPage } from '#tests/support/axe.js';
import { PLACEMENT_SURVEY_OLDER } from '#domain/surveys/definitions.js';
import type { ChildRecord } from '#domain/people.js';
import { dispatchSurveys, inCareSince, scheduledCampaign, surveyLinkTo, writeChild } from '#tests/support/records.js';

const TODAY = '2027-01-18';
let stack: TestStack;
const chromium = browserForFile();
const inCare = inCareSince();
const addressOf = (id: string) => `young-${id.toLowerCase()}@${stack.councilId}.test`;

async function addChild(id: string) {
  const child: ChildRecord = { councilId: stack.councilId, id, firstName: 'Wren', lastName: 'Hollis', dateOfBirth: '2013-05-05', holderId: 'sw-1', createdAt: TODAY, version: 0, email: addressOf(id) };
  await writeChild(stack, child, inCare, TODAY);
}

const linkFor = (id: string) => surveyLinkTo(stack, addressOf(id));

const staffMail = async () => (await stack.inbox()).filter((e) => /^(sw|tm)-\d@/.test(e.destination.to[0]!));

const axe = axeViolations;

beforeAll(async () => {
  process.env.KEPT_TODAY = TODAY;
  stack = await startCouncilStack('helpnow', { council: { outOfHoursPhone: '0300 555 0100' } });
  for (const id of ['P-1', 'P-2', 'P-3']) await addChild(id);
  await stack.surveys.putCampaign(scheduledCampaign(stack, TODAY, { id: 'c-confidential', name: 'Confidential', surveyId: 'placement-11-17', mode: 'confidential', audience: { status: 'looked-after', ageFrom: 11, ageTo: 18 } }));
  await dispatchSurveys(stack, TODAY);
  await chromium.ready();
});

afterAll(() => closeBrowserAndStack(chromium, stack));

/** Where "I need help now" is on a page, and where the first question is (-1 when none). */
function positions(html: string): { help: number; question: number } {
  return { help: html.indexOf('I need help now'), question: html.search(/<(input|textarea)[^>]+name="(?!csrf)/) };
}

describe('I need help now', () => {
  it('is on every survey page, before any question, and leads to who to contact', async () => {
    const link = await linkFor('P-1');
    const browser = new SurveyBrowser(stack.baseUrl);
    const answers = answersFor(PLACEMENT_SURVEY_OLDER);
    const pages = [await browser.get(link)];
    for (const s of PLACEMENT_SURVEY_OLDER.sections) {
      pages.push(await browser.get(`${link}/${s.id}`));
      await browser.post(`${link}/${s.id}`, answers[s.id]!);
    }
    pages.push(await browser.get(`${link}/check`));
    await browser.post(`${link}/check`, {});
    pages.push(await browser.get(`${link}/done`));
    pages.push(await browser.get(link)); // already answered
    for (const p of pages) {
      expect(p.status).toBe(200);
      const { help, question } = positions(p.html);
      expect(help, p.html.slice(0, 200)).toBeGreaterThan(0);
      if (question >= 0) expect(help).toBeLessThan(question);
      expect(p.html).toContain(`href="${link}/help"`);
    }
    const help = await browser.get(`${link}/help`);
    expect(help.status).toBe(200);
    expect(help.html).toContain('Sue Worker');
    expect(help.html).toContain('0300 555 0100');
    expect(help.html).toContain('0800 1111');
  });

  it('in a confidential campaign, asks the worker and their manager to get in touch at once, once per press (a double click is one), with no answers', async () => {
    const link = await linkFor('P-2');
    const browser = new SurveyBrowser(stack.baseUrl);
    await browser.get(link);
    const first = PLACEMENT_SURVEY_OLDER.sections[0]!;
    await browser.post(`${link}/${first.id}`, answersFor(PLACEMENT_SURVEY_OLDER, { 'anything-else': 'My secret words' })[first.id]!);
    const before = (await staffMail()).length;
    const page = await browser.get(`${link}/help`);
    expect(page.html).toContain('Ask my worker to contact me');

    // Without the CSRF value nothing is sent.
    expect((await browser.post(`${link}/help`, {}, { csrf: null })).status).toBe(403);
    expect((await staffMail()).length).toBe(before);

    const request = /name="request" value="([^"]+)"/.exec(page.html)![1]!;
    const [a, b] = await Promise.all([browser.post(`${link}/help`, { request }), browser.post(`${link}/help`, { request })]);
    // One press sends; the other, at the same moment, finds it being sent and says so ("on its way"), never "not sent".
    for (const r of [a, b]) {
      expect(r.status).toBe(200);
      expect(r.html).toMatch(/We have asked Sue Worker to contact you today|Your request to Sue Worker is being sent now/);
      expect(r.html).not.toContain('Ask my worker to contact me');
    }
    expect([a, b].some((r) => r.html.includes('We have asked Sue Worker to contact you today'))).toBe(true);
    const sent = (await staffMail()).slice(before);
    expect(sent.map((m) => m.destination.to[0]).sort()).toEqual([`sw-1@${stack.councilId}.test`, `tm-1@${stack.councilId}.test`]);
    for (const m of sent) {
      expect(m.subject).toContain('P-2');
      expect(m.body.text).toContain('P-2');
      expect(`${m.subject} ${m.body.text} ${m.body.html}`).not.toMatch(/Wren|Hollis|2013|secret words/);
    }
    expect((await browser.post(`${link}/help`, { request })).html).toContain('We have asked Sue Worker');
    expect((await staffMail()).length).toBe(before + 2);
    // The survey goes on: the answers given so far are kept.
    expect((await stack.surveys.listInvitations(stack.councilId, 'c-confidential')).find((i) => i.childId === 'P-2')?.answered).toBeFalsy();
  });

  it('passes axe-core on the survey page with the link, the help page and the page after asking', async () => {
    const { page } = await openPage(await chromium.browser());
    const link = `${stack.baseUrl}${await linkFor('P-3')}`;
    await page.goto(`${link}/${PLACEMENT_SURVEY_OLDER.sections[0]!.id}`);
    const found: Record<string, string[]> = { section: await axe(page) };
    await page.getByRole('button', { name: 'I need help now' }).click();
    expect(page.url()).toBe(`${link}/help`);
    found.help = await axe(page);
    await page.getByRole('button', { name: 'Ask my worker to contact me' }).click();
    expect(await page.getByText('We have asked Sue Worker to contact you today').count()).toBe(1);
    found.asked = await axe(page);
    expect(Object.entries(found).filter(([, v]) => v.length)).toEqual([]);
  });
});
