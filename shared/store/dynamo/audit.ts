/**
 * The audit trail in the single table. Append-only: every entry is written
 * with conditional puts (attribute_not_exists), and nothing here updates or
 * deletes one. Each entry is stored under the child and under the council's
 * day (keys.ts).
 */
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { londonDateOf } from '#domain/dates.js';
import { type AuditEntry, AuditEntryExists, type AuditLog } from '../ports/audit.js';
import { auditKeys } from '../keys.js';
import { type Item, type Table, isConditionFailure, queryAll } from './helpers.js';

const FIELDS = ['id', 'at', 'councilId', 'staffId', 'role', 'action', 'childId', 'route'] as const;

function entryOf(item: Item): AuditEntry {
  return Object.fromEntries(FIELDS.map((f) => [f, item[f]])) as unknown as AuditEntry;
}

/**
 * The two conditional puts that store one entry, for a transaction: the
 * caller may add them to the transaction that makes the change they record,
 * so the change and its entry are written together or not at all.
 */
export function auditPuts(tableName: string, entry: AuditEntry) {
  const body = Object.fromEntries(FIELDS.map((f) => [f, entry[f]]));
  const day = londonDateOf(new Date(entry.at));
  return [
    auditKeys.byChild(entry.councilId, entry.childId, entry.at, entry.id),
    auditKeys.byDay(entry.councilId, day, entry.at, entry.childId, entry.id),
  ].map((key) => ({
    Put: { TableName: tableName, Item: { ...key, itemType: 'audit', ...body }, ConditionExpression: 'attribute_not_exists(pk)' },
  }));
}

/** Two puts an entry, and a transaction holds at most 100. */
const ENTRIES_PER_TRANSACTION = 50;

export function dynamoAudit(table: Table): AuditLog {
  const partition = async (pk: string) =>
    (await queryAll(table, { KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': pk }, ConsistentRead: true })).map(entryOf);

  return {
    async append(entry) {
      try {
        await table.db.send(new TransactWriteCommand({ TransactItems: auditPuts(table.name, entry) }));
      } catch (error) {
        if (isConditionFailure(error)) throw new AuditEntryExists(`audit entry ${entry.at}#${entry.id} already exists; entries are never overwritten`);
        throw error;
      }
    },
    /**
     * Up to 50 entries (100 conditional puts, DynamoDB's limit) in each
     * transaction, transactions one after another: a batch is written whole
     * or not at all, and one that fails stops the rest.
     */
    async appendAll(entries) {
      for (let i = 0; i < entries.length; i += ENTRIES_PER_TRANSACTION) {
        const batch = entries.slice(i, i + ENTRIES_PER_TRANSACTION);
        try {
          await table.db.send(new TransactWriteCommand({ TransactItems: batch.flatMap((entry) => auditPuts(table.name, entry)) }));
        } catch (error) {
          if (isConditionFailure(error)) throw new AuditEntryExists(`an audit entry of ${batch.length} already exists; entries are never overwritten`);
          throw error;
        }
      }
    },
    forChild: (councilId, childId) => partition(auditKeys.childPartition(councilId, childId)),
    forDay: (councilId, date) => partition(auditKeys.dayPartition(councilId, date)),
  };
}
