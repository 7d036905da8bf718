/**
 * The fuzz tests' stack: one local stack per test file (its own council and
 * table), tokens for an admin, a lead and a practitioner, and a fresh table per
 * property (TABLE_NAME is switched; the handlers follow it) so that counting
 * it stays cheap. Runs: FUZZ_RUNS (1000); a failing seed can be replayed with
 * FUZZ_SEED.
 */
import { afterAll, beforeAll, expect } from 'vitest';
import type fc from 'fast-check';
import { startTestStack, testStaff, type TestStack } from '#tests/support/stack.js';
import { type Answer, closeProbes, probe, type ProbeOptions } from '#tests/support/probe.js';
import { ensureTable } from '#local/table.js';
import type { KeptStore } from '#store/ports/stores.js';
import { dynamoStores } from '#store/dynamo/stores.js';
import { forgetCouncils } from '#services/council.js';

export const TODAY = '2027-01-18';
export const RUNS = Number(process.env.FUZZ_RUNS ?? 1000);
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;
export const PROPERTY_TIMEOUT = 300_000;

export let stack: TestStack;
export let baseTable: string;
export let tokens: Record<'admin' | 'lead' | 'sw1', string>;
/** The table the handlers use right now (see `freshTable`). */
export let table: string;
let serial = 0;
export const uid = (prefix: string) => `${prefix}${(++serial).toString(36)}`;

export const options = (): fc.Parameters<any> => ({ numRuns: RUNS, ...(SEED !== undefined ? { seed: SEED } : {}) });

/** Starts the stack before the file's tests (`name` names its council) and stops it after them. */
export function useFuzzStack(name: string): void {
  beforeAll(async () => {
    process.env.KEPT_TODAY = TODAY;
    stack = await startTestStack(name);
    baseTable = stack.tableName;
    tokens = {
      admin: await stack.token('admin', 'admin-1'),
      lead: await stack.token('lead', 'lead-1'),
      sw1: await stack.token('practitioner', 'sw-1'),
    };
  });

  afterAll(async () => {
    process.env.TABLE_NAME = baseTable;
    closeProbes();
    await stack?.stop();
  });
}

/** Counts and watches `name` from now on (for a property that writes to a table of its own). */
export function useTable(name: string): void {
  table = name;
}

/**
 * Points the handlers at a new table holding the test council, its staff and
 * child F-1 (held by sw-1) with a placement, so that something is due.
 */
export async function freshTable(label: string): Promise<KeptStore> {
  table = `${baseTable}-${label}`;
  await ensureTable(table);
  process.env.TABLE_NAME = table;
  forgetCouncils();
  const s = dynamoStores(table).store;
  await s.putCouncil({ id: stack.councilId, name: 'Test Borough' });
  for (const staff of testStaff(stack.councilId)) await s.createStaff(staff);
  const created = await call('POST', '/children', { token: tokens.admin, json: { id: 'F-1', firstName: 'Jordan', lastName: 'Example', dateOfBirth: '2014-06-01', holderId: 'sw-1' } });
  expect(created.status).toBe(201);
  for (const fact of [
    { type: 'entered-care', date: '2026-12-01' },
    { type: 'placement-started', date: '2026-12-01', placementId: 'P1', longTerm: false, arrangement: 'foster' },
  ]) {
    expect((await call('POST', '/children/F-1/facts', { token: tokens.sw1, json: fact })).status).toBe(201);
  }
  return s;
}

export const call = (method: string, path: string, opts: ProbeOptions = {}) => probe(stack.baseUrl, method, path, opts);

/** Sends a JSON body; JSON.stringify turns NaN and Infinity into null, as any client would. */
export async function postJson(path: string, token: string, body: unknown): Promise<Answer> {
  return call('POST', path, { token, raw: JSON.stringify(body) ?? 'null', contentType: 'application/json' });
}
