/**
 * What DynamoDB Local itself can do with Kept's own work: the floor a
 * benchmark holds Kept's throughput against.
 *
 * A recorder on the shared document client keeps every command the handlers
 * send while Kept is measured (and how long each took, retries included).
 * Before that, the table is copied as it stands; afterwards the recorded
 * commands are sent again, as recorded, to the copy, from the same number of
 * concurrent clients, through a document client made the same way, with
 * nothing else running: no HTTP, no handlers, no engine. Commands that
 * update the same item (a child's version, a survey link) go through one
 * client in the order they were recorded, so the copy passes through the
 * states Kept's table did and the conditions hold as they held then; a
 * query's pages go through one client in order too, as they must for any
 * client (a page starts where the one before it stopped).
 *
 * The bench knows no key shapes: it copies items and replays commands as
 * they are.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  BatchWriteCommand,
  DeleteCommand,
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  ScanCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { documentClient } from '#store/dynamo/client.js';
import { ensureTable } from '#local/table.js';

/** The document client commands Kept uses, by the name of the DynamoDB operation under them. */
const COMMANDS = {
  GetItemCommand: GetCommand,
  QueryCommand,
  PutItemCommand: PutCommand,
  UpdateItemCommand: UpdateCommand,
  DeleteItemCommand: DeleteCommand,
  TransactWriteItemsCommand: TransactWriteCommand,
  BatchWriteItemCommand: BatchWriteCommand,
  BatchGetItemCommand: BatchGetCommand,
} as const;
export type CommandName = keyof typeof COMMANDS;

export interface Recorded {
  name: CommandName;
  input: Record<string, unknown>;
}

/** Per operation: how many were sent and how long they took in all, in milliseconds. */
export type Timings = Map<string, { count: number; ms: number }>;

let recording: { commands: Recorded[]; timings: Timings } | undefined;
let installed = false;

/** Starts keeping every command the shared document client sends (the handlers' and the stores'). */
export function startRecording(): void {
  if (!installed) {
    installed = true;
    documentClient().middlewareStack.add(
      (next, context) => async (args) => {
        const now = recording;
        if (!now) return next(args);
        const name = context.commandName as CommandName;
        now.commands.push({ name, input: structuredClone(args.input as Record<string, unknown>) });
        const started = performance.now();
        try {
          return await next(args);
        } finally {
          const t = now.timings.get(name) ?? { count: 0, ms: 0 };
          t.count++;
          t.ms += performance.now() - started;
          now.timings.set(name, t);
        }
      },
      { step: 'initialize', name: 'keptBenchRecorder' },
    );
  }
  recording = { commands: [], timings: new Map() };
}

export function stopRecording(): { commands: Recorded[]; timings: Timings } {
  const done = recording ?? { commands: [], timings: new Map() };
  recording = undefined;
  return done;
}

/** A document client as shared/store/client.ts makes one, but not shared with the handlers. */
function freshClient(): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(new DynamoDBClient({ maxAttempts: 5 }), { marshallOptions: { removeUndefinedValues: true } });
}

/** Copies every item of `from` into a new table `to` (same keys and indexes, from infra/topology.ts). */
export async function copyTable(from: string, to: string): Promise<number> {
  const db = freshClient();
  await ensureTable(to);
  let copied = 0;
  let start: Record<string, unknown> | undefined;
  const writes: Promise<void>[] = [];
  const write = async (items: Record<string, unknown>[]) => {
    let pending: unknown[] | undefined = items.map((Item) => ({ PutRequest: { Item } }));
    while (pending?.length) {
      const r: { UnprocessedItems?: Record<string, unknown[]> } = await db.send(new BatchWriteCommand({ RequestItems: { [to]: pending as never } }));
      pending = r.UnprocessedItems?.[to];
    }
  };
  do {
    const page = await db.send(new ScanCommand({ TableName: from, ConsistentRead: true, ExclusiveStartKey: start }));
    const items = page.Items ?? [];
    for (let i = 0; i < items.length; i += 25) writes.push(write(items.slice(i, i + 25)));
    copied += items.length;
    start = page.LastEvaluatedKey;
    if (writes.length >= 16) await Promise.all(writes.splice(0));
  } while (start);
  await Promise.all(writes);
  return copied;
}

/** `value` with every TableName `from` made `to`, and no ClientRequestToken (a replay is a new transaction). */
function retarget(value: unknown, from: string, to: string): unknown {
  if (Array.isArray(value)) return value.map((v) => retarget(v, from, to));
  if (value && typeof value === 'object' && !(value instanceof Uint8Array) && !(value instanceof Set)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (k === 'ClientRequestToken') continue;
      if (k === 'RequestItems' && v && typeof v === 'object') {
        out[k] = Object.fromEntries(Object.entries(v).map(([table, r]) => [table === from ? to : table, retarget(r, from, to)]));
      } else out[k] = k === 'TableName' && v === from ? to : retarget(v, from, to);
    }
    return out;
  }
  return value;
}

/** The item a command updates (its first Update's key), which orders the commands that share it. */
function updatedItem(c: Recorded): string | undefined {
  if (c.name === 'UpdateItemCommand') return JSON.stringify(c.input.Key);
  if (c.name !== 'TransactWriteItemsCommand') return undefined;
  const update = (c.input.TransactItems as Array<{ Update?: { Key: unknown } }>).find((t) => t.Update);
  return update ? JSON.stringify(update.Update!.Key) : undefined;
}

/** A query, named without where its page starts, and whether this is a later page of it. */
function pagingOf(c: Recorded): { query: string; later: boolean } | undefined {
  if (c.name !== 'QueryCommand') return undefined;
  const { ExclusiveStartKey, ...query } = c.input;
  return { query: JSON.stringify(query), later: ExclusiveStartKey !== undefined };
}

export interface Replay {
  commands: number;
  seconds: number;
  perSecond: number;
  /** Commands DynamoDB refused (a condition that no longer held, a conflict), by error name. */
  refused: Map<string, number>;
}

/** Sends `commands`, recorded against table `from`, to table `to`, from `clients` concurrent clients. */
export async function replay(commands: readonly Recorded[], from: string, to: string, clients: number): Promise<Replay> {
  const db = freshClient();
  // Each command as recorded: `send` is typed per command, and these are of every kind.
  const send = db.send.bind(db) as (command: unknown) => Promise<unknown>;
  const lanes = new Map<string, Recorded[]>();
  const free: Recorded[][] = [];
  // A query's later pages follow its first, as for any client (each starts from where the one before stopped).
  const pagings = new Map<string, Recorded[]>();
  for (const c of commands) {
    const paging = pagingOf(c);
    if (paging !== undefined) {
      const chain = pagings.get(paging.query);
      if (paging.later && chain) chain.push(c);
      else {
        const started = [c];
        pagings.set(paging.query, started);
        free.push(started);
      }
      continue;
    }
    const item = updatedItem(c);
    if (item === undefined) free.push([c]);
    else {
      const lane = lanes.get(item);
      if (lane) lane.push(c);
      else lanes.set(item, [c]);
    }
  }
  // Interleaved as recorded, roughly: ordered lanes and independent commands alike are taken in turn.
  const position = new Map(commands.map((c, i) => [c, i]));
  const queue = [...lanes.values(), ...free].sort((a, b) => position.get(a[0]!)! - position.get(b[0]!)!);
  const prepared = new Map(commands.map((c) => [c, retarget(c.input, from, to)]));
  const refused = new Map<string, number>();
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: Math.min(clients, queue.length) }, async () => {
      while (next < queue.length) {
        for (const c of queue[next++]!) {
          try {
            await send(new COMMANDS[c.name](prepared.get(c) as never));
          } catch (error) {
            const name = (error as Error).name;
            refused.set(name, (refused.get(name) ?? 0) + 1);
          }
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { commands: commands.length, seconds, perSecond: commands.length / seconds, refused };
}

/** "12 GetItem (1.4 ms), 3 Query (5.0 ms)": how many of each operation, and their mean time. */
export function describeTimings(timings: Timings, per: number): string {
  return [...timings]
    .sort((a, b) => b[1].ms - a[1].ms)
    .map(([name, t]) => `${(t.count / per).toFixed(2)} ${name.replace(/Command$/, '')} (mean ${(t.ms / t.count).toFixed(1)} ms)`)
    .join(', ');
}

export const refusedText = (r: Replay) => (r.refused.size ? [...r.refused].map(([name, n]) => `${n} ${name}`).join(', ') : 'none');
