/**
 * Children, their facts and their projections in the single table. A fact
 * and the projection it changes are written in one transaction, guarded by
 * the child's version; bulk writes (seeding, import) go in batches.
 */
import { GetCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { ChildRecord } from '#domain/people.js';
import { AlreadyExists, ConcurrentChange, NotFound } from '#domain/errors.js';
import { AlreadyRecorded, type CaseStore, type ChildItems, type DueItem, type StoredFact, type WrittenKeys, type ReportEventsByChild, type ReportEventsHead } from '../ports/cases.js';
import { REPORT_SHARDS, keys } from '../keys.js';
import type { ReportSummary } from '#domain/reportSummary.js';
import type { ReportEvents } from '#domain/reportEvents.js';
import { auditPuts } from './audit.js';
import { bumpVersion, childItem, dueItemOf, factItem, factOf, memberItems, newChildItems, projectionWrites, recordCopyItem, refreshItem, summaryOf, eventsOf } from './caseItems.js';
import { type Table, batchGet, batchWrite, isConditionFailure, plain, queryAll, writtenIfStill } from './helpers.js';

const ATTEMPTS = 5;

/** Report events by case reference, each inflated when first asked for: a team's figures read only its children's. */
class PackedEvents implements ReportEventsByChild {
  private readonly items: Map<string, Record<string, unknown>>;
  private readonly read = new Map<string, ReportEvents>();
  constructor(items: ReadonlyArray<Record<string, unknown>>) {
    this.items = new Map(items.map((item) => [item.childId as string, item]));
  }
  get size() {
    return this.items.size;
  }
  has(childId: string) {
    return this.items.has(childId);
  }
  get(childId: string) {
    const item = this.items.get(childId);
    if (!item) return undefined;
    let events = this.read.get(childId);
    if (!events) this.read.set(childId, (events = eventsOf(item)));
    return events;
  }
}
/** Facts a transaction appends: with the projection, this stays inside DynamoDB's 100 items a transaction. */
const FACTS_PER_TRANSACTION = 30;
/** DynamoDB's limit on the items of one TransactWriteItems. */
const TRANSACTION_ITEMS = 100;
/** The date of a recompute marker for a projection still being written: earlier than any sweep's horizon. */
const UNFINISHED = '0000-01-01';
/** How long a spent form token is remembered: far longer than anyone keeps a form open or presses Back. */
const ONCE_DAYS = 30;

type History = { facts: StoredFact[]; obligations: DueItem[] };

const keyOf = (item: { pk: string; sk: string }) => ({ pk: item.pk, sk: item.sk });

export function dynamoCases(table: Table): CaseStore {
  const TableName = table.name;

  async function getChild(councilId: string, childId: string): Promise<ChildRecord | null> {
    const { Item } = await table.db.send(new GetCommand({ TableName, Key: keys.child(councilId, childId), ConsistentRead: true }));
    return Item ? plain<ChildRecord>(Item) : null;
  }

  /**
   * The child's partition in one query; the record from its copy there, or
   * (`fromRecord`, or no copy) read from the record itself alongside.
   */
  /** The child's partition in one query: its facts, its obligations, the one-time form tokens spent on it and the copy of its record. */
  async function readPartition(councilId: string, childId: string): Promise<Omit<ChildItems, 'child'> & { copy?: ChildRecord }> {
    const items = await queryAll(table, {
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.childPartition(councilId, childId) },
      ConsistentRead: true,
    });
    const facts: StoredFact[] = [];
    const obligations: DueItem[] = [];
    const formsUsed = new Set<string>();
    let copy: ChildRecord | undefined;
    for (const item of items) {
      const sk = item.sk as string;
      if (sk.startsWith(keys.factPrefix)) facts.push(factOf(item));
      else if (sk.startsWith(keys.obligationPrefix)) obligations.push(dueItemOf(item));
      else if (sk.startsWith(keys.oncePrefix)) formsUsed.add(sk.slice(keys.oncePrefix.length));
      else if (sk === keys.recordCopy(councilId, childId).sk) copy = plain<ChildRecord>(item);
    }
    return { facts, obligations, formsUsed, copy };
  }

  /**
   * The child's partition in one query; the record from its copy there, or
   * (`fromRecord`, or no copy) read from the record itself alongside.
   */
  async function getChildItems(councilId: string, childId: string, fromRecord = false): Promise<ChildItems | null> {
    const [{ copy, ...read }, record] = await Promise.all([readPartition(councilId, childId), fromRecord ? getChild(councilId, childId) : undefined]);
    const child = fromRecord ? record : (copy ?? (await getChild(councilId, childId)));
    return child ? { child, ...read } : null;
  }

  async function getChildHistory(councilId: string, childId: string): Promise<History> {
    const { facts, obligations } = await readPartition(councilId, childId);
    return { facts, obligations };
  }

  /** Every item of the byReport index under the REPORT_SHARDS partitions `shardKey` names, queried in parallel. */
  const reportShards = async (shardKey: (shard: number) => string, projection?: string) =>
    (
      await Promise.all(
        Array.from({ length: REPORT_SHARDS }, (_, shard) =>
          queryAll(table, {
            IndexName: 'byReport',
            KeyConditionExpression: 'reportPk = :p',
            ExpressionAttributeValues: { ':p': shardKey(shard) },
            ...(projection ? { ProjectionExpression: projection } : {}),
          }),
        ),
      )
    ).flat();

  const byHolder = (councilId: string, staffId: string, prefix: string) =>
    queryAll(table, {
      IndexName: 'byHolder',
      KeyConditionExpression: 'holderPk = :h AND begins_with(holderSk, :prefix)',
      ExpressionAttributeValues: { ':h': keys.holder(councilId, staffId), ':prefix': prefix },
    });

  /**
   * Reads the child and its history (first in one query, the record from its
   * copy, or as `first` gives them) and writes; if the version check fails
   * (another writer changed the child meanwhile, or the copy was behind),
   * reads the record itself and its history again and retries. Null when it
   * kept changing; NotFound when there is no such child.
   */
  async function withFreshChild<T>(councilId: string, childId: string, write: (child: ChildRecord, history: ChildItems) => Promise<T>, first?: ChildItems): Promise<T | null> {
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const read = attempt === 0 ? (first ?? (await getChildItems(councilId, childId))) : await getChildItems(councilId, childId, true);
      if (!read) throw new NotFound(`no child with case reference ${childId}`);
      try {
        return await write(read.child, read);
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
      }
    }
    return null;
  }

  /**
   * Marks the child's email or mobile unreachable, only while the record still holds that address or number.
   * An update of that one field that bumps the version, so a writer that read the record before it (a team
   * change) fails its version check and reads again rather than writing the mark away.
   */
  const markUnreachable = (councilId: string, childId: string, field: 'email' | 'mobile', value: string, since: string, reason: string) =>
    writtenIfStill(
      table.db.send(
        new UpdateCommand({
          TableName,
          Key: keys.child(councilId, childId),
          UpdateExpression: 'SET #unreachable = :u, #version = #version + :one',
          ConditionExpression: 'attribute_exists(pk) AND #field = :v',
          ExpressionAttributeNames: { '#unreachable': `${field}Unreachable`, '#field': field, '#version': 'version' },
          ExpressionAttributeValues: { ':u': { since, reason }, ':v': value, ':one': 1 },
        }),
      ),
    );

  /**
   * Writes a change to a child (`given`: its own items, its version bump among
   * them, and the copy of the record as `after` says the change leaves it)
   * with the writes of its projection: in one transaction when they fit
   * DynamoDB's 100 items, else in several. Then the first also puts a recompute
   * marker the next sweep picks up (so a run that dies part-way leaves the
   * projection to be recomputed, not half-written), each later one is guarded
   * by the version the one before left, and the last puts the real marker. A
   * writer that meets the record in between fails its version check, reads
   * again and writes the whole projection itself; the rest here is then not
   * needed, and stops.
   */
  async function writeWithProjection(child: ChildRecord, after: ChildRecord, given: object[], projection: object[]): Promise<void> {
    const head = [...given, { Put: { TableName, Item: recordCopyItem(after) } }];
    if (head.length + projection.length <= TRANSACTION_ITEMS) {
      await table.db.send(new TransactWriteCommand({ TransactItems: [...head, ...projection] as never }));
      return;
    }
    const body = projection.slice(0, -1);
    const marker = projection.at(-1)!;
    const room = TRANSACTION_ITEMS - head.length - 1;
    await table.db.send(new TransactWriteCommand({ TransactItems: [...head, { Put: { TableName, Item: refreshItem(child, UNFINISHED) } }, ...body.slice(0, room)] as never }));
    let version = child.version + 1;
    for (let i = room; i < body.length || i === room; i += TRANSACTION_ITEMS - 2) {
      const chunk = body.slice(i, i + TRANSACTION_ITEMS - 2);
      const last = i + TRANSACTION_ITEMS - 2 >= body.length;
      try {
        await table.db.send(new TransactWriteCommand({ TransactItems: [bumpVersion(TableName, { ...child, version }), ...chunk, ...(last ? [marker] : [])] as never }));
      } catch (error) {
        if (isConditionFailure(error)) return;
        throw error;
      }
      version += 1;
      if (last) return;
    }
  }

  return {
    getChild,
    getChildItems: (councilId, childId) => getChildItems(councilId, childId),
    getChildHistory,

    async createChild(councilId, input, createdAt, audit) {
      const child: ChildRecord = { ...input, councilId, createdAt, version: 0 };
      const put = { TableName, Item: childItem(child), ConditionExpression: 'attribute_not_exists(pk)' };
      const partition = [recordCopyItem(child), ...memberItems(child)].map((Item) => ({ Put: { TableName, Item } }));
      try {
        await table.db.send(new TransactWriteCommand({ TransactItems: [{ Put: put }, ...partition, ...(audit ? auditPuts(TableName, audit) : [])] }));
      } catch (error) {
        if (isConditionFailure(error)) throw new AlreadyExists(`a child with case reference ${input.id} already exists`);
        throw error;
      }
      return child;
    },

    async listChildren(councilId) {
      const items = await queryAll(table, {
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': keys.council(councilId).pk, ':prefix': keys.childPrefix },
      });
      return items.map((i) => plain<ChildRecord>(i));
    },

    async listChildrenHeldBy(councilId, staffId) {
      return (await byHolder(councilId, staffId, keys.childPrefix)).map((i) => plain<ChildRecord>(i));
    },

    /** The children they hold, and those whose team they are in (one query each, then the records). */
    async listChildrenInTeamOf(councilId, staffId) {
      const [held, member] = await Promise.all([byHolder(councilId, staffId, keys.childPrefix), byHolder(councilId, staffId, keys.memberPrefix)]);
      const others = await Promise.all(member.map((m) => getChild(councilId, m.childId as string)));
      return [...held.map((i) => plain<ChildRecord>(i)), ...others.filter((c): c is ChildRecord => c !== null)];
    },

    /** One paged query per shard of the byReport index, in parallel. */
    async listReportSummaries(councilId) {
      const out = new Map<string, ReportSummary>();
      for (const item of await reportShards((shard) => keys.reportShard(councilId, shard))) out.set(item.childId as string, summaryOf(item));
      return out;
    },

    /** One paged query per EVENTS# shard of the byReport index, in parallel. */
    async listReportEvents(councilId) {
      return new PackedEvents(await reportShards((shard) => keys.eventsShard(councilId, shard)));
    },

    /** The events items' small attributes only: the packed events stay in the table. */
    async listReportEventHeads(councilId) {
      const out = new Map<string, ReportEventsHead>();
      for (const item of await reportShards((shard) => keys.eventsShard(councilId, shard), 'childId, eventsKey, caseSystemRows')) {
        out.set(item.childId as string, { eventsKey: item.eventsKey as string | undefined, caseSystemRows: item.caseSystemRows as number | undefined });
      }
      return out;
    },

    async getReportEvents(councilId, childIds) {
      return new PackedEvents(await batchGet(table, childIds.map((id) => keys.reportEvents(councilId, id))));
    },

    /** One query of the holder index, where each obligation is filed under whoever answers for it. */
    async dueForHolder(councilId, staffId) {
      return (await byHolder(councilId, staffId, keys.obligationPrefix)).map(dueItemOf);
    },

    /** Read from the due-date index: the cost follows the items due, not the table. */
    async dueUpTo(councilId, upTo) {
      const found = await queryAll(table, {
        IndexName: 'byDueDate',
        KeyConditionExpression: 'duePk = :p AND dueSk < :upTo',
        ExpressionAttributeValues: { ':p': keys.duePartition(councilId), ':upTo': `${upTo}#\uffff` },
      });
      const items: DueItem[] = [];
      const refresh: string[] = [];
      for (const item of found) {
        if (item.itemType === 'refresh') refresh.push(item.childId as string);
        else items.push(dueItemOf(item));
      }
      return { items, refresh };
    },

    /**
     * The SDK gives each TransactWriteItems an idempotency token (ClientRequestToken)
     * and reuses it when it retries, so a transaction whose answer was lost is not
     * applied twice (a test loses the answer on purpose).
     */
    async recordFact(councilId, childId, fact, recordedBy, recordedAt, project, audit, once, read) {
      const item = factItem(councilId, childId, { recordedAt, recordedBy, fact });
      const stored = factOf(item);
      const onceKey = once === undefined ? undefined : keys.once(councilId, childId, once);
      const projection = await withFreshChild(councilId, childId, async (child, history) => {
        // Read on every attempt (with the partition): a concurrent second submit fails its transaction on the token and, retried, finds it spent.
        if (once !== undefined && history.formsUsed.has(once)) throw new AlreadyRecorded(`this form was already used to record for ${childId}`);
        const projection = project(child, [...history.facts, stored]);
        const expiresAt = Math.ceil(Date.parse(recordedAt) / 1000) + ONCE_DAYS * 86_400;
        await writeWithProjection(
          child,
          { ...child, version: child.version + 1 },
          [
            { Put: { TableName, Item: item, ConditionExpression: 'attribute_not_exists(pk)' } },
            ...(onceKey ? [{ Put: { TableName, Item: { ...onceKey, itemType: 'once', factSk: item.sk, expiresAt }, ConditionExpression: 'attribute_not_exists(pk)' } }] : []),
            bumpVersion(TableName, child),
            ...(audit ? auditPuts(TableName, audit) : []),
          ],
          projectionWrites(TableName, child, history.obligations, projection),
        );
        return projection;
      }, read);
      if (!projection) throw new ConcurrentChange(`the record of ${childId} kept changing while we wrote to it; try again`);
      return { stored, projection };
    },

    async setTeam(councilId, childId, team, project, audit) {
      const done = await withFreshChild(councilId, childId, async (child, history) => {
        const next: ChildRecord = { ...child, holderId: team.socialWorker, team, version: child.version + 1 };
        const projection = project(next, history.facts);
        const after = memberItems(next);
        const staying = new Set(after.map((i) => i.sk));
        await writeWithProjection(
          child,
          next,
          [
              {
                // Only the fields a team change owns: anything else on the record (contact, marks) is not rewritten.
                Update: {
                  TableName,
                  Key: keys.child(councilId, childId),
                  UpdateExpression: 'SET holderId = :holder, holderPk = :holderPk, #team = :team, #version = :next',
                  ConditionExpression: '#version = :current',
                  ExpressionAttributeNames: { '#team': 'team', '#version': 'version' },
                  ExpressionAttributeValues: { ':holder': next.holderId, ':holderPk': childItem(next).holderPk, ':team': team, ':next': next.version, ':current': child.version },
                },
              },
              ...memberItems(child).filter((i) => !staying.has(i.sk)).map((i) => ({ Delete: { TableName, Key: keyOf(i) } })),
              ...after.map((Item) => ({ Put: { TableName, Item } })),
              ...(audit ? auditPuts(TableName, audit) : []),
          ],
          projectionWrites(TableName, next, history.obligations, projection),
        );
        return { child: next, projection };
      });
      if (!done) throw new ConcurrentChange(`the record of ${childId} kept changing while we changed its team; try again`);
      return done;
    },

    /** One update of the record's own item: a concurrent bounce mark on an address not changed here stays. */
    async setContact(councilId, childId, write, version, audit) {
      // Names for every attribute: LANGUAGE is one of DynamoDB's reserved words.
      const names: Record<string, string> = { '#version': 'version' };
      const values: Record<string, unknown> = { ':current': version, ':next': version + 1 };
      const sets = ['#version = :next'];
      const removes: string[] = [];
      for (const mark of write.clear) {
        names[`#${mark}`] = mark;
        removes.push(`#${mark}`);
      }
      for (const [field, value] of Object.entries(write.fields)) {
        names[`#${field}`] = field;
        if (value === null) removes.push(`#${field}`);
        else {
          sets.push(`#${field} = :${field}`);
          values[`:${field}`] = value;
        }
      }
      const update = {
        TableName,
        Key: keys.child(councilId, childId),
        UpdateExpression: `SET ${sets.join(', ')}${removes.length ? ` REMOVE ${removes.join(', ')}` : ''}`,
        ConditionExpression: 'attribute_exists(pk) AND #version = :current',
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      };
      try {
        if (audit) await table.db.send(new TransactWriteCommand({ TransactItems: [{ Update: update }, ...auditPuts(TableName, audit)] }));
        else await table.db.send(new UpdateCommand(update));
        return true;
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
        if (!(await getChild(councilId, childId))) throw new NotFound(`no child with case reference ${childId}`);
        return false;
      }
    },

    async refreshProjection(councilId, childId, project) {
      try {
        const done = await withFreshChild(councilId, childId, async (child, history) => {
          const projection = project(child, history.facts);
          await writeWithProjection(child, { ...child, version: child.version + 1 }, [bumpVersion(TableName, child)], projectionWrites(TableName, child, history.obligations, projection));
          return true;
        });
        if (!done) throw new ConcurrentChange(`the record of ${childId} kept changing while we refreshed it`);
      } catch (error) {
        if (!(error instanceof NotFound)) throw error; // erased meanwhile: nothing to refresh
      }
    },

    async markEscalated(councilId, childId, kind, dueDate, on) {
      // If the item moved on meanwhile there is nothing to mark.
      await writtenIfStill(
        table.db.send(
          new UpdateCommand({
            TableName,
            Key: keys.obligation(councilId, childId, kind),
            UpdateExpression: 'SET escalatedOn = :on',
            ConditionExpression: 'dueDate = :due',
            ExpressionAttributeValues: { ':on': on, ':due': dueDate },
          }),
        ),
      );
    },

    async writeChildren(entries, onWrite) {
      const items = entries.flatMap(({ child, facts, projection }) => newChildItems(child, facts, projection));
      await batchWrite(
        table,
        items.map((Item) => ({ PutRequest: { Item } })),
        { onChunk: (chunk) => onWrite?.(chunk.map((r) => keyOf(r.PutRequest!.Item as { pk: string; sk: string }))) },
      );
    },

    async createChildren(entries, onWrite) {
      const existed: string[] = [];
      for (const { child, facts, projection } of entries) {
        const [first, ...rest] = newChildItems(child, facts, projection);
        const puts = (items: ReadonlyArray<{ pk: string; sk: string }>) => items.map((Item) => ({ Put: { TableName, Item } }));
        const head = [first!, ...rest.slice(0, TRANSACTION_ITEMS - 1)];
        try {
          await table.db.send(
            new TransactWriteCommand({ TransactItems: [{ Put: { TableName, Item: first!, ConditionExpression: 'attribute_not_exists(pk)' } }, ...puts(head.slice(1))] }),
          );
        } catch (error) {
          if (isConditionFailure(error)) {
            existed.push(child.id);
            continue;
          }
          // Not refused for the child: it may have been written with its answer lost, so a rollback takes it back.
          onWrite?.(head.map(keyOf));
          throw error;
        }
        onWrite?.(head.map(keyOf));
        for (let i = TRANSACTION_ITEMS - 1; i < rest.length; i += TRANSACTION_ITEMS) {
          const chunk = rest.slice(i, i + TRANSACTION_ITEMS);
          onWrite?.(chunk.map(keyOf));
          await table.db.send(new TransactWriteCommand({ TransactItems: puts(chunk) }));
        }
      }
      return existed;
    },

    async appendFacts(child, facts, project, onWrite) {
      for (let i = 0; i < facts.length; i += FACTS_PER_TRANSACTION) {
        const chunk = facts.slice(i, i + FACTS_PER_TRANSACTION);
        const current = await getChild(child.councilId, child.id);
        if (!current) throw new NotFound(`no child with case reference ${child.id}`);
        const history = await getChildHistory(child.councilId, child.id);
        const items = chunk.map((f, j) => factItem(child.councilId, child.id, f, i + j));
        const projection = project(current, [...history.facts, ...items.map(factOf)]);
        onWrite?.(items.map(keyOf));
        await writeWithProjection(
          current,
          { ...current, version: current.version + 1 },
          [...items.map((Item) => ({ Put: { TableName, Item, ConditionExpression: 'attribute_not_exists(pk)' } })), bumpVersion(TableName, current)],
          projectionWrites(TableName, current, history.obligations, projection),
        );
      }
    },

    async deleteItems(written: WrittenKeys) {
      await batchWrite(table, written.map((Key) => ({ DeleteRequest: { Key } })));
    },

    markMobileUnreachable: (councilId, childId, mobile, since, reason) => markUnreachable(councilId, childId, 'mobile', mobile, since, reason),
    markEmailUnreachable: (councilId, childId, email, since, reason) => markUnreachable(councilId, childId, 'email', email, since, reason),
  };
}
