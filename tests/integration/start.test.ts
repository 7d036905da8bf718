/**
 * `npm start` as a new user runs it: the whole product comes up, seeds the
 * demo council, sends the first sweep, answers on its ports, stops every
 * process on Ctrl-C, and sends nothing twice when restarted the same day.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '#tests/support/ports.js';

const ROOT = resolve(import.meta.dirname, '../..');
const TSX = resolve(ROOT, 'node_modules/.bin/tsx');


function listening(port: number): Promise<boolean> {
  return new Promise((ok) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), ok(true)));
    socket.once('error', () => ok(false));
  });
}

interface Started {
  child: ChildProcess;
  output: () => string;
}

function start(env: NodeJS.ProcessEnv): Promise<Started> {
  const child = spawn(TSX, ['infra/local/start.ts'], { cwd: ROOT, env: { ...process.env, ...env, KEPT_LOG: 'silent' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  return new Promise((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`npm start did not come up:\n${out}`)), 240_000);
    child.stdout.on('data', () => {
      if (out.includes('Press Ctrl-C to stop.')) {
        clearTimeout(timer);
        ok({ child, output: () => out });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`npm start exited with ${code}:\n${out}`));
    });
  });
}

function stop(s: Started): Promise<number | null> {
  return new Promise((ok) => {
    if (s.child.exitCode !== null) return ok(s.child.exitCode);
    s.child.once('exit', (code) => ok(code));
    s.child.kill('SIGINT');
  });
}

const running: Started[] = [];
afterAll(async () => {
  for (const s of running) await stop(s);
});

describe('npm start', () => {
  it('runs the whole product locally and stops cleanly', async () => {
    const [port, sesPort, smsPort, dynamoPort] = [await freePort(), await freePort(), await freePort(), await freePort()];
    const env = { PORT: String(port), SES_PORT: String(sesPort), SMS_PORT: String(smsPort), DYNAMODB_PORT: String(dynamoPort), KEPT_DATA_DIR: mkdtempSync(join(tmpdir(), 'kept-start-')), KEPT_TODAY: '2027-01-18' };

    const first = await start(env);
    running.push(first);
    expect(first.output()).toMatch(/Seeded the demo council: 34 staff, 220 children/);
    expect(first.output()).toContain(`http://localhost:${port}`);
    expect(first.output()).toContain(`http://localhost:${sesPort}`);
    expect(first.output()).toContain(`http://localhost:${smsPort}`);
    const health = await (await fetch(`http://127.0.0.1:${port}/health`)).json();
    expect(health).toEqual({ status: 'ok', today: '2027-01-18' });

    const inbox = (await (await fetch(`http://127.0.0.1:${sesPort}/store`)).json()) as { emails: Array<{ destination: { to: string[] } }> };
    expect(inbox.emails.length).toBeGreaterThanOrEqual(15);
    const recipients = inbox.emails.map((e) => e.destination.to[0]);
    expect(new Set(recipients).size).toBe(recipients.length);
    // Each responsible person with work due gets their own digest: the IROs and the nurse too, and the advisers with work due.
    // (The virtual school officer's PEPs all fall due at the end of term, so the first morning has nothing for her.)
    const got = (person: string) => recipients.some((r) => r?.startsWith(`${person}@`));
    for (const person of ['margaret.oyelaran', 'dylan.pritchard', 'farah.siddiqui', 'grace.ilori']) expect(got(person), person).toBe(true);
    expect(got('helen.whitfield')).toBe(false);
    expect(['kwame.asante', 'niamh.gallagher', 'tariq.mahmood'].some(got)).toBe(true);
    // A third of the demo's young people are texted: each number once, each text one part with a link.
    const { messages } = (await (await fetch(`http://127.0.0.1:${smsPort}/store`)).json()) as { messages: Array<{ to: string; body: string }> };
    expect(messages.length).toBeGreaterThanOrEqual(15);
    expect(new Set(messages.map((m) => m.to)).size).toBe(messages.length);
    for (const m of messages) expect(m.body).toMatch(/^.{1,160}$/s);
    expect(messages.every((m) => m.body.includes(`http://localhost:${port}/s/`))).toBe(true);
    expect((await fetch(`http://127.0.0.1:${smsPort}/`)).headers.get('content-type')).toContain('text/html');

    const token = spawnSync(TSX, ['infra/local/token.ts', '--role', 'practitioner', '--staff', 'sw-01'], { cwd: ROOT, env: { ...process.env, ...env }, encoding: 'utf8' });
    expect(token.status).toBe(0);
    const due = await fetch(`http://127.0.0.1:${port}/me/due`, { headers: { authorization: `Bearer ${token.stdout.trim()}` } });
    expect(due.status).toBe(200);
    const items = ((await due.json()) as { items: Array<{ status: string }> }).items;
    expect(items.length).toBeGreaterThan(0);
    // An IRO sees only the reviews they chair.
    const iroToken = spawnSync(TSX, ['infra/local/token.ts', '--role', 'practitioner', '--staff', 'iro-1'], { cwd: ROOT, env: { ...process.env, ...env }, encoding: 'utf8' });
    const iroDue = await fetch(`http://127.0.0.1:${port}/me/due`, { headers: { authorization: `Bearer ${iroToken.stdout.trim()}` } });
    const reviews = ((await iroDue.json()) as { items: Array<{ kind: string }> }).items;
    expect(reviews.length).toBeGreaterThan(20);
    expect(new Set(reviews.map((r) => r.kind))).toEqual(new Set(['looked-after-review']));

    expect(await stop(first)).toBe(0);
    for (const p of [port, sesPort, smsPort, dynamoPort]) expect(await listening(p), `port ${p} still open`).toBe(false);

    // Same day again: nothing seeded, nothing sent twice.
    const second = await start(env);
    running.push(second);
    expect(second.output()).not.toContain('Seeded');
    expect(second.output()).toMatch(/First sweep\s+0 digest\(s\) sent, \d+ already sent today/);
    expect(await stop(second)).toBe(0);
  }, 540_000);
});
