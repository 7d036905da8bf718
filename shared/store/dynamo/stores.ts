/** Kept's ports on one DynamoDB table: where the adapters are made. */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Stores } from '../ports/stores.js';
import { documentClient } from './client.js';
import { Table } from './helpers.js';
import { dynamoAudit } from './audit.js';
import { dynamoCases } from './cases.js';
import { dynamoCouncils } from './councils.js';
import { dynamoExports } from './exports.js';
import { dynamoImportLock } from './importLock.js';
import { dynamoSendClaims } from './sendClaims.js';
import { dynamoStaff } from './staff.js';
import { dynamoSubjects } from './subjects.js';
import { dynamoSurveys } from './surveys.js';

export interface DynamoStores extends Stores {
  /** The table behind them (its name, and the read units its queries used). */
  table: Table;
}

export function dynamoStores(tableName: string, db: DynamoDBDocumentClient = documentClient()): DynamoStores {
  const table = new Table(tableName, db);
  return {
    table,
    store: { ...dynamoCouncils(table), ...dynamoStaff(table), ...dynamoCases(table) },
    claims: dynamoSendClaims(table),
    importLock: dynamoImportLock(table),
    surveys: dynamoSurveys(table),
    audit: dynamoAudit(table),
    subjects: dynamoSubjects(table),
    exports: dynamoExports(table),
  };
}
