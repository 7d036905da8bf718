/**
 * The audit trail in the single table. Append-only: every entry is written
 * with conditional puts (attribute_not_exists), and nothing here updates or
 * deletes one. Each entry is stored under the child and under the council's
 * day (keys.ts).
 */
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { londonDateOf } from '#domain/dates.js';
import { type AuditEntry, AuditEntryExists, type AuditLog, type StaffAuditEntry } from '../ports/audit.js';
import { auditKeys } from '../keys.js';
import { type Item, type Table, isConditionFailure, queryAll } from './helpers.js';

const FIELDS = ['id', 'at', 'councilId', 'staffId', 'role', 'action', 'childId', 'staffMemberId', 'route'] as const;

function entryOf<E extends AuditEntry | StaffAuditEntry>(item: Item): E {
  return Object.fromEntries(FIELDS.filter((f) => item[f] !== undefined).map((f) => [f, item[f]])) as unknown as E;
}

/**
 * The two conditional puts that store one entry, for a transaction: the
 * caller may add them to the transaction that makes the change they record,
 * so the change and its entry are written together or not at all.
 */
export function auditPuts(tableName: string, entry: AuditEntry | StaffAuditEntry) {
  const body = Object.fromEntries(FIELDS.filter((f) => entry[f as keyof typeof entry] !== undefined).map((f) => [f, entry[f as keyof typeof entry]]));
  const day = londonDateOf(new Date(entry.at));
  const keys =
    entry.childId === undefined
      ? [
          auditKeys.byStaffMember(entry.councilId, entry.staffMemberId, entry.at, entry.id),
          auditKeys.staffMemberByDay(entry.councilId, day, entry.at, entry.staffMemberId, entry.id),
        ]
      : [auditKeys.byChild(entry.councilId, entry.childId, entry.at, entry.id), auditKeys.byDay(entry.councilId, day, entry.at, entry.childId, entry.id)];
  return keys.map((key) => ({
    Put: { TableName: tableName, Item: { ...key, itemType: 'audit', ...body }, ConditionExpression: 'attribute_not_exists(pk)' },
  }));
}

/** Two puts an entry, and a transaction holds at most 100. */
const ENTRIES_PER_TRANSACTION = 50;
/** Transactions in flight at once: each touches its own items, so they cannot conflict with one another. */
const TRANSACTIONS_AT_ONCE = 8;

export function dynamoAudit(table: Table): AuditLog {
  const partition = async <E extends AuditEntry | StaffAuditEntry>(pk: string) =>
    (await queryAll(table, { KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': pk }, ConsistentRead: true })).map((i) => entryOf<E>(i));

  const transact = async (batch: readonly (AuditEntry | StaffAuditEntry)[]) => {
    try {
      await table.db.send(new TransactWriteCommand({ TransactItems: batch.flatMap((entry) => auditPuts(table.name, entry)) }));
    } catch (error) {
      if (isConditionFailure(error)) throw new AuditEntryExists(`an audit entry of ${batch.length} already exists; entries are never overwritten`);
      throw error;
    }
  };

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
     * transaction, up to 8 transactions at once: each batch is written whole
     * or not at all; after one fails no further batch starts, and the first
     * failure is thrown once those already in flight have settled.
     */
    async appendAll(entries) {
      const batches: AuditEntry[][] = [];
      for (let i = 0; i < entries.length; i += ENTRIES_PER_TRANSACTION) batches.push(entries.slice(i, i + ENTRIES_PER_TRANSACTION));
      let next = 0;
      let failure: Error | undefined;
      const worker = async () => {
        while (failure === undefined && next < batches.length) {
          const batch = batches[next++]!;
          try {
            await transact(batch);
          } catch (error) {
            failure ??= error as Error;
          }
        }
      };
      await Promise.all(Array.from({ length: Math.min(TRANSACTIONS_AT_ONCE, batches.length) }, worker));
      if (failure !== undefined) throw failure;
    },
    forChild: (councilId, childId) => partition<AuditEntry>(auditKeys.childPartition(councilId, childId)),
    forDay: (councilId, date) => partition<AuditEntry | StaffAuditEntry>(auditKeys.dayPartition(councilId, date)),
    forStaffMember: (councilId, staffId) => partition<StaffAuditEntry>(auditKeys.staffMemberPartition(councilId, staffId)),
  };
}
