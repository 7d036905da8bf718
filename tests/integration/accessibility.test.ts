/**
 * Every survey page in headless Chromium: axe-core reports no WCAG 2.2 A/AA
 * violations, the page's own CSP raises nothing, and a young person can
 * finish a survey with the keyboard alone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startCouncilStack, type TestStack } from '#tests/support/stack.js';
import { CARE_LEAVER_SURVEY, PLACEMENT_SURVEY_OLDER, PLACEMENT_SURVEY_YOUNG } from '#domain/surveys/definitions.js';
import { DEMO_PLEDGE } from '#local/demoPledge.js';
import type { SurveyDefinition } from '#domain/surveys/schema.js';
import type { ChildRecord } from '#domain/people.js';
import type { Fact } from '#domain/facts.js';
import { answersFor } from '#tests/support/surveyClient.js';
import { browserForFile, closeBrowserAndStack } from '#tests/support/browser.js';
import { axeViolations, openPage } from '#tests/support/axe.js';
import { dispatchSurveys, inCareSince, scheduledCampaign, surveyLinkTo, writeChild } from '#tests/support/records.js';

const TODAY = '2027-01-18';

let stack: TestStack;
const chromium = browserForFile();
const links = new Map<string, string>();

const inCare = inCareSince();
const leaver: Fact[] = [...inCare.map((f) => ({ ...f, date: '2020-01-01' }) as Fact), { type: 'left-care', date: '2024-03-01', reason: 'age-18' }];

async function addChild(id: string, dob: string, facts: Fact[]) {
  const child: ChildRecord = { councilId: stack.councilId, id, firstName: 'A', lastName: 'B', dateOfBirth: dob, holderId: 'sw-1', createdAt: TODAY, version: 0, email: `young-${id.toLowerCase()}@${stack.councilId}.test` };
  await writeChild(stack, child, facts, TODAY);
}

const linkFor = (childId: string) => surveyLinkTo(stack, `young-${childId.toLowerCase()}@${stack.councilId}.test`);

const open = async () => openPage(await chromium.browser());
const axe = axeViolations;

async function fill(page: Page, definition: SurveyDefinition, sectionId: string, overrides: Record<string, string> = {}) {
  const answers = answersFor(definition, overrides)[sectionId]!;
  for (const q of definition.sections.find((s) => s.id === sectionId)!.questions) {
    if (q.type === 'text') await page.fill(`textarea[name="${q.id}"]`, answers[q.id]!);
    else await page.check(`input[name="${q.id}"][value="${answers[q.id]}"]`);
  }
}

beforeAll(async () => {
  process.env.KEPT_TODAY = TODAY;
  stack = await startCouncilStack('a11y', { council: { outOfHoursPhone: '0300 555 0100', pledge: [...DEMO_PLEDGE] } });
  await addChild('L-1', '2006-03-01', leaver);
  await addChild('P-1', '2013-05-05', inCare);
  await addChild('P-2', '2013-06-05', inCare);
  await addChild('Y-1', '2017-08-08', inCare);
  await addChild('Y-2', '2017-09-08', inCare);
  const surveys = stack.surveys;
  for (const c of [
    { id: 'c-leavers', name: 'Leavers', surveyId: 'care-leaver', mode: 'anonymous', audience: { status: 'care-leaver', ageFrom: 16, ageTo: 26 } },
    { id: 'c-older', name: 'Older', surveyId: 'placement-11-17', mode: 'confidential', audience: { status: 'looked-after', ageFrom: 11, ageTo: 18 } },
    { id: 'c-young', name: 'Young', surveyId: 'placement-8-11', mode: 'anonymous', audience: { status: 'looked-after', ageFrom: 8, ageTo: 11 } },
  ] as const) await surveys.putCampaign(scheduledCampaign(stack, TODAY, c));
  await dispatchSurveys(stack, TODAY, surveys);
  for (const id of ['L-1', 'P-1', 'P-2', 'Y-1', 'Y-2']) links.set(id, await linkFor(id));
  await chromium.ready();
});

afterAll(() => closeBrowserAndStack(chromium, stack));

describe('axe-core finds no violations', () => {
  const cases: Array<[string, string, SurveyDefinition]> = [
    ['the care leaver survey', 'L-1', CARE_LEAVER_SURVEY],
    ['the placement survey, 11 to 17 (with the help panel)', 'P-1', PLACEMENT_SURVEY_OLDER],
    ['the placement survey, 8 to 10', 'Y-1', PLACEMENT_SURVEY_YOUNG],
  ];
  for (const [name, childId, definition] of cases) {
    it(`on every page of ${name}`, async () => {
      const { page, problems } = await open();
      const link = `${stack.baseUrl}${links.get(childId)}`;
      const found: Record<string, string[]> = {};
      await page.goto(link);
      found.start = await axe(page);
      for (const [i, section] of definition.sections.entries()) {
        await page.goto(`${link}/${section.id}`);
        found[section.id] = await axe(page);
        if (i === 0) {
          await page.getByRole('button', { name: 'Continue' }).click();
          expect(await page.locator('.govuk-error-summary').count()).toBe(1);
          found[`${section.id} with errors`] = await axe(page);
        }
        await fill(page, definition, section.id, { 'feel-safe-home': childId === 'P-1' ? 'never' : 'always' });
        await page.getByRole('button', { name: 'Continue' }).click();
      }
      expect(page.url()).toBe(`${link}/check`);
      found.check = await axe(page);
      await page.getByRole('button', { name: 'Send my answers' }).click();
      expect(page.url()).toBe(`${link}/done`);
      found.done = await axe(page);
      await page.goto(link);
      found['already answered'] = await axe(page);
      const violations = Object.entries(found).filter(([, v]) => v.length);
      expect(violations).toEqual([]);
      expect(problems).toEqual([]);
    });
  }

  it('on the pages for unknown and closed links', async () => {
    const { page } = await open();
    await page.goto(`${stack.baseUrl}/s/not-a-real-link-0000000000000000000000000`);
    expect(await axe(page)).toEqual([]);
    process.env.KEPT_TODAY = '2027-03-01';
    try {
      const response = await page.goto(`${stack.baseUrl}${links.get('P-2')}`);
      expect(response!.status()).toBe(410);
      expect(await axe(page)).toEqual([]);
    } finally {
      process.env.KEPT_TODAY = TODAY;
    }
  });
});

describe('keyboard only', () => {
  it('a young person can answer and send the whole survey without a mouse', async () => {
    const { page, problems } = await open();
    const link = `${stack.baseUrl}${links.get('Y-2')}`;
    await page.goto(link);
    const focused = () => page.evaluate(() => {
      const el = document.activeElement as HTMLInputElement | null;
      return { tag: el?.tagName ?? '', type: el?.type ?? '', name: el?.name ?? '', text: el?.textContent?.trim() ?? '' };
    });
    const tabTo = async (match: (f: Awaited<ReturnType<typeof focused>>) => boolean) => {
      for (let i = 0; i < 80; i++) {
        await page.keyboard.press('Tab');
        if (match(await focused())) return;
      }
      throw new Error('never reached by Tab');
    };
    await tabTo((f) => f.text === 'Start now');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/home$/);
    const sections = PLACEMENT_SURVEY_YOUNG.sections;
    for (const [i, section] of sections.entries()) {
      expect(page.url()).toBe(`${link}/${section.id}`);
      for (const q of section.questions) {
        if (q.type === 'text') {
          await tabTo((f) => f.tag === 'TEXTAREA' && f.name === q.id);
          await page.keyboard.type('I like my room');
        } else {
          await tabTo((f) => f.type === 'radio' && f.name === q.id);
          await page.keyboard.press('Space');
        }
      }
      await tabTo((f) => f.tag === 'BUTTON' && f.text === 'Continue');
      await page.keyboard.press('Enter');
      await page.waitForURL(`${link}/${sections[i + 1]?.id ?? 'check'}`);
    }
    expect(page.url()).toBe(`${link}/check`);
    await tabTo((f) => f.tag === 'BUTTON' && f.text === 'Send my answers');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/done$/);
    expect(await page.locator('h1').innerText()).toBe('Thank you');
    expect(problems).toEqual([]);
  });
});

