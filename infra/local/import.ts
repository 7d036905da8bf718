/**
 * `npm run import -- FILE.csv [--by STAFF_ID]`: loads children and facts into
 * the local stack's table (or the table and endpoint the AWS environment
 * names). Bad rows are listed by line and nothing is written.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { applyLocalEnvironment, cannotReachDynamo, localSettings } from './settings.js';
import { dynamoStores } from '#store/dynamo/stores.js';
import { importCsv } from '#services/importCsv.js';
import { today } from '#platform/config.js';
import { IMPORT_COLUMNS } from '#domain/csvImport.js';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { by: { type: 'string' } } });
const file = positionals[0];
if (!file) {
  process.stderr.write(`usage: npm run import -- FILE.csv [--by STAFF_ID]\ncolumns: ${IMPORT_COLUMNS.join(',')}\n`);
  process.exit(2);
}
const settings = localSettings();
if (!process.env.AWS_ENDPOINT_URL_DYNAMODB && !process.env.KEPT_USE_AWS) applyLocalEnvironment(settings);

let text: string;
try {
  text = readFileSync(file, 'utf8');
} catch (error) {
  process.stderr.write(`import: cannot read ${file}: ${(error as Error).message}\n`);
  process.exit(2);
}
try {
  const result = await importCsv(dynamoStores(process.env.TABLE_NAME ?? settings.tableName).store, process.env.COUNCIL_ID ?? settings.councilId, text, {
    today: today(),
    importedBy: values.by ?? 'import',
  });
  if (!result.ok) {
    process.stderr.write(`import: ${file} was not imported; nothing was written. Fix these rows and run it again:\n`);
    for (const p of result.problems) process.stderr.write(`  line ${p.line}: ${p.field}: ${p.message}\n`);
    process.exit(1);
  }
  process.stdout.write(`Imported ${file}: ${result.childrenCreated} new children, ${result.childrenUpdated} updated, ${result.factsAdded} facts.\n`);
} catch (error) {
  const refused = cannotReachDynamo(error);
  process.stderr.write(refused ? "import: cannot reach DynamoDB; is `npm start` running?\n" : `import: failed and was rolled back: ${(error as Error).message}\n`);
  process.exit(1);
}
