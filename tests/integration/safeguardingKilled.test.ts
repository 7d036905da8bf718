/**
 * A call for help or a worrying answer's alert whose process is killed
 * (SIGKILL) between claiming one recipient's email and sending it, or
 * between sending it and marking it sent, then tried again (as the young
 * person's next save or the help page's retry would) within the lease and
 * after it: the SES emulator behind the relay that publishes SES's send
 * events, DynamoDB Local. Each recipient's email has its own claim, named in
 * the email, so an email the dead run sent is marked sent by its send event
 * and not sent again, and one it only claimed is sent once the lease has
 * passed: every recipient hears exactly once, nobody is missed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCouncilStack, type TestStack } from '#tests/support/stack.js';
import { sesSender } from '#email/sender.js';
import { type KilledCase, receivedBy, staffAddress, tokenOf, withConfidentialLinks } from '#tests/support/safeguardingCases.js';
import { tellKilledAt } from '#tests/support/killedRun.js';
import { safeguardingCall } from '#tests/support/safeguardingCall.js';
import { sesSendEvent } from '#local/sesEvents.js';
import { confirmEmailSent } from '#services/sendConfirmations.js';
import { claimRefOf } from '#services/claimRef.js';
import { claimTags } from '#email/messageTags.js';
import type { SendKey } from '#store/ports/sendClaims.js';

const TODAY = '2027-01-18';
const LEASE_MS = 60_000;
let stack: TestStack;
const at = (who: string) => staffAddress(stack, who);

const CASES: readonly KilledCase[] = [
  ['help', 'after-claim', 1, 'sw-9'],
  ['help', 'after-claim', 2, 'sw-1'],
  ['help', 'after-send', 1, 'sw-9'],
  ['help', 'after-send', 2, 'sw-1'],
  ['worrying', 'after-claim', 1, 'sw-1'],
  ['worrying', 'after-claim', 2, 'sw-9'],
  ['worrying', 'after-send', 1, 'sw-9'],
  ['worrying', 'after-send', 2, 'sw-1'],
];
const childOf = (i: number) => `KT-${String(i).padStart(2, '0')}`;

beforeAll(async () => {
  process.env.KEPT_TODAY = TODAY;
  stack = await startCouncilStack('killed-tell');
  await withConfidentialLinks(stack, TODAY, CASES.map((c, i) => [childOf(i), c[3]] as const));
});

afterAll(() => stack?.stop());

describe('a safeguarding email whose process is killed (SIGKILL) mid-message, then tried again once the send events are delivered', () => {
  it.each(CASES.map((c, i) => [...c, i] as const))('%s, killed %s of email %i (%s): every recipient exactly once, none missed', async (what, point, n, holder, i) => {
    const childId = childOf(i);
    const token = await tokenOf(stack, childId);
    const requestId = `KilledRequest${String(i).padStart(3, '0')}`;
    const recipients = holder === 'sw-1' ? ['sw-1', 'tm-1'] : ['sw-9', 'safeguarding'];
    const received = () => receivedBy(stack, childId, recipients);
    const attempt = (nowMs: number) => safeguardingCall({ store: stack.store, surveys: stack.surveys, claims: stack.claims, send: sesSender({ ratePerSecond: 0 }), nowMs }, token, what, requestId);
    const done = what === 'help' ? 'sent' : { alerted: true };
    const waiting = what === 'help' ? 'on-its-way' : { alerted: false };

    const t0 = Date.parse(`${TODAY}T10:00:00Z`);
    const killed = await tellKilledAt({ token, what, requestId, nowMs: t0 }, point, n);
    expect(killed.signal, killed.stderr).toBe('SIGKILL');
    // Every recipient's email is claimed before any is sent: killed after a claim, nothing has gone.
    const gone = point === 'after-claim' ? 0 : n;
    expect(await received()).toEqual(recipients.map((_, r) => (r < gone ? 1 : 0)));
    // SES's send events, as the configuration set publishes them within seconds of accepting each email.
    await stack.events();

    const early = await attempt(t0 + LEASE_MS / 2);
    if (point === 'after-claim') {
      // The emails the dead run claimed are held within the lease: not sent, and a worrying answer's alert is not yet marked done.
      // (Killed at the first claim, the second was never claimed: this try sends it, and the young person is told it went.)
      expect(early).toEqual(n === 1 && what === 'help' ? 'sent' : waiting);
      expect(await received()).toEqual(recipients.map((_, r) => (r < n ? 0 : 1)));
    } else {
      // The email the dead run sent was marked sent by its send event: not sent again; one it had claimed and not sent is held.
      expect(early).toEqual(n === 2 ? done : waiting);
      expect(await received()).toEqual(recipients.map((_, r) => (r < n ? 1 : 0)));
    }
    await stack.events();

    expect(await attempt(t0 + LEASE_MS + 1_000)).toEqual(done);
    await stack.events();
    expect(await attempt(t0 + 3 * LEASE_MS)).toEqual(done);
    expect(await received(), 'each recipient had the email once').toEqual([1, 1]);
  }, 90_000);
});

it('SES’s send event of a safeguarding email marks that recipient’s claim sent, and no other recipient’s', async () => {
  const t0 = Date.parse(`${TODAY}T11:00:00Z`);
  const terms = { nowMs: t0, leaseMs: LEASE_MS, expiresAt: t0 / 1000 + 86_400, owner: 'run-a' };
  const later = { ...terms, nowMs: t0 + LEASE_MS / 2, owner: 'run-b' };
  const keys: SendKey[] = [
    { kind: 'help-request', councilId: stack.councilId, campaignId: 'c-conf', childId: 'KT-99', requestId: 'EventRequest0001', to: 'worker' },
    { kind: 'worrying-alert', councilId: stack.councilId, campaignId: 'c-conf', childId: 'KT-99', to: 'inbox' },
  ];
  for (const key of keys) {
    const other = { ...key, to: 'manager' } as SendKey;
    expect(await stack.claims.claim(key, terms)).toBe('claimed');
    expect(await stack.claims.claim(other, terms)).toBe('claimed');
    const event = JSON.stringify(sesSendEvent({ messageId: `ses-${key.kind}`, source: 'kept@example.org', to: [at('sw-1')], tags: claimTags(claimRefOf(key)) }));
    expect(await confirmEmailSent(stack.claims, event)).toBe(true);
    expect(await stack.claims.claim(key, later)).toBe('sent');
    expect(await stack.claims.claim(other, later)).toBe('held');
  }
});
