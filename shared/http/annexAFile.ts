/** An Annex A list as the file a lead downloads: CSV (no cell can run as a formula) or XLSX with the template's sheet name. */
import { stringify } from 'csv-stringify/sync';
import { type AnnexAList, type AnnexATable, csvText } from '#domain/annexA.js';
import { inertRows } from './inertCells.js';
import { workbook } from './spreadsheet.js';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const CSV_TYPE = 'text/csv; charset=utf-8';

export async function annexAFile(table: AnnexATable, list: AnnexAList, format: 'csv' | 'xlsx', day: string): Promise<{ name: string; contentType: string; body: Buffer }> {
  const name = `annex-a-${list}-${day}.${format}`;
  if (format === 'csv') return { name, contentType: CSV_TYPE, body: Buffer.from(stringify(inertRows([table.columns, ...table.rows.map((row) => row.map(csvText))])), 'utf8') };
  return { name, contentType: XLSX_TYPE, body: await workbook([{ name: table.sheet, columns: table.columns, rows: table.rows }]) };
}
