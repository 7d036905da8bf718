/**
 * The team around the child through the real HTTP API and DynamoDB Local:
 * who answers for each item, what each team role sees and may record, and
 * changing the team.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, testStaff, type TestStack } from '#tests/support/stack.js';
import type { Staff } from '#domain/people.js';
import type { AuditEntry } from '#store/ports/audit.js';
import { importCsv } from '#services/importCsv.js';
import { teamGaps } from '#services/team.js';

let stack: TestStack;
const t: Record<string, string> = {};

const TODAY = '2027-01-18';
const members = (councilId: string): Staff[] => {
  const at = (id: string) => `${id}@${councilId}.test`;
  const person = (id: string, name: string, teamRole: Staff['teamRole'], managerId = 'tm-1'): Staff => ({
    councilId, id, name, email: at(id), role: 'practitioner', managerId, teamRole,
  });
  return [
    person('iro-1', 'Ira Reviewer', 'iro'),
    person('iro-2', 'Ivo Reviewer', 'iro', 'tm-2'),
    person('pa-1', 'Pat Adviser', 'personal-adviser'),
    person('vs-1', 'Val School', 'virtual-school'),
    person('nurse-1', 'Nia Nurse', 'health'),
  ];
};
const team = { socialWorker: 'sw-1', iro: 'iro-1', personalAdviser: 'pa-1', virtualSchool: 'vs-1', health: 'nurse-1' };
const child = (id: string, extra: object = {}) => ({ id, firstName: 'Tamsin', lastName: 'Orrell', dateOfBirth: '2014-06-01', holderId: 'sw-1', ...extra });
type Item = { childId: string; kind: string; responsibleId: string; unallocated?: string };
const due = async (token: string) => (await stack.call('GET', '/me/due', { token })).body.items as Item[];
const record = (id: string, token: string, fact: object) => stack.call('POST', `/children/${id}/facts`, { token, body: fact });

beforeAll(async () => {
  process.env.KEPT_TODAY = TODAY;
  stack = await startTestStack('team');
  await stack.store.putCouncil({ id: stack.councilId, name: 'Test Borough' });
  for (const s of [...testStaff(stack.councilId), ...members(stack.councilId)]) await stack.store.createStaff(s);
  for (const [name, role, id] of [
    ['admin', 'admin', 'admin-1'], ['lead', 'lead', 'lead-1'], ['tm1', 'manager', 'tm-1'], ['tm2', 'manager', 'tm-2'],
    ['sw1', 'practitioner', 'sw-1'], ['sw2', 'practitioner', 'sw-2'], ['iro1', 'practitioner', 'iro-1'], ['iro2', 'practitioner', 'iro-2'],
    ['pa1', 'practitioner', 'pa-1'], ['vs1', 'practitioner', 'vs-1'], ['nurse1', 'practitioner', 'nurse-1'],
  ] as const) t[name] = await stack.token(role, id);
  const made = await stack.call('POST', '/children', { token: t.admin, body: child('T-1', { team }) });
  expect(made.status).toBe(201);
  expect((await stack.call('POST', '/children', { token: t.admin, body: child('T-2') })).status).toBe(201);
  for (const id of ['T-1', 'T-2']) {
    expect((await record(id, t.sw1!, { type: 'entered-care', date: '2027-01-04' })).status).toBe(201);
    expect((await record(id, t.sw1!, { type: 'placement-started', date: '2027-01-04', placementId: 'P1', longTerm: false, arrangement: 'foster' })).status).toBe(201);
  }
});

afterAll(async () => {
  await stack.stop();
});

describe('staff team roles', () => {
  it('takes and returns a team role, for practitioners only', async () => {
    const listed = (await stack.call('GET', '/staff', { token: t.admin })).body.staff as Staff[];
    expect(listed.find((s) => s.id === 'iro-1')?.teamRole).toBe('iro');
    const body = { id: 'hv-1', name: 'Hal Visitor', email: 'hv-1@x.test', role: 'practitioner', teamRole: 'health' };
    expect((await stack.call('POST', '/staff', { token: t.admin, body })).body.staff.teamRole).toBe('health');
    const manager = await stack.call('POST', '/staff', { token: t.admin, body: { ...body, id: 'tm-9', email: 'tm-9@x.test', role: 'manager' } });
    expect(manager.status).toBe(400);
    expect(manager.body.problems[0].field).toBe('teamRole');
    expect(await stack.store.getStaff(stack.councilId, 'tm-9')).toBeNull();
    const wrong = await stack.call('POST', '/staff', { token: t.admin, body: { ...body, id: 'x-9', email: 'x-9@x.test', teamRole: 'wizard' } });
    expect(wrong.status).toBe(400);
    expect(wrong.body.problems[0].field).toBe('teamRole');
  });
});

describe('who answers for each item', () => {
  it('files each obligation under its responsible person, and GET /children/{id} returns the team', async () => {
    const r = await stack.call('GET', '/children/T-1', { token: t.sw1 });
    expect(r.body.child.team).toEqual(team);
    const by = Object.fromEntries((r.body.obligations as Item[]).map((o) => [o.kind, o.responsibleId]));
    expect(by).toMatchObject({
      'statutory-visit': 'sw-1', 'care-plan': 'sw-1', 'placement-plan': 'sw-1',
      'looked-after-review': 'iro-1', pep: 'vs-1', 'initial-health-assessment': 'nurse-1',
    });
  });

  it('falls to the social worker, saying so, when the role is not allocated', async () => {
    const r = await stack.call('GET', '/children/T-2', { token: t.sw1 });
    expect(r.body.child.team).toEqual({ socialWorker: 'sw-1' });
    const review = (r.body.obligations as Item[]).find((o) => o.kind === 'looked-after-review')!;
    expect(review).toMatchObject({ responsibleId: 'sw-1', unallocated: 'iro' });
  });

  it("lists in /me/due only what the caller answers for, across every child whose team they are in", async () => {
    expect((await due(t.iro1!)).map((i) => `${i.childId} ${i.kind}`)).toEqual(['T-1 looked-after-review']);
    expect((await due(t.vs1!)).map((i) => `${i.childId} ${i.kind}`)).toEqual(['T-1 pep']);
    expect((await due(t.nurse1!)).every((i) => i.childId === 'T-1' && /health|dental|sdq/.test(i.kind))).toBe(true);
    expect((await due(t.nurse1!)).length).toBeGreaterThan(0);
    expect(await due(t.pa1!)).toEqual([]); // nothing for an adviser at 12
    const sw = await due(t.sw1!);
    expect(sw.filter((i) => i.childId === 'T-1').map((i) => i.kind)).not.toContain('looked-after-review');
    expect(sw.filter((i) => i.childId === 'T-2').map((i) => i.kind)).toContain('looked-after-review');
  });

  it("gives a team member's calendar feed their own items", async () => {
    const link = await stack.call('POST', '/me/calendar', { token: t.iro1 });
    const feed = await stack.call('GET', new URL(link.body.url).pathname);
    expect(feed.text.match(/BEGIN:VEVENT/g)).toHaveLength(1);
    expect(feed.text.replace(/\r\n[ \t]/g, '')).toContain('Responsible: Ira Reviewer');
  });
});

describe('what each team role may see and record', () => {
  it('lets every member of the team read the record (audited), and nobody else', async () => {
    for (const who of ['iro1', 'pa1', 'vs1', 'nurse1', 'tm1', 'lead', 'admin']) {
      expect((await stack.call('GET', '/children/T-1', { token: t[who] })).status, who).toBe(200);
    }
    for (const who of ['iro2', 'sw2', 'tm2']) expect((await stack.call('GET', '/children/T-1', { token: t[who] })).status, who).toBe(403);
    expect((await stack.call('GET', '/children/T-2', { token: t.iro1 })).status).toBe(403);
    const entries = (await stack.call('GET', '/children/T-1/audit', { token: t.admin })).body.entries as AuditEntry[];
    expect(entries.filter((e) => e.action === 'read').map((e) => e.staffId)).toEqual(expect.arrayContaining(['iro-1', 'pa-1', 'vs-1', 'nurse-1']));
  });

  it('lists the child in GET /children for each team member', async () => {
    for (const who of ['iro1', 'pa1', 'vs1', 'nurse1']) {
      const ids = ((await stack.call('GET', '/children', { token: t[who] })).body.children as Array<{ id: string }>).map((c) => c.id);
      expect(ids, who).toEqual(['T-1']);
    }
  });

  it('lets each member record the kinds they answer for, and only those', async () => {
    const allowed: Array<[string, object]> = [
      ['iro1', { type: 'review', date: '2027-01-15', childParticipated: true }],
      ['vs1', { type: 'pep', date: '2027-01-15' }],
      ['nurse1', { type: 'health-assessment', date: '2027-01-15', kind: 'initial' }],
      ['nurse1', { type: 'sdq', date: '2027-01-15', score: 12 }],
      ['pa1', { type: 'personal-adviser-contact', date: '2027-01-15' }],
    ];
    for (const [who, fact] of allowed) expect((await record('T-1', t[who]!, fact)).status, `${who} ${JSON.stringify(fact)}`).toBe(201);
    const refused: Array<[string, object]> = [
      ['iro1', { type: 'visit', date: '2027-01-15', seenAlone: true }],
      ['nurse1', { type: 'pep', date: '2027-01-15' }],
      ['vs1', { type: 'placement-ended', date: '2027-01-15', placementId: 'P1' }],
      ['pa1', { type: 'review', date: '2027-01-15' }],
      ['iro2', { type: 'review', date: '2027-01-15' }],
      ['lead', { type: 'review', date: '2027-01-15' }],
      ['iro1', { type: 'review', date: '2027-01-15' }], // on T-2, where iro-1 is not in the team
    ];
    for (const [i, [who, fact]] of refused.entries()) {
      const id = i === refused.length - 1 ? 'T-2' : 'T-1';
      const r = await record(id, t[who]!, fact);
      expect(r.status, `${who} ${JSON.stringify(fact)}`).toBe(403);
    }
    const history = await stack.store.getChildHistory(stack.councilId, 'T-1');
    expect(history.facts.map((f) => f.recordedBy).slice(2)).toEqual(['iro-1', 'vs-1', 'nurse-1', 'nurse-1', 'pa-1']);
    expect((await due(t.iro1!)).find((i) => i.kind === 'looked-after-review')).toBeDefined(); // the next review
  });

  it('lets the social worker and their manager record any fact', async () => {
    expect((await record('T-1', t.sw1!, { type: 'review', date: '2027-01-16' })).status).toBe(201);
    expect((await record('T-1', t.tm1!, { type: 'pep', date: '2027-01-16' })).status).toBe(201);
    expect((await record('T-1', t.tm1!, { type: 'visit', date: '2027-01-16', seenAlone: false })).status).toBe(201);
    expect((await record('T-1', t.tm2!, { type: 'visit', date: '2027-01-16', seenAlone: false })).status).toBe(403);
  });
});

describe("a manager's view of gaps in teams", () => {
  it('lists the children whose work needs a role nobody holds', async () => {
    const principal = { subject: 'tm-1', councilId: stack.councilId, staffId: 'tm-1', role: 'manager' as const };
    expect(await teamGaps(stack.store, principal)).toEqual([{ childId: 'T-2', initials: 'T.O.', holderId: 'sw-1', missing: expect.arrayContaining(['iro', 'health']) }]);
    expect(await teamGaps(stack.store, { ...principal, staffId: 'tm-2', subject: 'tm-2' })).toEqual([]);
  });
});

describe('changing the team', () => {
  it('is for a manager of the social worker, or an admin', async () => {
    const body = { ...team, iro: 'iro-2' };
    for (const who of ['sw1', 'iro1', 'lead', 'tm2']) expect((await stack.call('PUT', '/children/T-1/team', { token: t[who], body })).status, who).toBe(403);
    expect((await stack.store.getChild(stack.councilId, 'T-1'))?.team?.iro).toBe('iro-1');
  });

  it('names the field and changes nothing when the team is wrong', async () => {
    const unknown = await stack.call('PUT', '/children/T-1/team', { token: t.tm1, body: { ...team, iro: 'nobody' } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.problems[0].field).toBe('iro');
    const misplaced = await stack.call('PUT', '/children/T-1/team', { token: t.tm1, body: { ...team, virtualSchool: 'nurse-1' } });
    expect(misplaced.status).toBe(400);
    expect(misplaced.body.problems[0].field).toBe('virtualSchool');
    const noWorker = await stack.call('PUT', '/children/T-1/team', { token: t.tm1, body: { iro: 'iro-1' } });
    expect(noWorker.status).toBe(400);
    expect(noWorker.body.problems[0].field).toBe('socialWorker');
    const otherTeam = await stack.call('PUT', '/children/T-1/team', { token: t.tm1, body: { ...team, socialWorker: 'sw-3' } });
    expect(otherTeam.status).toBe(400);
    expect(otherTeam.body.problems[0].field).toBe('socialWorker');
    expect((await stack.store.getChild(stack.councilId, 'T-1'))?.team).toEqual(team);
    expect((await stack.call('PUT', '/children/NOPE/team', { token: t.admin, body: team })).status).toBe(404);
  });

  it('moves the work to the new member that day, audited', async () => {
    const changed = await stack.call('PUT', '/children/T-1/team', { token: t.tm1, body: { ...team, iro: 'iro-2' } });
    expect(changed.status).toBe(200);
    expect(changed.body.child.team.iro).toBe('iro-2');
    expect((changed.body.obligations as Item[]).find((o) => o.kind === 'looked-after-review')?.responsibleId).toBe('iro-2');
    expect((await due(t.iro2!)).map((i) => `${i.childId} ${i.kind}`)).toEqual(['T-1 looked-after-review']);
    expect(await due(t.iro1!)).toEqual([]);
    expect((await stack.call('GET', '/children/T-1', { token: t.iro1 })).status).toBe(403);
    expect((await stack.call('GET', '/children/T-1', { token: t.iro2 })).status).toBe(200);
    expect(((await stack.call('GET', '/children', { token: t.iro1 })).body.children as unknown[]).length).toBe(0);
    const entries = (await stack.call('GET', '/children/T-1/audit', { token: t.admin })).body.entries as AuditEntry[];
    expect(entries.filter((e) => e.action === 'change-team').map((e) => [e.staffId, e.route])).toEqual([['tm-1', 'PUT /children/{id}/team']]);
  });

  it("lets an admin hand the case to another team's social worker, who then holds it", async () => {
    const r = await stack.call('PUT', '/children/T-2/team', { token: t.admin, body: { socialWorker: 'sw-3', iro: 'iro-2' } });
    expect(r.status).toBe(200);
    expect((await stack.store.getChild(stack.councilId, 'T-2'))?.holderId).toBe('sw-3');
    expect((await due(t.sw1!)).filter((i) => i.childId === 'T-2')).toEqual([]);
    const sw3 = await stack.token('practitioner', 'sw-3');
    expect((await due(sw3)).filter((i) => i.childId === 'T-2').length).toBeGreaterThan(0);
    expect((await due(t.iro2!)).map((i) => i.childId).sort()).toEqual(['T-1', 'T-2']);
    expect((await stack.call('GET', '/children/T-2', { token: t.sw1 })).status).toBe(403);
  });
});

describe('the CSV import', () => {
  const header = 'child_id,first_name,last_name,date_of_birth,holder_id,iro_id,personal_adviser_id,virtual_school_id,health_id,fact_type,date,placement_id,long_term';
  const run = (rows: string[]) => importCsv(stack.store, stack.councilId, [header, ...rows].join('\n'), { today: TODAY, importedBy: 'admin-1' });

  it('takes the team columns, and files the work under each member', async () => {
    const result = await run([
      'I-1,Ola,Pym,2012-02-02,sw-1,iro-1,,vs-1,nurse-1,entered-care,2027-01-04,,',
      'I-1,,,,,,,,,placement-started,2027-01-04,P1,no',
    ]);
    expect(result.problems).toEqual([]);
    expect((await stack.store.getChild(stack.councilId, 'I-1'))?.team).toEqual({ socialWorker: 'sw-1', iro: 'iro-1', virtualSchool: 'vs-1', health: 'nurse-1' });
    expect((await due(t.iro1!)).map((i) => i.childId)).toContain('I-1');
  });

  it('reports a wrong team member by line and column, and writes nothing', async () => {
    const result = await run([
      'I-2,Ola,Pym,2012-02-02,sw-1,nobody,,,,entered-care,2027-01-04,,',
      'I-3,Ola,Pym,2012-02-02,sw-1,,iro-1,,,,,,',
      'I-1,,,,,iro-2,,,,,,,',
    ]);
    expect(result.problems.map((p) => [p.line, p.field])).toEqual([[2, 'iro_id'], [3, 'personal_adviser_id'], [4, 'iro_id']]);
    expect(await stack.store.getChild(stack.councilId, 'I-2')).toBeNull();
    expect(await stack.store.getChild(stack.councilId, 'I-3')).toBeNull();
  });
});
