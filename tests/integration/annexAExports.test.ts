/**
 * The Annex A lists as jobs, through the HTTP stack and DynamoDB Local: an
 * API client asks and gets 202 with a status URL, the job prepares the same
 * file the direct download gives, audits every child before the file is
 * ready, and only the lead who asked can see or download it. In the browser
 * (headless Chromium, 390 px): a lead asks from /reports, gets the "being
 * prepared" page, then the download; every page axe-clean.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startCouncilStack, type TestStack } from '#tests/support/stack.js';
import { addExtractWorkers, ssdFiles } from '#tests/support/extracts.js';
import { askForExport, exportedFile, whenSettled, type ExportStatus } from '#tests/support/annexAExport.js';
import { browserForFile, closeBrowserAndStack } from '#tests/support/browser.js';
import { axeViolations, openPage } from '#tests/support/axe.js';
import { importExtract } from '#services/importExtract.js';
import { readSsd } from '#domain/import/ssd.js';
import { jobWritten } from '#platform/jobs.js';
import { prepareAnnexAExport } from '#services/annexAExports.js';
import { jobsSettled } from '#local/server.js';
import type { ExportJob } from '#store/ports/exports.js';

const TODAY = '2026-12-01';
let stack: TestStack;
let lead: string;
const chromium = browserForFile();

beforeAll(async () => {
  process.env.KEPT_TODAY = TODAY;
  stack = await startCouncilStack('annexa-jobs');
  await addExtractWorkers(stack);
  const report = await importExtract(stack.store, stack.councilId, readSsd(ssdFiles()), { today: TODAY, importedBy: 'admin-1' });
  expect(report.problems).toEqual([]);
  lead = await stack.token('lead', 'lead-1');
  await chromium.ready();
});

afterAll(async () => {
  delete process.env.KEPT_TODAY;
  await jobsSettled();
  await closeBrowserAndStack(chromium, stack);
});

const direct = (list: string, format: string) => fetch(`${stack.baseUrl}/reports/annex-a/${list}?format=${format}`, { headers: { authorization: `Bearer ${lead}` } });
const statusOf = (id: string, token: string) => fetch(`${stack.baseUrl}/reports/annex-a-exports/${id}`, { headers: { authorization: `Bearer ${token}`, accept: 'application/json' } });
const sheetValues = async (res: Response) => {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(await res.arrayBuffer());
  return { names: book.worksheets.map((s) => s.name), rows: book.worksheets[0]!.getSheetValues() };
};
/** A job stored as the request would store it, but not started. */
const storedJob = async (fields: Partial<ExportJob> = {}): Promise<ExportJob> => {
  const job = {
    councilId: stack.councilId, id: crypto.randomUUID().replace(/-/g, ''), list: 'children-in-care', format: 'csv' as const,
    requestedBy: 'lead-1', requestedRole: 'lead', requestedAt: new Date().toISOString(), expiresAt: Math.floor(Date.now() / 1000) + 3600, state: 'preparing' as const, ...fields,
  };
  await stack.exports.create(job);
  return job;
};

describe('POST /reports/annex-a-exports, as an API client', () => {
  it('answers 202 with the status URL; the job makes the same CSV as the direct download, and audits every child naming who asked', async () => {
    const asked = await askForExport(stack.baseUrl, lead, 'children-in-care', 'csv');
    expect(asked.status).toBe(202);
    const body = (await asked.json()) as ExportStatus;
    expect(body).toMatchObject({ state: 'preparing', statusUrl: `${stack.baseUrl}/reports/annex-a-exports/${body.id}` });
    expect(asked.headers.get('location')).toBe(`/reports/annex-a-exports/${body.id}`);
    const done = await whenSettled(body.statusUrl, lead);
    expect(done).toMatchObject({ state: 'ready', rows: 3, fileUrl: `${body.statusUrl}/file` });

    const file = await fetch(done.fileUrl!, { headers: { authorization: `Bearer ${lead}` } });
    expect(file.status).toBe(200);
    expect(file.headers.get('content-disposition')).toBe(`attachment; filename="annex-a-children-in-care-${TODAY}.csv"`);
    const fromJob = await file.text();
    expect(fromJob).toBe(await (await direct('children-in-care', 'csv')).text());

    const exported = (await stack.audit.forDay(stack.councilId, new Date().toISOString().slice(0, 10))).filter((e) => e.action === 'export' && e.route === 'POST /reports/annex-a-exports');
    expect(exported.map((e) => e.childId).sort()).toEqual(['P70001', 'P70002', 'P70003']);
    expect(exported.every((e) => e.staffId === 'lead-1' && e.role === 'lead')).toBe(true);
    // Downloading again hands the same file to the same person: it adds no entries.
    expect(await (await fetch(done.fileUrl!, { headers: { authorization: `Bearer ${lead}` } })).text()).toBe(fromJob);
  });

  it('makes the same XLSX as the direct download, its sheet named as the template names it', async () => {
    const fromJob = await sheetValues(await exportedFile(stack.baseUrl, lead, 'care-leavers', 'xlsx'));
    expect(fromJob.names).toEqual(['List 9']);
    expect(fromJob).toEqual(await sheetValues(await direct('care-leavers', 'xlsx')));
  });

  it('names the fields that are wrong, with 400, and starts nothing', async () => {
    const before = (await stack.audit.forDay(stack.councilId, new Date().toISOString().slice(0, 10))).length;
    const bad = await askForExport(stack.baseUrl, lead, 'list-10', 'pdf');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { problems: Array<{ field: string }> }).problems.map((p) => p.field)).toEqual(['list', 'format']);
    await jobsSettled();
    expect((await stack.audit.forDay(stack.councilId, new Date().toISOString().slice(0, 10))).length).toBe(before);
  });

  it('is for leads and admins: a manager or practitioner is refused (403) and nothing is started', async () => {
    for (const [role, id] of [['manager', 'tm-1'], ['practitioner', 'sw-1']] as const) {
      expect((await askForExport(stack.baseUrl, await stack.token(role, id), 'children-in-care', 'csv')).status).toBe(403);
    }
  });

  it('shows a job and its file only to the person who asked: another admin, a manager (403); another council (404); none without a token (401)', async () => {
    const job = await storedJob();
    await stack.exports.finish(stack.councilId, job.id, { name: 'annex-a-children-in-care.csv', contentType: 'text/csv; charset=utf-8', body: Buffer.from('x'), rows: 1 });
    expect((await statusOf(job.id, lead)).status).toBe(200);
    for (const [role, id] of [['admin', 'admin-1'], ['manager', 'tm-1']] as const) {
      const token = await stack.token(role, id);
      expect((await statusOf(job.id, token)).status).toBe(403);
      expect((await fetch(`${stack.baseUrl}/reports/annex-a-exports/${job.id}/file`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(403);
    }
    expect((await fetch(`${stack.baseUrl}/reports/annex-a-exports/${job.id}/file`)).status).toBe(401);
    stack.serveCouncil('another-council');
    const foreign = await stack.token('lead', 'lead-1', 'another-council');
    expect((await statusOf(job.id, foreign)).status).toBe(404);
    expect((await fetch(`${stack.baseUrl}/reports/annex-a-exports/${job.id}/file`, { headers: { authorization: `Bearer ${foreign}` } })).status).toBe(404);
  });

  it('a job that fails is marked failed, with no file and no audit entries, and the error is thrown (its alarm fires); run again, it stays failed', async () => {
    const job = await storedJob({ list: 'care-leavers' });
    const before = (await stack.audit.forChild(stack.councilId, 'P70004')).length;
    const deps = { store: stack.store, audit: stack.audit, exports: stack.exports };
    await expect(prepareAnnexAExport(deps, job, TODAY, () => Promise.reject(new Error('render failed')))).rejects.toThrow('render failed');
    expect(await stack.exports.get(stack.councilId, job.id)).toMatchObject({ state: 'failed' });
    expect(await stack.exports.file(stack.councilId, job.id)).toBeUndefined();
    expect(await stack.audit.forChild(stack.councilId, 'P70004')).toHaveLength(before);
    expect(await prepareAnnexAExport(deps, job, TODAY, () => Promise.reject(new Error('not called')))).toBe('failed');
  });

  it('keeps a file for a limited time: an expired job is gone (404)', async () => {
    const job = await storedJob({ expiresAt: Math.floor(Date.now() / 1000) - 1 });
    expect((await statusOf(job.id, lead)).status).toBe(404);
  });
});

describe('in the browser, at 390 px', () => {
  const found: Record<string, string[]> = {};
  const session = async () => openPage(await chromium.browser(), { session: { name: 'kept_session', value: lead, url: stack.baseUrl } });
  const check = async (page: Page, name: string) => {
    found[name] = await axeViolations(page);
    if (process.env.KEPT_SCREENSHOTS) await page.screenshot({ path: `${process.env.KEPT_SCREENSHOTS}/annex-a-export-${name}-390.png`, fullPage: true });
  };

  it('a lead asks from /reports, is told the list is being prepared, and downloads it when ready', async () => {
    const { page, problems } = await session();
    await page.goto(`${stack.baseUrl}/reports`);
    await page.locator('form', { hasText: 'List 9, care leavers' }).getByRole('button', { name: /^Prepare as CSV/ }).click();
    await page.waitForURL(/\/reports\/annex-a-exports\/[0-9a-f]{32}$/);
    expect(await page.locator('h1').innerText()).toMatch(/^Your list is (being prepared|ready)$/);
    await jobsSettled();
    await page.reload();
    expect(await page.locator('h1').innerText()).toBe('Your list is ready');
    await check(page, 'ready');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /^Download List 9, care leavers \(CSV\)/ }).click()]);
    expect(download.suggestedFilename()).toBe(`annex-a-care-leavers-${TODAY}.csv`);
    expect(problems).toEqual([]);
  });

  it('an admin asks from /reports too, downloads the Excel file, and the audit names the admin', async () => {
    const admin = await stack.token('admin', 'admin-1');
    const { page, problems } = await openPage(await chromium.browser(), { session: { name: 'kept_session', value: admin, url: stack.baseUrl } });
    await page.goto(`${stack.baseUrl}/`);
    // At 390 px the service navigation is behind its Menu button.
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByRole('link', { name: 'Reports', exact: true }).click();
    await page.waitForURL(`${stack.baseUrl}/reports`);
    await page.locator('form', { hasText: 'List 8, children in care' }).getByRole('button', { name: /^Prepare as Excel/ }).click();
    await page.waitForURL(/\/reports\/annex-a-exports\/[0-9a-f]{32}$/);
    await jobsSettled();
    await page.reload();
    expect(await page.locator('h1').innerText()).toBe('Your list is ready');
    await check(page, 'ready-admin');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /^Download List 8, children in care \(Excel\)/ }).click()]);
    expect(download.suggestedFilename()).toBe(`annex-a-children-in-care-${TODAY}.xlsx`);
    const id = /([0-9a-f]{32})$/.exec(page.url())![1]!;
    // The lead who did not ask cannot see it.
    expect((await statusOf(id, lead)).status).toBe(403);
    const byAdmin = (await stack.audit.forDay(stack.councilId, new Date().toISOString().slice(0, 10))).filter((e) => e.action === 'export' && e.staffId === 'admin-1');
    expect(byAdmin.map((e) => e.childId).sort()).toEqual(['P70001', 'P70002', 'P70003']);
    expect(byAdmin.every((e) => e.role === 'admin' && e.route === 'POST /reports/annex-a-exports')).toBe(true);
    expect(problems).toEqual([]);
  });

  it('the being-prepared page says so, offers to check again, and becomes the ready page once the job has run', async () => {
    const job = await storedJob({ list: 'children-in-care', format: 'xlsx' });
    const { page, problems } = await session();
    await page.goto(`${stack.baseUrl}/reports/annex-a-exports/${job.id}`);
    expect(await page.locator('h1').innerText()).toBe('Your list is being prepared');
    expect(await page.getByRole('status').innerText()).toContain('List 8, children in care (Excel) is being prepared');
    await check(page, 'preparing');
    jobWritten(job);
    await jobsSettled();
    await page.getByRole('button', { name: 'Check if it is ready' }).click();
    expect(await page.locator('h1').innerText()).toBe('Your list is ready');
    expect(problems).toEqual([]);
  });

  it('a job that failed says so and how to ask again', async () => {
    const job = await storedJob();
    await stack.exports.fail(stack.councilId, job.id);
    const { page } = await session();
    await page.goto(`${stack.baseUrl}/reports/annex-a-exports/${job.id}`);
    expect(await page.locator('h1').innerText()).toBe('Your list could not be prepared');
    expect((await fetch(`${stack.baseUrl}/reports/annex-a-exports/${job.id}/file`, { headers: { authorization: `Bearer ${lead}` } })).status).toBe(404);
    await check(page, 'failed');
  });

  it('axe-core finds nothing on any of them', () => {
    expect(found).toEqual({ ready: [], 'ready-admin': [], preparing: [], failed: [] });
  });
});
