/**
 * Writes to a child's record that cannot undo each other: a bounce mark
 * written between a team change's read and its write survives the team change.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, testStaff, type TestStack } from '#tests/support/stack.js';
import { projector } from '#services/council.js';
import { STATUTORY_POLICY } from '#domain/policy.js';
import { type DynamoDBDocumentClient, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '#store/dynamo/client.js';
import { dynamoStores } from '#store/dynamo/stores.js';

const TODAY = '2027-01-18';
let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack('child-writes');
  await stack.store.putCouncil({ id: stack.councilId, name: 'Test Borough' });
  for (const s of testStaff(stack.councilId)) await stack.store.createStaff(s);
});
afterAll(async () => {
  await stack.stop();
});

describe('a team change and a bounce mark', () => {
  it('keep both when the mark is written between the team change\'s read and its write', async () => {
    const c = stack.councilId;
    await stack.store.createChild(c, { id: 'W-1', firstName: 'Ada', lastName: 'Stone', dateOfBirth: '2008-04-01', holderId: 'sw-1', email: 'ada@example.test' }, `${TODAY}T08:00:00Z`);
    const before = (await stack.store.getChild(c, 'W-1'))!;
    // The team change's client: just before its first transaction goes, the bounce is marked through the ordinary store.
    const db = documentClient();
    let marked = false;
    const racing = Object.create(db) as DynamoDBDocumentClient;
    racing.send = (async (command: unknown) => {
      if (command instanceof TransactWriteCommand && !marked) {
        marked = true;
        expect(await stack.store.markEmailUnreachable(c, 'W-1', 'ada@example.test', `${TODAY}T08:30:00Z`, 'bounced')).toBe(true);
      }
      return db.send(command as never);
    }) as DynamoDBDocumentClient['send'];
    await dynamoStores(stack.tableName, racing).store.setTeam(c, 'W-1', { socialWorker: 'sw-2' }, projector(STATUTORY_POLICY, TODAY));
    const after = (await stack.store.getChild(c, 'W-1'))!;
    expect(marked).toBe(true);
    expect(after.holderId).toBe('sw-2');
    expect(after.emailUnreachable).toEqual({ since: `${TODAY}T08:30:00Z`, reason: 'bounced' });
    expect(after.version).toBe(before.version + 2);
  });
});
