/**
 * `npm run subject-access -- CHILD_ID [--by STAFF_ID]`: prints, as JSON,
 * everything Kept holds about one child or care leaver (record, facts,
 * obligations, survey invitations and links, confidential responses, audit
 * entries) and writes an 'export' entry to the audit trail. Works on the
 * local stack's table, or the table and endpoint the AWS environment names
 * (as `npm run import` does). Exits 1 if Kept holds nothing about that case
 * reference, 2 for bad arguments.
 */
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { applyLocalEnvironment, cannotReachDynamo, localSettings } from './settings.js';
import { CASE_REFERENCE, exportSubject } from '#services/subjectAccess.js';
import { dynamoStores } from '#store/dynamo/stores.js';

const USAGE = 'usage: npm run subject-access -- CHILD_ID [--by STAFF_ID]\n';
let args;
try {
  args = parseArgs({ allowPositionals: true, options: { by: { type: 'string' } } });
} catch (error) {
  process.stderr.write(`subject-access: ${(error as Error).message}\n${USAGE}`);
  process.exit(2);
}
const childId = args.positionals[0];
if (!childId || args.positionals.length > 1 || !CASE_REFERENCE.test(childId)) {
  process.stderr.write(USAGE);
  process.exit(2);
}
const settings = localSettings();
if (!process.env.AWS_ENDPOINT_URL_DYNAMODB && !process.env.KEPT_USE_AWS) applyLocalEnvironment(settings);
const councilId = process.env.COUNCIL_ID ?? settings.councilId;
const by = { staffId: args.values.by ?? `cli:${userInfo().username}`, route: 'npm run subject-access' };

try {
  const found = await exportSubject(dynamoStores(process.env.TABLE_NAME ?? settings.tableName), councilId, childId, by);
  if (found) process.stdout.write(`${JSON.stringify(found, null, 2)}\n`);
  else {
    process.stderr.write(`subject-access: Kept holds nothing about case reference ${childId} in council ${councilId}\n`);
    process.exitCode = 1;
  }
} catch (error) {
  const refused = cannotReachDynamo(error);
  process.stderr.write(refused ? 'subject-access: cannot reach DynamoDB; is `npm start` running?\n' : `subject-access: failed: ${(error as Error).message}\n`);
  process.exit(1);
}
