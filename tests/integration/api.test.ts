import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import { staffTokens, startCouncilStack, type TestStack } from '#tests/support/stack.js';
import { ROUTES } from '#infra/topology.js';

let stack: TestStack;
let tokens: Record<string, string>;

beforeAll(async () => {
  process.env.KEPT_TODAY = '2027-01-18';
  stack = await startCouncilStack('api');
  tokens = {
    ...(await staffTokens(stack, { admin: 'admin-1', lead: 'lead-1', manager: 'tm-1', otherManager: 'tm-2', sw1: 'sw-1', sw2: 'sw-2', sw3: 'sw-3' })),
    foreignAdmin: await stack.token('admin', 'admin-1', 'another-council'),
  };
});

afterAll(async () => {
  await stack.stop();
});

const child = (id: string, holderId: string) => ({ id, firstName: 'Jordan', lastName: 'Example', dateOfBirth: '2014-06-01', holderId });

describe('sign-in', () => {
  it('answers /health without a token', async () => {
    const r = await stack.call('GET', '/health');
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ status: 'ok', today: '2027-01-18' });
  });

  it('answers 401 on every signed-in route without a token', async () => {
    for (const route of ROUTES.filter((r) => r.auth)) {
      const path = route.path.replace('{id}', 'C-1');
      const r = await stack.call(route.method, path, route.method === 'POST' ? { body: {} } : {});
      expect(r.status, `${route.method} ${route.path}`).toBe(401);
      expect(r.body.error).toMatch(/sign in/i);
    }
  });

  it('rejects a token signed by someone else, or expired', async () => {
    const forged = tokens.sw1!.slice(0, -4) + (tokens.sw1!.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    expect((await stack.call('GET', '/me/due', { token: forged })).status).toBe(401);
    expect((await stack.call('GET', '/me/due', { token: 'not.a.jwt' })).status).toBe(401);
  });
});

describe('staff', () => {
  it('lets an admin add staff and nobody else', async () => {
    const body = { id: 'sw-9', name: 'New Worker', email: 'New.Worker@Example.test', role: 'practitioner', managerId: 'tm-1' };
    expect((await stack.call('POST', '/staff', { token: tokens.manager, body })).status).toBe(403);
    const created = await stack.call('POST', '/staff', { token: tokens.admin, body });
    expect(created.status).toBe(201);
    expect(created.body.staff.email).toBe('new.worker@example.test');
    expect((await stack.call('POST', '/staff', { token: tokens.admin, body })).status).toBe(409);
    const list = await stack.call('GET', '/staff', { token: tokens.lead });
    expect(list.body.staff.map((s: { id: string }) => s.id)).toContain('sw-9');
    expect((await stack.call('GET', '/staff', { token: tokens.sw1 })).status).toBe(403);
  });

  it('names the field when the input is wrong, and stores nothing', async () => {
    const r = await stack.call('POST', '/staff', { token: tokens.admin, body: { id: 'x-1', name: 'X', email: 'nope', role: 'wizard' } });
    expect(r.status).toBe(400);
    expect(r.body.problems.map((p: { field: string }) => p.field).sort()).toEqual(['email', 'role']);
    expect(await stack.store.getStaff(stack.councilId, 'x-1')).toBeNull();
    const noManager = await stack.call('POST', '/staff', { token: tokens.admin, body: { id: 'x-2', name: 'X', email: 'x2@a.test', role: 'practitioner', managerId: 'nobody' } });
    expect(noManager.status).toBe(400);
    expect(noManager.body.error).toMatch(/managerId/);
  });
});

describe('children and facts', () => {
  beforeAll(async () => {
    expect((await stack.call('POST', '/children', { token: tokens.manager, body: child('C-1', 'sw-1') })).status).toBe(201);
    expect((await stack.call('POST', '/children', { token: tokens.admin, body: child('C-2', 'sw-2') })).status).toBe(201);
    expect((await stack.call('POST', '/children', { token: tokens.admin, body: child('C-3', 'sw-3') })).status).toBe(201);
  });

  it('only lets managers and admins open a case, for a real holder', async () => {
    expect((await stack.call('POST', '/children', { token: tokens.sw1, body: child('C-9', 'sw-1') })).status).toBe(403);
    expect((await stack.call('POST', '/children', { token: tokens.lead, body: child('C-9', 'sw-1') })).status).toBe(403);
    const noHolder = await stack.call('POST', '/children', { token: tokens.admin, body: child('C-9', 'ghost') });
    expect(noHolder.status).toBe(400);
    expect(noHolder.body.problems[0].field).toBe('holderId');
    const badDate = await stack.call('POST', '/children', { token: tokens.admin, body: { ...child('C-9', 'sw-1'), dateOfBirth: '2014-02-30' } });
    expect(badDate.status).toBe(400);
    expect(badDate.body.problems[0]).toEqual({ field: 'dateOfBirth', message: 'must be a real date written YYYY-MM-DD' });
    expect((await stack.call('POST', '/children', { token: tokens.admin, body: child('C-1', 'sw-1') })).status).toBe(409);
    expect(await stack.store.getChild(stack.councilId, 'C-9')).toBeNull();
  });

  it('lists a caseload, a team, or the council; never names or birth dates', async () => {
    const ids = async (token: string) => (await stack.call('GET', '/children', { token })).body.children.map((c: { id: string }) => c.id);
    expect(await ids(tokens.sw1!)).toEqual(['C-1']);
    expect(await ids(tokens.manager!)).toEqual(['C-1', 'C-2']);
    expect(await ids(tokens.otherManager!)).toEqual(['C-3']);
    expect(await ids(tokens.lead!)).toEqual(['C-1', 'C-2', 'C-3']);
    const listed = await stack.call('GET', '/children', { token: tokens.admin });
    expect(listed.text).not.toMatch(/Jordan|2014-06-01/);
    expect(listed.body.children[0]).toEqual({ id: 'C-1', initials: 'J.E.', holderId: 'sw-1' });
  });

  it('shows a record to its holder, their manager, leads and admins only', async () => {
    expect((await stack.call('GET', '/children/C-1', { token: tokens.sw1 })).status).toBe(200);
    expect((await stack.call('GET', '/children/C-1', { token: tokens.manager })).status).toBe(200);
    expect((await stack.call('GET', '/children/C-1', { token: tokens.lead })).status).toBe(200);
    expect((await stack.call('GET', '/children/C-1', { token: tokens.sw2 })).status).toBe(403);
    expect((await stack.call('GET', '/children/C-1', { token: tokens.otherManager })).status).toBe(403);
    expect((await stack.call('GET', '/children/C-404', { token: tokens.admin })).status).toBe(404);
    // Another council's admin is not signed in here at all.
    expect((await stack.call('GET', '/children/C-1', { token: tokens.foreignAdmin })).status).toBe(401);
  });

  it('recomputes what is due when a fact is recorded, and /me/due shows it', async () => {
    const before = await stack.call('GET', '/me/due', { token: tokens.sw1 });
    expect(before.body.items).toEqual([]);

    const entered = await stack.call('POST', '/children/C-1/facts', { token: tokens.sw1, body: { type: 'entered-care', date: '2027-01-08' } });
    expect(entered.status).toBe(201);
    await stack.call('POST', '/children/C-1/facts', {
      token: tokens.sw1,
      body: { type: 'placement-started', date: '2027-01-08', placementId: 'P1', longTerm: false, arrangement: 'foster' },
    });
    const due = await stack.call('GET', '/me/due', { token: tokens.sw1 });
    const visit = due.body.items.find((i: { kind: string }) => i.kind === 'statutory-visit');
    expect(visit).toMatchObject({ childId: 'C-1', initials: 'J.E.', dueDate: '2027-01-15', status: 'overdue' });
    const review = due.body.items.find((i: { kind: string }) => i.kind === 'looked-after-review');
    expect(review).toMatchObject({ dueDate: '2027-02-05', status: 'upcoming' });

    const visited = await stack.call('POST', '/children/C-1/facts', { token: tokens.sw1, body: { type: 'visit', date: '2027-01-18', seenAlone: true } });
    expect(visited.status).toBe(201);
    const after = await stack.call('GET', '/me/due', { token: tokens.sw1 });
    expect(after.body.items.find((i: { kind: string }) => i.kind === 'statutory-visit')).toMatchObject({ dueDate: '2027-03-01', status: 'upcoming' });

    const one = await stack.call('GET', '/children/C-1/obligations', { token: tokens.manager });
    expect(one.body.obligations.map((o: { kind: string }) => o.kind)).toContain('statutory-visit');
    const record = await stack.call('GET', '/children/C-1', { token: tokens.sw1 });
    expect(record.body.facts).toHaveLength(3);
    expect(record.body.facts[2]).toMatchObject({ recordedBy: 'sw-1', fact: { type: 'visit', date: '2027-01-18', seenAlone: true } });
  });

  it('turns bad facts away with the field named, and writes nothing', async () => {
    const count = async () => (await stack.store.getChildHistory(stack.councilId, 'C-1')).facts.length;
    const before = await count();
    const cases: Array<[unknown, string]> = [
      [{ type: 'visit', date: '2027-01-32', seenAlone: true }, 'date'],
      [{ type: 'visit', date: '2027-01-10' }, 'seenAlone'],
      [{ type: 'teleport', date: '2027-01-10' }, 'type'],
      [{ type: 'sdq', date: '2027-01-10', score: 99 }, 'score'],
      [{ type: 'missing-episode', start: '2027-01-10T10:00:00Z', returned: '2027-01-09T10:00:00Z' }, 'returned'],
    ];
    for (const [body, field] of cases) {
      const r = await stack.call('POST', '/children/C-1/facts', { token: tokens.sw1, body });
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.body.problems.map((p: { field: string }) => p.field)).toContain(field);
    }
    const notJson = await stack.call('POST', '/children/C-1/facts', { token: tokens.sw1, raw: '{"type": "visit",' });
    expect(notJson.status).toBe(400);
    expect(notJson.body.error).toMatch(/not valid JSON/);
    expect(await count()).toBe(before);
  });

  it('stops people recording for cases that are not theirs', async () => {
    const body = { type: 'visit', date: '2027-01-18', seenAlone: true };
    expect((await stack.call('POST', '/children/C-1/facts', { token: tokens.sw2, body })).status).toBe(403);
    expect((await stack.call('POST', '/children/C-1/facts', { token: tokens.lead, body })).status).toBe(403);
    expect((await stack.call('POST', '/children/C-404/facts', { token: tokens.admin, body })).status).toBe(404);
  });
});

describe('calendar feed', () => {
  it('gives a private link whose feed a calendar can read', async () => {
    const issued = await stack.call('POST', '/me/calendar', { token: tokens.sw1 });
    expect(issued.status).toBe(201);
    const url = new URL(issued.body.url);
    expect(url.pathname).toMatch(/^\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    const feed = await stack.call('GET', url.pathname);
    expect(feed.status).toBe(200);
    expect(feed.headers.get('content-type')).toMatch(/text\/calendar/);
    const calendar = new ICAL.Component(ICAL.parse(feed.text));
    const events = calendar.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
    const due = (await stack.call('GET', '/me/due', { token: tokens.sw1 })).body.items;
    expect(events).toHaveLength(due.length);
    const visit = events.find((e) => e.summary.startsWith('Statutory visit'))!;
    expect(visit.summary).toBe('Statutory visit due: C-1 (J.E.)');
    expect(visit.startDate.isDate).toBe(true);
    expect(visit.startDate.toString()).toBe('2027-03-01');
    expect(feed.text).not.toMatch(/Jordan|2014-06-01/);

    // A new link retires the old one.
    const again = await stack.call('POST', '/me/calendar', { token: tokens.sw1 });
    expect((await stack.call('GET', url.pathname)).status).toBe(404);
    expect((await stack.call('GET', new URL(again.body.url).pathname)).status).toBe(200);
    expect((await stack.call('GET', '/calendar/not-a-real-token-at-all-000000.ics')).status).toBe(404);
  });
});

describe("the child's page in a browser", () => {
  it('shows the case to those allowed, sends others to sign in or away', async () => {
    const page = (token?: string) => fetch(`${stack.baseUrl}/case/C-1`, { headers: token ? { cookie: `kept_session=${token}` } : {}, redirect: 'manual' });
    const anonymous = await page();
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get('location')).toBe('/sign-in?next=%2Fcase%2FC-1');
    const mine = await page(tokens.sw1);
    expect(mine.status).toBe(200);
    const body = await mine.text();
    expect(body).toContain('Case C-1');
    expect(body).toContain('Statutory visit');
    expect((await page(tokens.sw2)).status).toBe(403);
    expect((await page(tokens.foreignAdmin)).status).toBe(303);
  });
});
