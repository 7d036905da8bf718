/**
 * Kept's store: the port handlers and services use, with DynamoDB behind it.
 * Callers see staff, children, facts and obligations, never key shapes.
 */
import { randomBytes } from 'node:crypto';
import {
  type DynamoDBDocumentClient,
  BatchWriteCommand,
  DeleteCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
  type QueryCommandInput,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import type { Fact } from '#domain/facts.js';
import type { ChildInput, ChildRecord, Staff } from '#domain/people.js';
import { initials } from '#domain/people.js';
import type { Obligation } from '#domain/obligations.js';
import { REFRESH_KIND, keys } from './keys.js';
import { documentClient } from './client.js';
import { type AuditEntry, auditPuts } from './auditStore.js';

export interface StoredFact {
  recordedAt: string;
  recordedBy: string;
  fact: Fact;
}

/** One obligation in the projection, with what a reminder needs to name the child. */
export interface DueItem {
  councilId: string;
  childId: string;
  kind: string;
  dueDate: string;
  dueAt?: string;
  rule: string;
  /** Something about the record the worker should know (see Obligation.note). */
  note?: string;
  holderId: string;
  initials: string;
  /** The last day this item was escalated to the holder's manager. */
  escalatedOn?: string;
}

export interface Projection {
  obligations: Obligation[];
  /** When the answer changes with time alone (see nextRecomputeDate). */
  refreshOn: string | null;
}

export interface CouncilSettings {
  id: string;
  name: string;
  policy?: unknown;
  reminders?: unknown;
  /** The council's out-of-hours social care number, shown to a young person who says they do not feel safe. */
  outOfHoursPhone?: string;
  /** The council's pledge to children in care, one promise a line (the pledge survey asks about each). */
  pledge?: Array<{ id: string; text: string }>;
}

/** Opaque keys of written items; only the store looks inside. */
export type WrittenKeys = Array<{ pk: string; sk: string }>;

function childItem(child: ChildRecord) {
  return {
    ...keys.child(child.councilId, child.id),
    holderPk: keys.holder(child.councilId, child.holderId),
    holderSk: `${keys.childPrefix}${child.id}`,
    itemType: 'child',
    ...child,
  };
}

/** Facts recorded in the same millisecond keep the order they were given in (`seq`). */
function factItem(councilId: string, childId: string, stored: StoredFact, seq = 0) {
  const n = `${String(seq).padStart(6, '0')}${randomBytes(3).toString('hex')}`;
  return { ...keys.fact(councilId, childId, stored.recordedAt, n), itemType: 'fact', ...stored };
}

function obligationItem(child: ChildRecord, childInitials: string, o: Obligation, escalatedOn: string | undefined) {
  const c = child.councilId;
  const item: DueItem = {
    councilId: c,
    childId: child.id,
    kind: o.kind,
    dueDate: o.dueDate,
    dueAt: o.dueAt,
    rule: o.rule,
    note: o.note,
    holderId: child.holderId,
    initials: childInitials,
    escalatedOn,
  };
  return {
    ...keys.obligation(c, child.id, o.kind),
    ...keys.dueIndex(c, o.dueDate, child.id, o.kind),
    holderPk: keys.holder(c, child.holderId),
    holderSk: `${keys.obligationPrefix}${o.dueDate}#${child.id}#${o.kind}`,
    itemType: 'obligation',
    ...item,
  };
}

function refreshItem(child: ChildRecord, refreshOn: string) {
  return {
    ...keys.refresh(child.councilId, child.id),
    ...keys.dueIndex(child.councilId, refreshOn, child.id, REFRESH_KIND),
    itemType: 'refresh',
    childId: child.id,
    refreshOn,
  };
}

import { AlreadyExists, ConcurrentChange, NotFound } from '#domain/errors.js';
export { AlreadyExists, ConcurrentChange, NotFound };

const STRIP = new Set(['pk', 'sk', 'duePk', 'dueSk', 'holderPk', 'holderSk', 'itemType', 'expiresAt']);
export function plain<T>(item: Record<string, unknown>): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(item)) if (!STRIP.has(k)) out[k] = v;
  return out as T;
}

export function isConditionFailure(error: unknown): boolean {
  if (error instanceof ConditionalCheckFailedException) return true;
  if (error instanceof TransactionCanceledException) {
    return (error.CancellationReasons ?? []).some((r) => r.Code === 'ConditionalCheckFailed');
  }
  return false;
}

export class KeptStore {
  constructor(
    readonly tableName: string,
    private readonly db: DynamoDBDocumentClient = documentClient(),
  ) {}

  /** Read units consumed by this store's queries so far, for the benchmarks. */
  consumedReadUnits = 0;

  private async queryAll(input: Omit<QueryCommandInput, 'TableName'>): Promise<Record<string, unknown>[]> {
    const items: Record<string, unknown>[] = [];
    let ExclusiveStartKey: Record<string, unknown> | undefined;
    do {
      const page = await this.db.send(
        new QueryCommand({ TableName: this.tableName, ...input, ExclusiveStartKey, ReturnConsumedCapacity: 'TOTAL' }),
      );
      this.consumedReadUnits += page.ConsumedCapacity?.CapacityUnits ?? 0;
      items.push(...((page.Items ?? []) as Record<string, unknown>[]));
      ExclusiveStartKey = page.LastEvaluatedKey;
    } while (ExclusiveStartKey);
    return items;
  }

  // Councils

  async getCouncil(councilId: string): Promise<CouncilSettings | null> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: keys.council(councilId) }));
    return Item ? plain<CouncilSettings>(Item) : null;
  }

  async putCouncil(council: CouncilSettings): Promise<void> {
    await this.db.send(new PutCommand({ TableName: this.tableName, Item: { ...keys.council(council.id), ...council } }));
  }

  // Staff

  async getStaff(councilId: string, staffId: string): Promise<Staff | null> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: keys.staff(councilId, staffId) }));
    return Item ? plain<Staff>(Item) : null;
  }

  async listStaff(councilId: string): Promise<Staff[]> {
    const items = await this.queryAll({
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': keys.council(councilId).pk, ':prefix': keys.staffPrefix },
    });
    return items.map((i) => plain<Staff>(i));
  }

  /** Adds a staff member; their email address may belong to nobody else. */
  async createStaff(staff: Staff): Promise<void> {
    try {
      await this.db.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.tableName,
                Item: { ...keys.staff(staff.councilId, staff.id), ...staff },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
            {
              Put: {
                TableName: this.tableName,
                Item: { ...keys.email(staff.email), councilId: staff.councilId, staffId: staff.id },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
          ],
        }),
      );
    } catch (error) {
      if (isConditionFailure(error)) throw new AlreadyExists(`staff ${staff.id} or the address ${staff.email} is already registered`);
      throw error;
    }
  }

  async findStaffByEmail(address: string): Promise<Staff | null> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: keys.email(address) }));
    if (!Item) return null;
    return this.getStaff(Item.councilId as string, Item.staffId as string);
  }

  async markUndeliverable(councilId: string, staffId: string, since: string, reason: string): Promise<void> {
    await this.db.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: keys.staff(councilId, staffId),
        UpdateExpression: 'SET undeliverable = :u',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':u': { since, reason } },
      }),
    );
  }

  /** Replaces a person's calendar feed token (only its hash is kept). */
  async setCalendarToken(councilId: string, staffId: string, tokenHash: string): Promise<void> {
    const staffKey = keys.staff(councilId, staffId);
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: staffKey }));
    if (!Item) throw new NotFound(`no staff member ${staffId}`);
    const previous = Item.calendarTokenHash as string | undefined;
    await this.db.send(
      new TransactWriteCommand({
        TransactItems: [
          ...(previous ? [{ Delete: { TableName: this.tableName, Key: keys.calendar(previous) } }] : []),
          { Put: { TableName: this.tableName, Item: { ...keys.calendar(tokenHash), councilId, staffId } } },
          {
            Update: {
              TableName: this.tableName,
              Key: staffKey,
              UpdateExpression: 'SET calendarTokenHash = :h',
              ConditionExpression: previous ? 'calendarTokenHash = :p' : 'attribute_not_exists(calendarTokenHash)',
              ExpressionAttributeValues: { ':h': tokenHash, ...(previous ? { ':p': previous } : {}) },
            },
          },
        ],
      }),
    );
  }

  async findCalendarToken(tokenHash: string): Promise<{ councilId: string; staffId: string } | null> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: keys.calendar(tokenHash) }));
    return Item ? { councilId: Item.councilId as string, staffId: Item.staffId as string } : null;
  }

  // Children

  /** Opens a case; with `audit`, its audit entry is written in the same transaction. */
  async createChild(councilId: string, input: ChildInput, createdAt: string, audit?: AuditEntry): Promise<ChildRecord> {
    const child: ChildRecord = { ...input, councilId, createdAt, version: 0 };
    const put = { TableName: this.tableName, Item: childItem(child), ConditionExpression: 'attribute_not_exists(pk)' };
    try {
      if (audit) await this.db.send(new TransactWriteCommand({ TransactItems: [{ Put: put }, ...auditPuts(this.tableName, audit)] }));
      else await this.db.send(new PutCommand(put));
    } catch (error) {
      if (isConditionFailure(error)) throw new AlreadyExists(`a child with case reference ${input.id} already exists`);
      throw error;
    }
    return child;
  }

  async getChild(councilId: string, childId: string): Promise<ChildRecord | null> {
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: keys.child(councilId, childId), ConsistentRead: true }),
    );
    return Item ? plain<ChildRecord>(Item) : null;
  }

  async listChildren(councilId: string): Promise<ChildRecord[]> {
    const items = await this.queryAll({
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': keys.council(councilId).pk, ':prefix': keys.childPrefix },
    });
    return items.map((i) => plain<ChildRecord>(i));
  }

  async listChildrenHeldBy(councilId: string, staffId: string): Promise<ChildRecord[]> {
    const items = await this.queryAll({
      IndexName: 'byHolder',
      KeyConditionExpression: 'holderPk = :h AND begins_with(holderSk, :prefix)',
      ExpressionAttributeValues: { ':h': keys.holder(councilId, staffId), ':prefix': keys.childPrefix },
    });
    return items.map((i) => plain<ChildRecord>(i));
  }

  /** The child's facts, oldest recorded first, and the current projection. */
  async getChildHistory(councilId: string, childId: string): Promise<{ facts: StoredFact[]; obligations: DueItem[] }> {
    const items = await this.queryAll({
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.childPartition(councilId, childId) },
      ConsistentRead: true,
    });
    const facts: StoredFact[] = [];
    const obligations: DueItem[] = [];
    for (const item of items) {
      const sk = item.sk as string;
      if (sk.startsWith(keys.factPrefix)) facts.push(plain<StoredFact>(item));
      else if (sk.startsWith(keys.obligationPrefix)) obligations.push(plain<DueItem>(item));
    }
    return { facts, obligations };
  }

  /** Everything a holder has due, soonest first: one query of the holder index. */
  async dueForHolder(councilId: string, staffId: string): Promise<DueItem[]> {
    const items = await this.queryAll({
      IndexName: 'byHolder',
      KeyConditionExpression: 'holderPk = :h AND begins_with(holderSk, :prefix)',
      ExpressionAttributeValues: { ':h': keys.holder(councilId, staffId), ':prefix': keys.obligationPrefix },
    });
    return items.map((i) => plain<DueItem>(i));
  }

  /**
   * Everything due on or before `upTo` in a council (overdue included), read
   * from the due-date index: the cost follows the items due, not the table.
   */
  async dueUpTo(councilId: string, upTo: string): Promise<{ items: DueItem[]; refresh: string[] }> {
    const found = await this.queryAll({
      IndexName: 'byDueDate',
      KeyConditionExpression: 'duePk = :p AND dueSk < :upTo',
      ExpressionAttributeValues: { ':p': keys.duePartition(councilId), ':upTo': `${upTo}#\uffff` },
    });
    const items: DueItem[] = [];
    const refresh: string[] = [];
    for (const item of found) {
      if (item.itemType === 'refresh') refresh.push(item.childId as string);
      else items.push(plain<DueItem>(item));
    }
    return { items, refresh };
  }

  /**
   * Appends a fact and rewrites the child's projection in one transaction.
   * The SDK gives each TransactWriteItems an idempotency token (ClientRequestToken)
   * and reuses it when it retries, so a transaction whose answer was lost is not
   * applied twice (a test loses the answer on purpose).
   * `project` gets every fact, the new one last; a concurrent writer to the
   * same child makes the version check fail, and we read again and retry.
   */
  async recordFact(
    councilId: string,
    childId: string,
    fact: Fact,
    recordedBy: string,
    recordedAt: string,
    project: (child: ChildRecord, facts: Fact[]) => Projection,
    /** Written in the same transaction: the fact and its audit entry are stored together or not at all. */
    audit?: AuditEntry,
  ): Promise<{ stored: StoredFact; projection: Projection }> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const child = await this.getChild(councilId, childId);
      if (!child) throw new NotFound(`no child with case reference ${childId}`);
      const history = await this.getChildHistory(councilId, childId);
      const stored: StoredFact = { recordedAt, recordedBy, fact };
      const projection = project(child, [...history.facts.map((f) => f.fact), fact]);
      try {
        await this.db.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Put: {
                  TableName: this.tableName,
                  Item: factItem(councilId, childId, stored),
                  ConditionExpression: 'attribute_not_exists(pk)',
                },
              },
              this.bumpVersion(child),
              ...this.projectionWrites(child, history.obligations, projection),
              ...(audit ? auditPuts(this.tableName, audit) : []),
            ],
          }),
        );
        return { stored, projection };
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
      }
    }
    throw new ConcurrentChange(`the record of ${childId} kept changing while we wrote to it; try again`);
  }

  /** Recomputes a child's projection without a new fact (a birthday moved it). */
  async refreshProjection(councilId: string, childId: string, project: (child: ChildRecord, facts: Fact[]) => Projection): Promise<void> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const child = await this.getChild(councilId, childId);
      if (!child) return;
      const history = await this.getChildHistory(councilId, childId);
      const projection = project(child, history.facts.map((f) => f.fact));
      try {
        await this.db.send(
          new TransactWriteCommand({
            TransactItems: [this.bumpVersion(child), ...this.projectionWrites(child, history.obligations, projection)],
          }),
        );
        return;
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
      }
    }
    throw new ConcurrentChange(`the record of ${childId} kept changing while we refreshed it`);
  }

  private bumpVersion(child: ChildRecord) {
    return {
      Update: {
        TableName: this.tableName,
        Key: keys.child(child.councilId, child.id),
        UpdateExpression: 'SET version = :next',
        ConditionExpression: 'version = :current',
        ExpressionAttributeValues: { ':next': child.version + 1, ':current': child.version },
      },
    };
  }

  private projectionWrites(child: ChildRecord, previous: DueItem[], projection: Projection) {
    const c = child.councilId;
    const before = new Map(previous.map((o) => [o.kind, o]));
    const writes: object[] = [];
    const childInitials = initials(child.firstName, child.lastName);
    for (const o of projection.obligations) {
      const old = before.get(o.kind);
      before.delete(o.kind);
      if (old && old.dueDate === o.dueDate && old.rule === o.rule && old.dueAt === o.dueAt && old.holderId === child.holderId) continue;
      // An escalation stays with the same missed date; a new due date starts afresh.
      const escalatedOn = old && old.dueDate === o.dueDate ? old.escalatedOn : undefined;
      writes.push({ Put: { TableName: this.tableName, Item: obligationItem(child, childInitials, o, escalatedOn) } });
    }
    for (const gone of before.values()) {
      writes.push({ Delete: { TableName: this.tableName, Key: keys.obligation(c, child.id, gone.kind) } });
    }
    writes.push(
      projection.refreshOn
        ? { Put: { TableName: this.tableName, Item: refreshItem(child, projection.refreshOn) } }
        : { Delete: { TableName: this.tableName, Key: keys.refresh(c, child.id) } },
    );
    return writes;
  }

  async markEscalated(councilId: string, childId: string, kind: string, dueDate: string, on: string): Promise<void> {
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.obligation(councilId, childId, kind),
          UpdateExpression: 'SET escalatedOn = :on',
          ConditionExpression: 'dueDate = :due',
          ExpressionAttributeValues: { ':on': on, ':due': dueDate },
        }),
      );
    } catch (error) {
      if (!isConditionFailure(error)) throw error; // the item moved on meanwhile: nothing to mark
    }
  }

  // Digest markers: one digest per person per day

  /**
   * Takes the right to send `staffId`'s digest for `date`. Fails if it was
   * sent, or if another sweep holds an unexpired lease on it; a lease left
   * by a sweep that died before sending can be taken over once it expires.
   */
  async claimDigest(councilId: string, date: string, staffId: string, nowMs: number, leaseMs: number): Promise<boolean> {
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: {
            ...keys.digest(councilId, date, staffId),
            state: 'sending',
            leaseUntil: nowMs + leaseMs,
            expiresAt: Math.floor(nowMs / 1000) + 35 * 86_400,
          },
          ConditionExpression: 'attribute_not_exists(pk) OR (#state = :sending AND leaseUntil < :now)',
          ExpressionAttributeNames: { '#state': 'state' },
          ExpressionAttributeValues: { ':sending': 'sending', ':now': nowMs },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  async markDigestSent(councilId: string, date: string, staffId: string, messageId: string): Promise<void> {
    await this.db.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: keys.digest(councilId, date, staffId),
        UpdateExpression: 'SET #state = :sent, messageId = :m',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: { ':sent': 'sent', ':m': messageId },
      }),
    );
  }

  /** Gives a claimed digest back (the send failed for good), so a later run can try again. */
  async releaseDigest(councilId: string, date: string, staffId: string): Promise<void> {
    await this.db.send(
      new DeleteCommand({
        TableName: this.tableName,
        Key: keys.digest(councilId, date, staffId),
        ConditionExpression: '#state = :sending',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: { ':sending': 'sending' },
      }),
    ).catch((error) => {
      if (!isConditionFailure(error)) throw error;
    });
  }

  /**
   * Writes whole new children with their facts and projections in batches
   * (seeding, bulk import). Returns the keys written, so that an import that
   * fails part-way can take back everything it wrote.
   */
  async writeChildren(entries: ReadonlyArray<{ child: ChildRecord; facts: StoredFact[]; projection: Projection }>): Promise<WrittenKeys> {
    const items: Record<string, unknown>[] = [];
    for (const { child, facts, projection } of entries) {
      const childInitials = initials(child.firstName, child.lastName);
      items.push(childItem(child));
      facts.forEach((f, seq) => items.push(factItem(child.councilId, child.id, f, seq)));
      for (const o of projection.obligations) items.push(obligationItem(child, childInitials, o, undefined));
      if (projection.refreshOn) items.push(refreshItem(child, projection.refreshOn));
    }
    const written: WrittenKeys = [];
    await this.batch(items.map((Item) => ({ PutRequest: { Item } })), (done) => {
      for (const r of done) written.push({ pk: r.PutRequest.Item.pk as string, sk: r.PutRequest.Item.sk as string });
    });
    return written;
  }

  /**
   * Appends several facts to an existing child and rewrites its projection,
   * a transaction per 30 facts (which, with the projection, stays inside
   * DynamoDB's 100 items a transaction). Returns the fact keys written.
   */
  async appendFacts(child: ChildRecord, facts: StoredFact[], project: (child: ChildRecord, facts: Fact[]) => Projection): Promise<WrittenKeys> {
    const written: WrittenKeys = [];
    for (let i = 0; i < facts.length; i += 30) {
      const chunk = facts.slice(i, i + 30);
      const current = await this.getChild(child.councilId, child.id);
      if (!current) throw new NotFound(`no child with case reference ${child.id}`);
      const history = await this.getChildHistory(child.councilId, child.id);
      const projection = project(current, [...history.facts, ...chunk].map((f) => f.fact));
      const items = chunk.map((f, j) => factItem(child.councilId, child.id, f, i + j));
      await this.db.send(
        new TransactWriteCommand({
          TransactItems: [
            ...items.map((Item) => ({ Put: { TableName: this.tableName, Item, ConditionExpression: 'attribute_not_exists(pk)' } })),
            this.bumpVersion(current),
            ...this.projectionWrites(current, history.obligations, projection),
          ],
        }),
      );
      written.push(...items.map((it) => ({ pk: it.pk, sk: it.sk })));
    }
    return written;
  }

  /** Deletes exactly these items (undoing `writeChildren` or `appendFacts`). */
  async deleteItems(written: WrittenKeys): Promise<void> {
    await this.batch(written.map((Key) => ({ DeleteRequest: { Key } })), () => undefined);
  }

  private async batch<R extends object>(requests: R[], onDone: (done: R[]) => void): Promise<void> {
    for (let i = 0; i < requests.length; i += 25) {
      let pending = requests.slice(i, i + 25);
      for (let attempt = 0; pending.length > 0; attempt++) {
        const out = await this.db.send(new BatchWriteCommand({ RequestItems: { [this.tableName]: pending as never } }));
        const left = (out.UnprocessedItems?.[this.tableName] ?? []) as unknown as R[];
        const leftSet = new Set(left.map((r) => JSON.stringify(r)));
        onDone(pending.filter((r) => !leftSet.has(JSON.stringify(r))));
        pending = left;
        if (pending.length) {
          if (attempt > 8) throw new Error('DynamoDB kept refusing a batch write');
          await new Promise((r) => setTimeout(r, Math.min(2000, 50 * 2 ** attempt)));
        }
      }
    }
  }
}

