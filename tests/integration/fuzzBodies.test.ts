/**
 * Property-based fuzzing of the JSON API's create routes (POST /children,
 * /children/{id}/facts, /staff, /campaigns) with near-valid bodies, against the
 * real local stack: a 201, or a 4xx naming the field, and nothing stored when
 * rejected. Stack, contract and generators: tests/support/fuzz*.ts.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { call, freshTable, options, postJson, PROPERTY_TIMEOUT, RUNS, stack, tokens, uid, useFuzzStack } from '#tests/support/fuzzStack.js';
import { checkJson, contractFor, fail, TableWatch } from '#tests/support/fuzzContract.js';
import { type FieldKind, IMPORT_ONLY_BODIES, validFact } from '#tests/support/fuzzArbitraries.js';
import { factSchema, IMPORT_ONLY_TYPES } from '#domain/facts.js';
import { mutate, nearValid, type Shape } from '#tests/support/fuzzNearValid.js';

useFuzzStack('fuzz-bodies');

describe('POST /children', () => {
  const shape: Shape = {
    fields: {
      id: { kind: 'identifier' },
      firstName: { kind: 'name' },
      lastName: { kind: 'name' },
      dateOfBirth: { kind: 'date' },
      holderId: { kind: 'identifier' },
      email: { kind: 'email', optional: true },
    },
  };
  const base = fc.record({
    firstName: fc.constantFrom('Jordan', 'Zoë', 'Ó Súilleabháin', '陈', 'A'),
    lastName: fc.constantFrom('Example', "O'Neill", 'Nguyễn', 'B'),
    dateOfBirth: fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2027-01-18T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
    holderId: fc.constantFrom('sw-1', 'sw-2', 'sw-3', 'tm-1'),
    email: fc.option(fc.constantFrom('young@example.test', 'Young.Person@Example.TEST'), { nil: undefined }),
  });

  it(`${RUNS} near-valid bodies: 201 or a 4xx naming the field, and nothing stored when rejected`, async () => {
    await freshTable('children');
    const watch = new TableWatch();
    await watch.start();
    const stats = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(nearValid(base, () => shape), async ({ base: b, mutation }) => {
        const valid = { id: uid('N-'), ...b };
        if (valid.email === undefined) delete valid.email;
        const body = mutate(valid, mutation);
        const r = await postJson('/children', tokens.admin, body);
        stats.set(r.status, (stats.get(r.status) ?? 0) + 1);
        checkJson(r, contractFor(mutation, shape, [201, 400, 409]));
        if (mutation.op === 'none' && r.status !== 201) fail('a valid child was refused', r);
        await watch.after(r);
      }),
      options(),
    );
    expect(stats.get(201)).toBeGreaterThan(0);
    expect(stats.get(400)).toBeGreaterThan(RUNS / 2);
  }, PROPERTY_TIMEOUT);
});

describe('POST /children/{id}/facts', () => {
  const KIND: Record<string, FieldKind> = {
    date: 'date', start: 'instant', returned: 'instant', placementId: 'identifier', longTerm: 'boolean', outOfArea: 'boolean', seenAlone: 'boolean',
    childParticipated: 'boolean', score: 'int', arrangement: 'text', kind: 'text', reason: 'text', type: 'text',
  };
  const OPTIONAL = new Set(['arrangement', 'outOfArea', 'childParticipated', 'returned']);
  const shapeOf = (fact: Record<string, unknown>): Shape => ({
    fields: Object.fromEntries(Object.keys(fact).map((k) => [k, { kind: KIND[k] ?? 'text', optional: OPTIONAL.has(k) }])),
  });

  it(`${RUNS} near-valid facts: 201 or a 400 naming the field, and nothing stored when rejected`, async () => {
    const s = await freshTable('facts');
    const factCount = async () => (await s.getChildHistory(stack.councilId, 'F-1')).facts.length;
    let facts = await factCount();
    const watch = new TableWatch();
    await watch.start();
    const stats = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(
        nearValid(validFact, shapeOf).filter(({ mutation }) =>
          // Changing `type` to another real type makes another valid-or-not fact: only garbage types here.
          !(mutation.op === 'set' && mutation.path[0] === 'type' && typeof mutation.value === 'string' && /^[a-z-]+$/.test(mutation.value)),
        ),
        async ({ base, mutation, body }) => {
          const r = await postJson('/children/F-1/facts', tokens.sw1, body);
          stats.set(r.status, (stats.get(r.status) ?? 0) + 1);
          const contract = contractFor(mutation, shapeOf(base), [201, 400]);
          // A wrong start of a missing episode is reported on `returned` ("must not be before start"): the error names it.
          checkJson(r, contract);
          if (mutation.op === 'none' && r.status !== 201) fail('a valid fact was refused', r);
          if (await watch.after(r, false)) facts = await factCount();
          else if (r.status === 201) {
            const now = await factCount();
            if (now !== facts + 1) fail(`201, yet the child has ${now} facts, not ${facts + 1}`, r);
            facts = now;
          }
        },
      ),
      options(),
    );
    expect(stats.get(201)).toBeGreaterThan(0);
    // What is due still reads back after all that.
    const due = await call('GET', '/children/F-1/obligations', { token: tokens.sw1 });
    expect(due.status).toBe(200);
  }, PROPERTY_TIMEOUT);

  it('every kind only the import writes, with a valid body: a 400 naming type, saying so, and nothing stored', async () => {
    expect(Object.keys(IMPORT_ONLY_BODIES).sort()).toEqual([...IMPORT_ONLY_TYPES].sort());
    await freshTable('import-only');
    const watch = new TableWatch();
    await watch.start();
    await fc.assert(
      fc.asyncProperty(fc.oneof(...Object.values(IMPORT_ONLY_BODIES)), async (body) => {
        expect(factSchema.safeParse(body).success).toBe(true);
        const r = await postJson('/children/F-1/facts', tokens.sw1, body);
        checkJson(r, { field: 'type', allowed: [400] });
        if (!/case system import/.test(String(r.body?.problems?.[0]?.message))) fail('the 400 does not say the import writes it', r);
        await watch.after(r, false);
      }),
      { ...options(), numRuns: 50 },
    );
  }, PROPERTY_TIMEOUT);
});

describe('POST /staff', () => {
  const shape: Shape = {
    fields: {
      id: { kind: 'identifier' },
      name: { kind: 'name' },
      email: { kind: 'email' },
      role: { kind: 'text' },
      managerId: { kind: 'identifier', optional: true },
      jobTitle: { kind: 'name', optional: true },
    },
  };
  const base = fc.record({
    name: fc.constantFrom('New Worker', 'Zoë Ó Súilleabháin', 'X'),
    role: fc.constantFrom('practitioner', 'manager', 'lead', 'admin'),
    managerId: fc.constantFrom('tm-1', 'tm-2', 'lead-1', 'admin-1'),
    jobTitle: fc.constantFrom('Social worker', 'Personal adviser', 'IRO'),
  });

  it(`${RUNS} near-valid bodies: 201 or a 4xx naming the field, and nothing stored when rejected`, async () => {
    await freshTable('staff');
    const watch = new TableWatch();
    await watch.start();
    const stats = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(nearValid(base, () => shape), async ({ base: b, mutation }) => {
        const id = uid('s-');
        const body = mutate({ id, ...b, email: `${id}@example.test` }, mutation);
        const r = await postJson('/staff', tokens.admin, body);
        stats.set(r.status, (stats.get(r.status) ?? 0) + 1);
        checkJson(r, contractFor(mutation, shape, [201, 400, 409]));
        if (mutation.op === 'none' && r.status !== 201) fail('a valid member of staff was refused', r);
        await watch.after(r);
      }),
      options(),
    );
    expect(stats.get(201)).toBeGreaterThan(0);
  }, PROPERTY_TIMEOUT);
});

describe('POST /campaigns', () => {
  const shape: Shape = {
    fields: {
      surveyId: { kind: 'text' },
      version: { kind: 'int', optional: true },
      name: { kind: 'name' },
      audience: { kind: 'text' },
      'audience.status': { kind: 'text' },
      'audience.ageFrom': { kind: 'int' },
      'audience.ageTo': { kind: 'int' },
      'audience.placementTypes': { kind: 'text', optional: true },
      'audience.placementTypes.0': { kind: 'text' },
      opens: { kind: 'date' },
      closes: { kind: 'date' },
      mode: { kind: 'text' },
      reminderDays: { kind: 'int', optional: true },
      'reminderDays.0': { kind: 'int' },
      'reminderDays.1': { kind: 'int' },
    },
    objects: [['audience']],
  };
  const base = fc.oneof(
    fc.constant({
      surveyId: 'care-leaver', version: 1, name: 'Care leavers 2027', audience: { status: 'care-leaver', ageFrom: 16, ageTo: 26, placementTypes: ['foster'] },
      opens: '2027-02-01', closes: '2027-03-01', mode: 'anonymous', reminderDays: [7, 14],
    }),
    fc.constant({
      surveyId: 'placement-11-17', version: 1, name: 'Placements', audience: { status: 'looked-after', ageFrom: 11, ageTo: 18, placementTypes: ['foster', 'residential'] },
      opens: '2027-01-18', closes: '2027-02-15', mode: 'confidential', reminderDays: [3, 10],
    }),
  );

  it(`${RUNS} near-valid bodies: 201 or a 400 naming the field, and nothing stored when rejected`, async () => {
    await freshTable('campaigns');
    const watch = new TableWatch();
    await watch.start();
    const stats = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(
        nearValid(base, () => shape).filter(({ mutation }) =>
          // Another real survey id is a different (valid or not) campaign, not a wrong field: only odd ids here.
          !(mutation.op === 'set' && mutation.path[0] === 'surveyId' && typeof mutation.value === 'string' && ['care-leaver', 'placement-11-17', 'placement-8-11', 'pledge'].includes(mutation.value)),
        ),
        async ({ mutation, body }) => {
          const r = await call('POST', '/campaigns', { token: tokens.lead, raw: JSON.stringify(body) ?? 'null', contentType: 'application/json' });
          stats.set(r.status, (stats.get(r.status) ?? 0) + 1);
          checkJson(r, contractFor(mutation, shape, [201, 400]));
          if (mutation.op === 'none' && r.status !== 201) fail('a valid campaign was refused', r);
          await watch.after(r);
        },
      ),
      options(),
    );
    expect(stats.get(201)).toBeGreaterThan(0);
  }, PROPERTY_TIMEOUT);
});
