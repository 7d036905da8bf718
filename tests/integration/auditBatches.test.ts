/**
 * A list handed over at once (the Annex A lists, the review dates) is one
 * access naming every child in it, in DynamoDB Local: one transaction of a
 * few items however long the list, read back as an entry per child under
 * each child and under the day, in time order with the child's own entries,
 * and never overwritten.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { startCouncilStack, type TestStack } from '#tests/support/stack.js';
import { newAuditEntry } from '#services/audit.js';
import { AuditEntryExists, type AuditEntry, type ListAccess } from '#store/ports/audit.js';
import { listAccessPuts } from '#store/dynamo/audit.js';
import { documentClient } from '#store/dynamo/client.js';
import { AUDIT_LIST_SHARDS } from '#store/keys.js';
import { londonDateOf } from '#domain/dates.js';

let stack: TestStack;

beforeAll(async () => {
  stack = await startCouncilStack('audit-batches');
});

afterAll(async () => {
  await stack?.stop();
});

const listOf = (childIds: string[], at: Date, route: string, id: string): ListAccess => ({
  id,
  at: at.toISOString(),
  councilId: stack.councilId,
  staffId: 'lead-1',
  role: 'lead',
  action: 'export',
  route,
  childIds,
});

describe('appendList', () => {
  it('keeps a list of 456 children as one access of a few items, read back as an entry per child', async () => {
    const childIds = Array.from({ length: 456 }, (_, i) => `B${String(i).padStart(5, '0')}`);
    const at = new Date('2027-02-03T10:00:00Z');
    const access = listOf(childIds, at, 'GET /reports/annex-a/children-in-care', 'a1a1a1a1a1a1a1a1');
    const puts = listAccessPuts(stack.tableName, access);
    expect(puts.length).toBeLessThanOrEqual(AUDIT_LIST_SHARDS + 1);
    expect(puts.every((p) => p.Put.ConditionExpression === 'attribute_not_exists(pk)')).toBe(true);
    await stack.audit.appendList(access);

    const day = (await stack.audit.forDay(stack.councilId, londonDateOf(at))).filter((e) => e.route === access.route);
    expect(day.map((e) => e.childId).sort()).toEqual(childIds);
    expect(new Set(day.map((e) => e.id))).toEqual(new Set([access.id]));
    for (const childId of [childIds[0]!, childIds[228]!, childIds[455]!]) {
      const expected: AuditEntry = { id: access.id, at: access.at, councilId: stack.councilId, staffId: 'lead-1', role: 'lead', action: 'export', childId, route: access.route };
      expect(await stack.audit.forChild(stack.councilId, childId)).toEqual([expected]);
    }
    // A child in another list of the same shard is not in this one.
    expect(await stack.audit.forChild(stack.councilId, 'B99999')).toEqual([]);
  });

  it("merges a child's own entries and the lists it was in, oldest first", async () => {
    const read = newAuditEntry<AuditEntry>({ councilId: stack.councilId, staffId: 'sw-1', role: 'practitioner', action: 'read', childId: 'M00001', route: 'GET /children/{id}' }, new Date('2027-02-05T09:00:00Z'));
    const { id: _id, at: _at, ...fields } = read;
    const later = newAuditEntry<AuditEntry>({ ...fields, route: 'GET /children/{id}/obligations' }, new Date('2027-02-05T11:00:00Z'));
    await stack.audit.append(read);
    await stack.audit.append(later);
    await stack.audit.appendList({ ...listOf(['M00000', 'M00001', 'M00002'], new Date('2027-02-05T10:00:00Z'), 'GET /reports/review-dates', 'b2b2b2b2b2b2b2b2'), action: 'read' });

    const trail = await stack.audit.forChild(stack.councilId, 'M00001');
    expect(trail.map((e) => e.route)).toEqual(['GET /children/{id}', 'GET /reports/review-dates', 'GET /children/{id}/obligations']);
    expect(trail[1]).toMatchObject({ id: 'b2b2b2b2b2b2b2b2', childId: 'M00001', action: 'read', staffId: 'lead-1' });
    const day = await stack.audit.forDay(stack.councilId, '2027-02-05');
    expect(day.map((e) => `${e.route} ${e.childId}`)).toEqual([
      'GET /children/{id} M00001',
      'GET /reports/review-dates M00000',
      'GET /reports/review-dates M00001',
      'GET /reports/review-dates M00002',
      'GET /children/{id}/obligations M00001',
    ]);
  });

  it('keeps a list longer than one day item holds in parts, read back whole', async () => {
    const childIds = Array.from({ length: 20_003 }, (_, i) => `L${String(i).padStart(6, '0')}`);
    const at = new Date('2027-02-06T10:00:00Z');
    await stack.audit.appendList(listOf(childIds, at, 'POST /reports/annex-a-exports', 'c3c3c3c3c3c3c3c3'));
    const parts = await documentClient().send(
      new QueryCommand({ TableName: stack.tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': `AUDITDAY#${stack.councilId}#2027-02-06` } }),
    );
    expect(parts.Items).toHaveLength(2);
    const day = await stack.audit.forDay(stack.councilId, '2027-02-06');
    expect(day.map((e) => e.childId)).toEqual(childIds);
    expect((await stack.audit.forChild(stack.councilId, 'L020002')).map((e) => e.id)).toEqual(['c3c3c3c3c3c3c3c3']);
  });

  it('never overwrites an access already there: the write fails and what was there stays as it was', async () => {
    const at = new Date('2027-02-04T10:00:00Z');
    const first = listOf(['C00007', 'C00008'], at, 'GET /reports/annex-a/care-leavers', 'd4d4d4d4d4d4d4d4');
    await stack.audit.appendList(first);
    // The same key with other words: it must not replace it.
    await expect(stack.audit.appendList({ ...first, staffId: 'admin-1', role: 'admin', childIds: ['C00007', 'C00009'] })).rejects.toBeInstanceOf(AuditEntryExists);
    expect((await stack.audit.forChild(stack.councilId, 'C00007')).map((e) => e.staffId)).toEqual(['lead-1']);
    expect(await stack.audit.forChild(stack.councilId, 'C00009')).toEqual([]);
    expect((await stack.audit.forDay(stack.councilId, londonDateOf(at))).map((e) => e.childId)).toEqual(['C00007', 'C00008']);
  });
});
