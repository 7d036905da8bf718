/**
 * IRO alerts and complaints through the API, on DynamoDB Local: who the item
 * reaches (up the manager chain, or the named officer), escalation, closing,
 * and bad input refused with nothing stored. Monday 1 March 2027.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startCouncilStack, type TestStack } from '#tests/support/stack.js';

let stack: TestStack;
let iro = '';
let sw1 = '';
let sw2 = '';
let tm1 = '';

type Item = { kind: string; dueDate: string; responsibleId: string };
const item = (body: { obligations: Item[] }, kind: string) => body.obligations.find((o) => o.kind === kind);

beforeAll(async () => {
  process.env.KEPT_TODAY = '2027-03-01';
  stack = await startCouncilStack('event-duties');
  const admin = await stack.token('admin', 'admin-1');
  for (const body of [
    { id: 'iro-9', name: 'Ira Reviewing', email: 'iro-9@example.org', role: 'practitioner', managerId: 'lead-1', teamRole: 'iro' },
    { id: 'cm-1', name: 'Cam Complaints', email: 'cm-1@example.org', role: 'manager', managerId: 'lead-1' },
  ]) expect((await stack.call('POST', '/staff', { token: admin, body })).status).toBe(201);
  const child = { id: 'C-1', firstName: 'Jordan', lastName: 'Example', dateOfBirth: '2014-06-01', holderId: 'sw-1', team: { socialWorker: 'sw-1', iro: 'iro-9' } };
  expect((await stack.call('POST', '/children', { token: admin, body: child })).status).toBe(201);
  iro = await stack.token('practitioner', 'iro-9');
  sw1 = await stack.token('practitioner', 'sw-1');
  sw2 = await stack.token('practitioner', 'sw-2');
  tm1 = await stack.token('manager', 'tm-1');
});

afterAll(async () => {
  await stack.stop();
});

it('an IRO alert reaches the social worker\'s manager, escalated their manager, and stops when resolved', async () => {
  const raised = await stack.call('POST', '/children/C-1/facts', { token: iro, body: { type: 'iro-alert', date: '2027-03-01', alertId: 'A-1', stage: 1, reason: 'visits-overdue' } });
  expect(raised.status).toBe(201);
  expect(item(raised.body, 'iro-alert-response')).toMatchObject({ dueDate: '2027-03-08', responsibleId: 'tm-1' });
  const mine = await stack.call('GET', '/me/due', { token: tm1 });
  expect((mine.body.items as Array<Item & { childId: string }>).filter((o) => o.kind === 'iro-alert-response')).toMatchObject([{ childId: 'C-1', dueDate: '2027-03-08' }]);

  const escalated = await stack.call('POST', '/children/C-1/facts', { token: iro, body: { type: 'iro-alert-response', date: '2027-03-01', alertId: 'A-1', outcome: 'escalated' } });
  expect(escalated.status).toBe(201);
  expect(item(escalated.body, 'iro-alert-response')).toMatchObject({ dueDate: '2027-03-08', responsibleId: 'lead-1' });

  const resolved = await stack.call('POST', '/children/C-1/facts', { token: iro, body: { type: 'iro-alert-response', date: '2027-03-01', alertId: 'A-1', outcome: 'resolved' } });
  expect(resolved.status).toBe(201);
  expect(item(resolved.body, 'iro-alert-response')).toBeUndefined();
});

it('refuses free text as the reason, and an IRO alert from someone outside the team', async () => {
  const count = async () => ((await stack.call('GET', '/children/C-1', { token: sw1 })).body.facts as unknown[]).length;
  const n = await count();
  const bad = await stack.call('POST', '/children/C-1/facts', { token: iro, body: { type: 'iro-alert', date: '2027-03-01', alertId: 'A-2', stage: 1, reason: 'J. was upset' } });
  expect(bad.status).toBe(400);
  expect(JSON.stringify(bad.body.problems)).toMatch(/reason/);
  const outsider = await stack.call('POST', '/children/C-1/facts', { token: sw2, body: { type: 'iro-alert', date: '2027-03-01', alertId: 'A-2', stage: 1, reason: 'other' } });
  expect(outsider.status).toBe(403);
  expect(await count()).toBe(n);
});

it('a stage 1 complaint is the named officer\'s, due on the 10th working day; an unknown officer is a 400', async () => {
  const unknown = await stack.call('POST', '/children/C-1/facts', { token: sw1, body: { type: 'complaint', date: '2027-03-01', complaintId: 'CMP-1', stage: 'stage-1', officerId: 'nobody' } });
  expect(unknown.status).toBe(400);
  expect(unknown.body.problems).toEqual([{ field: 'officerId', message: expect.stringMatching(/no member of staff nobody/) as string }]);
  const ok = await stack.call('POST', '/children/C-1/facts', { token: sw1, body: { type: 'complaint', date: '2027-03-01', complaintId: 'CMP-1', stage: 'stage-1', officerId: 'cm-1' } });
  expect(ok.status).toBe(201);
  expect(item(ok.body, 'complaint-response')).toMatchObject({ dueDate: '2027-03-15', responsibleId: 'cm-1' });
  const answered = await stack.call('POST', '/children/C-1/facts', { token: sw1, body: { type: 'complaint-response', date: '2027-03-01', complaintId: 'CMP-1', stage: 'stage-1' } });
  expect(item(answered.body, 'complaint-response')).toBeUndefined();
});
