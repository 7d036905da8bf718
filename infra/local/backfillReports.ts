/**
 * `npm run backfill-reports [-- COUNCIL_ID]`: writes again the projection,
 * and with it the report summary and report events, of every child of the
 * council (the local stack's, or COUNCIL_ID) that has none current: those
 * recorded before they were kept, or before the council's policy changed.
 * Reports are right without it (they read those children's facts); after
 * it, they cost what they show. Safe to run again: it skips children that
 * are current. Works on the local stack's table, or the table and endpoint
 * the AWS environment names.
 */
import { applyLocalEnvironment, cannotReachDynamo, localSettings } from './settings.js';
import { dynamoStores } from '#store/dynamo/stores.js';
import { backfillReportSummaries } from '#services/children.js';
import { today } from '#platform/config.js';

const args = process.argv.slice(2);
if (args.length > 1 || args[0]?.startsWith('-')) {
  process.stderr.write('usage: npm run backfill-reports [-- COUNCIL_ID]\n');
  process.exit(2);
}
const settings = localSettings();
if (!process.env.AWS_ENDPOINT_URL_DYNAMODB && !process.env.KEPT_USE_AWS) applyLocalEnvironment(settings);
const councilId = args[0] ?? process.env.COUNCIL_ID ?? settings.councilId;
const { store } = dynamoStores(process.env.TABLE_NAME ?? settings.tableName);

try {
  const written = await backfillReportSummaries(store, councilId, today());
  process.stdout.write(`backfill-reports: ${written} ${written === 1 ? 'child' : 'children'} of council ${councilId} written again\n`);
} catch (error) {
  const refused = cannotReachDynamo(error);
  process.stderr.write(refused ? 'backfill-reports: cannot reach DynamoDB; is `npm start` running?\n' : `backfill-reports: failed part-way; run it again to finish: ${(error as Error).message}\n`);
  process.exit(1);
}
