/**
 * A survey in another language: a young person whose record prefers the
 * right-to-left test language (ar-XB) gets the pages in it, with lang and dir
 * set, answers the whole survey in headless Chromium with axe-core clean on
 * every page; another chooses it on the start page without JavaScript.
 * Answers are stored by question id and option value, so the survey summary
 * counts them with the English ones.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startCouncilStack, type TestStack } from '#tests/support/stack.js';
import { SurveyBrowser, answersFor, completeSurvey } from '#tests/support/surveyClient.js';
import { browserForFile, closeBrowserAndStack } from '#tests/support/browser.js';
import { axeViolations } from '#tests/support/axe.js';
import { PLACEMENT_SURVEY_YOUNG } from '#domain/surveys/definitions.js';
import { RTL_TEST_LANGUAGE, registerRtlTestLanguage } from '#local/rtlTestLanguage.js';
import type { ChildRecord } from '#domain/people.js';
import { dispatchSurveys, inCareSince, scheduledCampaign, surveyLinkTo, writeChild } from '#tests/support/records.js';

const TODAY = '2027-01-18';
const RLO = '\u202E';
let stack: TestStack;
const chromium = browserForFile();
const inCare = inCareSince();

async function addChild(id: string, language?: string) {
  const child: ChildRecord = {
    councilId: stack.councilId, id, firstName: 'Dara', lastName: 'Noor', dateOfBirth: '2017-05-05', holderId: 'sw-1', createdAt: TODAY, version: 0,
    email: `young-${id.toLowerCase()}@${stack.councilId}.test`, ...(language ? { language } : {}),
  };
  await writeChild(stack, child, inCare, TODAY);
}

const linkFor = (childId: string) => surveyLinkTo(stack, `young-${childId.toLowerCase()}@${stack.councilId}.test`);

const axe = axeViolations;

const langDir = (page: Page) => page.evaluate(() => [document.documentElement.lang, document.documentElement.dir, getComputedStyle(document.body).direction]);

beforeAll(async () => {
  process.env.KEPT_TODAY = TODAY;
  registerRtlTestLanguage();
  stack = await startCouncilStack('languages', { council: { outOfHoursPhone: '0300 555 0100' } });
  await addChild('R-1', RTL_TEST_LANGUAGE);
  await addChild('E-1');
  await addChild('E-2', 'fa');
  await stack.surveys.putCampaign(scheduledCampaign(stack, TODAY, { id: 'c-young', name: 'Young', surveyId: 'placement-8-11', mode: 'anonymous', audience: { status: 'looked-after', ageFrom: 8, ageTo: 11 } }));
  await dispatchSurveys(stack, TODAY);
  await chromium.ready();
});

afterAll(() => closeBrowserAndStack(chromium, stack));

describe('a survey in the right-to-left test language', () => {
  it("invites in the language the record prefers when the survey has it, and in English otherwise", async () => {
    const mailTo = async (id: string) => (await stack.inbox()).find((e) => e.destination.to[0] === `young-${id.toLowerCase()}@${stack.councilId}.test`)!;
    const rtl = await mailTo('R-1');
    // The test language's subject wording around its own title, each mirrored.
    expect(rtl.subject).toBe(`${RLO}${RLO}How is it where you live?\u202C – Test Borough\u202C`);
    expect(rtl.body.html).toMatch(/^<div lang="ar-XB" dir="rtl">/);
    expect(rtl.body.html).toContain(`${RLO}Answer the survey\u202C</a>`);
    expect(rtl.body.text).toContain(`${RLO}It is anonymous: nobody will know which answers are yours.\u202C`);
    for (const id of ['E-1', 'E-2']) {
      const english = await mailTo(id);
      expect(english.subject).toBe('How is it where you live? – Test Borough');
      expect(english.body.html).toMatch(/^<p>Test Borough wants to hear from you.<\/p>/);
    }
  });

  it('opens in the language the record prefers and is answered in it, right to left, axe-core clean on every page', async () => {
    const context = await (await chromium.browser()).newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    const link = `${stack.baseUrl}${await linkFor('R-1')}`;
    const found: Record<string, string[]> = {};
    const seen: Record<string, string[]> = {};
    const check = async (name: string) => {
      found[name] = await axe(page);
      seen[name] = await langDir(page);
    };
    await page.goto(link);
    await check('start');
    expect(await page.locator('h1').innerText()).toBe(`${RLO}How is it where you live?\u202C`);
    expect(await page.locator(`input[name="lang"][value="${RTL_TEST_LANGUAGE}"]`).isChecked()).toBe(true);
    await page.locator('.govuk-button--start').click();
    const answers = answersFor(PLACEMENT_SURVEY_YOUNG, { 'feel-safe-home': 'always' });
    for (const [i, section] of PLACEMENT_SURVEY_YOUNG.sections.entries()) {
      await page.waitForURL(`${link}/${section.id}`);
      await check(section.id);
      if (i === 0) {
        await page.locator('form .govuk-button').last().click();
        const summary = page.locator('.govuk-error-summary');
        expect(await summary.count()).toBe(1);
        expect(await summary.innerText()).toContain(`${RLO}Choose an answer to: ${RLO}Do you feel safe where you live`);
        await check(`${section.id} with errors`);
        // Right to left: the error summary, the radios and the back link start from the right.
        const box = async (selector: string) => (await page.locator(selector).first().boundingBox())!;
        const radio = await box('.govuk-radios__input');
        const label = await box('.govuk-radios__label');
        expect(radio.x).toBeGreaterThan(label.x);
        const back = await box('.govuk-back-link');
        expect(back.x + back.width).toBeGreaterThan(390 / 2);
        expect(await summary.evaluate((e) => getComputedStyle(e).direction)).toBe('rtl');
      }
      for (const q of section.questions) {
        if (q.type === 'text') await page.fill(`textarea[name="${q.id}"]`, answers[section.id]![q.id]!);
        else await page.check(`input[name="${q.id}"][value="${answers[section.id]![q.id]}"]`);
      }
      await page.locator('form .govuk-button').last().click();
    }
    await page.waitForURL(`${link}/check`);
    await check('check');
    expect(await page.locator('.govuk-summary-list').first().innerText()).toContain(`${RLO}Always\u202C`);
    await page.locator('form .govuk-button').last().click();
    await page.waitForURL(`${link}/done`);
    await check('done');
    await page.goto(`${link}/help`);
    await check('help');
    expect(Object.entries(found).filter(([, v]) => v.length)).toEqual([]);
    expect(Object.values(seen).every((v) => v.join() === `${RTL_TEST_LANGUAGE},rtl,rtl`), JSON.stringify(seen)).toBe(true);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('is chosen on the start page without JavaScript and kept for the link’s pages; a language the survey lacks means English', async () => {
    const browser = new SurveyBrowser(stack.baseUrl);
    const link = await linkFor('E-1');
    const start = await browser.get(link);
    expect(start.html).toContain('<html lang="en-GB"');
    expect(start.html).toContain(`value="${RTL_TEST_LANGUAGE}"`);
    const chosen = await browser.get(`${link}?lang=${RTL_TEST_LANGUAGE}`);
    expect(chosen.html).toContain(`<html dir="rtl" lang="${RTL_TEST_LANGUAGE}"`);
    const section = await browser.get(`${link}/home`);
    expect(section.html).toContain(`<html dir="rtl" lang="${RTL_TEST_LANGUAGE}"`);
    expect(section.html).toContain(`${RLO}Do you feel safe where you live?`);
    const pages = await completeSurvey(browser, link, PLACEMENT_SURVEY_YOUNG, { 'feel-safe-home': 'always' });
    expect(pages.at(-1)!.html).toContain(`${RLO}Thank you`);

    // A preference for a language the survey does not have, or a made-up choice: English.
    const other = new SurveyBrowser(stack.baseUrl);
    const farsi = await linkFor('E-2');
    expect((await other.get(farsi)).html).toContain('<html lang="en-GB"');
    expect((await other.get(`${farsi}?lang=zz`)).html).toContain('<html lang="en-GB"');
    await completeSurvey(other, farsi, PLACEMENT_SURVEY_YOUNG, { 'feel-safe-home': 'always' });
  });

  it('stores answers by question id and option value, so the summary counts every language together', async () => {
    const stored = await stack.surveys.listResponses(stack.councilId, 'c-young');
    expect(stored).toHaveLength(3);
    for (const r of stored) expect(r.answers['feel-safe-home']).toBe('always');
    // Seven more in English, so that the count of ten is published, not suppressed.
    await stack.surveys.putResponses(stack.councilId, 'c-young', Array.from({ length: 7 }, () => ({
      surveyId: 'placement-8-11', version: 1, submittedOn: TODAY, answers: { 'feel-safe-home': 'always' }, bands: { ageBand: '8-10' as const, placementType: 'foster', area: 'unknown' as const },
    })));
    const r = await stack.call('GET', '/reports/surveys/c-young?format=json', { token: await stack.token('lead', 'lead-1') });
    expect(r.status).toBe(200);
    const q = r.body.summary.questions.find((x: { id: string }) => x.id === 'feel-safe-home');
    expect(q.table.columns).toEqual(['Always', 'Most of the time', 'Sometimes', 'Never']);
    expect(q.table.cells[0][0]).toBe(10);
  });
});
