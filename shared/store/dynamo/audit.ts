/**
 * The audit trail in the single table. Append-only: every entry is written
 * with conditional puts (attribute_not_exists), and nothing here updates or
 * deletes one. Each entry is stored under the child and under the council's
 * day (keys.ts). A list handed over at once is one access kept whole, under
 * the shards of its children and under the day, and read back as an entry
 * per child: a council-wide list costs one transaction, not one per child.
 */
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { londonDateOf } from '#domain/dates.js';
import { type AuditEntry, AuditEntryExists, type AuditLog, type ListAccess, type StaffAuditEntry } from '../ports/audit.js';
import { AUDIT_LIST_SHARDS, auditKeys, reportShardOf } from '../keys.js';
import { type Item, type Table, isConditionFailure, queryAll } from './helpers.js';

const FIELDS = ['id', 'at', 'councilId', 'staffId', 'role', 'action', 'childId', 'staffMemberId', 'route'] as const;

/** The entry's fields that are set, as stored on its items and read back from them. */
function fieldsOf(record: object): Item {
  const fields = record as Item;
  return Object.fromEntries(FIELDS.filter((f) => fields[f] !== undefined).map((f) => [f, fields[f]]));
}

function entryOf<E extends AuditEntry | StaffAuditEntry>(item: Item): E {
  return fieldsOf(item) as unknown as E;
}

/**
 * The two conditional puts that store one entry, for a transaction: the
 * caller may add them to the transaction that makes the change they record,
 * so the change and its entry are written together or not at all.
 */
export function auditPuts(tableName: string, entry: AuditEntry | StaffAuditEntry) {
  const body = fieldsOf(entry);
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

/** Case references in one day item of a list access: about 10 bytes each, well inside DynamoDB's 400 KB an item. */
const IDS_PER_DAY_ITEM = 20_000;

/** The conditional puts that store one list access: one item per shard its children fall in, and the whole list under the day. */
export function listAccessPuts(tableName: string, access: ListAccess) {
  const body = fieldsOf(access);
  const byShard = new Map<number, string[]>();
  for (const childId of access.childIds) {
    const shard = reportShardOf(childId, AUDIT_LIST_SHARDS);
    const ids = byShard.get(shard);
    if (ids) ids.push(childId);
    else byShard.set(shard, [childId]);
  }
  const day = londonDateOf(new Date(access.at));
  const items = [...byShard].map(([shard, childIds]) => ({ ...auditKeys.listByShard(access.councilId, shard, access.at, access.id), childIds }));
  for (let part = 0; part * IDS_PER_DAY_ITEM < access.childIds.length; part++) {
    items.push({ ...auditKeys.listByDay(access.councilId, day, access.at, access.id, part), childIds: access.childIds.slice(part * IDS_PER_DAY_ITEM, (part + 1) * IDS_PER_DAY_ITEM) });
  }
  return items.map((item) => ({ Put: { TableName: tableName, Item: { ...item, itemType: 'audit-list', ...body }, ConditionExpression: 'attribute_not_exists(pk)' } }));
}

/** A stored list access as the entries it stands for: one per child (or only the one asked about). */
function entriesOfList(item: Item, only?: string): AuditEntry[] {
  const base = entryOf<AuditEntry>(item);
  const childIds = item.childIds as string[];
  return (only === undefined ? childIds : childIds.filter((c) => c === only)).map((childId) => ({ ...base, childId }));
}

const byTime = (a: { at: string; id: string }, b: { at: string; id: string }) => (a.at === b.at ? (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) : a.at < b.at ? -1 : 1);

export function dynamoAudit(table: Table): AuditLog {
  const partition = async <E extends AuditEntry | StaffAuditEntry>(pk: string) =>
    (await queryAll(table, { KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': pk }, ConsistentRead: true })).map((i) => entryOf<E>(i));

  return {
    async append(entry) {
      try {
        await table.db.send(new TransactWriteCommand({ TransactItems: auditPuts(table.name, entry) }));
      } catch (error) {
        if (isConditionFailure(error)) throw new AuditEntryExists(`audit entry ${entry.at}#${entry.id} already exists; entries are never overwritten`);
        throw error;
      }
    },
    /** One transaction: its shard items and day items (17 for a list of up to 20,000 children). */
    async appendList(access) {
      if (access.childIds.length === 0) return;
      try {
        await table.db.send(new TransactWriteCommand({ TransactItems: listAccessPuts(table.name, access) }));
      } catch (error) {
        if (isConditionFailure(error)) throw new AuditEntryExists(`list access ${access.at}#${access.id} already exists; entries are never overwritten`);
        throw error;
      }
    },
    async forChild(councilId, childId) {
      const [own, lists] = await Promise.all([
        partition<AuditEntry>(auditKeys.childPartition(councilId, childId)),
        queryAll(table, {
          KeyConditionExpression: 'pk = :pk',
          FilterExpression: 'contains(childIds, :child)',
          ExpressionAttributeValues: { ':pk': auditKeys.listShard(councilId, reportShardOf(childId, AUDIT_LIST_SHARDS)), ':child': childId },
          ConsistentRead: true,
        }),
      ]);
      return lists.length === 0 ? own : [...own, ...lists.flatMap((item) => entriesOfList(item, childId))].sort(byTime);
    },
    async forDay(councilId, date) {
      const items = await queryAll(table, { KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': auditKeys.dayPartition(councilId, date) }, ConsistentRead: true });
      return items.flatMap((item) => (item.itemType === 'audit-list' ? entriesOfList(item) : [entryOf<AuditEntry | StaffAuditEntry>(item)]));
    },
    forStaffMember: (councilId, staffId) => partition<StaffAuditEntry>(auditKeys.staffMemberPartition(councilId, staffId)),
  };
}
