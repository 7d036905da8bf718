/**
 * `npm run build:holidays`: writes shared/domain/data/bankHolidays.ts, the
 * England and Wales bank holiday table the engine reads (see holidayTable.ts).
 * Run it when GOV.UK publishes another year.
 */
import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { FIRST_YEAR, LAST_YEAR, renderHolidayTable, TABLE_FILE } from './holidayTable.js';

const text = renderHolidayTable();
writeFileSync(TABLE_FILE, text);
process.stdout.write(`${relative(process.cwd(), TABLE_FILE)}: bank holidays ${FIRST_YEAR} to ${LAST_YEAR}, ${(text.length / 1024).toFixed(1)} KB\n`);
