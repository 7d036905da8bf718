/**
 * Where a Lambda function gets its stores: the DynamoDB adapters on the
 * configured table, each made when first asked for and reused across
 * invocations of a warm function (made again if the table name changes, as
 * it does between tests). Made one by one, so a function's bundle carries
 * only the adapters it asks for.
 */
import { config } from '#platform/config.js';
import type { AuditLog } from '#store/ports/audit.js';
import type { ExportJobs } from '#store/ports/exports.js';
import type { ImportLock } from '#store/ports/importLock.js';
import type { SendClaims } from '#store/ports/sendClaims.js';
import type { KeptStore } from '#store/ports/stores.js';
import type { SurveyStore } from '#store/ports/surveys.js';
import { documentClient } from '#store/dynamo/client.js';
import { Table } from '#store/dynamo/helpers.js';
import { dynamoAudit } from '#store/dynamo/audit.js';
import { dynamoCases } from '#store/dynamo/cases.js';
import { dynamoCouncils } from '#store/dynamo/councils.js';
import { dynamoExports } from '#store/dynamo/exports.js';
import { dynamoImportLock } from '#store/dynamo/importLock.js';
import { dynamoSendClaims } from '#store/dynamo/sendClaims.js';
import { dynamoStaff } from '#store/dynamo/staff.js';
import { dynamoSurveys } from '#store/dynamo/surveys.js';

let table: Table | undefined;

function currentTable(): Table {
  if (!table || table.name !== config.tableName) table = new Table(config.tableName, documentClient());
  return table;
}

/** An adapter made on the current table, once per table. */
function adapter<T>(make: (table: Table) => T): () => T {
  let made: { table: Table; value: T } | undefined;
  return () => {
    const on = currentTable();
    if (made?.table !== on) made = { table: on, value: make(on) };
    return made.value;
  };
}

export const store: () => KeptStore = /* @__PURE__ */ adapter((t) => ({ ...dynamoCouncils(t), ...dynamoStaff(t), ...dynamoCases(t) }));
export const surveyStore: () => SurveyStore = /* @__PURE__ */ adapter(dynamoSurveys);
export const auditLog: () => AuditLog = /* @__PURE__ */ adapter(dynamoAudit);
export const sendClaims: () => SendClaims = /* @__PURE__ */ adapter(dynamoSendClaims);
export const importLock: () => ImportLock = /* @__PURE__ */ adapter(dynamoImportLock);
export const exportJobs: () => ExportJobs = /* @__PURE__ */ adapter(dynamoExports);
