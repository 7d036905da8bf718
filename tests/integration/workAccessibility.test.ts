/**
 * The practitioners' pages in headless Chromium at mobile width: axe-core
 * finds no WCAG 2.2 A/AA violations on any of them (with and without
 * errors), none scrolls sideways, the CSP raises nothing, and a social
 * worker can record a visit from the case page with the keyboard alone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCouncilStack, type TestStack } from '#tests/support/stack.js';
import { browserForFile, closeBrowserAndStack } from '#tests/support/browser.js';
import { axeViolations, openPage } from '#tests/support/axe.js';
import type { ChildRecord } from '#domain/people.js';
import type { Fact } from '#domain/facts.js';
import { writeChild } from '#tests/support/records.js';

const TODAY = '2027-01-18';
const WIDTH = 390;

let stack: TestStack;
const chromium = browserForFile();
const tokens: Record<string, string> = {};

async function addChild(id: string, facts: Fact[]) {
  const child: ChildRecord = { councilId: stack.councilId, id, firstName: 'Ellie', lastName: 'Walker', dateOfBirth: '2009-03-02', holderId: 'sw-1', createdAt: TODAY, version: 0 };
  await writeChild(stack, child, facts, TODAY, { at: '2026-11-01T08:00:00Z' });
}

const open = async (who: string) =>
  openPage(await chromium.browser(), { width: WIDTH, ...(tokens[who] ? { session: { name: 'kept_session', value: tokens[who], url: stack.baseUrl } } : {}) });
const check = axeViolations;

beforeAll(async () => {
  process.env.KEPT_TODAY = TODAY;
  stack = await startCouncilStack('work-a11y', { localSignIn: true });
  tokens['sw-1'] = await stack.token('practitioner', 'sw-1');
  tokens['tm-1'] = await stack.token('manager', 'tm-1');
  await addChild('A-1', [
    { type: 'entered-care', date: '2026-06-01' },
    { type: 'placement-started', date: '2026-06-01', placementId: 'P1', longTerm: false, arrangement: 'foster' },
    { type: 'review', date: '2026-06-20', participation: 'PN1', childParticipated: true },
    { type: 'sdq', date: '2026-07-01', score: 12 },
  ]);
  await addChild('K-1', [
    { type: 'entered-care', date: '2026-12-18' },
    { type: 'placement-started', date: '2026-12-18', placementId: 'P1', longTerm: false, arrangement: 'foster' },
  ]);
  await chromium.ready();
});

afterAll(() => closeBrowserAndStack(chromium, stack));

describe('axe-core finds no violations, at mobile width', () => {
  it('on My work, the team page, the case page and the sign-in page', async () => {
    const found: Record<string, string[]> = {};
    const { page, problems } = await open('sw-1');
    for (const path of ['/', '/?view=next-4-weeks&kind=statutory-visit', '/?kind=pep', '/case/A-1']) {
      await page.goto(`${stack.baseUrl}${path}`);
      found[path] = await check(page);
    }
    const manager = await open('tm-1');
    await manager.page.goto(`${stack.baseUrl}/team`);
    found['/team'] = await check(manager.page);
    await manager.page.goto(`${stack.baseUrl}/children/A-1/team`);
    found['/children/A-1/team'] = await check(manager.page);
    const anonymous = await open('none');
    await anonymous.page.goto(`${stack.baseUrl}/sign-in`);
    found['/sign-in'] = await check(anonymous.page);
    expect(Object.entries(found).filter(([, v]) => v.length)).toEqual([]);
    expect([...problems, ...manager.problems, ...anonymous.problems]).toEqual([]);
  }, 120_000);

  it('on each kind of question page, with and without errors', async () => {
    const found: Record<string, string[]> = {};
    const { page, problems } = await open('sw-1');
    for (const kind of ['statutory-visit', 'looked-after-review', 'sdq', 'review-health-assessment', 'pep']) {
      await page.goto(`${stack.baseUrl}/children/A-1/record/${kind}`);
      found[kind] = await check(page);
      await page.getByRole('button', { name: 'Continue' }).click();
      expect(await page.locator('.govuk-error-summary').count(), kind).toBe(1);
      found[`${kind} with errors`] = await check(page);
    }
    expect(Object.entries(found).filter(([, v]) => v.length)).toEqual([]);
    expect(problems).toEqual([]);
  }, 120_000);

  it('on check your answers, the confirmation, and recorded in error', async () => {
    const found: Record<string, string[]> = {};
    const { page, problems } = await open('sw-1');
    await page.goto(`${stack.baseUrl}/children/A-1/record/looked-after-review`);
    await page.fill('#date-day', '14');
    await page.fill('#date-month', '1');
    await page.fill('#date-year', '2027');
    await page.check('input[name="participation"][value="PN3"]');
    await page.getByRole('button', { name: 'Continue' }).click();
    expect(await page.locator('h1').innerText()).toBe('Check your answers');
    found.check = await check(page);
    await page.getByRole('button', { name: 'Record', exact: true }).click();
    await page.waitForURL(/\/done$/);
    found.done = await check(page);
    await page.goto(`${stack.baseUrl}/case/A-1`);
    found['case page with a new fact'] = await check(page);
    const links = await page.locator('a[href$="/recorded-in-error"]').evaluateAll((as) => as.map((a) => a.textContent?.replace(/\s+/g, ' ').trim()));
    expect(links).toContain('Recorded in error: review of Thursday, 14 January 2027');
    await page.locator('a[href$="/recorded-in-error"]', { hasText: 'review of Thursday, 14 January 2027' }).click();
    await page.waitForURL(/recorded-in-error$/);
    found['recorded in error'] = await check(page);
    await page.getByRole('button', { name: 'Continue' }).click();
    expect(await page.locator('.govuk-error-summary').count()).toBe(1);
    found['recorded in error, unanswered'] = await check(page);
    await page.check('input[name="inError"][value="yes"]');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL(`${stack.baseUrl}/case/A-1?done=withdrawn`);
    expect(await page.locator('.govuk-notification-banner--success').innerText()).toContain('Marked as recorded in error');
    found['case page with a correction'] = await check(page);
    expect(Object.entries(found).filter(([, v]) => v.length)).toEqual([]);
    expect(problems).toEqual([]);
  }, 120_000);
});

describe('the pages added for busy people', () => {
  it('the calendar link page, a refusal in the staff header, and the whole history are clean too', async () => {
    const found: Record<string, string[]> = {};
    const { page, problems } = await open('sw-1');
    await page.goto(`${stack.baseUrl}/`);
    await page.getByRole('button', { name: 'Get your calendar link' }).click();
    await page.waitForURL(/\/calendar-link$/);
    expect(await page.locator('a.govuk-button', { hasText: 'Add to your calendar' }).getAttribute('href')).toMatch(/^webcal:/);
    found['calendar link'] = await check(page);
    await page.goto(`${stack.baseUrl}/case/A-1?history=all`);
    found['case page, all history'] = await check(page);
    const manager = await open('tm-1');
    await manager.page.goto(`${stack.baseUrl}/children/A-1/record/not-a-kind`);
    found['404 in the staff header'] = await check(manager.page);
    expect(await manager.page.getByRole('link', { name: 'Go to my work' }).count()).toBe(1);
    if (process.env.KEPT_SCREENSHOTS) {
      for (const [path, name] of [['/', 'my-work'], ['/case/A-1', 'case-page']] as const) {
        await page.goto(`${stack.baseUrl}${path}`);
        await page.screenshot({ path: `${process.env.KEPT_SCREENSHOTS}/${name}-390.png`, fullPage: true });
      }
    }
    expect(Object.entries(found).filter(([, v]) => v.length)).toEqual([]);
    expect([...problems, ...manager.problems]).toEqual([]);
  }, 120_000);
});

describe('keyboard only', () => {
  it('a social worker records a visit from the case page without a mouse, and sees when the next is due', async () => {
    const { page, problems } = await open('sw-1');
    await page.goto(`${stack.baseUrl}/case/K-1`);
    const focused = () => page.evaluate(() => {
      const el = document.activeElement as HTMLInputElement | null;
      return { tag: el?.tagName ?? '', type: el?.type ?? '', name: el?.name ?? '', value: el?.value ?? '', text: el?.textContent?.trim().replace(/\s+/g, ' ') ?? '' };
    });
    const tabTo = async (match: (f: Awaited<ReturnType<typeof focused>>) => boolean) => {
      for (let i = 0; i < 80; i++) {
        await page.keyboard.press('Tab');
        if (match(await focused())) return;
      }
      throw new Error('never reached by Tab');
    };
    await tabTo((f) => f.tag === 'A' && f.text.startsWith('Record statutory visit'));
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/record\/statutory-visit$/);
    for (const [name, value] of [['date-day', '15'], ['date-month', '1'], ['date-year', '2027']] as const) {
      await tabTo((f) => f.name === name);
      await page.keyboard.type(value);
    }
    await tabTo((f) => f.type === 'radio' && f.name === 'seenAlone');
    await page.keyboard.press('Space');
    await tabTo((f) => f.tag === 'BUTTON' && f.text === 'Continue');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/record\/statutory-visit$/);
    expect(await page.locator('h1').innerText()).toBe('Check your answers');
    await tabTo((f) => f.tag === 'BUTTON' && f.text === 'Record');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/done$/);
    expect(await page.locator('.govuk-panel__title').innerText()).toBe('Recorded');
    expect(await page.locator('main').innerText()).toContain('Statutory visit: next due Friday, 26 February 2027');
    expect((await stack.store.getChildHistory(stack.councilId, 'K-1')).facts.at(-1)!.fact).toEqual({ type: 'visit', date: '2027-01-15', seenAlone: true });
    expect(problems).toEqual([]);
  }, 120_000);
});
