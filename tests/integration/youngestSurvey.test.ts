/**
 * The picture-led placement survey for 4 to 7 year olds: a worker starts it
 * with a 7 year old through an assisted link, and the link (the one its QR
 * code carries) is answered on a tablet in headless Chromium, with axe-core
 * clean on every page, every picture loaded with its text alternative, and a
 * "Read aloud" button that speaks the question where the browser can (and
 * stays hidden without speech). The response is stored in the 4-7 band.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCouncilStack, type TestStack } from '#tests/support/stack.js';
import { browserForFile, closeBrowserAndStack } from '#tests/support/browser.js';
import { axeViolations } from '#tests/support/axe.js';
import { answersFor } from '#tests/support/surveyClient.js';
import { PLACEMENT_SURVEY_YOUNGEST } from '#domain/surveys/definitions.js';
import type { ChildRecord } from '#domain/people.js';
import { inCareSince, scheduledCampaign, writeChild } from '#tests/support/records.js';

const TODAY = '2027-01-18';
let stack: TestStack;
const chromium = browserForFile();
const inCare = inCareSince();

const axe = axeViolations;

beforeAll(async () => {
  process.env.KEPT_TODAY = TODAY;
  stack = await startCouncilStack('youngest', { council: { outOfHoursPhone: '0300 555 0100' } });
  const child: ChildRecord = { councilId: stack.councilId, id: 'Y-7', firstName: 'Ossian', lastName: 'Vale', dateOfBirth: '2019-06-06', holderId: 'sw-1', createdAt: TODAY, version: 0 };
  await writeChild(stack, child, inCare, TODAY);
  // A second child for the check below: the first answers in the walk, and one who has answered is offered no new link.
  await writeChild(stack, { ...child, id: 'Y-8', firstName: 'Wren' }, inCare, TODAY);
  await stack.surveys.putCampaign(scheduledCampaign(stack, TODAY, { id: 'c-youngest', name: 'Youngest', surveyId: 'placement-4-7', mode: 'anonymous', state: 'open', audience: { status: 'looked-after', ageFrom: 4, ageTo: 8 } }));
  await chromium.ready();
});

afterAll(() => closeBrowserAndStack(chromium, stack));

describe('the placement survey for 4 to 7 year olds', () => {
  it('is started by a worker with a 7 year old and answered on a tablet, pictures and read-aloud included, stored in the 4-7 band', async () => {
    const started = await stack.call('POST', '/children/Y-7/survey-links', { token: await stack.token('practitioner', 'sw-1'), body: { campaignId: 'c-youngest' } });
    expect(started.status).toBe(201);
    const link: string = started.body.url;

    const context = await (await chromium.browser()).newContext({ viewport: { width: 768, height: 1024 } });
    // Headless Chromium may have no voices: a stand-in records what would be said.
    await context.addInitScript(() => {
      const said: Array<{ text: string; lang: string }> = [];
      Object.assign(window, { said });
      Object.defineProperty(window, 'speechSynthesis', { configurable: true, value: { cancel() {}, speak: (u: { text: string; lang: string }) => said.push({ text: u.text, lang: u.lang }) } });
      Object.defineProperty(window, 'SpeechSynthesisUtterance', { configurable: true, value: function Utterance(this: { text: string; lang: string }, text: string) { this.text = text; this.lang = ''; } });
    });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    const found: Record<string, string[]> = {};
    await page.goto(link);
    found.start = await axe(page);
    expect(await page.locator('h1').innerText()).toBe('How is it where you live?');
    await page.locator('.govuk-button--start').click();
    const answers = answersFor(PLACEMENT_SURVEY_YOUNGEST, { 'feel-safe-home': 'always' });
    for (const section of PLACEMENT_SURVEY_YOUNGEST.sections) {
      await page.waitForURL(`${link}/${section.id}`);
      found[section.id] = await axe(page);
      const img = page.locator('main img');
      expect(await img.getAttribute('alt')).toBe(section.picture!.alt);
      expect(await img.evaluate((e: HTMLImageElement) => e.complete && e.naturalWidth > 0)).toBe(true);
      const q = section.questions[0]!;
      const read = page.getByRole('button', { name: 'Read aloud' });
      expect(await read.isVisible()).toBe(true);
      await read.click();
      const said = await page.evaluate(() => (window as unknown as { said: Array<{ text: string; lang: string }> }).said.at(-1));
      expect(said!.text).toContain(q.text.replace(/\?$/, ''));
      expect(said!.lang).toBe('en-GB');
      if (q.type === 'choice') {
        expect(said!.text).toContain(q.options[0]!.label);
        expect(said!.text).not.toMatch(/😀/u);
        await page.check(`input[name="${q.id}"][value="${answers[section.id]![q.id]}"]`);
      } else await page.fill(`textarea[name="${q.id}"]`, 'I like my room');
      await page.getByRole('button', { name: 'Continue' }).click();
    }
    await page.waitForURL(`${link}/check`);
    found.check = await axe(page);
    await page.getByRole('button', { name: 'Send my answers' }).click();
    await page.waitForURL(`${link}/done`);
    found.done = await axe(page);
    expect(Object.entries(found).filter(([, v]) => v.length)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();

    const [stored, ...more] = await stack.surveys.listResponses(stack.councilId, 'c-youngest');
    expect(more).toHaveLength(0);
    expect(stored).toMatchObject({ surveyId: 'placement-4-7', version: 1, bands: { ageBand: '4-7', assisted: true }, answers: { 'feel-safe-home': 'always', 'anything-else': 'I like my room' } });
  });

  it('keeps "Read aloud" hidden where the browser cannot speak, and works without JavaScript', async () => {
    const started = await stack.call('POST', '/children/Y-8/survey-links', { token: await stack.token('practitioner', 'sw-1'), body: { campaignId: 'c-youngest' } });
    const link: string = started.body.url;
    for (const javaScriptEnabled of [true, false]) {
      const context = await (await chromium.browser()).newContext({ viewport: { width: 390, height: 844 }, javaScriptEnabled });
      await context.addInitScript(() => {
        Object.defineProperty(window, 'speechSynthesis', { configurable: true, value: undefined });
      });
      const page = await context.newPage();
      await page.goto(`${link}/safe`);
      expect(await page.locator('button[data-read-aloud]').count()).toBe(1);
      expect(await page.locator('button[data-read-aloud]').isVisible(), `JavaScript ${javaScriptEnabled}`).toBe(false);
      await context.close();
    }
  });

  it('serves each picture as SVG, locked down, and nothing else under pictures/', async () => {
    const svg = await fetch(`${stack.baseUrl}/assets/pictures/safe-home.svg`);
    expect(svg.status).toBe(200);
    expect(svg.headers.get('content-type')).toBe('image/svg+xml');
    expect(svg.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect((await fetch(`${stack.baseUrl}/assets/pictures/..%2Fkept.css`)).status).toBe(404);
    expect((await fetch(`${stack.baseUrl}/assets/read-aloud.js`)).headers.get('content-type')).toContain('javascript');
  });
});
