/**
 * The audit trail through the real HTTP API and DynamoDB Local: who read or
 * changed which child's record, in order; entries never overwritten; only
 * admins see them; and a record that cannot be logged is not shown.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { staffTokens, startCouncilStack, type TestStack } from '#tests/support/stack.js';
import { startFaultProxy, type Fault, type FaultProxy } from '#tests/support/faultProxy.js';
import { ROUTES } from '#infra/topology.js';
import { AuditEntryExists, type AuditEntry, type AuditLog } from '#store/ports/audit.js';
import { londonDateOf } from '#domain/dates.js';

let stack: TestStack;
let dynamo: FaultProxy;
let audits: AuditLog;
let t: Record<string, string>;

const child = (id: string, holderId: string) => ({ id, firstName: 'Tamsin', lastName: 'Orrell', dateOfBirth: '2014-06-01', holderId });
const trail = async (id: string, token = t.admin) => (await stack.call('GET', `/children/${id}/audit`, { token })).body.entries as AuditEntry[];
const brief = (e: AuditEntry) => [e.action, e.staffId, e.role, e.route];

beforeAll(async () => {
  process.env.KEPT_TODAY = '2027-01-18';
  dynamo = await startFaultProxy(`http://127.0.0.1:${inject('dynamoPort')}`);
  stack = await startCouncilStack('audit', { dynamoEndpoint: dynamo.url });
  audits = stack.audit;
  t = {
    ...(await staffTokens(stack, { admin: 'admin-1', lead: 'lead-1', manager: 'tm-1', sw1: 'sw-1', sw2: 'sw-2' })),
    foreignAdmin: await stack.token('admin', 'admin-1', 'another-council'),
  };
});

afterAll(async () => {
  await stack?.stop();
  await dynamo?.stop();
});

describe('the audit trail', () => {
  it('has an entry for each create, read and fact, in order, naming the staff member, role, action and route', async () => {
    expect((await stack.call('POST', '/children', { token: t.admin, body: child('A-1', 'sw-1') })).status).toBe(201);
    expect((await stack.call('GET', '/children/A-1', { token: t.sw1 })).status).toBe(200);
    const fact = await stack.call('POST', '/children/A-1/facts', { token: t.sw1, body: { type: 'entered-care', date: '2027-01-08' } });
    expect(fact.status).toBe(201);
    expect((await stack.call('GET', '/children/A-1/obligations', { token: t.manager })).status).toBe(200);
    expect((await stack.call('GET', '/children/A-1', { token: t.lead })).status).toBe(200);
    // What was refused or turned away was not read or changed, so it is not in the trail.
    expect((await stack.call('GET', '/children/A-1', { token: t.sw2 })).status).toBe(403);
    expect((await stack.call('POST', '/children/A-1/facts', { token: t.sw1, body: { type: 'visit', date: 'soon' } })).status).toBe(400);
    expect((await stack.call('POST', '/children', { token: t.admin, body: child('A-1', 'sw-1') })).status).toBe(409);

    const entries = await trail('A-1');
    expect(entries.map(brief)).toEqual([
      ['create', 'admin-1', 'admin', 'POST /children'],
      ['read', 'sw-1', 'practitioner', 'GET /children/{id}'],
      ['record-fact', 'sw-1', 'practitioner', 'POST /children/{id}/facts'],
      ['read', 'tm-1', 'manager', 'GET /children/{id}/obligations'],
      ['read', 'lead-1', 'lead', 'GET /children/{id}'],
    ]);
    for (const e of entries) {
      expect(e).toMatchObject({ councilId: stack.councilId, childId: 'A-1' });
      expect(Object.keys(e).sort()).toEqual(['action', 'at', 'childId', 'councilId', 'id', 'role', 'route', 'staffId']);
      expect(new Date(e.at).toISOString()).toBe(e.at);
    }
    const times = entries.map((e) => e.at);
    expect([...times].sort()).toEqual(times);
    // The fact and its entry were written in one transaction, at one instant.
    expect(fact.body.fact.recordedAt).toBe(entries[2]!.at);
    // Entries name the child by case reference only.
    expect(JSON.stringify(entries)).not.toMatch(/Tamsin|Orrell|2014-06-01/);
  });

  it('gives the council a day at a time, across children, in order', async () => {
    expect((await stack.call('POST', '/children', { token: t.manager, body: child('A-2', 'sw-2') })).status).toBe(201);
    expect((await stack.call('GET', '/children/A-2', { token: t.sw2 })).status).toBe(200);
    const day = londonDateOf(new Date());
    const r = await stack.call('GET', `/audit?date=${day}`, { token: t.admin });
    expect(r.status).toBe(200);
    expect(r.body.date).toBe(day);
    const entries = r.body.entries as AuditEntry[];
    expect(entries.map((e) => [e.childId, e.action, e.staffId])).toEqual([
      ['A-1', 'create', 'admin-1'],
      ['A-1', 'read', 'sw-1'],
      ['A-1', 'record-fact', 'sw-1'],
      ['A-1', 'read', 'tm-1'],
      ['A-1', 'read', 'lead-1'],
      ['A-2', 'create', 'tm-1'],
      ['A-2', 'read', 'sw-2'],
    ]);
    expect(entries.every((e) => e.councilId === stack.councilId)).toBe(true);
    expect((await stack.call('GET', '/audit?date=2027-01-17', { token: t.admin })).body.entries).toEqual([]);
  });

  it('never overwrites an entry: a second put with the same key fails and the first stays as it was', async () => {
    const [first] = await audits.forChild(stack.councilId, 'A-1');
    await expect(audits.append(first!)).rejects.toBeInstanceOf(AuditEntryExists);
    await expect(audits.append({ ...first!, staffId: 'sw-2', action: 'read' })).rejects.toBeInstanceOf(AuditEntryExists);
    const after = await audits.forChild(stack.councilId, 'A-1');
    expect(after[0]).toEqual(first);
    expect(after).toHaveLength(5);
    const day = (await audits.forDay(stack.councilId, londonDateOf(new Date(first!.at)))).filter((e) => e.id === first!.id);
    expect(day).toEqual([first]);
    // And no route changes or removes one.
    for (const route of ROUTES.filter((r) => r.path.includes('audit'))) expect(route.method).toBe('GET');
  });
});

describe('who may read the trail', () => {
  it('is admins only: 403 for everyone else, on both routes', async () => {
    const day = londonDateOf(new Date());
    for (const who of ['lead', 'manager', 'sw1'] as const) {
      expect((await stack.call('GET', '/children/A-1/audit', { token: t[who] })).status, who).toBe(403);
      expect((await stack.call('GET', `/audit?date=${day}`, { token: t[who] })).status, who).toBe(403);
    }
    expect((await stack.call('GET', '/children/A-1/audit')).status).toBe(401);
    expect((await stack.call('GET', `/audit?date=${day}`)).status).toBe(401);
  });

  it("answers 404 for an unknown child, and 401 to another council's admin", async () => {
    expect((await stack.call('GET', '/children/A-1/audit', { token: t.foreignAdmin })).status).toBe(401);
    expect((await stack.call('GET', '/children/A-404/audit', { token: t.admin })).status).toBe(404);
    const foreign = await stack.call('GET', `/audit?date=${londonDateOf(new Date())}`, { token: t.foreignAdmin });
    expect(foreign.status).toBe(401);
    expect(foreign.body.entries).toBeUndefined();
  });

  it('names the field when the date is wrong', async () => {
    for (const q of ['', '?date=yesterday', '?date=2027-02-30']) {
      const r = await stack.call('GET', `/audit${q}`, { token: t.admin });
      expect(r.status, q).toBe(400);
      expect(r.body.problems[0].field).toBe('query.date');
    }
  });
});

describe('when the trail cannot be written', () => {
  const refused: Fault = {
    status: 400,
    contentType: 'application/x-amz-json-1.0',
    body: JSON.stringify({ __type: 'com.amazon.coral.service#AccessDeniedException', message: 'not authorized to perform: dynamodb:PutItem' }),
  };
  const failAuditWrites = () => {
    dynamo.rule = ({ body, headers }) => (String(headers['x-amz-target']).endsWith('.TransactWriteItems') && body.includes('"AUDIT#') ? refused : null);
  };

  it('shows nothing: a read fails with 503 and no part of the record', async () => {
    failAuditWrites();
    try {
      for (const path of ['/children/A-1', '/children/A-1/obligations']) {
        const r = await stack.call('GET', path, { token: t.sw1 });
        expect(r.status, path).toBe(503);
        expect(r.body.error).toMatch(/audit/);
        expect(r.text).not.toMatch(/Tamsin|Orrell|2014-06-01|entered-care|obligations"/);
      }
    } finally {
      dynamo.rule = () => null;
    }
    expect(await trail('A-1')).toHaveLength(5);
    expect((await stack.call('GET', '/children/A-1', { token: t.sw1 })).status).toBe(200);
    expect(await trail('A-1')).toHaveLength(6);
  });

  it('changes nothing: a fact or a new child is not stored without its entry', async () => {
    const facts = async () => (await stack.store.getChildHistory(stack.councilId, 'A-1')).facts.length;
    const before = await facts();
    failAuditWrites();
    try {
      const fact = await stack.call('POST', '/children/A-1/facts', { token: t.sw1, body: { type: 'visit', date: '2027-01-18', seenAlone: true } });
      expect(fact.status).toBeGreaterThanOrEqual(500);
      const created = await stack.call('POST', '/children', { token: t.admin, body: child('A-3', 'sw-1') });
      expect(created.status).toBeGreaterThanOrEqual(500);
    } finally {
      dynamo.rule = () => null;
    }
    expect(await facts()).toBe(before);
    expect(await stack.store.getChild(stack.councilId, 'A-3')).toBeNull();
    expect((await stack.call('GET', '/children/A-3/audit', { token: t.admin })).status).toBe(404);
  });
});
