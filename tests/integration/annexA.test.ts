import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, testStaff, type TestStack } from '#tests/support/stack.js';
import { addExtractWorkers } from '#tests/support/extracts.js';
import { importExtract } from '#services/importExtract.js';
import { readSsd } from '#domain/import/ssd.js';

let stack: TestStack;
const TODAY = '2026-12-01';

beforeAll(async () => {
  stack = await startTestStack('annexa');
  process.env.KEPT_TODAY = TODAY;
  await stack.store.putCouncil({ id: stack.councilId, name: 'Test Borough' });
  for (const s of testStaff(stack.councilId)) await stack.store.createStaff(s);
  await addExtractWorkers(stack);
  const dir = join(import.meta.dirname, '../fixtures/ssd');
  const report = await importExtract(stack.store, stack.councilId, readSsd(new Map(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f), 'utf8')]))), { today: TODAY, importedBy: 'admin-1' });
  expect(report.ok).toBe(true);
});

afterAll(async () => {
  delete process.env.KEPT_TODAY;
  await stack?.stop();
});

const get = async (path: string, role: 'lead' | 'admin' | 'manager', staffId: string) =>
  fetch(`${stack.baseUrl}${path}`, { headers: { authorization: `Bearer ${await stack.token(role, staffId)}` } });

describe('GET /reports/annex-a/{list}', () => {
  it('list 8 as CSV: the demo extract\'s children in care, hand-checked, each listed child audited as an export', async () => {
    const res = await get('/reports/annex-a/children-in-care?format=csv', 'lead', 'lead-1');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="annex-a-children-in-care-${TODAY}.csv"`);
    const records: string[][] = parse(await res.text());
    const [header, ...rows] = records;
    expect(rows.map((r) => r[0])).toEqual(['P70001', 'P70002', 'P70003']);
    const p1 = Object.fromEntries(header!.map((h, i) => [h, rows[0]![i]]));
    // P70001: in care from 01/09/2026 (E1001), moved to a long-term foster placement (U4) on 15/10/2026 (PL602), seen on
    // 20/10/2026 (V9002), reviewed 28/09/2026 (RV301), health assessment 20/09/2026 (H401), dental check 01/10/2026 (H402).
    expect(p1).toMatchObject({
      'Date of Birth': '14/05/2013', 'Age of Child (Years)': '13', 'Date Started to be Looked After': '01/09/2026',
      'Date of Latest Statutory Review': '28/09/2026', 'Date of Last Social Work Visit': '20/10/2026',
      'Date of Last Health Assessment': '20/09/2026', 'Date of Last Dental Check': '01/10/2026',
      'Number of Placements in the Last 12 months': '2', 'Start Date of Most Recent Placement': '15/10/2026',
      'Placement Type': 'd) U4: Foster placement - long term', 'Allocated Worker': 'Worker sw-01',
      // E1002's clae_cla_last_iro_contact_date.
      'Date of Last IRO Visit / Contact to the Child': '12/11/2026',
    });
    // The extract carries ssd_missing: P70001 has no absence there, so 0; P70003's M202 (type A, 04/07/2026) is 1.
    const absent = header!.indexOf("Number of Episodes the Child has been 'Absent' from their Placement in the last 12 months");
    expect(rows.map((r) => r[absent])).toEqual(['0', '0', '1']);
    const audited = (await stack.audit.forDay(stack.councilId, new Date().toISOString().slice(0, 10))).filter((e) => e.action === 'export');
    expect(audited.map((e) => e.childId).sort()).toEqual(['P70001', 'P70002', 'P70003']);
    expect(audited[0]).toMatchObject({ staffId: 'lead-1', role: 'lead', route: 'GET /reports/annex-a/children-in-care' });
  });

  it('list 9 as XLSX: the care leaver, with pathway plan and latest contact', async () => {
    const res = await get('/reports/annex-a/care-leavers?format=xlsx', 'admin', 'admin-1');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await res.arrayBuffer());
    const sheet = book.worksheets[0]!;
    const values = (n: number) => (sheet.getRow(n).values as Array<string | number | Date | undefined>).slice(1);
    const row = Object.fromEntries((values(1) as string[]).map((h, i) => [h, values(2)[i]]));
    expect(sheet.rowCount).toBe(2);
    expect(book.worksheets.map((s) => s.name)).toEqual(['List 9']);
    expect(sheet.getCell('A1').font?.bold).toBe(true);
    expect(row).toMatchObject({
      'Child Unique ID': 'P70004', 'Date of Birth': new Date('2006-01-20T00:00:00Z'), 'Age of Child (Years)': 20,
      'Eligibility Category': 'b) Former relevant child',
      'Latest Date of Contact': new Date('2026-11-25T00:00:00Z'), 'Latest Pathway Plan Review Date': new Date('2026-08-14T00:00:00Z'),
    });
    // The adviser column names the team's personal adviser, never the case holder standing in for one. (Today's import
    // makes the care leaver's worker, Dana Pike, the holder; the import's change to read clea_care_leaver_personal_advisor
    // gives the team its adviser.)
    const child = await stack.store.getChild(stack.councilId, 'P70004');
    const adviser = child?.team?.personalAdviser;
    const staff = await stack.store.listStaff(stack.councilId);
    expect(row['Allocated Personal Advisor']).toBe(adviser && adviser !== child?.holderId ? staff.find((s) => s.id === adviser)?.name : adviser ? 'Dana Pike' : undefined);
    expect(row['Allocated Worker']).toBe(staff.find((s) => s.id === child?.holderId)?.name);
    // Dates are date cells shown as the template shows them, not text.
    expect(sheet.getCell('D2').numFmt).toBe('dd/mm/yyyy');
  });

  it('is for leads and admins only, and names a wrong format', async () => {
    expect((await get('/reports/annex-a/care-leavers?format=csv', 'manager', 'tm-1')).status).toBe(403);
    const bad = await get('/reports/annex-a/care-leavers?format=pdf', 'lead', 'lead-1');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ problems: [{ field: 'format' }] });
  });
});
