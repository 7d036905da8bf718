/**
 * The leads' pages read well on a phone (390 px) and a desktop (1280 px) in
 * headless Chromium: no word or number in a table, caption or chart is
 * broken across lines, no table is wider than the screen, chart labels are
 * at least 14 px and never cut off, codes are shown in words, a `c` is
 * explained by a key, and axe-core finds nothing. Set KEPT_SCREENSHOTS to a
 * folder to keep a full-page PNG of each page at each width.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import type { Page } from 'playwright-core';
import { startCouncilStack, type TestStack } from '#tests/support/stack.js';
import { browserForFile, closeBrowserAndStack } from '#tests/support/browser.js';
import { axeViolations, openPage } from '#tests/support/axe.js';
import { writeChild } from '#tests/support/records.js';
import { makeRng, syntheticChild } from '#local/histories.js';
import { syntheticAnswers } from '#local/demoResponses.js';
import { PLACEMENT_SURVEY_OLDER } from '#domain/surveys/definitions.js';
import { HIDDEN_MEANING } from '#domain/hiddenFigures.js';
import type { Campaign } from '#domain/surveys/campaign.js';
import type { Bands } from '#domain/surveys/bands.js';
import type { Fact } from '#domain/facts.js';

const TODAY = '2027-01-18';
const PAGES = ['/reports', '/reports/surveys/c-placement', '/reports/on-time', '/reports/review-dates'];
const WIDTHS = [390, 1280];

let stack: TestStack;
let lead: string;
const chromium = browserForFile();

const campaign: Omit<Campaign, 'councilId'> = {
  id: 'c-placement', surveyId: 'placement-11-17', version: 1, name: 'Placements, 11 to 17, winter 2027', mode: 'anonymous', state: 'open',
  audience: { status: 'looked-after', ageFrom: 11, ageTo: 18 }, opens: '2027-01-04', closes: '2027-02-01', reminderDays: [],
  createdBy: 'lead-1', createdAt: TODAY, invited: 83, remindersSent: 0,
};

const PLACEMENTS = ['foster', 'foster', 'foster', 'connected-person', 'supported-accommodation', 'residential'];
const AREAS: Bands['area'][] = ['in-area', 'in-area', 'out-of-area', 'unknown'];
const AGES: Bands['ageBand'][] = ['11-15', '11-15', '16-17'];

async function get(path: string) {
  const r = await fetch(`${stack.baseUrl}${path}`, { headers: { cookie: `kept_session=${lead}` } });
  return { status: r.status, text: await r.text() };
}

beforeAll(async () => {
  process.env.KEPT_TODAY = TODAY;
  stack = await startCouncilStack('readable');
  lead = await stack.token('lead', 'lead-1');
  const rng = makeRng(21);
  for (let i = 0; i < 30; i++) {
    const h = syntheticChild(rng, TODAY, false);
    const facts: Fact[] = [...h.facts, ...(i < 3 ? [{ type: 'case-system-review-due', date: '2027-03-30' } as Fact] : [])];
    await writeChild(stack, { councilId: stack.councilId, id: `R-${i}`, firstName: 'N', lastName: 'M', dateOfBirth: h.dateOfBirth, holderId: ['sw-1', 'sw-2', 'sw-3'][i % 3]!, createdAt: TODAY, version: 0 }, facts, TODAY);
  }
  await stack.surveys.putCampaign({ ...campaign, councilId: stack.councilId });
  await stack.surveys.putResponses(stack.councilId, 'c-placement', Array.from({ length: 47 }, (_, i) => ({
    surveyId: 'placement-11-17', version: 1, submittedOn: TODAY,
    answers: syntheticAnswers(PLACEMENT_SURVEY_OLDER, rng),
    bands: { ageBand: AGES[i % AGES.length]!, placementType: PLACEMENTS[i % PLACEMENTS.length]!, area: AREAS[i % AREAS.length]! },
  })));
  await chromium.ready();
});

afterAll(() => closeBrowserAndStack(chromium, stack));

/** Every word (a run of non-space characters in one text node) in tables, captions and charts that lies on more than one line. */
function brokenWords(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const broken: string[] = [];
    for (const el of Array.from(document.querySelectorAll('table th, table td, table caption, .kept-chart__label, .kept-chart__value'))) {
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (const m of (node.textContent ?? '').matchAll(/\S+/g)) {
          const range = document.createRange();
          range.setStart(node, m.index);
          range.setEnd(node, m.index + m[0].length);
          const lines = new Set(Array.from(range.getClientRects()).filter((r) => r.width > 0).map((r) => Math.round(r.top)));
          if (lines.size > 1) broken.push(m[0]);
        }
      }
    }
    return broken;
  });
}

/** Tables wider than the screen, and chart labels smaller than 14 px or cut off. */
function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    for (const t of Array.from(document.querySelectorAll('table'))) {
      if (t.getBoundingClientRect().right > window.innerWidth + 0.5) found.push(`table wider than the screen: ${t.caption?.textContent?.trim() ?? ''}`);
    }
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('.kept-chart__label, .kept-chart__value'))) {
      const size = parseFloat(getComputedStyle(el).fontSize);
      if (size < 14) found.push(`chart text ${size}px: ${el.textContent}`);
      const chart = el.closest('.kept-chart')!.getBoundingClientRect();
      const box = el.getBoundingClientRect();
      if (el.scrollWidth > el.clientWidth + 1 || box.right > chart.right + 0.5 || box.left < chart.left - 0.5) found.push(`chart text cut off: ${el.textContent}`);
    }
    return found;
  });
}

describe('the reports pages at 390 and 1280 px', () => {
  for (const width of WIDTHS) {
    it(`break no word or number, fit the screen, have readable charts and pass axe-core at ${width} px`, async () => {
      const { page, problems } = await openPage(await chromium.browser(), { width, height: 900, session: { name: 'kept_session', value: lead, url: stack.baseUrl } });
      const found: Record<string, string[]> = {};
      for (const path of PAGES) {
        const response = await page.goto(`${stack.baseUrl}${path}`);
        expect(response!.status(), path).toBe(200);
        found[path] = [...(await brokenWords(page)).map((w) => `broken: ${w}`), ...(await layoutProblems(page)), ...(await axeViolations(page))];
        if (process.env.KEPT_SCREENSHOTS) {
          mkdirSync(process.env.KEPT_SCREENSHOTS, { recursive: true });
          const name = join(process.env.KEPT_SCREENSHOTS, `${path.replace(/\W+/g, '-').replace(/^-|-$/g, '')}-${width}`);
          const height = await page.evaluate(() => document.documentElement.scrollHeight);
          for (let y = 0, part = 1; y < height; y += 1400, part++) {
            await page.screenshot({ path: `${name}-${part}.png`, fullPage: true, clip: { x: 0, y, width, height: Math.min(1400, height - y) } });
          }
        }
      }
      expect(Object.entries(found).filter(([, v]) => v.length)).toEqual([]);
      expect(problems).toEqual([]);
      await page.context().close();
    }, 120_000);
  }

  it('the check itself finds a word broken inside', async () => {
    const { page } = await openPage(await chromium.browser(), { width: 390 });
    await page.setContent('<table><tr><td style="width: 40px; overflow-wrap: anywhere">Supported accommodation 48.3%</td></tr></table>');
    expect(await brokenWords(page)).toEqual(['Supported', 'accommodation', '48.3%']);
    await page.context().close();
  });

  it('stacks a wide table on a phone, each figure labelled with its heading', async () => {
    const { page } = await openPage(await chromium.browser(), { width: 390, session: { name: 'kept_session', value: lead, url: stack.baseUrl } });
    await page.goto(`${stack.baseUrl}/reports/on-time`);
    const cell = page.locator('table td').first();
    expect(await cell.evaluate((el) => getComputedStyle(el, '::before').content)).toBe('"Visits on time"');
    expect(await page.getByRole('columnheader', { name: 'Visits on time' }).count()).toBeGreaterThan(0);
    await page.context().close();
  });
});

describe('codes in words, and a key for c', () => {
  it('shows placement types, areas, age bands and states in words on the pages and in the CSV', async () => {
    const html = (await get('/reports/surveys/c-placement')).text;
    for (const words of ['Connected person', 'Supported accommodation', 'Foster care', 'In area', 'Out of area', 'Not recorded', '11 to 15', '16 to 17']) expect(html).toContain(words);
    for (const code of ['connected-person', 'supported-accommodation', 'out-of-area', 'in-area', '>unknown<', '>11-15<']) expect(html).not.toContain(code);
    expect((await get('/reports')).text).toMatch(/>\s*Open\s*</);
    const csv = parse<Record<string, string>>((await get('/reports/surveys/c-placement?format=csv')).text, { columns: true });
    const groups = new Set(csv.filter((r) => r.section === 'indicator by placementType').map((r) => r.answer));
    expect(groups).toContain('Connected person');
    expect(groups).not.toContain('connected-person');
  });

  it('says what c means, in the same words, on the page, in the CSV notes column and in the JSON notes field', async () => {
    const html = (await get('/reports/surveys/c-placement')).text;
    expect(HIDDEN_MEANING).toBe("hidden to protect young people's privacy: a count of 1 to 5, or a figure that would let one be worked out");
    expect(html.replace(/&#39;/g, "'")).toContain(`<strong>c</strong>: ${HIDDEN_MEANING}.`);
    expect(html).toContain('href="/reports#hidden-figures"');
    expect((await get('/reports')).text).toContain('id="hidden-figures"');

    const json = JSON.parse((await get('/reports/surveys/c-placement?format=json')).text);
    expect(json.notes.c).toBe(`c: ${HIDDEN_MEANING}.`);
    expect(json.notes.howFiguresAreHidden).toMatch(/\/reports#hidden-figures$/);
    const csv = parse<Record<string, string>>((await get('/reports/surveys/c-placement?format=csv')).text, { columns: true });
    const hidden = csv.filter((r) => Object.values(r).includes('c'));
    expect(hidden.length).toBeGreaterThan(0);
    for (const r of hidden) expect(r.notes).toBe(`${json.notes.c} How figures are hidden: ${json.notes.howFiguresAreHidden}`);
    for (const r of csv.filter((x) => !Object.values(x).includes('c'))) expect(r.notes).toBe('');

    const onTime = JSON.parse((await get('/reports/on-time?format=json')).text);
    expect(onTime.notes).toEqual(json.notes);
    const onTimeCsv = parse<Record<string, string>>((await get('/reports/on-time?format=csv')).text, { columns: true });
    expect(Object.keys(onTimeCsv[0]!)).toContain('notes');
  });
});
