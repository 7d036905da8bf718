/**
 * Entries written for a list handed over at once (appendAll, as the Annex A
 * lists and the review-dates report write them), in DynamoDB Local: every
 * entry exactly once under its child and under the day, several transactions
 * at once, and one already there never overwritten.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCouncilStack, type TestStack } from '#tests/support/stack.js';
import { newAuditEntry } from '#services/audit.js';
import { AuditEntryExists, type AuditEntry } from '#store/ports/audit.js';
import { londonDateOf } from '#domain/dates.js';

let stack: TestStack;

beforeAll(async () => {
  stack = await startCouncilStack('audit-batches');
});

afterAll(async () => {
  await stack?.stop();
});

const entriesFor = (childIds: string[], at: Date, route: string): AuditEntry[] =>
  childIds.map((childId) => newAuditEntry<AuditEntry>({ councilId: stack.councilId, staffId: 'lead-1', role: 'lead', action: 'export', childId, route }, at));

describe('appendAll', () => {
  it('writes every entry exactly once, across more transactions than run at once', async () => {
    // 50 entries a transaction and 8 at once: 456 entries are 10 transactions, in two rounds.
    const childIds = Array.from({ length: 456 }, (_, i) => `B${String(i).padStart(5, '0')}`);
    const at = new Date('2027-02-03T10:00:00Z');
    const entries = entriesFor(childIds, at, 'GET /reports/annex-a/children-in-care');
    await stack.audit.appendAll!(entries);

    const day = (await stack.audit.forDay(stack.councilId, londonDateOf(at))).filter((e) => e.route === 'GET /reports/annex-a/children-in-care');
    expect(day).toHaveLength(entries.length);
    expect(new Set(day.map((e) => e.id)).size).toBe(entries.length);
    expect(day.map((e) => e.childId).sort()).toEqual(childIds);
    for (const childId of [childIds[0]!, childIds[228]!, childIds[455]!]) {
      expect(await stack.audit.forChild(stack.councilId, childId)).toEqual([entries.find((e) => e.childId === childId)]);
    }
  });

  it('never overwrites an entry already there: the write fails and the entry stays as it was', async () => {
    const at = new Date('2027-02-04T10:00:00Z');
    const [existing] = entriesFor(['C00007'], at, 'GET /children/{id}');
    await stack.audit.append(existing!);
    const batch = entriesFor(Array.from({ length: 120 }, (_, i) => `C${String(i + 100).padStart(5, '0')}`), at, 'GET /reports/annex-a/care-leavers');
    // The same key as the entry there, with other words: it must not replace it.
    batch.splice(70, 0, { ...existing!, staffId: 'admin-1', role: 'admin', route: 'GET /reports/annex-a/care-leavers' });

    await expect(stack.audit.appendAll!(batch)).rejects.toBeInstanceOf(AuditEntryExists);
    expect(await stack.audit.forChild(stack.councilId, 'C00007')).toEqual([existing]);
    const day = await stack.audit.forDay(stack.councilId, londonDateOf(at));
    expect(day.filter((e) => e.childId === 'C00007')).toEqual([existing]);
    // Batches are written whole or not at all: nothing of the batch that held the clash (entries 50 to 99) is there.
    const written = new Set(day.map((e) => e.id));
    expect(batch.slice(50, 100).some((e) => written.has(e.id) && e.childId !== 'C00007')).toBe(false);
  });
});
