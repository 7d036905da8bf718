import { afterAll, beforeAll, expect, it } from 'vitest';
import { startCouncilStack, type TestStack } from '#tests/support/stack.js';

let stack: TestStack;
let sw1 = '';
let sw2 = '';

beforeAll(async () => {
  process.env.KEPT_TODAY = '2027-01-18';
  stack = await startCouncilStack('corrections');
  sw1 = await stack.token('practitioner', 'sw-1');
  sw2 = await stack.token('practitioner', 'sw-2');
  const admin = await stack.token('admin', 'admin-1');
  const body = { id: 'C-1', firstName: 'Jordan', lastName: 'Example', dateOfBirth: '2014-06-01', holderId: 'sw-1' };
  expect((await stack.call('POST', '/children', { token: admin, body })).status).toBe(201);
  for (const fact of [
    { type: 'entered-care', date: '2027-01-04' },
    { type: 'placement-started', date: '2027-01-04', placementId: 'p1', longTerm: false, arrangement: 'foster' },
  ]) expect((await stack.call('POST', '/children/C-1/facts', { token: sw1, body: fact })).status).toBe(201);
});

afterAll(async () => {
  await stack.stop();
});

const visitDue = (obligations: Array<{ kind: string; dueDate: string }>) => obligations.find((o) => o.kind === 'statutory-visit')?.dueDate;

it('withdraws a fact recorded in error: the history keeps both, with who did it, and what is due goes back', async () => {
  const before = await stack.call('GET', '/children/C-1/obligations', { token: sw1 });
  const dueBefore = visitDue(before.body.obligations);
  expect(dueBefore).toMatch(/^2027-01-/);

  const visit = await stack.call('POST', '/children/C-1/facts', { token: sw1, body: { type: 'visit', date: '2027-01-11', seenAlone: true } });
  expect(visit.status).toBe(201);
  expect(visit.body.fact.id).toMatch(/^\d{4}-\d{2}-\d{2}T[^#]+#\w+$/);
  expect(visitDue(visit.body.obligations)).not.toBe(dueBefore);

  const withdrawn = await stack.call('POST', '/children/C-1/facts', {
    token: sw1,
    body: { type: 'correction', date: '2027-01-18', factId: visit.body.fact.id, reason: 'recorded-in-error' },
  });
  expect(withdrawn.status).toBe(201);
  expect(visitDue(withdrawn.body.obligations)).toBe(dueBefore);

  const record = await stack.call('GET', '/children/C-1', { token: sw1 });
  const facts = record.body.facts as Array<{ id: string; recordedBy: string; fact: { type: string; factId?: string } }>;
  expect(facts.map((f) => f.fact.type)).toEqual(['entered-care', 'placement-started', 'visit', 'correction']);
  expect(facts[3]).toMatchObject({ recordedBy: 'sw-1', fact: { factId: visit.body.fact.id } });
  expect(new Set(facts.map((f) => f.id)).size).toBe(4);
});

it('refuses a correction of an unknown, already withdrawn or correcting fact with a 400 naming factId, and stores nothing', async () => {
  const count = async () => ((await stack.call('GET', '/children/C-1', { token: sw1 })).body.facts as unknown[]).length;
  const facts = (await stack.call('GET', '/children/C-1', { token: sw1 })).body.facts as Array<{ id: string; fact: { type: string } }>;
  const n = await count();
  const withdrawnVisit = facts.find((f) => f.fact.type === 'visit')!.id;
  const correction = facts.find((f) => f.fact.type === 'correction')!.id;
  for (const [factId, message] of [['2020-01-01T00:00:00.000Z#000000abcdef', /not a fact recorded/], [withdrawnVisit, /already been withdrawn/], [correction, /itself a correction/]] as const) {
    const r = await stack.call('POST', '/children/C-1/facts', { token: sw1, body: { type: 'correction', date: '2027-01-18', factId, reason: 'recorded-in-error' } });
    expect(r.status).toBe(400);
    expect(r.body.problems).toEqual([{ field: 'factId', message: expect.stringMatching(message) as string }]);
  }
  expect(await count()).toBe(n);
});

it('lets only those who may record for the child withdraw its facts', async () => {
  const facts = (await stack.call('GET', '/children/C-1', { token: sw1 })).body.facts as Array<{ id: string; fact: { type: string } }>;
  const placement = facts.find((f) => f.fact.type === 'placement-started')!.id;
  const r = await stack.call('POST', '/children/C-1/facts', { token: sw2, body: { type: 'correction', date: '2027-01-18', factId: placement, reason: 'recorded-in-error' } });
  expect(r.status).toBe(403);
});
