/**
 * The scheduled safeguarding redrive: a call for help or a worrying answer's
 * alert whose process is killed (SIGKILL) mid-message, or whose send SES
 * refuses, and the young person never tries again. The redrive (the
 * scheduled function, given the time) finds the claims left unsent once
 * their lease has ended and tells everyone exactly once; run again, it sends
 * nothing. DynamoDB Local, the SES emulator behind the relay that publishes
 * SES's send events.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCouncilStack, type TestStack } from '#tests/support/stack.js';
import { sesSender } from '#email/sender.js';
import { type KilledCase, receivedBy as received, staffAddress, tokenOf as linkTokenOf, withConfidentialLinks } from '#tests/support/safeguardingCases.js';
import { tellKilledAt } from '#tests/support/killedRun.js';
import { safeguardingCall } from '#tests/support/safeguardingCall.js';
import { startFaultProxy, sesServerError, type FaultProxy } from '#tests/support/faultProxy.js';
import { invokeSchedule } from '#local/clock.js';
import { SCHEDULES } from '#infra/topology.js';
import { redriveSafeguarding, type RedriveReport } from '#services/safeguardingRedrive.js';
import { config } from '#platform/config.js';
import type { SendKey } from '#store/ports/sendClaims.js';

const TODAY = '2027-01-18';
const LEASE_MS = 60_000;
let stack: TestStack;
let ses: FaultProxy;
const at = (who: string) => staffAddress(stack, who);
const REDRIVE = SCHEDULES.find((s) => s.name === 'safeguarding-redrive')!;

/** The scheduled function itself, as EventBridge Scheduler invokes it, at the time given. */
const redrive = (nowMs: number) => invokeSchedule(REDRIVE, { nowMs }) as Promise<RedriveReport>;

const KILLED: readonly KilledCase[] = [
  ['help', 'after-claim', 1, 'sw-1'],
  ['worrying', 'after-claim', 1, 'sw-9'],
  ['help', 'after-send', 1, 'sw-9'],
  ['help', 'after-send', 2, 'sw-1'],
  ['worrying', 'after-send', 1, 'sw-1'],
];
const REFUSED = [
  ['help', 'sw-1'],
  ['worrying', 'sw-9'],
] as const;
const childOf = (i: number) => `KR-${String(i).padStart(2, '0')}`;
const LONE = 'KR-90';

beforeAll(async () => {
  process.env.KEPT_TODAY = TODAY;
  stack = await startCouncilStack('redrive');
  ses = await startFaultProxy(stack.sesEndpoint);
  await stack.store.createStaff({ councilId: stack.councilId, id: 'sw-8', name: 'Bo Bounced', email: at('sw-8'), role: 'practitioner', undeliverable: { since: TODAY, reason: 'bounced' } });
  const holders = [...KILLED.map((c) => c[3]), ...REFUSED.map((c) => c[1])];
  await withConfidentialLinks(stack, TODAY, [...holders.map((holderId, i) => [childOf(i), holderId] as const), [LONE, 'sw-8']]);
});

afterAll(async () => {
  await ses?.stop();
  await stack?.stop();
});

const recipientsOf = (holder: string) => (holder === 'sw-1' ? ['sw-1', 'tm-1'] : holder === 'sw-9' ? ['sw-9', 'safeguarding'] : ['safeguarding']);
const receivedBy = (childId: string, recipients: string[]) => received(stack, childId, recipients);
/** What the redrive index still holds for this young person, whenever its lease ended. */
const onIndex = async (childId: string) => (await stack.claims.redriveDue(stack.councilId, Date.parse('2099-01-01'))).filter((e) => e.key.childId === childId);
const tokenOf = (childId: string) => linkTokenOf(stack, childId);

describe('the redrive, when the young person does not try again', () => {
  it.each(KILLED.map((c, i) => [...c, i] as const))('%s, killed %s of email %i (%s): every recipient exactly once', async (what, point, n, holder, i) => {
    const childId = childOf(i);
    const recipients = recipientsOf(holder);
    const t0 = Date.parse(`${TODAY}T10:00:00Z`) + i * 3_600_000;
    const killed = await tellKilledAt({ token: await tokenOf(childId), what, requestId: `RedriveRequest${String(i).padStart(2, '0')}`, nowMs: t0 }, point, n);
    expect(killed.signal, killed.stderr).toBe('SIGKILL');
    // SES's send events, as the configuration set publishes them: an email the dead run sent is marked sent.
    await stack.events();
    const before = await receivedBy(childId, recipients);
    expect(before).toEqual(recipients.map((_, r) => (point === 'after-send' && r < n ? 1 : 0)));
    expect((await onIndex(childId)).map((e) => e.key.to)).toHaveLength(point === 'after-send' ? 2 - n : n);

    // Within the lease: the dead run might still be sending; nothing is sent.
    expect((await redrive(t0 + LEASE_MS / 2)).alerts).toBe(0);
    expect(await receivedBy(childId, recipients)).toEqual(before);

    const report = await redrive(t0 + LEASE_MS + 1_000);
    expect(report).toMatchObject({ alerts: n === 2 && point === 'after-send' ? 0 : 1, failed: 0, dropped: 0 });
    await stack.events();
    expect(await receivedBy(childId, recipients), 'each recipient had the email once').toEqual([1, 1]);
    expect(await onIndex(childId)).toEqual([]);

    expect(await redrive(t0 + 10 * LEASE_MS)).toMatchObject({ alerts: 0 });
    expect(await receivedBy(childId, recipients)).toEqual([1, 1]);
  }, 90_000);

  it.each(REFUSED.map((c, i) => [...c, KILLED.length + i] as const))('%s, SES refusing the first email once (%s): given back, then sent by the redrive', async (what, holder, i) => {
    const childId = childOf(i);
    const recipients = recipientsOf(holder);
    const t0 = Date.parse(`${TODAY}T20:00:00Z`) + i * 3_600_000;
    let refused = 0;
    ses.rule = ({ body }) => (body.includes(encodeURIComponent(at(recipients[0]!))) && refused++ === 0 ? sesServerError : null);
    const send = sesSender({ endpoint: ses.url, ratePerSecond: 0, maxAttempts: 1 });
    const call = safeguardingCall({ store: stack.store, surveys: stack.surveys, claims: stack.claims, send, nowMs: t0 }, await tokenOf(childId), what, `RefusedRequest0${i}`);
    await expect(call).rejects.toThrow();
    expect(refused).toBe(1);
    await stack.events();
    expect(await receivedBy(childId, recipients)).toEqual([0, 1]);
    expect((await onIndex(childId)).map((e) => e.key.to)).toEqual(['worker']);

    expect((await redrive(t0 + LEASE_MS / 2)).alerts).toBe(0);
    expect(await receivedBy(childId, recipients)).toEqual([0, 1]);
    expect(await redrive(t0 + LEASE_MS + 1_000)).toMatchObject({ alerts: 1, told: 1, failed: 0 });
    await stack.events();
    expect(await receivedBy(childId, recipients)).toEqual([1, 1]);
    expect(await onIndex(childId)).toEqual([]);
    expect(await redrive(t0 + 10 * LEASE_MS)).toMatchObject({ alerts: 0 });
    expect(await receivedBy(childId, recipients)).toEqual([1, 1]);
  }, 90_000);
});

describe('what the redrive cannot send', () => {
  const t0 = Date.parse(`${TODAY}T09:00:00Z`);
  const terms = (nowMs: number, expiresAt: number) => ({ nowMs, leaseMs: LEASE_MS, expiresAt, owner: 'dead-run', redrive: { kind: 'help-request' as const, reference: 'REF-1', caseUrl: 'https://kept.example/case/x' } });

  it('drops the entry of a young person whose record is gone, and of a campaign that is over, sending nothing', async () => {
    const gone: SendKey = { kind: 'help-request', councilId: stack.councilId, campaignId: 'c-conf', childId: 'KR-GONE', requestId: 'GoneRequest00001', to: 'worker' };
    const over: SendKey = { kind: 'worrying-alert', councilId: stack.councilId, campaignId: 'c-conf', childId: childOf(0), to: 'manager' };
    expect(await stack.claims.claim(gone, terms(t0, t0 / 1000 + 86_400))).toBe('claimed');
    expect(await stack.claims.claim(over, terms(t0, t0 / 1000 + 3_600))).toBe('claimed');
    const sentBefore = (await stack.inbox()).length;
    const report = await redriveSafeguarding({ store: stack.store, claims: stack.claims, send: sesSender({ ratePerSecond: 0 }), councilId: stack.councilId, safeguardingEmail: config.safeguardingEmail, nowMs: () => t0 + 2 * 3_600_000 });
    expect(report).toMatchObject({ alerts: 2, dropped: 2, told: 0, failed: 0 });
    expect((await stack.inbox()).length).toBe(sentBefore);
    expect(await onIndex('KR-GONE')).toEqual([]);
    expect((await onIndex(childOf(0))).filter((e) => e.key.kind === 'worrying-alert')).toEqual([]);
  });

  it('leaves the entry and fails the run (its error alarm) when nobody can be emailed, and sends it once someone can', async () => {
    const key: SendKey = { kind: 'help-request', councilId: stack.councilId, campaignId: 'c-conf', childId: LONE, requestId: 'LoneRequest00001', to: 'inbox' };
    expect(await stack.claims.claim(key, terms(t0, t0 / 1000 + 86_400))).toBe('claimed');
    const inbox = process.env.SAFEGUARDING_EMAIL;
    process.env.SAFEGUARDING_EMAIL = '';
    try {
      await expect(redrive(t0 + LEASE_MS + 1_000)).rejects.toThrow(/1 safeguarding alert\(s\) could not be sent again/);
    } finally {
      process.env.SAFEGUARDING_EMAIL = inbox;
    }
    expect(await receivedBy(LONE, ['safeguarding'])).toEqual([0]);
    expect((await onIndex(LONE)).map((e) => e.key.to)).toEqual(['inbox']);
    expect(await redrive(t0 + LEASE_MS + 1_000)).toMatchObject({ alerts: 1, told: 1, failed: 0 });
    expect(await receivedBy(LONE, ['safeguarding'])).toEqual([1]);
    expect(await onIndex(LONE)).toEqual([]);
  });
});
