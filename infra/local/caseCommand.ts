/**
 * What `npm run subject-access` and `npm run erase` share: one case reference
 * and `--by`, read from the command line (exit 2 with the usage otherwise),
 * and the table they work on: the local stack's, or the one the AWS
 * environment names.
 */
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { applyLocalEnvironment, localSettings } from './settings.js';
import { CASE_REFERENCE } from '#services/subjectAccess.js';
import { dynamoStores } from '#store/dynamo/stores.js';

export function caseCommand(name: string, usage: string, flags: Record<string, { type: 'boolean' }> = {}) {
  let args;
  try {
    args = parseArgs({ allowPositionals: true, options: { by: { type: 'string' }, ...flags } });
  } catch (error) {
    process.stderr.write(`${name}: ${(error as Error).message}\n${usage}`);
    process.exit(2);
  }
  const childId = args.positionals[0];
  if (!childId || args.positionals.length > 1 || !CASE_REFERENCE.test(childId)) {
    process.stderr.write(usage);
    process.exit(2);
  }
  const settings = localSettings();
  if (!process.env.AWS_ENDPOINT_URL_DYNAMODB && !process.env.KEPT_USE_AWS) applyLocalEnvironment(settings);
  return {
    childId,
    flags: args.values as Record<string, unknown>,
    councilId: process.env.COUNCIL_ID ?? settings.councilId,
    stores: dynamoStores(process.env.TABLE_NAME ?? settings.tableName),
    by: { staffId: typeof args.values.by === 'string' ? args.values.by : `cli:${userInfo().username}`, route: `npm run ${name}` },
  };
}
