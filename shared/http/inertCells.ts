/**
 * CSV cells a spreadsheet will not run (OWASP, "CSV Injection"): a text cell
 * starting with `=`, `+`, `-`, `@`, a tab or a carriage return is read by
 * Excel, LibreOffice and Google Sheets as a formula, so it gets a leading
 * single quote and is shown as the text it is. A young person's own words
 * reach the survey report, and staff and team names reach every other export.
 *
 * A cell that is wholly a number (`-14`, `+3`, `-2.5`) is left alone: a
 * spreadsheet reads it as that number, not as a formula, and the exports
 * have columns that are legitimately negative (review-date differences in
 * days, changes in points). `-1+2` is not wholly a number, so it is quoted.
 * The CSV quoting itself (commas, double quotes, new lines) is left to
 * csv-stringify, after this.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

export function inertCell(value: string): string {
  return FORMULA_START.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
}

export function inertRows(rows: readonly (readonly string[])[]): string[][] {
  return rows.map((row) => row.map(inertCell));
}
