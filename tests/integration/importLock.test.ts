/**
 * One extract import at a time (issue 12), against DynamoDB Local: the
 * nightly import (the handler, reading the S3 stand-in) and `npm run import`
 * take the council's import lock. A second import while one runs, or while
 * another holds an unexpired lock, imports nothing and says who holds it; a
 * lock left behind by a run that died is taken over once its lease has run
 * out; and the lock is given back however an import ends.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Context, S3ObjectCreatedNotificationEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCouncilStack, type TestStack } from '#tests/support/stack.js';
import { startS3StandIn, type S3StandIn } from '#tests/support/s3.js';
import { scanKeys } from '#tests/support/probe.js';
import { IMPORT_LEASE_MS } from '#services/importLock.js';

const ROOT = resolve(import.meta.dirname, '../..');
const BUCKET = 'kept-extracts-lock';
const fixtures = join(import.meta.dirname, '../fixtures/ssd');
let stack: TestStack;
let s3: S3StandIn;
let handler: (event: S3ObjectCreatedNotificationEvent, context: Context) => Promise<{ imported: string | null }>;
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
const tableKeys = async () => (await scanKeys(stack.tableName)).map((k) => `${k.pk}|${k.sk}`).sort();
const facts = async () => (await tableKeys()).filter((k) => k.includes('|FACT#')).length;
const lockKey = () => `IMPORTLOCK#${stack.councilId}|LOCK`;

const importCommand = (dir: string) =>
  new Promise<{ code: number | null; stdout: string; stderr: string }>((done) => {
    const env = { ...process.env, KEPT_LOG: 'silent', TABLE_NAME: stack.tableName, COUNCIL_ID: stack.councilId, KEPT_TODAY: '2026-12-01' };
    const child = spawn(resolve(ROOT, 'node_modules/.bin/tsx'), ['infra/local/import.ts', '--ssd', dir], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('close', (code) => done({ code, stdout, stderr }));
  });

beforeAll(async () => {
  s3 = await startS3StandIn();
  process.env.AWS_ENDPOINT_URL_S3 = s3.endpoint;
  process.env.KEPT_TODAY = '2026-12-01';
  stack = await startCouncilStack('import-lock');
  for (const id of ['sw-01', 'sw-02']) {
    await stack.store.createStaff({ councilId: stack.councilId, id, name: `Worker ${id}`, email: `${id}@${stack.councilId}.test`, role: 'practitioner', managerId: 'tm-1' });
  }
  ({ handler } = await import('#functions/events/extractArrived.js'));
});

afterAll(async () => {
  await stack?.stop();
  await s3?.stop();
  delete process.env.AWS_ENDPOINT_URL_S3;
});

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
