import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCouncilStack, type TestStack } from '#tests/support/stack.js';
import { addExtractWorkers } from '#tests/support/extracts.js';
import { importExtract } from '#services/importExtract.js';
import { readSsd } from '#domain/import/ssd.js';
import { browserForFile } from '#tests/support/browser.js';
import { axeViolations, openPage } from '#tests/support/axe.js';

let stack: TestStack;
const chromium = browserForFile();
const TODAY = '2026-12-01';
const dir = join(import.meta.dirname, '../fixtures/ssd');
const extract = (change: (files: Map<string, string>) => void = () => {}) => {
  const files = new Map(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
  change(files);
  return readSsd(files);
};

beforeAll(async () => {
  stack = await startCouncilStack('reviewdates');
  process.env.KEPT_TODAY = TODAY;
  await addExtractWorkers(stack);
  expect((await importExtract(stack.store, stack.councilId, extract(), { today: TODAY, importedBy: 'admin-1' })).ok).toBe(true);
});

afterAll(async () => {
  await chromium.close();
  delete process.env.KEPT_TODAY;
  await stack?.stop();
});

const get = async (path: string, role: 'lead' | 'admin' | 'manager' | 'practitioner', staffId: string) =>
  fetch(`${stack.baseUrl}${path}`, { headers: { authorization: `Bearer ${await stack.token(role, staffId)}` } });

describe('GET /reports/review-dates', () => {
  it('lists, hand-checked, the reviews whose case-system dates differ from the statutory ones, each child audited', async () => {
    const res = await get('/reports/review-dates?format=csv', 'lead', 'lead-1');
    expect(res.status).toBe(200);
    const records: string[][] = parse(await res.text());
    const [header, ...rows] = records;
    const byChild = rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]])));
    expect(byChild).toEqual([
      // P70001 came into care on 1 Sep 2026, first review held 28 Sep (due 29 Sep: 20 working days, CPPCR reg 33(1));
      // the second is due within 3 months of the first, 28 Dec 2026; the case system says 11 Jan 2027 (RV302).
      expect.objectContaining({ 'case reference': 'P70001', review: 'next', 'case system due': '2027-01-11', 'Kept statutory due': '2026-12-28', 'case system days later': '14', 'no earlier review on record': 'N', 'social worker': 'Worker sw-01' }),
      // P70002 in care since 1 Mar 2025; the extract's only review is 29 Aug 2026, so Kept counts it as the first (due 28 Mar 2025).
      expect.objectContaining({ 'case reference': 'P70002', review: 'held', 'held on': '2026-08-29', 'case system due': '2026-08-30', 'Kept statutory due': '2025-03-28', 'no earlier review on record': 'Y' }),
      // P70003 in care since 10 Jun 2024; its only held review is 8 Oct 2026 (RV305; RV304 was cancelled): first due 8 Jul 2024.
      expect.objectContaining({ 'case reference': 'P70003', review: 'held', 'held on': '2026-10-08', 'case system due': '2026-10-01', 'Kept statutory due': '2024-07-08', 'no earlier review on record': 'Y' }),
    ]);
    const audited = (await stack.audit.forDay(stack.councilId, new Date().toISOString().slice(0, 10))).filter((e) => e.route === 'GET /reports/review-dates');
    expect(audited.map((e) => [e.childId, e.action]).sort()).toEqual([['P70001', 'export'], ['P70002', 'export'], ['P70003', 'export']]);
  });

  it('the page: a table with the case reference linking to the case, the difference in words, and the link from /reports', async () => {
    const res = await get('/reports/review-dates', 'admin', 'admin-1');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('All 3 children with review dates in the case system have a date that differs; 3 of these dates are later than the law allows');
    expect(html).toMatch(/<h3 class="govuk-summary-card__title">\s*P70001\s*<\/h3>/);
    expect(html).toContain('href="/case/P70001"');
    expect(html).toMatch(/11 January 2027[\s\S]*28 December 2026[\s\S]*14 days later/);
    expect(html).toContain('Kept counts this one as the first');
    expect(await (await get('/reports', 'lead', 'lead-1')).text()).toContain('href="/reports/review-dates"');
    expect(await (await get('/reports', 'manager', 'tm-1')).text()).not.toContain('href="/reports/review-dates"');
  });

  it('passes axe-core at 390 px without sideways scrolling, and its link from /reports works by keyboard', async () => {
    const { page, problems } = await openPage(await chromium.browser(), { session: { name: 'kept_session', value: await stack.token('lead', 'lead-1'), url: stack.baseUrl } });
    await page.goto(`${stack.baseUrl}/reports`);
    await page.getByRole('link', { name: /review dates in the case system differ/ }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL('**/reports/review-dates');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('Review dates');
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it("the case page shows the case system's date beside the statutory one for the next review", async () => {
    const html = await (await get('/case/P70001', 'practitioner', 'sw-01')).text();
    const review = html.slice(html.indexOf('Looked-after review'), html.indexOf('Looked-after review') + 3000);
    expect(review).toMatch(/28 December 2026[\s\S]*Case system&#39;s date[\s\S]*11 January 2027 <strong class="govuk-tag govuk-tag--orange">not the statutory date<\/strong>/);
  });

  it('is for leads and admins only', async () => {
    for (const [role, id] of [['manager', 'tm-1'], ['practitioner', 'sw-01']] as const) {
      expect((await get('/reports/review-dates?format=csv', role, id)).status).toBe(403);
    }
  });

  it('when the case system corrects a date, the re-import replaces it and the child leaves the list', async () => {
    const corrected = extract((files) => files.set('ssd_cla_reviews.csv', files.get('ssd_cla_reviews.csv')!.replace('RV302,CLA501,2027-01-11', 'RV302,CLA501,2026-12-28')));
    const report = await importExtract(stack.store, stack.councilId, corrected, { today: TODAY, importedBy: 'admin-1' });
    expect(report).toMatchObject({ ok: true, facts: { created: 0, replaced: 1 } });
    const records: string[][] = parse(await (await get('/reports/review-dates?format=csv', 'lead', 'lead-1')).text());
    const [, ...rows] = records;
    expect(rows.map((r) => r[0])).toEqual(['P70002', 'P70003']);
  });

  it('cannot be recorded by hand through the API, naming the field', async () => {
    const res = await fetch(`${stack.baseUrl}/children/P70001/facts`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await stack.token('practitioner', 'sw-01')}`, 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'case-system-review-due', date: '2026-12-20' }),
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ problems: [{ field: 'type', message: expect.stringContaining('case system import') }] });
  });
});
