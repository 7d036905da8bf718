/** A one-sheet workbook from a table (exceljs), as bytes for a download. */
import ExcelJS from 'exceljs';

export async function workbook(sheetName: string, columns: readonly string[], rows: readonly (readonly string[])[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(sheetName.slice(0, 31));
  sheet.addRow([...columns]).font = { bold: true };
  for (const row of rows) sheet.addRow([...row]);
  sheet.columns.forEach((c) => (c.width = 18));
  return Buffer.from(await book.xlsx.writeBuffer());
}
