/**
 * Kept's Annex A lists read as the sector's tools read them: every header and
 * every cell of lists 8 and 9, as CSV and as XLSX, checked against liia-tools'
 * schema of Ofsted's template (tests/support/annexASchema.ts), for the demo
 * council's extract (tests/fixtures/ssd, which `npm start` loads). Every
 * column but those STILL_EMPTY names is filled for some child.
 */
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCouncilStack, type TestStack } from '#tests/support/stack.js';
import { addExtractWorkers, ssdFiles } from '#tests/support/extracts.js';
import { exportedFile } from '#tests/support/annexAExport.js';
import { cellProblem, headerMatches, schemaColumns } from '#tests/support/annexASchema.js';
import { importExtract } from '#services/importExtract.js';
import { readSsd } from '#domain/import/ssd.js';

const TODAY = '2026-12-01';
let stack: TestStack;

/**
 * The columns still empty for the demo extract. Permanence plan: no SSD table
 * Kept reads gives it; date and reason ceased, location and LA: no child in
 * the demo extract has left care or has them. This list may only shrink.
 */
const STILL_EMPTY: Record<'List 8' | 'List 9', string[]> = {
  'List 8': [
    'What is the permanence plan for this child?',
    'Date Ceased to be Looked After', 'Reason Ceased to be Looked After',
    'Placement Location', 'LA of Placement',
  ],
  'List 9': [],
};

/**
 * Required columns blank for some children: none now. (Absences are 0 for a
 * child with none, as the demo extract carries ssd_missing: annexADetails.ts.)
 */
const PARTLY_BLANK: Record<'List 8' | 'List 9', string[]> = {
  'List 8': [],
  'List 9': [],
};

beforeAll(async () => {
  process.env.KEPT_TODAY = TODAY;
  stack = await startCouncilStack('annexa-schema');
  await addExtractWorkers(stack);
  const report = await importExtract(stack.store, stack.councilId, readSsd(ssdFiles()), { today: TODAY, importedBy: 'admin-1' });
  expect(report.problems).toEqual([]);
});

afterAll(async () => {
  await stack?.stop();
});

// The lists as the export job prepares them (the direct GET builds the same file: annexAExports.test.ts).
const download = async (list: string, format: 'csv' | 'xlsx') => {
  const res = await exportedFile(stack.baseUrl, await stack.token('lead', 'lead-1'), list, format);
  expect(res.status).toBe(200);
  return res;
};

async function table(list: string, format: 'csv' | 'xlsx'): Promise<{ headers: string[]; rows: unknown[][] }> {
  const res = await download(list, format);
  if (format === 'csv') {
    const [headers, ...rows]: string[][] = parse(await res.text());
    return { headers: headers!, rows };
  }
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(await res.arrayBuffer());
  const sheet = book.worksheets[0]!;
  const width = sheet.getRow(1).cellCount;
  const values = (n: number) => Array.from({ length: width }, (_, i) => sheet.getRow(n).getCell(i + 1).value ?? undefined);
  return { headers: values(1) as string[], rows: Array.from({ length: sheet.rowCount - 1 }, (_, i) => values(i + 2)) };
}

describe.each([
  ['List 8', 'children-in-care'],
  ['List 9', 'care-leavers'],
] as const)('%s against liia-tools\' schema', (list, path) => {
  const columns = schemaColumns(list);

  it.each(['csv', 'xlsx'] as const)('every header and every cell, as %s', async (format) => {
    const { headers, rows } = await table(path, format);
    expect(rows.length).toBeGreaterThan(0);
    expect(headers.length).toBe(columns.length);
    const badHeaders = columns.filter((spec, i) => !headerMatches(spec, headers[i] ?? '')).map((spec) => spec.name);
    expect(badHeaders).toEqual([]);
    const problems = rows.flatMap((row, r) => columns.flatMap((spec, i) => {
      const problem = cellProblem(spec, row[i]);
      const excused = [...STILL_EMPTY[list], ...PARTLY_BLANK[list]].includes(spec.name) && problem?.startsWith('is blank');
      return problem && !excused ? [`row ${r + 2}, ${spec.name}: ${problem}`] : [];
    }));
    expect(problems).toEqual([]);
  });

  it('fills every column but those still listed empty, for some child', async () => {
    const { rows } = await table(path, 'csv');
    const empty = columns.filter((_, i) => rows.every((row) => (row[i] as string).trim() === '')).map((spec) => spec.name);
    expect(empty).toEqual(STILL_EMPTY[list]);
    // A column only partly blank is filled for some child (else it belongs above).
    for (const name of PARTLY_BLANK[list]) expect(empty).not.toContain(name);
  });
});

it("list 9's Allocated Personal Advisor is the care leaver's adviser, also when the adviser holds the case", async () => {
  const { headers, rows } = await table('care-leavers', 'csv');
  const row = Object.fromEntries(headers.map((h, i) => [h, rows[0]![i]]));
  expect(row['Child Unique ID']).toBe('P70004');
  // ssd_care_leavers names PR-77 (Dana Pike) as P70004's personal adviser; with no social worker she holds the case too.
  expect(row['Allocated Personal Advisor']).toBe('Dana Pike');
  expect((await stack.store.getChild(stack.councilId, 'P70004'))?.team).toEqual({ socialWorker: 'pa-7', personalAdviser: 'pa-7' });
});
