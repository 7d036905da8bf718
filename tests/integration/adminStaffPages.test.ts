/**
 * The admin's staff pages in headless Chromium at a phone's width, against
 * DynamoDB Local: an admin corrects a bounced email (the undeliverable mark
 * cleared), ends a leaver's access after a confirmation page (their session
 * refused at once), and hands their children over, one and then all, to a
 * colleague; each step ends on a notification banner saying what happened,
 * the moves are audited as team changes, and axe-core finds nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startCouncilStack, type TestStack } from '#tests/support/stack.js';
import { browserForFile, closeBrowserAndStack } from '#tests/support/browser.js';
import { axeViolations, openPage } from '#tests/support/axe.js';
import { inCareSince, writeChild } from '#tests/support/records.js';
import type { ChildRecord } from '#domain/people.js';
import { londonDateOf } from '#domain/dates.js';

const TODAY = '2027-01-18';
let stack: TestStack;
const chromium = browserForFile();
const found: Record<string, string[]> = {};

beforeAll(async () => {
  process.env.KEPT_TODAY = TODAY;
  stack = await startCouncilStack('adminstaff');
  for (const id of ['A-1', 'A-2']) {
    const child: ChildRecord = { councilId: stack.councilId, id, firstName: 'Ava', lastName: 'Case', dateOfBirth: '2012-09-09', holderId: 'sw-1', createdAt: TODAY, version: 0 };
    await writeChild(stack, child, inCareSince(), TODAY);
  }
  await stack.store.markUndeliverable(stack.councilId, 'sw-2', `${TODAY}T07:00:00Z`, 'bounce');
  await chromium.ready();
});

afterAll(() => closeBrowserAndStack(chromium, stack));

const session = async (role: 'admin' | 'practitioner', id: string) =>
  openPage(await chromium.browser(), { session: { name: 'kept_session', value: await stack.token(role, id), url: stack.baseUrl } });

const check = async (page: Page, name: string) => {
  found[name] = await axeViolations(page);
  // KEPT_SCREENSHOTS=dir keeps each page as a person sees it at 390 px, to look at.
  if (process.env.KEPT_SCREENSHOTS) await page.screenshot({ path: `${process.env.KEPT_SCREENSHOTS}/admin-${name.replace(/\W+/g, '-')}-390.png`, fullPage: true });
};
const banner = (page: Page) => page.locator('.govuk-notification-banner').innerText();

describe('an admin in the browser', () => {
  it('finds Staff in the header, the list by name with each status, and corrects a bounced email', async () => {
    const { page, problems } = await session('admin', 'admin-1');
    await page.goto(`${stack.baseUrl}/`);
    // At a phone's width the header's links sit behind its Menu button.
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByRole('link', { name: 'Staff', exact: true }).click();
    expect(new URL(page.url()).pathname).toBe('/admin/staff');
    await check(page, 'list');
    const names = await page.locator('tbody th').allInnerTexts();
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en-GB')));
    expect(await page.locator('tbody tr', { hasText: 'Sid Worker' }).innerText()).toContain('Email undeliverable');
    expect(await page.locator('tbody tr', { hasText: 'Sue Worker' }).innerText()).toMatch(/Practitioner[\s\S]*Mo Manager[\s\S]*Active/);

    await page.getByRole('link', { name: 'Sid Worker' }).click();
    await check(page, 'change');
    await page.fill('#email', 'not an address');
    await page.fill('#name', '');
    await page.getByRole('button', { name: 'Save changes' }).click();
    expect(await page.locator('.govuk-error-summary a').allInnerTexts()).toEqual([expect.stringMatching(/^Name/), expect.stringMatching(/^Email address/)]);
    await check(page, 'change with errors');
    expect((await stack.store.getStaff(stack.councilId, 'sw-2'))!.email).toBe(`sw-2@${stack.councilId}.test`);

    await page.fill('#name', 'Sid Worker');
    await page.fill('#email', `sid.new@${stack.councilId}.test`);
    await page.getByRole('button', { name: 'Save changes' }).click();
    expect(new URL(page.url()).pathname).toBe('/admin/staff');
    expect(await banner(page)).toContain('Sid Worker’s details were changed.');
    await check(page, 'list with banner');
    const sid = (await stack.store.getStaff(stack.councilId, 'sw-2'))!;
    expect(sid.email).toBe(`sid.new@${stack.councilId}.test`);
    expect(sid.undeliverable).toBeUndefined();
    expect(await page.locator('tbody tr', { hasText: 'Sid Worker' }).innerText()).toContain('Active');
    expect(problems).toEqual([]);
  }, 120_000);

  it("ends a leaver's access after confirming, then hands over their children one and then all", async () => {
    const leaver = await session('practitioner', 'sw-1');
    expect((await leaver.page.goto(`${stack.baseUrl}/`))!.status()).toBe(200);

    const { page, problems } = await session('admin', 'admin-1');
    await page.goto(`${stack.baseUrl}/admin/staff/sw-1`);
    await page.getByRole('link', { name: 'End Sue Worker’s access' }).click();
    await check(page, 'end access');
    expect((await stack.store.getStaff(stack.councilId, 'sw-1'))!.accessEnded).toBeUndefined();
    await page.getByRole('button', { name: 'End access' }).click();
    expect(new URL(page.url()).pathname).toBe('/admin/staff/sw-1/handover');
    expect(await banner(page)).toContain('Sue Worker’s access has ended.');
    expect((await stack.store.getStaff(stack.councilId, 'sw-1'))!.accessEnded?.by).toBe('admin-1');
    // Refused at once: their browser is sent back to sign in.
    expect((await leaver.page.goto(`${stack.baseUrl}/`))!.url()).toContain('/sign-in');

    expect(await page.locator('tbody th').allInnerTexts()).toEqual(['A-1', 'A-2']);
    await check(page, 'handover');
    await page.getByRole('button', { name: 'Hand over' }).click();
    expect(await page.locator('.govuk-error-summary a').allInnerTexts()).toEqual(['Choose all the children or one child', 'Choose the colleague to hand them to']);
    await check(page, 'handover with errors');

    await page.getByLabel('Case A-1 (A.C.) only').check();
    await page.selectOption('#to', { label: 'Sid Worker' });
    await page.getByRole('button', { name: 'Hand over' }).click();
    expect(await banner(page)).toContain('1 child was moved to Sid Worker.');
    await check(page, 'handover with banner');
    expect(await page.locator('tbody th').allInnerTexts()).toEqual(['A-2']);

    await page.getByLabel('All of them (1)').check();
    await page.selectOption('#to', { label: 'Sal Worker' });
    await page.getByRole('button', { name: 'Hand over' }).click();
    expect(await banner(page)).toContain('1 child was moved to Sal Worker.');
    expect(await page.locator('main').innerText()).toContain('Sue Worker holds no children');

    expect((await stack.store.getChild(stack.councilId, 'A-1'))!.holderId).toBe('sw-2');
    expect((await stack.store.getChild(stack.councilId, 'A-2'))!.holderId).toBe('sw-3');
    const audited = (await stack.audit.forDay(stack.councilId, londonDateOf(new Date()))).filter((e) => e.action === 'change-team' || e.action === 'end-access');
    expect(audited.map((e) => [e.action, 'childId' in e ? e.childId : e.staffMemberId, e.staffId])).toEqual(
      expect.arrayContaining([['end-access', 'sw-1', 'admin-1'], ['change-team', 'A-1', 'admin-1'], ['change-team', 'A-2', 'admin-1']]),
    );
    expect(problems).toEqual([]);
  }, 120_000);

  it('axe-core finds nothing on any of the pages at 390 px', () => {
    expect(Object.keys(found)).toEqual(['list', 'change', 'change with errors', 'list with banner', 'end access', 'handover', 'handover with errors', 'handover with banner']);
    expect(Object.entries(found).filter(([, v]) => v.length)).toEqual([]);
  });
});
