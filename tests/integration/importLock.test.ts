/**
 * One extract import at a time (issue 12), against DynamoDB Local: the
 * nightly import (the handler, reading the S3 stand-in) and `npm run import`
 * take the council's import lock. A second import while one runs, or while
 * another holds an unexpired lock, imports nothing and says who holds it; a
 * lock left behind by a run that died is taken over once its lease has run
 * out; and the lock is given back however an import ends.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Context, S3ObjectCreatedNotificationEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import type { TestStack } from '#tests/support/stack.js';
import type { S3StandIn } from '#tests/support/s3.js';
import { runScript } from '#tests/support/command.js';
import { type ExtractHandler, SSD_FIXTURES, useNightlyRig, tableKeys as keysOf } from '#tests/support/extracts.js';
import { IMPORT_LEASE_MS } from '#services/importLock.js';

const BUCKET = 'kept-extracts-lock';
const fixtures = SSD_FIXTURES;
let stack: TestStack;
let s3: S3StandIn;
let handler: ExtractHandler;
let requests = 0;

const upload = (folder: string) => {
  for (const name of readdirSync(fixtures)) s3.objects.set(`${BUCKET}/${folder}/${name}`, readFileSync(join(fixtures, name), 'utf8'));
  s3.objects.set(`${BUCKET}/${folder}/_complete`, '');
};
/** The marker's event, as one invocation of its own (each has its own request id). */
const arrived = (folder: string) => {
  const event = { detail: { bucket: { name: BUCKET }, object: { key: `${folder}/_complete` } } } as unknown as S3ObjectCreatedNotificationEvent;
  return handler(event, { functionName: 'extractArrived', awsRequestId: `request-${++requests}`, getRemainingTimeInMillis: () => 900_000 } as unknown as Context);
};
const report = (folder: string) => s3.objects.get(`${BUCKET}/${folder}/_report.json`);
const tableKeys = () => keysOf(stack);
const facts = async () => (await tableKeys()).filter((k) => k.includes('|FACT#')).length;
const lockKey = () => `IMPORTLOCK#${stack.councilId}|LOCK`;

const importCommand = (dir: string) =>
  runScript('infra/local/import.ts', ['--ssd', dir], { TABLE_NAME: stack.tableName, COUNCIL_ID: stack.councilId, KEPT_TODAY: '2026-12-01' });

useNightlyRig('import-lock', (rig) => ({ stack, s3, handler } = rig));

describe('the import lock', () => {
  it('refuses a nightly import while another run holds the lock, writing nothing, not even a report', async () => {
    upload('ssd/2026-12-01-held');
    expect(await stack.importLock.claim(stack.councilId, 'the other run', { nowMs: Date.now(), leaseMs: IMPORT_LEASE_MS })).toMatchObject({ claimed: true });
    const before = await tableKeys();
    await expect(arrived('ssd/2026-12-01-held')).rejects.toMatchObject({ name: 'ImportInProgress', holder: 'the other run', message: expect.stringMatching(/another import is running \(the other run, since .*\), so this one imported nothing/) });
    expect(await tableKeys()).toEqual(before);
    expect(report('ssd/2026-12-01-held')).toBeUndefined();
    // The refused run leaves the other's lock alone.
    expect(await stack.importLock.claim(stack.councilId, 'a third run', { nowMs: Date.now(), leaseMs: IMPORT_LEASE_MS })).toMatchObject({ claimed: false, holder: 'the other run' });
    await stack.importLock.release(stack.councilId, 'the other run');
  });

  it('refuses `npm run import` too while the lock is held, and imports nothing', async () => {
    await stack.importLock.claim(stack.councilId, 'the nightly import', { nowMs: Date.now(), leaseMs: IMPORT_LEASE_MS });
    const before = await tableKeys();
    const run = await importCommand(fixtures);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/was not imported: another import is running \(the nightly import, since/);
    expect(await tableKeys()).toEqual(before);
    await stack.importLock.release(stack.councilId, 'the nightly import');
  }, 60_000);

  it('lets one of two imports started together run, and refuses the other, so the facts are added once', async () => {
    upload('ssd/2026-12-02-a');
    upload('ssd/2026-12-02-b');
    const before = await facts();
    const [a, b] = await Promise.allSettled([arrived('ssd/2026-12-02-a'), arrived('ssd/2026-12-02-b')]);
    const outcomes = [a, b].map((o) => o.status);
    expect(outcomes.sort()).toEqual(['fulfilled', 'rejected']);
    const refused = [a, b].find((o) => o.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ name: 'ImportInProgress', holder: expect.stringMatching(/^nightly import of ssd\/2026-12-02-[ab] \(request request-\d+\)$/) });
    const imported = a.status === 'fulfilled' ? 'ssd/2026-12-02-a' : 'ssd/2026-12-02-b';
    const written = JSON.parse(report(imported)!) as { ok: boolean; facts: { created: number } };
    expect(written.ok).toBe(true);
    expect(await facts()).toBe(before + written.facts.created);
    expect(report(imported === 'ssd/2026-12-02-a' ? 'ssd/2026-12-02-b' : 'ssd/2026-12-02-a')).toBeUndefined();
    // Given back when it finished: the refused extract imports on its retry, and adds nothing new.
    expect(await tableKeys()).not.toContain(lockKey());
    const retried = imported === 'ssd/2026-12-02-a' ? 'ssd/2026-12-02-b' : 'ssd/2026-12-02-a';
    expect(await arrived(retried)).toEqual({ imported: retried });
    expect(await facts()).toBe(before + written.facts.created);
  });

  it('takes over a lock whose lease ran out (a run that died holding it), and gives it back', async () => {
    upload('ssd/2026-12-03');
    const died = Date.now() - IMPORT_LEASE_MS - 60_000;
    expect(await stack.importLock.claim(stack.councilId, 'a run that died', { nowMs: died, leaseMs: IMPORT_LEASE_MS })).toMatchObject({ claimed: true });
    expect(await arrived('ssd/2026-12-03')).toEqual({ imported: 'ssd/2026-12-03' });
    expect(await tableKeys()).not.toContain(lockKey());
  });

  it('gives the lock back after an import that was refused for its content', async () => {
    s3.objects.set(`${BUCKET}/ssd/2026-12-04/_complete`, 'ssd_person.csv\n');
    await expect(arrived('ssd/2026-12-04')).rejects.toThrow(/was not imported and nothing was written/);
    expect(await tableKeys()).not.toContain(lockKey());
  });
});
