/**
 * The store's DynamoDB helpers against DynamoDB Local, with the fault proxy
 * answering for it where DynamoDB would push back: every page of a query,
 * and batch writes that retry what is left unprocessed, up to a limit.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startTestStack, type TestStack } from '#tests/support/stack.js';
import { startFaultProxy, type FaultProxy } from '#tests/support/faultProxy.js';
import { scanKeys } from '#tests/support/probe.js';
import { documentClient } from '#store/dynamo/client.js';
import { Table, batchWrite, queryAll, writtenIfStill } from '#store/dynamo/helpers.js';
import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { Unavailable } from '#domain/errors.js';

let stack: TestStack;
let dynamo: FaultProxy;
let table: Table;

const puts = (pk: string, n: number) => Array.from({ length: n }, (_, i) => ({ PutRequest: { Item: { pk, sk: `ITEM#${String(i).padStart(3, '0')}`, n: i } } }));
const inPartition = async (pk: string) => (await scanKeys(stack.tableName)).filter((k) => k.pk === pk).length;

/** Answers a BatchWriteItem as a throttled DynamoDB does: nothing written, everything sent back as unprocessed. */
function leaveUnprocessed(times: number): { calls: () => number } {
  let calls = 0;
  dynamo.rule = ({ headers, body }) => {
    if (!String(headers['x-amz-target']).endsWith('BatchWriteItem')) return null;
    if (++calls > times) return null;
    return { status: 200, contentType: 'application/x-amz-json-1.0', body: JSON.stringify({ UnprocessedItems: JSON.parse(body).RequestItems }) };
  };
  return { calls: () => calls };
}

beforeAll(async () => {
  dynamo = await startFaultProxy(`http://127.0.0.1:${inject('dynamoPort')}`);
  stack = await startTestStack('helpers', { dynamoEndpoint: dynamo.url });
  table = new Table(stack.tableName, documentClient());
});

afterAll(async () => {
  await stack?.stop();
  await dynamo?.stop();
});

describe('DynamoDB helpers', () => {
  it('query every page, in order, and count the read units', async () => {
    await batchWrite(table, puts('PAGED', 60));
    const before = table.consumedReadUnits;
    const items = await queryAll(table, { KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': 'PAGED' }, Limit: 7 });
    expect(items.map((i) => i.n)).toEqual(Array.from({ length: 60 }, (_, i) => i));
    expect(table.consumedReadUnits - before).toBeGreaterThanOrEqual(4.5); // nine pages of half a unit or more (one page would be 0.5)
  });

  it('write 25 at a time, telling the caller each chunk before it is sent', async () => {
    const chunks: number[] = [];
    await batchWrite(table, puts('CHUNKS', 60), { onChunk: (chunk) => chunks.push(chunk.length) });
    expect(chunks).toEqual([25, 25, 10]);
    expect(await inPartition('CHUNKS')).toBe(60);
  });

  it('retry what DynamoDB leaves unprocessed until it is written', async () => {
    const throttled = leaveUnprocessed(3);
    try {
      await batchWrite(table, puts('RETRIED', 30), { baseDelayMs: 1 });
    } finally {
      dynamo.rule = () => null;
    }
    expect(throttled.calls()).toBe(5); // three refused, then the two chunks
    expect(await inPartition('RETRIED')).toBe(30);
  });

  it('give up with Unavailable after the retry limit, writing nothing more', async () => {
    const throttled = leaveUnprocessed(Infinity);
    try {
      await expect(batchWrite(table, puts('REFUSED', 30), { baseDelayMs: 1, maxRetries: 4 })).rejects.toBeInstanceOf(Unavailable);
    } finally {
      dynamo.rule = () => null;
    }
    expect(throttled.calls()).toBe(5); // the first try and four retries of the first chunk
    expect(await inPartition('REFUSED')).toBe(0);
  });

  it('tell a conditional write that held from one whose condition no longer holds, and pass other errors on', async () => {
    const key = { pk: 'COND', sk: 'ONE' };
    await table.db.send(new PutCommand({ TableName: stack.tableName, Item: { ...key, state: 'sending' } }));
    const markSent = () =>
      table.db.send(
        new UpdateCommand({
          TableName: stack.tableName, Key: key, UpdateExpression: 'SET #s = :sent', ConditionExpression: '#s = :sending',
          ExpressionAttributeNames: { '#s': 'state' }, ExpressionAttributeValues: { ':sent': 'sent', ':sending': 'sending' },
        }),
      );
    expect(await writtenIfStill(markSent())).toBe(true);
    expect(await writtenIfStill(markSent())).toBe(false);
    await expect(writtenIfStill(table.db.send(new PutCommand({ TableName: 'no-such-table', Item: key })))).rejects.toThrow();
  });
});
