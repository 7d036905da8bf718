/**
 * Writes to a child's record that cannot undo each other: a bounce mark or a
 * contact change written between a team change's read and its write survives
 * the team change, which then writes only the fields it owns.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, testStaff, type TestStack } from '#tests/support/stack.js';
import { projector } from '#services/council.js';
import { STATUTORY_POLICY, resolvePolicy } from '#domain/policy.js';
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

  it('keep both a contact change and a team change that meet, the team change writing only its own fields', async () => {
    const c = stack.councilId;
    await stack.store.createChild(c, { id: 'W-2', firstName: 'Bea', lastName: 'Stone', dateOfBirth: '2008-04-01', holderId: 'sw-1', email: 'bea@example.test' }, `${TODAY}T08:00:00Z`);
    const db = documentClient();
    let changed = false;
    const sent: unknown[] = [];
    const racing = Object.create(db) as DynamoDBDocumentClient;
    racing.send = (async (command: unknown) => {
      if (command instanceof TransactWriteCommand) {
        sent.push(command.input.TransactItems![0]);
        if (!changed) {
          changed = true;
          const { version } = (await stack.store.getChild(c, 'W-2'))!;
          expect(await stack.store.setContact(c, 'W-2', { fields: { mobile: '+447700900321', preferredChannel: 'text' }, clear: [] }, version)).toBe(true);
        }
      }
      return db.send(command as never);
    }) as DynamoDBDocumentClient['send'];
    await dynamoStores(stack.tableName, racing).store.setTeam(c, 'W-2', { socialWorker: 'sw-2' }, projector(STATUTORY_POLICY, TODAY));
    expect(await stack.store.getChild(c, 'W-2')).toMatchObject({ holderId: 'sw-2', email: 'bea@example.test', mobile: '+447700900321', preferredChannel: 'text' });
    // Each attempt updated the record's team fields; none put the whole record back.
    expect(sent.length).toBe(2);
    for (const first of sent) expect(first).toMatchObject({ Update: { UpdateExpression: expect.stringMatching(/^SET holderId = :holder, holderPk = :holderPk, #team = :team, #version = :next$/) } });
  });
});

describe('a policy change that swaps many local rules', () => {
  /** 50 local rules (the most a policy has) of kinds `${prefix}-1`..`${prefix}-50`, each due for any child in care. */
  const policyWith = (prefix: string) =>
    resolvePolicy({ localRules: Array.from({ length: 50 }, (_, i) => ({ kind: `${prefix}-${i + 1}`, title: `Local task ${i + 1}`, appliesTo: 'looked-after' as const, firstWithin: { workingDays: 10 } })) });
  const kinds = async (childId: string) => (await stack.store.getChildHistory(stack.councilId, childId)).obligations.map((o) => o.kind);
  const local = (ks: string[], prefix: string) => ks.filter((k) => k.startsWith(`${prefix}-`)).length;
  /** Children whose recompute marker is due before any real one could be: an unfinished projection's. */
  const refreshing = async () => (await stack.store.dueUpTo(stack.councilId, '2000-01-01')).refresh;

  it('writes a fact, and an import\'s facts, whose old and new obligations exceed 100 items, with the whole projection', async () => {
    const c = stack.councilId;
    await stack.store.createChild(c, { id: 'W-3', firstName: 'Cy', lastName: 'Stone', dateOfBirth: '2012-04-01', holderId: 'sw-1' }, `${TODAY}T08:00:00Z`);
    await stack.store.recordFact(c, 'W-3', { type: 'entered-care', date: '2027-01-04' }, 'sw-1', `${TODAY}T08:00:00Z`, projector(policyWith('old'), TODAY));
    expect(local(await kinds('W-3'), 'old')).toBe(50);

    // The policy swaps its 50 rules: 50 obligations go and 50 come, with the fact, the version and the marker.
    const visit = { type: 'visit', date: '2027-01-15', seenAlone: true } as const;
    await stack.store.recordFact(c, 'W-3', visit, 'sw-1', `${TODAY}T09:00:00Z`, projector(policyWith('new'), TODAY));
    let now = await kinds('W-3');
    expect([local(now, 'old'), local(now, 'new')]).toEqual([0, 50]);
    expect(await refreshing()).not.toContain('W-3');
    expect((await stack.store.getChildHistory(c, 'W-3')).facts.map((f) => f.fact.type)).toEqual(['entered-care', 'visit']);

    // An import's write path (appendFacts) swapping them back.
    const child = (await stack.store.getChild(c, 'W-3'))!;
    await stack.store.appendFacts(child, [{ fact: { ...visit, date: '2027-01-16' }, recordedAt: `${TODAY}T10:00:00Z`, recordedBy: 'admin-1', source: 'test:1' }], projector(policyWith('old'), TODAY));
    now = await kinds('W-3');
    expect([local(now, 'old'), local(now, 'new')]).toEqual([50, 0]);
    expect(await refreshing()).not.toContain('W-3');
  });

  it('leaves a projection whose writer died between its transactions for the next sweep to recompute, whole', async () => {
    const c = stack.councilId;
    await stack.store.createChild(c, { id: 'W-4', firstName: 'Di', lastName: 'Stone', dateOfBirth: '2012-04-01', holderId: 'sw-1' }, `${TODAY}T08:00:00Z`);
    await stack.store.recordFact(c, 'W-4', { type: 'entered-care', date: '2027-01-04' }, 'sw-1', `${TODAY}T08:00:00Z`, projector(policyWith('old'), TODAY));
    // The writer's process dies after its first transaction: the second never goes.
    const db = documentClient();
    let transactions = 0;
    const dying = Object.create(db) as DynamoDBDocumentClient;
    dying.send = (async (command: unknown) => {
      if (command instanceof TransactWriteCommand && ++transactions === 2) throw Object.assign(new Error('process killed'), { name: 'Killed' });
      return db.send(command as never);
    }) as DynamoDBDocumentClient['send'];
    const visit = { type: 'visit', date: '2027-01-15', seenAlone: true } as const;
    await expect(dynamoStores(stack.tableName, dying).store.recordFact(c, 'W-4', visit, 'sw-1', `${TODAY}T09:00:00Z`, projector(policyWith('new'), TODAY))).rejects.toThrow('process killed');
    const half = await kinds('W-4');
    // Half-written: the new obligations went in the first transaction, some of the old ones' deletes did not.
    expect(local(half, 'old')).toBeGreaterThan(0);
    // The fact is stored, and the marker asks the next sweep to recompute the child.
    expect((await stack.store.getChildHistory(c, 'W-4')).facts.map((f) => f.fact.type)).toEqual(['entered-care', 'visit']);
    expect(await refreshing()).toContain('W-4');
    await stack.store.refreshProjection(c, 'W-4', projector(policyWith('new'), TODAY));
    const whole = await kinds('W-4');
    expect([local(whole, 'old'), local(whole, 'new')]).toEqual([0, 50]);
    expect(await refreshing()).not.toContain('W-4');
  });
});
