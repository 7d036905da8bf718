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
import { cannotReachDynamo } from './settings.js';
import { caseCommand } from './caseCommand.js';
import { erasurePlan, eraseSubject } from '#services/subjectAccess.js';

const USAGE = 'usage: npm run erase -- CHILD_ID --confirm [--by STAFF_ID]\n';
const { childId, flags, councilId, stores, by } = caseCommand('erase', USAGE, { confirm: { type: 'boolean' } });

try {
  if (!flags.confirm) {
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
