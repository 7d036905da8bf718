/**
 * Property-based fuzzing of what else a request carries, against the real local
 * stack: garbage bodies on every JSON POST route, odd query values (GET
 * /me/due?until=, GET /reports/on-time) and odd path parameters. Never a 5xx, a
 * 4xx naming the field, and nothing written. Stack, contract and generators:
 * tests/support/fuzz*.ts.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { countItems } from '#tests/support/probe.js';
import { call, freshTable, options, PROPERTY_TIMEOUT, RUNS, stack, table, TODAY, tokens, useFuzzStack } from '#tests/support/fuzzStack.js';
import { checkJson, fail, TableWatch } from '#tests/support/fuzzContract.js';
import { anyYearDate, badDate, contentTypes, extremeDate, garbageBody, oddString, pct, realDate } from '#tests/support/fuzzArbitraries.js';
import { ROUTES } from '#infra/topology.js';

useFuzzStack('fuzz-requests');

describe('garbage bodies on every JSON POST route', () => {
  const routes = [
    { path: '/children', token: () => tokens.admin },
    { path: '/children/F-1/facts', token: () => tokens.sw1 },
    { path: '/staff', token: () => tokens.admin },
    { path: '/campaigns', token: () => tokens.lead },
  ];

  it(`${RUNS} bodies that are not JSON, empty, huge or the wrong shape: a 400 and nothing stored`, async () => {
    await freshTable('garbage');
    const watch = new TableWatch();
    await watch.start();
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...routes), garbageBody, contentTypes, async (route, raw, contentType) => {
        const r = await call('POST', route.path, { token: route.token(), raw, contentType });
        checkJson(r, { allowed: [400] });
        await watch.after(r);
      }),
      options(),
    );
  }, PROPERTY_TIMEOUT);
});

describe('GET /me/due?until=', () => {
  const until = fc.oneof(realDate, extremeDate, badDate, anyYearDate, oddString.filter((s) => Buffer.byteLength(s) < 4000));

  it(`${RUNS} odd until values: 200 with only what is due by then, or a 400 naming until; nothing written`, async () => {
    await freshTable('due');
    const all = await call('GET', '/me/due', { token: tokens.sw1 });
    expect(all.status).toBe(200);
    expect(all.body.items.length).toBeGreaterThan(0);
    const before = await countItems(table);
    await fc.assert(
      fc.asyncProperty(
        fc.array(until, { minLength: 1, maxLength: 2 }),
        fc.option(fc.tuple(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 })), { nil: undefined }),
        async (values, extra) => {
          const query = values.map((v) => `until=${pct(v)}`);
          if (extra && extra[0] !== 'until') query.push(`${pct(extra[0])}=${pct(extra[1])}`);
          const r = await call('GET', `/me/due?${query.join('&')}`, { token: tokens.sw1 });
          checkJson(r, { allowed: [200, 400], field: 'until' });
          if (r.status === 200) {
            const given = values.join(','); // repeated parameters arrive joined
            if (!/^\d{4}-\d{2}-\d{2}$/.test(given)) fail(`${given} was taken as a date`, r);
            const expected = all.body.items.filter((i: { dueDate: string }) => i.dueDate <= given);
            if (JSON.stringify(r.body.items) !== JSON.stringify(expected)) fail(`not the items due by ${given}`, r);
          }
        },
      ),
      options(),
    );
    expect(await countItems(table)).toBe(before);
  }, PROPERTY_TIMEOUT);
});

describe('GET /reports/on-time?format=json', () => {
  const value = fc.oneof(realDate, extremeDate, badDate, anyYearDate, oddString.filter((s) => Buffer.byteLength(s) < 2000));
  const params = fc
    .record(
      {
        from: fc.option(value, { nil: undefined }),
        to: fc.option(value, { nil: undefined }),
        team: fc.option(fc.oneof(fc.constantFrom('tm-1', 'tm-2', 'all', '', 'sw-1', 'ghost'), oddString.filter((s) => Buffer.byteLength(s) < 500)), { nil: undefined }),
      },
      { requiredKeys: [] },
    );

  it(`${RUNS} odd periods and teams: 200 with the figures, or a 400 naming from, to or team; nothing written`, async () => {
    const s = await freshTable('ontime');
    for (const [id, holder] of [['O-1', 'sw-1'], ['O-2', 'sw-3']] as const) {
      await s.createChild(stack.councilId, { id, firstName: 'Ola', lastName: 'Test', dateOfBirth: '2012-03-04', holderId: holder }, `${TODAY}T08:00:00Z`);
      for (const fact of [
        { type: 'entered-care', date: '2026-05-01' },
        { type: 'placement-started', date: '2026-05-01', placementId: 'P1', longTerm: false },
        { type: 'visit', date: '2026-05-06', seenAlone: true },
      ]) {
        expect((await call('POST', `/children/${id}/facts`, { token: tokens.admin, json: fact })).status).toBe(201);
      }
    }
    const before = await countItems(table);
    await fc.assert(
      fc.asyncProperty(params, async ({ from, to, team }) => {
        const query = ['format=json'];
        if (from !== undefined) query.push(`from=${pct(from)}`);
        if (to !== undefined) query.push(`to=${pct(to)}`);
        if (team !== undefined) query.push(`team=${pct(team)}`);
        const r = await call('GET', `/reports/on-time?${query.join('&')}`, { token: tokens.lead });
        const sent = [from !== undefined && 'from', to !== undefined && 'to', team !== undefined && team !== '' && 'team'].filter(Boolean) as string[];
        checkJson(r, { allowed: [200, 400], anyOf: sent.length ? sent : ['(none)'] });
        if (r.status === 200) {
          if (!Array.isArray(r.body.figures) || r.body.figures.length === 0) fail('no figures', r);
          if (from !== undefined && r.body.from !== from) fail('from not echoed', r);
          if (to !== undefined && r.body.to !== to) fail('to not echoed', r);
        }
      }),
      options(),
    );
    expect(await countItems(table)).toBe(before);
  }, PROPERTY_TIMEOUT);
});

describe('path parameters with odd characters', () => {
  const oddId = fc.oneof(
    { weight: 4, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 80 }) },
    { weight: 2, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }) },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        'F-1', 'f-1', 'F-1 ', ' F-1', 'F-1\u0000', 'F%2D1', 'F-1#x', 'F-1?x', 'F-1/facts', 'a/b', '..', '.', '...', '%', '%25', '+', ' ', '\u0000',
        '😀', 'ﬁ', 'K\u0301', 'CHILD#x', 'F-1#FACT#', 'x'.repeat(64), 'x'.repeat(65), 'x'.repeat(2000), '<script>', "';--", '${x}', 'constructor', '__proto__',
      ),
    },
  );
  const targets = [
    { method: 'GET', path: (id: string) => `/children/${id}`, route: 'GET /children/{id}', token: () => tokens.admin, allowed: [200, 400, 404] },
    { method: 'GET', path: (id: string) => `/children/${id}/obligations`, route: 'GET /children/{id}/obligations', token: () => tokens.sw1, allowed: [200, 400, 404] },
    { method: 'GET', path: (id: string) => `/children/${id}/audit`, route: 'GET /children/{id}/audit', token: () => tokens.admin, allowed: [200, 400, 404] },
    { method: 'POST', path: (id: string) => `/children/${id}/facts`, route: 'POST /children/{id}/facts', token: () => tokens.admin, allowed: [201, 400, 404] },
    { method: 'GET', path: (id: string) => `/calendar/${id}`, route: 'GET /calendar/{token}', token: () => undefined, allowed: [400, 404] },
    { method: 'GET', path: (id: string) => `/reports/surveys/${id}?format=json`, route: 'GET /reports/surveys/{campaign}', token: () => tokens.lead, allowed: [404] },
  ].filter((t) => ROUTES.some((r) => `${r.method} ${r.path}` === t.route));

  it(`${RUNS} odd ids on every JSON route with a path parameter: never a 5xx, nothing stored when refused`, async () => {
    await freshTable('paths');
    const watch = new TableWatch();
    await watch.start();
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...targets), oddId, async (target, id) => {
        const encoded = pct(id);
        const r = await call(target.method, target.path(encoded), {
          ...(target.token() ? { token: target.token()! } : {}),
          ...(target.method === 'POST' ? { json: { type: 'visit', date: '2027-01-18', seenAlone: true } } : {}),
        });
        // A segment that is only dots is resolved away by URL parsing: the path may then name no route (404),
        // another route's path for another method (405), or a page (`/calendar/..` is `/`, My work, which
        // sends a browser with no session to sign in).
        const dotSegment = id === '.' || id === '..';
        if (dotSegment && r.status === 303) expect(r.location).toMatch(/^\/sign-in\b/);
        else checkJson(r, { allowed: [...target.allowed, 404, 405], ...(r.status === 400 && !dotSegment ? { field: 'path' } : {}) });
        await watch.after(r);
      }),
      options(),
    );
  }, PROPERTY_TIMEOUT);
});
