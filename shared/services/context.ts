/**
 * Where a Lambda function gets its stores: the DynamoDB adapters on the
 * configured table, made once and reused across invocations of a warm
 * function (made again if the table name changes, as it does between tests).
 */
import { config } from '#platform/config.js';
import type { AuditLog } from '#store/ports/audit.js';
import type { ExportJobs } from '#store/ports/exports.js';
import type { ImportLock } from '#store/ports/importLock.js';
import type { SendClaims } from '#store/ports/sendClaims.js';
import type { KeptStore, Stores } from '#store/ports/stores.js';
import type { SurveyStore } from '#store/ports/surveys.js';
import { type DynamoStores, dynamoStores } from '#store/dynamo/stores.js';

let current: DynamoStores | undefined;

function stores(): Stores {
  if (!current || current.table.name !== config.tableName) current = dynamoStores(config.tableName);
  return current;
}

export const store = (): KeptStore => stores().store;
export const surveyStore = (): SurveyStore => stores().surveys;
export const auditLog = (): AuditLog => stores().audit;
export const sendClaims = (): SendClaims => stores().claims;
export const importLock = (): ImportLock => stores().importLock;
export const exportJobs = (): ExportJobs => stores().exports;
