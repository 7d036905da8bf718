/**
 * `npm run subject-access -- CHILD_ID [--by STAFF_ID]`: prints, as JSON,
 * everything Kept holds about one child or care leaver (record, facts,
 * obligations, survey invitations and links, confidential responses, audit
 * entries) and writes an 'export' entry to the audit trail. Works on the
 * local stack's table, or the table and endpoint the AWS environment names
 * (as `npm run import` does). Exits 1 if Kept holds nothing about that case
 * reference, 2 for bad arguments.
 */
import { cannotReachDynamo } from './settings.js';
import { caseCommand } from './caseCommand.js';
import { exportSubject } from '#services/subjectAccess.js';

const USAGE = 'usage: npm run subject-access -- CHILD_ID [--by STAFF_ID]\n';
const { childId, councilId, stores, by } = caseCommand('subject-access', USAGE);

try {
  const found = await exportSubject(stores, councilId, childId, by);
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
