/**
 * What recording a fact reads: the child's record and history in one query
 * of the child's partition (the record from the copy kept there), and no
 * read of the record itself while that copy is current. A copy left a
 * version behind by a write of the record alone (a bounce mark) is only a
 * first guess: the write's version check fails, the record itself is read,
 * and the mark stays.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { staffTokens, startCouncilStack, type TestStack } from '#tests/support/stack.js';
import { documentClient } from '#store/dynamo/client.js';

const TODAY = '2027-01-18';
let stack: TestStack;
let tokens: Record<'sw1' | 'admin', string>;

type Call = { name: string; input: Record<string, any> };
let recording: Call[] | undefined;

/** The calls `run` made that touch the child `id`: its partition, or its record in the council's. */
async function callsAbout(id: string, run: () => Promise<unknown>): Promise<Array<{ name: string; key: string }>> {
  const calls: Call[] = (recording = []);
  try {
    await run();
  } finally {
    recording = undefined;
  }
  const partition = `CHILD#${stack.councilId}#${id}`;
  return calls.flatMap(({ name, input }) => {
    if (name === 'QueryCommand' && input.ExpressionAttributeValues?.[':pk'] === partition) return [{ name, key: partition }];
    if (name === 'GetItemCommand' && (input.Key?.pk === partition || input.Key?.sk === `CHILD#${id}`)) return [{ name, key: `${input.Key.pk}/${input.Key.sk}` }];
    return [];
  });
}

const record = (id: string, body: object) => stack.call('POST', `/children/${id}/facts`, { token: tokens.sw1, body });

async function copyOf(id: string) {
  const { Item } = await documentClient().send(new GetCommand({ TableName: stack.tableName, Key: { pk: `CHILD#${stack.councilId}#${id}`, sk: 'RECORD' }, ConsistentRead: true }));
  return Item;
}

beforeAll(async () => {
  process.env.KEPT_TODAY = TODAY;
  stack = await startCouncilStack('child-reads');
  tokens = await staffTokens(stack, { sw1: 'sw-1', admin: 'admin-1' });
  documentClient().middlewareStack.add(
    (next, context) => async (args) => {
      recording?.push({ name: context.commandName as string, input: args.input as Record<string, unknown> });
      return next(args);
    },
    { step: 'initialize', name: 'childReadsRecorder' },
  );
  for (const id of ['R-1', 'R-2']) {
    const created = await stack.call('POST', '/children', { token: tokens.admin, body: { id, firstName: 'Tam', lastName: 'Reed', dateOfBirth: '2012-05-01', holderId: 'sw-1', email: `${id.toLowerCase()}@example.test` } });
    expect(created.status).toBe(201);
  }
});
afterAll(() => stack?.stop());

describe('recording a fact', () => {
  it("reads the child's record and history in one query, and not the record itself", async () => {
    expect((await record('R-1', { type: 'entered-care', date: '2027-01-08' })).status).toBe(201);
    const calls = await callsAbout('R-1', async () => expect((await record('R-1', { type: 'visit', date: '2027-01-18', seenAlone: true })).status).toBe(201));
    expect(calls.map((c) => c.name)).toEqual(['QueryCommand']);
    const child = (await stack.store.getChild(stack.councilId, 'R-1'))!;
    expect(await copyOf('R-1')).toMatchObject({ ...child, itemType: 'child-record-copy' });
  });

  it('reads the record itself and keeps a bounce mark when the copy is a version behind', async () => {
    expect((await record('R-2', { type: 'entered-care', date: '2027-01-08' })).status).toBe(201);
    expect(await stack.store.markEmailUnreachable(stack.councilId, 'R-2', 'r-2@example.test', `${TODAY}T09:00:00Z`, 'bounced')).toBe(true);
    const marked = (await stack.store.getChild(stack.councilId, 'R-2'))!;
    expect((await copyOf('R-2'))!.version).toBe(marked.version - 1);
    const calls = await callsAbout('R-2', async () => expect((await record('R-2', { type: 'visit', date: '2027-01-18', seenAlone: true })).status).toBe(201));
    // The first try's guess fails its version check; the second reads the record and the partition.
    expect(calls.map((c) => c.name).sort()).toEqual(['GetItemCommand', 'QueryCommand', 'QueryCommand']);
    const after = (await stack.store.getChild(stack.councilId, 'R-2'))!;
    expect(after.emailUnreachable).toEqual({ since: `${TODAY}T09:00:00Z`, reason: 'bounced' });
    expect(after.version).toBe(marked.version + 1);
    expect(await copyOf('R-2')).toMatchObject({ ...after, itemType: 'child-record-copy' });
    const { facts } = await stack.store.getChildHistory(stack.councilId, 'R-2');
    expect(facts.map((f) => f.fact.type)).toEqual(['entered-care', 'visit']);
  });
});
