/**
 * Staff who change and leave, through the real HTTP API and DynamoDB Local:
 * PUT /staff/{id} (validated, audited, an address moved and its undeliverable
 * mark cleared) and DELETE /staff/{id} (a leaver's token, session and
 * calendar link refused at once; their record and history kept).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCouncilStack, staffTokens, type TestStack } from '#tests/support/stack.js';
import { webSession } from '#tests/support/webSession.js';
import { londonDateOf } from '#domain/dates.js';
import { childrenToHandOver, colleaguesFor, handOver } from '#services/staff.js';

let stack: TestStack;
let t: Record<'admin' | 'tm1' | 'sw1' | 'sw2' | 'lead', string>;

const TODAY = '2027-01-18';

beforeAll(async () => {
  process.env.KEPT_TODAY = TODAY;
  stack = await startCouncilStack('staffchanges');
  t = await staffTokens(stack, { admin: 'admin-1', tm1: 'tm-1', sw1: 'sw-1', sw2: 'sw-2', lead: 'lead-1' });
  const made = await stack.call('POST', '/children', { token: t.admin, body: { id: 'L-1', firstName: 'Lena', lastName: 'Olde', dateOfBirth: '2013-04-05', holderId: 'sw-2' } });
  expect(made.status).toBe(201);
  expect((await stack.call('POST', '/children/L-1/facts', { token: t.sw2, body: { type: 'entered-care', date: '2027-01-04' } })).status).toBe(201);
});

afterAll(async () => {
  await stack.stop();
});

const change = (extra: object = {}) => ({ name: 'Sue Worker-Smith', email: `sue.smith@${stack.councilId}.test`, role: 'practitioner', managerId: 'tm-2', teamRole: 'social-worker', ...extra });

describe('PUT /staff/{id}', () => {
  it('refuses bad input with 400 naming the field, and changes nothing', async () => {
    const before = await stack.store.getStaff(stack.councilId, 'sw-1');
    for (const [body, field] of [
      [change({ email: 'not-an-address' }), 'email'],
      [change({ role: 'boss' }), 'role'],
      [change({ name: '' }), 'name'],
      [change({ managerId: 'sw-2' }), 'managerId'],
      [change({ managerId: 'sw-1' }), 'managerId'],
      [change({ role: 'manager' }), 'teamRole'],
      [{ ...change(), id: 'other' }, 'id'],
    ] as const) {
      const r = await stack.call('PUT', '/staff/sw-1', { token: t.admin, body });
      expect(r.status, JSON.stringify(body)).toBe(400);
      // An unknown field is named in the message ("has unknown field \"id\""), as everywhere in the API.
      expect(r.body.problems.map((p: { field: string; message: string }) => (p.field === '(input)' ? /"(\w+)"/.exec(p.message)?.[1] : p.field))).toContain(field);
    }
    expect(await stack.store.getStaff(stack.councilId, 'sw-1')).toEqual(before);
  });

  it('is for admins only, and 404 for someone not on the staff', async () => {
    for (const token of [t.tm1, t.lead, t.sw1]) expect((await stack.call('PUT', '/staff/sw-1', { token, body: change() })).status).toBe(403);
    expect((await stack.call('PUT', '/staff/nobody', { token: t.admin, body: change() })).status).toBe(404);
  });

  it('changes name, email, manager and team role; the new address clears its undeliverable mark and the old one is free again', async () => {
    await stack.store.markUndeliverable(stack.councilId, 'sw-1', '2027-01-10T08:00:00Z', 'bounced');
    const r = await stack.call('PUT', '/staff/sw-1', { token: t.admin, body: change() });
    expect(r.status).toBe(200);
    expect(r.body.staff).toMatchObject({ id: 'sw-1', name: 'Sue Worker-Smith', email: `sue.smith@${stack.councilId}.test`, managerId: 'tm-2', teamRole: 'social-worker' });
    expect(r.body.staff.undeliverable).toBeUndefined();
    const stored = await stack.store.getStaff(stack.councilId, 'sw-1');
    expect(stored?.undeliverable).toBeUndefined();
    expect((await stack.store.findStaffByEmail(`sue.smith@${stack.councilId}.test`))?.id).toBe('sw-1');
    expect(await stack.store.findStaffByEmail(`sw-1@${stack.councilId}.test`)).toBeNull();
    // Leaving out the manager and team role removes them.
    const again = await stack.call('PUT', '/staff/sw-1', { token: t.admin, body: { name: 'Sue Worker-Smith', email: `sue.smith@${stack.councilId}.test`, role: 'practitioner' } });
    expect(again.status).toBe(200);
    expect(again.body.staff.managerId).toBeUndefined();
    expect(again.body.staff.teamRole).toBeUndefined();
    const audit = await stack.audit.forStaffMember(stack.councilId, 'sw-1');
    expect(audit.map((e) => [e.action, e.staffId, e.route])).toEqual([
      ['change-staff', 'admin-1', 'PUT /staff/{id}'],
      ['change-staff', 'admin-1', 'PUT /staff/{id}'],
    ]);
    const day = await stack.audit.forDay(stack.councilId, londonDateOf(new Date(audit[0]!.at)));
    expect(day.some((e) => 'staffMemberId' in e && e.staffMemberId === 'sw-1' && e.action === 'change-staff')).toBe(true);
  });

  it("refuses an address that is someone else's (409), keeping both", async () => {
    const r = await stack.call('PUT', '/staff/sw-1', { token: t.admin, body: change({ email: `sw-2@${stack.councilId}.test` }) });
    expect(r.status).toBe(409);
    expect((await stack.store.findStaffByEmail(`sw-2@${stack.councilId}.test`))?.id).toBe('sw-2');
    expect((await stack.store.getStaff(stack.councilId, 'sw-1'))?.email).toBe(`sue.smith@${stack.councilId}.test`);
  });

  it('an admin cannot change their own role', async () => {
    const r = await stack.call('PUT', '/staff/admin-1', { token: t.admin, body: { name: 'Ada Admin', email: `admin-1@${stack.councilId}.test`, role: 'lead' } });
    expect(r.status).toBe(400);
    expect(r.body.problems[0].field).toBe('role');
  });
});

describe('DELETE /staff/{id}', () => {
  it('is for admins only; an admin cannot end their own access', async () => {
    for (const token of [t.tm1, t.lead, t.sw1]) expect((await stack.call('DELETE', '/staff/sw-2', { token })).status).toBe(403);
    expect((await stack.call('DELETE', '/staff/admin-1', { token: t.admin })).status).toBe(400);
    expect((await stack.call('DELETE', '/staff/nobody', { token: t.admin })).status).toBe(404);
  });

  it("refuses the leaver's token, session and calendar link at once, and keeps their record and history", async () => {
    const link = await stack.call('POST', '/me/calendar', { token: t.sw2 });
    expect(link.status).toBe(201);
    const feed = new URL(link.body.url).pathname;
    expect((await stack.call('GET', feed)).status).toBe(200);
    expect((await stack.call('GET', '/me/due', { token: t.sw2 })).status).toBe(200);
    const browser = webSession(stack.baseUrl, t.sw2);
    expect((await browser.get('/')).status).toBe(200);

    const ended = await stack.call('DELETE', '/staff/sw-2', { token: t.admin });
    expect(ended.status).toBe(200);
    expect(ended.body.staff.accessEnded).toMatchObject({ by: 'admin-1' });

    const refused = await stack.call('GET', '/me/due', { token: t.sw2 });
    expect(refused.status).toBe(401);
    expect(refused.body.error).toMatch(/access to Kept has ended/);
    expect((await stack.call('POST', '/children/L-1/facts', { token: t.sw2, body: { type: 'visit', date: TODAY, seenAlone: true } })).status).toBe(401);
    const page = await browser.get('/');
    expect(page.status).toBe(303);
    expect(page.location).toMatch(/^\/sign-in/);
    expect((await stack.call('GET', feed)).status).toBe(404);

    // Their record stays (listed as a leaver), and so does everything they recorded and the children they hold.
    const listed = (await stack.call('GET', '/staff', { token: t.admin })).body.staff.find((s: { id: string }) => s.id === 'sw-2');
    expect(listed).toMatchObject({ id: 'sw-2', name: 'Sid Worker', accessEnded: { by: 'admin-1' } });
    const child = await stack.call('GET', '/children/L-1', { token: t.admin });
    expect(child.status).toBe(200);
    expect(child.body.child.holderId).toBe('sw-2');
    const history = await stack.store.getChildHistory(stack.councilId, 'L-1');
    expect(history.facts.map((f) => [f.fact.type, f.recordedBy])).toEqual([['entered-care', 'sw-2']]);

    // Ending it again changes nothing and writes no second entry.
    expect((await stack.call('DELETE', '/staff/sw-2', { token: t.admin })).status).toBe(200);
    expect((await stack.audit.forStaffMember(stack.councilId, 'sw-2')).map((e) => e.action)).toEqual(['end-access']);
    // Others are not affected.
    expect((await stack.call('GET', '/me/due', { token: t.sw1 })).status).toBe(200);
  });
});

describe("handing over a leaver's children (services/staff.ts)", () => {
  const admin = () => ({ subject: 'admin', councilId: stack.councilId, staffId: 'admin-1', role: 'admin' as const });

  it("lists every child the leaver holds or is in the team of, and moves one or all to a colleague whose team role fits, each an audited team change", async () => {
    await stack.store.createStaff({ councilId: stack.councilId, id: 'iro-9', name: 'Ina Reviewer', email: `iro-9@${stack.councilId}.test`, role: 'practitioner', teamRole: 'iro' });
    await stack.store.createStaff({ councilId: stack.councilId, id: 'iro-8', name: 'Ian Reviewer', email: `iro-8@${stack.councilId}.test`, role: 'practitioner', teamRole: 'iro' });
    for (const id of ['H-1', 'H-2']) {
      const made = await stack.call('POST', '/children', {
        token: t.admin,
        body: { id, firstName: 'Hana', lastName: 'Over', dateOfBirth: '2012-02-02', holderId: 'sw-1', team: { socialWorker: 'sw-1', iro: 'iro-9' } },
      });
      expect(made.status).toBe(201);
    }
    const held = await childrenToHandOver(stack.store, admin(), 'iro-9');
    expect(held.children).toEqual([
      { childId: 'H-1', initials: 'H.O.', roles: ['iro'] },
      { childId: 'H-2', initials: 'H.O.', roles: ['iro'] },
    ]);
    // Only colleagues whose team role fits, still working here, by name.
    const staff = await stack.store.listStaff(stack.councilId);
    const fitting = colleaguesFor('iro', staff, 'iro-9').map((s) => s.id);
    expect(fitting).toContain('iro-8');
    for (const no of ['iro-9', 'sw-2', 'admin-1', 'lead-1']) expect(fitting, no).not.toContain(no); // the leaver, another leaver, no team work
    expect(colleaguesFor('social-worker', staff, 'sw-1').map((s) => s.id)).not.toContain('iro-8');
    // A colleague whose team role does not fit is refused for that child; nothing moves.
    await stack.store.changeStaff(stack.councilId, 'sw-1', { name: 'Sue', email: `sue.smith@${stack.councilId}.test`, role: 'practitioner', teamRole: 'social-worker' }, {
      id: 'x1', at: new Date().toISOString(), councilId: stack.councilId, staffId: 'admin-1', role: 'admin', action: 'change-staff', staffMemberId: 'sw-1', route: 'test',
    });
    const misfit = await handOver(stack.store, admin(), 'iro-9', { to: 'sw-1', childIds: ['H-1'] }, TODAY, 'x');
    expect(misfit.moved).toEqual([]);
    expect(misfit.refused[0]!.reason).toMatch(/social-worker, not iro/);
    expect((await stack.store.getChild(stack.councilId, 'H-1'))?.team?.iro).toBe('iro-9');
    await expect(handOver(stack.store, admin(), 'iro-9', { to: 'sw-2', childIds: 'all' }, TODAY, 'x')).rejects.toThrow(/no practitioner or manager sw-2 working/);
    // One child, then all the rest.
    expect((await handOver(stack.store, admin(), 'iro-9', { to: 'iro-8', childIds: ['H-1'] }, TODAY, 'POST /admin/staff/{id}/handover')).moved).toEqual(['H-1']);
    expect((await stack.store.getChild(stack.councilId, 'H-1'))?.team?.iro).toBe('iro-8');
    expect((await stack.store.getChild(stack.councilId, 'H-2'))?.team?.iro).toBe('iro-9');
    expect((await handOver(stack.store, admin(), 'iro-9', { to: 'iro-8', childIds: 'all' }, TODAY, 'POST /admin/staff/{id}/handover')).moved).toEqual(['H-2']);
    expect((await childrenToHandOver(stack.store, admin(), 'iro-9')).children).toEqual([]);
    const trail = await stack.audit.forChild(stack.councilId, 'H-2');
    expect(trail.filter((e) => e.action === 'change-team').map((e) => [e.staffId, e.route])).toEqual([['admin-1', 'POST /admin/staff/{id}/handover']]);
  });

  it('is for admins only', async () => {
    await expect(childrenToHandOver(stack.store, { ...admin(), role: 'manager', staffId: 'tm-1' }, 'iro-9')).rejects.toThrow(/only an admin/);
  });
});
