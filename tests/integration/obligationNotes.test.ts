/**
 * A note on an obligation (here: a fewer-visits agreement recorded for a
 * residential placement, which CPPCR reg 28(3A) does not allow) reaches the
 * worker through the API and the child's page, and goes once the record is
 * put right.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCouncilStack, type TestStack } from '#tests/support/stack.js';

let stack: TestStack;
let admin: string;
let sw1: string;

beforeAll(async () => {
  process.env.KEPT_TODAY = '2026-07-02';
  stack = await startCouncilStack('notes');
  admin = await stack.token('admin', 'admin-1');
  sw1 = await stack.token('practitioner', 'sw-1');
  const created = await stack.call('POST', '/children', {
    token: admin,
    body: { id: 'N-1', firstName: 'Robin', lastName: 'Example', dateOfBirth: '2012-03-01', holderId: 'sw-1' },
  });
  expect(created.status).toBe(201);
  for (const fact of [
    { type: 'entered-care', date: '2025-06-02' },
    { type: 'placement-started', date: '2025-06-02', placementId: 'P1', longTerm: true, arrangement: 'residential' },
    { type: 'fewer-visits-agreed', date: '2026-06-15', placementId: 'P1' },
    { type: 'visit', date: '2026-07-01', seenAlone: true },
  ]) {
    expect((await stack.call('POST', '/children/N-1/facts', { token: sw1, body: fact })).status).toBe(201);
  }
});

afterAll(async () => {
  await stack.stop();
});

describe('a note on an obligation', () => {
  it('comes with the statutory visit in the API', async () => {
    const r = await stack.call('GET', '/children/N-1/obligations', { token: sw1 });
    expect(r.status).toBe(200);
    const visit = (r.body.obligations as Array<Record<string, string>>).find((o) => o.kind === 'statutory-visit');
    // 1 July 2026 + 3 months (reg 28(2)(c)), not 6 months: the agreement is not used.
    expect(visit).toMatchObject({ dueDate: '2026-10-01' });
    expect(visit?.note).toMatch(/fewer-visits agreement .*not used.*long-term foster placement.*residential/);
    const others = (r.body.obligations as Array<Record<string, string>>).filter((o) => o.kind !== 'statutory-visit');
    for (const o of others) expect(o.note).toBeUndefined();
  });

  it("shows on the child's page", async () => {
    const page = await fetch(`${stack.baseUrl}/case/N-1`, { headers: { cookie: `kept_session=${sw1}` }, redirect: 'manual' });
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/Note: A fewer-visits agreement is recorded but not used/);
  });

  it('is not carried to the next placement, which the agreement was not for', async () => {
    const moved = { type: 'placement-started', date: '2026-07-02', placementId: 'P2', longTerm: true, arrangement: 'foster' };
    expect((await stack.call('POST', '/children/N-1/facts', { token: sw1, body: moved })).status).toBe(201);
    const r = await stack.call('GET', '/children/N-1', { token: sw1 });
    const visit = (r.body.obligations as Array<Record<string, string>>).find((o) => o.kind === 'statutory-visit');
    expect(visit).toMatchObject({ dueDate: '2026-07-09' }); // a new placement: within a week of it
    expect(visit?.note).toBeUndefined();
  });
});
