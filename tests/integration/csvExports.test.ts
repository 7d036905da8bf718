/**
 * Every CSV Kept writes, opened cell by cell with a real CSV reader: a young
 * person's `=HYPERLINK(...)` typed as a free-text answer, and staff named
 * like formulas, come out as text a spreadsheet shows and never runs.
 * Numbers, negative ones included, stay numbers.
 *
 * The Annex A XLSX needs no such care: write-excel-file writes a text cell as
 * an inline/shared string (`t="s"` or `t="inlineStr"`), never as `<f>`, so a
 * leading `=` is text in every spreadsheet; the last test reads it back to show it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { startCouncilStack, type TestStack } from '#tests/support/stack.js';
import { ssdFiles } from '#tests/support/extracts.js';
import { importExtract } from '#services/importExtract.js';
import { readSsd } from '#domain/import/ssd.js';
import { CARE_LEAVER_SURVEY } from '#domain/surveys/definitions.js';
import { makeRng } from '#local/histories.js';
import { syntheticAnswers } from '#local/demoResponses.js';
import type { Campaign } from '#domain/surveys/campaign.js';

const TODAY = '2026-12-01';
const ANSWER = '=HYPERLINK("http://x","y")';
const WORKER = '@SUM(1+1)*cmd';
const MANAGER = '+1+2 Manager';
let stack: TestStack;

const campaign: Omit<Campaign, 'councilId'> = {
  id: 'c-now', surveyId: 'care-leaver', version: 1, name: 'Care leavers 2026', mode: 'anonymous', state: 'open',
  audience: { status: 'care-leaver', ageFrom: 16, ageTo: 26 }, opens: '2026-11-16', closes: '2026-12-14', reminderDays: [],
  createdBy: 'lead-1', createdAt: TODAY, invited: 30, remindersSent: 0,
};

beforeAll(async () => {
  process.env.KEPT_TODAY = TODAY;
  stack = await startCouncilStack('csvexports');
  const { councilId } = stack;
  await stack.store.createStaff({ councilId, id: 'tm-9', name: MANAGER, email: `tm-9@${councilId}.test`, role: 'manager', managerId: 'lead-1' });
  await stack.store.createStaff({ councilId, id: 'sw-01', name: WORKER, email: `sw-01@${councilId}.test`, role: 'practitioner', managerId: 'tm-9' });
  await stack.store.createStaff({ councilId, id: 'sw-02', name: '-Worker sw-02', email: `sw-02@${councilId}.test`, role: 'practitioner', managerId: 'tm-9' });
  expect((await importExtract(stack.store, councilId, readSsd(earlierInCaseSystem()), { today: TODAY, importedBy: 'admin-1' })).ok).toBe(true);
  await stack.surveys.putCampaign({ ...campaign, councilId });
  const rng = makeRng(7);
  await stack.surveys.putResponses(councilId, 'c-now', Array.from({ length: 24 }, (_, i) => ({
    surveyId: 'care-leaver', version: 1, submittedOn: TODAY,
    answers: { ...syntheticAnswers(CARE_LEAVER_SURVEY, rng), ...(i < 3 ? { 'anything-else': [ANSWER, '-more help with rent', '@me\tplease'][i]! } : {}) },
    bands: { ageBand: '18-20', placementType: 'care-leaver', area: 'unknown' },
  })));
});

afterAll(async () => {
  delete process.env.KEPT_TODAY;
  await stack?.stop();
});

/** The demo extract with P70001's next review due 8 days before Kept's statutory date (28 Dec 2026): a negative difference. */
function earlierInCaseSystem() {
  const files = ssdFiles();
  files.set('ssd_cla_reviews.csv', files.get('ssd_cla_reviews.csv')!.replace('RV302,CLA501,2027-01-11', 'RV302,CLA501,2026-12-20'));
  return files;
}

const download = async (path: string) => {
  const res = await fetch(`${stack.baseUrl}${path}`, { headers: { authorization: `Bearer ${await stack.token('admin', 'admin-1')}` } });
  expect(res.status, path).toBe(200);
  return res;
};

const cellsOf = async (path: string): Promise<string[]> => {
  const res = await download(path);
  expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
  const records: string[][] = parse(await res.text());
  return records.flat();
};

/** What a spreadsheet runs: a cell starting =, +, -, @, tab or CR, unless it is wholly a number. */
const runnable = (cell: string) => /^[=+\-@\t\r]/.test(cell) && !/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(cell);

describe('every CSV export', () => {
  it.each([
    ['the survey report, with young people\'s own words', '/reports/surveys/c-now?format=csv', [ANSWER, '-more help with rent', '@me\tplease']],
    ['on-time figures for a team', '/reports/on-time?format=csv&team=tm-9', [`${MANAGER}'s team`]],
    ['review dates', '/reports/review-dates?format=csv', [WORKER]],
    ['Annex A list 8', '/reports/annex-a/children-in-care?format=csv', [WORKER]],
    ['Annex A list 9', '/reports/annex-a/care-leavers?format=csv', []],
  ])('%s: no cell a spreadsheet would run, the typed text kept after a quote', async (_, path, typed) => {
    const cells = await cellsOf(path);
    expect(cells.filter(runnable)).toEqual([]);
    for (const text of typed) expect(cells, text).toContain(`'${text}`);
  });

  it('keeps numbers as numbers, negative ones too (review dates earlier in the case system)', async () => {
    const records = parse<Record<string, string>>(await (await download('/reports/review-dates?format=csv')).text(), { columns: true });
    const days = records.map((r) => r['case system days later']!);
    expect(days.length).toBeGreaterThan(0);
    for (const d of days) expect(d).toMatch(/^-?\d+$/);
    expect(days).toContain('-8');
  });

  it('Annex A as XLSX: the worker named like a formula is a text cell, with no formula', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await (await download('/reports/annex-a/children-in-care?format=xlsx')).arrayBuffer());
    const cells: ExcelJS.Cell[] = [];
    book.worksheets[0]!.eachRow((row) => row.eachCell((cell) => void cells.push(cell)));
    const worker = cells.filter((c) => c.value === WORKER);
    expect(worker.length).toBeGreaterThan(0);
    for (const c of cells) expect(c.type).not.toBe(ExcelJS.ValueType.Formula);
  });
});
