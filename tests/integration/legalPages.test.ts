/**
 * What the law says a young person must be told, in headless Chromium at a
 * phone's width: every survey page's footer links to its privacy notice
 * (the youngest bands' own, read aloud), the accessibility statement and the
 * cookies page; staff pages link the statement and cookies; each of those
 * pages carries the council's name and contacts from its settings and passes
 * the same axe-core checks as the survey pages.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startCouncilStack, type TestStack } from '#tests/support/stack.js';
import { browserForFile, closeBrowserAndStack } from '#tests/support/browser.js';
import { axeViolations, openPage } from '#tests/support/axe.js';
import { dispatchSurveys, inCareSince, scheduledCampaign, surveyLinkTo, writeChild } from '#tests/support/records.js';
import { COOKIES } from '#web/pages/legal.js';
import type { ChildRecord } from '#domain/people.js';
import { registerRtlTestLanguage } from '#local/rtlTestLanguage.js';

const TODAY = '2027-01-18';
const DPO = { email: 'dpo@test-borough.example', phone: '0300 555 0111', answersKept: '6 years after the survey closes, when we delete them' };
const ACCESS = { email: 'access@test-borough.example' };

let stack: TestStack;
const chromium = browserForFile();
const links = new Map<string, string>();

beforeAll(async () => {
  process.env.KEPT_TODAY = TODAY;
  registerRtlTestLanguage();
  stack = await startCouncilStack('legal', { council: { outOfHoursPhone: '0300 555 0100', dataProtection: DPO, accessibilityContact: ACCESS } });
  for (const [id, dob] of [['Y-1', '2017-08-08'], ['P-1', '2013-05-05']] as const) {
    const child: ChildRecord = { councilId: stack.councilId, id, firstName: 'A', lastName: 'B', dateOfBirth: dob, holderId: 'sw-1', createdAt: TODAY, version: 0, email: `young-${id.toLowerCase()}@${stack.councilId}.test` };
    await writeChild(stack, child, inCareSince(), TODAY);
  }
  for (const c of [
    { id: 'c-young', name: 'Young', surveyId: 'placement-8-11', mode: 'anonymous', audience: { status: 'looked-after', ageFrom: 8, ageTo: 11 } },
    { id: 'c-older', name: 'Older', surveyId: 'placement-11-17', mode: 'confidential', audience: { status: 'looked-after', ageFrom: 11, ageTo: 18 } },
  ] as const) await stack.surveys.putCampaign(scheduledCampaign(stack, TODAY, c));
  await dispatchSurveys(stack, TODAY);
  for (const id of ['Y-1', 'P-1']) links.set(id, await surveyLinkTo(stack, `young-${id.toLowerCase()}@${stack.councilId}.test`));
  await chromium.ready();
});

afterAll(() => closeBrowserAndStack(chromium, stack));

const footerLinks = (page: Page) => page.locator('.govuk-footer a').evaluateAll((as) => as.map((a) => [a.textContent.trim(), a.getAttribute('href')]));

describe('the footer', () => {
  it('of every survey page links to the privacy notice for its readers, the accessibility statement and cookies', async () => {
    const { page } = await openPage(await chromium.browser());
    const legal = (privacy: string) => [['What happens to your answers (privacy)', privacy], ['Accessibility', '/accessibility'], ['Cookies', '/cookies']];
    await page.goto(`${stack.baseUrl}${links.get('Y-1')}`);
    expect(await footerLinks(page)).toEqual(legal('/privacy/young'));
    await page.goto(`${stack.baseUrl}${links.get('Y-1')}/help`);
    expect(await footerLinks(page)).toEqual(legal('/privacy/young'));
    await page.goto(`${stack.baseUrl}${links.get('P-1')}`);
    expect(await footerLinks(page)).toEqual(legal('/privacy'));
    for (const path of ['/s', '/s/not-a-real-link-0000000000000000000000000']) {
      await page.goto(`${stack.baseUrl}${path}`);
      expect(await footerLinks(page), path).toEqual(legal('/privacy'));
    }
  });

  it('of a survey in another language says the linked pages are in English', async () => {
    const { page } = await openPage(await chromium.browser());
    await page.goto(`${stack.baseUrl}${links.get('Y-1')}?lang=ar-XB`);
    const texts = (await footerLinks(page)).map(([text]) => text);
    expect(texts).toHaveLength(3);
    for (const text of texts) expect(text).toContain('in English');
  });

  it('of the staff pages links the same accessibility statement and cookies page', async () => {
    const { page } = await openPage(await chromium.browser(), { session: { name: 'kept_session', value: await stack.token('practitioner', 'sw-1'), url: stack.baseUrl } });
    await page.goto(`${stack.baseUrl}/`);
    expect(await footerLinks(page)).toEqual(expect.arrayContaining([['Accessibility', '/accessibility'], ['Cookies', '/cookies']]));
    expect((await footerLinks(page)).map(([, href]) => href)).not.toContain('/privacy');
  });
});

describe('the pages', () => {
  it('the privacy notice: the council, what each kind of survey keeps, for how long, rights and whom to ask', async () => {
    const { page } = await openPage(await chromium.browser());
    await page.goto(`${stack.baseUrl}/privacy`);
    const text = await page.locator('main').innerText();
    for (const words of ['Test Borough does.', 'An anonymous survey', 'A confidential survey', `We keep the answers for ${DPO.answersKept}.`, DPO.email, DPO.phone, 'Information Commissioner’s Office']) expect(text).toContain(words);
  });

  it('the youngest notice: short parts, each with a read-aloud button for its own words', async () => {
    const { page } = await openPage(await chromium.browser());
    await page.goto(`${stack.baseUrl}/privacy/young`);
    const targets = await page.locator('button[data-read-aloud]').evaluateAll((bs) => bs.map((b) => (b as HTMLElement).dataset.readAloud!));
    expect(targets.length).toBeGreaterThanOrEqual(6);
    for (const id of targets) expect(await page.locator(`#${id} .kept-read`).count(), id).toBeGreaterThan(0);
    const sentences = await page.locator('.kept-read').allInnerTexts();
    for (const s of sentences) expect(s.split(/\s+/).length, s).toBeLessThanOrEqual(15);
    expect(await page.locator('main').innerText()).toContain(DPO.email);
  });

  it('the accessibility statement has the model statement\'s parts and the council\'s contact', async () => {
    const { page } = await openPage(await chromium.browser());
    await page.goto(`${stack.baseUrl}/accessibility`);
    const headings = await page.locator('main h2').allInnerTexts();
    expect(headings).toEqual(expect.arrayContaining(['Feedback and contact information', 'Enforcement procedure', 'Non-accessible content', 'Preparation of this accessibility statement']));
    const text = await page.locator('main').innerText();
    for (const words of ['partially compliant', 'Equality and Human Rights Commission', ACCESS.email, 'This statement was prepared on']) expect(text).toContain(words);
  });

  it('the cookies page lists every cookie Kept sets', async () => {
    const { page } = await openPage(await chromium.browser());
    await page.goto(`${stack.baseUrl}/cookies`);
    const names = await page.locator('main tbody th').allInnerTexts();
    expect([...names].sort()).toEqual(COOKIES.map((c) => c.name).sort());
  });

  it('pass axe-core at a phone\'s width, with no script errors', async () => {
    const { page, problems } = await openPage(await chromium.browser());
    const found: Record<string, string[]> = {};
    for (const path of ['/privacy', '/privacy/young', '/accessibility', '/cookies']) {
      const response = await page.goto(`${stack.baseUrl}${path}`);
      expect(response!.status(), path).toBe(200);
      found[path] = await axeViolations(page);
    }
    expect(Object.entries(found).filter(([, v]) => v.length)).toEqual([]);
    expect(problems).toEqual([]);
  });
});
