/**
 * `npm run erase -- CHILD_ID --confirm [--by STAFF_ID]`: removes what Kept
 * holds about one child or care leaver (record, facts, obligations,
 * recompute marker, survey invitations and links), takes the person off
 * their confidential survey responses (the answers stay, anonymous, with
 * bands only) and writes an 'erase' entry to the audit trail, which is kept.
 * Without --confirm it prints what it would remove and exits 2. Works on the
 * local stack's table, or the table and endpoint the AWS environment names.
 * Exits 1 if Kept holds nothing about that case reference.
 */
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { applyLocalEnvironment, cannotReachDynamo, localSettings } from './settings.js';
import { CASE_REFERENCE, erasurePlan, eraseSubject } from '#services/subjectAccess.js';
import { dynamoStores } from '#store/dynamo/stores.js';

const USAGE = 'usage: npm run erase -- CHILD_ID --confirm [--by STAFF_ID]\n';
let args;
try {
  args = parseArgs({ allowPositionals: true, options: { by: { type: 'string' }, confirm: { type: 'boolean' } } });
} catch (error) {
  process.stderr.write(`erase: ${(error as Error).message}\n${USAGE}`);
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
const stores = dynamoStores(process.env.TABLE_NAME ?? settings.tableName);
const by = { staffId: args.values.by ?? `cli:${userInfo().username}`, route: 'npm run erase' };

try {
  if (!args.values.confirm) {
    process.stdout.write(`${JSON.stringify({ wouldErase: await erasurePlan(stores, councilId, childId) }, null, 2)}\n`);
    process.stderr.write('erase: nothing was removed; run it again with --confirm to erase\n');
    process.exitCode = 2;
  } else {
    const report = await eraseSubject(stores, councilId, childId, by);
    if (report.erased) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    else {
      process.stderr.write(`erase: Kept holds nothing about case reference ${childId} in council ${councilId}; nothing was erased\n`);
      process.exitCode = 1;
    }
  }
} catch (error) {
  const refused = cannotReachDynamo(error);
  process.stderr.write(refused ? 'erase: cannot reach DynamoDB; is `npm start` running?\n' : `erase: failed part-way; run it again to finish: ${(error as Error).message}\n`);
  process.exit(1);
}
