/**
 * The audit trail: who read or changed which child's record, when, through
 * which route. Append-only: every entry is written with conditional puts
 * (attribute_not_exists), and nothing here updates or deletes one. Each
 * entry is stored under the child and under the council's day (keys.ts).
 */
import { type DynamoDBDocumentClient, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import type { Role } from '#domain/principal.js';
import { londonDateOf } from '#domain/dates.js';
import { auditKeys } from './keys.js';
import { documentClient } from './client.js';

export const AUDIT_ACTIONS = ['read', 'record-fact', 'create', 'export', 'erase'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditEntry {
  /** 64 random bits, making the key unique within the instant. */
  id: string;
  /** ISO UTC instant. */
  at: string;
  councilId: string;
  staffId: string;
  /** A signed-in role, or `operator` for the command-line tools run against the table directly. */
  role: Role | 'operator';
  action: AuditAction;
  /** The case reference only: never a name. */
  childId: string;
  /** The API route (`GET /children/{id}`) or the command that acted. */
  route: string;
}

/** An entry was already there: entries are never overwritten. */
export class AuditEntryExists extends Error {}

const FIELDS = ['id', 'at', 'councilId', 'staffId', 'role', 'action', 'childId', 'route'] as const;

function entryOf(item: Record<string, unknown>): AuditEntry {
  const out: Record<string, unknown> = {};
  for (const f of FIELDS) out[f] = item[f];
  return out as unknown as AuditEntry;
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

function isConditionFailure(error: unknown): boolean {
  if (error instanceof ConditionalCheckFailedException) return true;
  if (error instanceof TransactionCanceledException) {
    return (error.CancellationReasons ?? []).some((r) => r.Code === 'ConditionalCheckFailed');
  }
  return false;
}

export class AuditStore {
  constructor(
    readonly tableName: string,
    private readonly db: DynamoDBDocumentClient = documentClient(),
  ) {}

  /** Appends one entry; an entry with the same key is never replaced (AuditEntryExists). */
  async append(entry: AuditEntry): Promise<void> {
    try {
      await this.db.send(new TransactWriteCommand({ TransactItems: auditPuts(this.tableName, entry) }));
    } catch (error) {
      if (isConditionFailure(error)) throw new AuditEntryExists(`audit entry ${entry.at}#${entry.id} already exists; entries are never overwritten`);
      throw error;
    }
  }

  /** One child's entries, oldest first. */
  async forChild(councilId: string, childId: string): Promise<AuditEntry[]> {
    return this.partition(auditKeys.childPartition(councilId, childId));
  }

  /** A council's entries for a calendar day (Europe/London), oldest first. */
  async forDay(councilId: string, date: string): Promise<AuditEntry[]> {
    return this.partition(auditKeys.dayPartition(councilId, date));
  }

  private async partition(pk: string): Promise<AuditEntry[]> {
    const entries: AuditEntry[] = [];
    let ExclusiveStartKey: Record<string, unknown> | undefined;
    do {
      const page = await this.db.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': pk },
          ConsistentRead: true,
          ExclusiveStartKey,
        }),
      );
      for (const item of page.Items ?? []) entries.push(entryOf(item as Record<string, unknown>));
      ExclusiveStartKey = page.LastEvaluatedKey;
    } while (ExclusiveStartKey);
    return entries;
  }
}
