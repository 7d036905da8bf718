/**
 * The DynamoDB plumbing every adapter shares: the table, paged queries that
 * count read units, batch writes with capped, jittered retries of what
 * DynamoDB leaves unprocessed, condition failures, and items without keys.
 */
import {
  BatchGetCommand,
  BatchWriteCommand,
  type BatchWriteCommandInput,
  type DynamoDBDocumentClient,
  type QueryCommandInput,
  paginateQuery,
} from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { Unavailable } from '#domain/errors.js';

export class Table {
  /** Read units consumed by queries on this table so far, for the benchmarks. */
  consumedReadUnits = 0;

  constructor(
    readonly name: string,
    readonly db: DynamoDBDocumentClient,
  ) {}
}

export type Item = Record<string, unknown>;

/** DynamoDB's limit on the keys of one BatchGetItem. */
const KEYS_PER_BATCH_GET = 100;

/**
 * The items found at these keys (strongly consistent), in no set order: up
 * to 100 keys a request, the requests in parallel, and what DynamoDB leaves
 * unprocessed asked again after a jittered wait.
 */
export async function batchGet(table: Table, keys: ReadonlyArray<{ pk: string; sk: string }>): Promise<Item[]> {
  const chunks: Array<ReadonlyArray<{ pk: string; sk: string }>> = [];
  for (let i = 0; i < keys.length; i += KEYS_PER_BATCH_GET) chunks.push(keys.slice(i, i + KEYS_PER_BATCH_GET));
  const one = async (chunk: ReadonlyArray<Record<string, unknown>>) => {
    const found: Item[] = [];
    let wanted = [...chunk];
    for (let attempt = 0; wanted.length > 0; attempt++) {
      if (attempt > 0) await new Promise((r) => setTimeout(r, 10 * 2 ** Math.min(attempt, 6) * Math.random()));
      const out = await table.db.send(new BatchGetCommand({ RequestItems: { [table.name]: { Keys: wanted, ConsistentRead: true } } }));
      found.push(...((out.Responses?.[table.name] ?? []) as Item[]));
      wanted = out.UnprocessedKeys?.[table.name]?.Keys ?? [];
    }
    return found;
  };
  return (await Promise.all(chunks.map(one))).flat();
}

/** Every item a query finds, all pages of it. */
export async function queryAll(table: Table, input: Omit<QueryCommandInput, 'TableName'>): Promise<Item[]> {
  const items: Item[] = [];
  const pages = paginateQuery({ client: table.db }, { ...input, TableName: table.name, ReturnConsumedCapacity: 'TOTAL' });
  for await (const page of pages) {
    table.consumedReadUnits += page.ConsumedCapacity?.CapacityUnits ?? 0;
    items.push(...((page.Items ?? []) as Item[]));
  }
  return items;
}

export type WriteRequest = NonNullable<BatchWriteCommandInput['RequestItems']>[string][number];

export interface BatchOptions {
  /** Told each chunk of up to 25 requests before it is sent. */
  onChunk?: (chunk: WriteRequest[]) => void;
  /** Retries of what DynamoDB leaves unprocessed, per chunk (8). */
  maxRetries?: number;
  /** The first backoff's ceiling in ms (50); each retry doubles it, up to 2 s, and waits a random part of it. */
  baseDelayMs?: number;
}

const BATCH_SIZE = 25;

/**
 * Writes the requests 25 at a time, one chunk after another. Items DynamoDB
 * leaves unprocessed (it is throttling) are sent again after an exponential
 * backoff with full jitter; after `maxRetries` the write fails (Unavailable).
 */
export async function batchWrite(table: Table, requests: readonly WriteRequest[], options: BatchOptions = {}): Promise<void> {
  const { maxRetries = 8, baseDelayMs = 50 } = options;
  for (let i = 0; i < requests.length; i += BATCH_SIZE) {
    let pending = requests.slice(i, i + BATCH_SIZE);
    options.onChunk?.(pending);
    for (let attempt = 0; ; attempt++) {
      const out = await table.db.send(new BatchWriteCommand({ RequestItems: { [table.name]: pending } }));
      pending = out.UnprocessedItems?.[table.name] ?? [];
      if (!pending.length) break;
      if (attempt >= maxRetries) throw new Unavailable(`DynamoDB left ${pending.length} write(s) unprocessed after ${maxRetries} retries`);
      await new Promise((r) => setTimeout(r, Math.random() * Math.min(2000, baseDelayMs * 2 ** attempt)));
    }
  }
}

/** A conditional write (or a transaction) refused because its condition did not hold. */
export function isConditionFailure(error: unknown): boolean {
  if (error instanceof ConditionalCheckFailedException) return true;
  if (error instanceof TransactionCanceledException) {
    return (error.CancellationReasons ?? []).some((r) => r.Code === 'ConditionalCheckFailed');
  }
  return false;
}

/**
 * Awaits a conditional write: true when it was written, false when its
 * condition no longer held (the item moved on or is gone); other errors throw.
 */
export async function writtenIfStill(write: Promise<unknown>): Promise<boolean> {
  try {
    await write;
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

const KEY_ATTRIBUTES = new Set(['pk', 'sk', 'duePk', 'dueSk', 'holderPk', 'holderSk', 'itemType', 'expiresAt']);

/** The item as callers see it: without its keys, index keys, type tag or expiry. */
export function plain<T>(item: Item): T {
  const out: Item = {};
  for (const [k, v] of Object.entries(item)) if (!KEY_ATTRIBUTES.has(k)) out[k] = v;
  return out as T;
}
