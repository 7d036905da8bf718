/**
 * A workbook from tables, one sheet each, as bytes for a download. Days are
 * written as date cells (shown DD/MM/YYYY), numbers as numbers, text as
 * text, so a spreadsheet sorts and filters them as what they are. Written
 * with write-excel-file (76 KB with its zip library, fflate) rather than
 * exceljs, which brings about 1.1 MB of reading, streaming and CSV code into
 * the function's bundle; the tests read the workbook back with exceljs.
 */
import writeXlsxFile, { type Cell, type SheetData } from 'write-excel-file/node';
import { type AnnexACell, isAnnexADay } from '#domain/annexA.js';

export interface SheetTable {
  /** At most 31 characters, as Excel allows. */
  name: string;
  columns: readonly string[];
  rows: readonly (readonly AnnexACell[])[];
}

const DATE_FORMAT = 'dd/mm/yyyy';

function cellOf(value: AnnexACell): Cell {
  if (value === null) return null;
  if (typeof value === 'number') return { value, type: Number };
  if (isAnnexADay(value)) return { value: new Date(`${value.day}T00:00:00Z`), type: Date, format: DATE_FORMAT };
  return { value, type: String };
}

export async function workbook(sheets: readonly SheetTable[]): Promise<Buffer> {
  return writeXlsxFile(
    sheets.map((sheet) => ({
      data: [
        sheet.columns.map((value) => ({ value, type: String, fontWeight: 'bold' as const, wrap: true })),
        ...sheet.rows.map((row) => row.map(cellOf)),
      ] satisfies SheetData,
      sheet: sheet.name.slice(0, 31),
      columns: sheet.columns.map(() => ({ width: 18 })),
      stickyRowsCount: 1,
    })),
  ).toBuffer();
}
