import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, testStaff, type TestStack } from '#tests/support/stack.js';
import { runSweep, sweepFailure, type SweepOptions } from '#services/sweep.js';
import { sesSender, type SendEmail } from '#email/sender.js';
import { projector } from '#services/council.js';
import { STATUTORY_POLICY } from '#domain/policy.js';
import { handleEmailEvent } from '#services/emailEvents.js';
import type { ChildRecord } from '#domain/people.js';
import type { Fact } from '#domain/facts.js';
import type { ReceivedEmail } from '#local/services.js';
import { longDate } from '#domain/dateText.js';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '#store/dynamo/client.js';
import { killedAfter, sweepKilledAt } from '#tests/support/killedRun.js';
import { confirmEmailSent, confirmTextSent } from '#services/sendConfirmations.js';
import { claimRefOf } from '#services/claimRef.js';
import { claimTags, tagValueOf } from '#email/messageTags.js';
import { sesSendEvent } from '#local/sesEvents.js';
import { textQueuedEvent } from '#local/sms.js';

let stack: TestStack;
let send: SendEmail;

function childRecord(councilId: string, id: string, holderId: string, firstName: string): ChildRecord {
  return { councilId, id, firstName, lastName: 'Example', dateOfBirth: '2014-06-01', holderId, createdAt: '2027-01-01T00:00:00Z', version: 0 };
}

async function addChild(child: ChildRecord, facts: Fact[], today: string) {
  const projection = projector(STATUTORY_POLICY, today)(child, facts.map((fact) => ({ fact })));
  await stack.store.writeChildren([{ child, facts: facts.map((fact) => ({ fact, recordedAt: '2027-01-01T09:00:00Z', recordedBy: child.holderId })), projection }]);
}

const sweep = (today: string, extra: Partial<SweepOptions> = {}) =>
  runSweep({ store: stack.store, claims: stack.claims, councilId: stack.councilId, today, send, appUrl: 'https://kept.example.org', ...extra });

async function digestsOn(today: string): Promise<ReceivedEmail[]> {
  return (await stack.inbox()).filter((e) => e.subject.endsWith(longDate(today)));
}
const recipients = (emails: ReceivedEmail[]) => emails.map((e) => e.destination.to[0]!.split('@')[0]).sort();

beforeAll(async () => {
  stack = await startTestStack('sweep');
  send = sesSender({ ratePerSecond: 0 });
  await stack.store.putCouncil({ id: stack.councilId, name: 'Test Borough' });
  for (const s of testStaff(stack.councilId)) await stack.store.createStaff(s);
  const c = stack.councilId;
  // C-1 (sw-1): last visit 20 November, so the visit fell due on 1 January and is well overdue.
  await addChild(childRecord(c, 'C-1', 'sw-1', 'Jordan'), [
    { type: 'entered-care', date: '2026-10-01' },
    { type: 'placement-started', date: '2026-10-01', placementId: 'P1', longTerm: false, arrangement: 'foster' },
    { type: 'care-plan', date: '2026-10-01' },
    { type: 'placement-plan', date: '2026-10-02', placementId: 'P1' },
    { type: 'visit', date: '2026-11-20', seenAlone: true },
    { type: 'review', date: '2026-10-28' },
    { type: 'health-assessment', date: '2026-10-20', kind: 'initial' },
    { type: 'pep', date: '2026-10-10' },
  ], '2027-01-18');
  // C-2 (sw-2): came into care a week ago, so the first visit is due today.
  await addChild(childRecord(c, 'C-2', 'sw-2', 'Riley'), [
    { type: 'entered-care', date: '2027-01-11' },
    { type: 'placement-started', date: '2027-01-11', placementId: 'P1', longTerm: false, arrangement: 'foster' },
  ], '2027-01-18');
});

afterAll(async () => {
  await stack.stop();
});

describe('the morning sweep', () => {
  it('sends one digest per person with the right items, naming children by case reference and initials only', async () => {
    const report = await sweep('2027-01-18');
    expect(report).toMatchObject({ ran: true, digests: 3, sent: 3, failed: 0 });
    const emails = await digestsOn('2027-01-18');
    expect(recipients(emails)).toEqual(['sw-1', 'sw-2', 'tm-1']);

    const sw1 = emails.find((e) => e.destination.to[0]!.startsWith('sw-1'))!;
    expect(sw1.subject).toMatch(/^Kept: \d+ overdue/);
    expect(sw1.body.text).toMatch(/Overdue or due today\n\n\* C-1 \(J\.E\.\): statutory visit, 11 working days overdue/);
    expect(sw1.body.html).toContain('href="https://kept.example.org/children/C-1/record/statutory-visit"');
    const sw2 = emails.find((e) => e.destination.to[0]!.startsWith('sw-2'))!;
    const c2 = /\* C-2 \(R\.E\.\): (.*)/.exec(sw2.body.text!)![1]!;
    expect(c2).toContain('statutory visit, due today');
    expect(c2).toContain('placement plan, due today');
    for (const e of emails) {
      expect(`${e.subject}${e.body.text}${e.body.html}`).not.toMatch(/Jordan|Riley|2014-06-01|1 Jun 2014/);
      expect(e.from).toContain('reminders@kept.example.org');
    }
  });

  it('escalates an item a working day overdue to the holder’s manager', async () => {
    const tm1 = (await digestsOn('2027-01-18')).find((e) => e.destination.to[0]!.startsWith('tm-1'))!;
    expect(tm1.body.text).toContain('Overdue in your team');
    expect(tm1.body.text).toMatch(/C-1 \(J\.E\.\): statutory visit, 11 working days overdue – Sue Worker is responsible/);
    expect(tm1.body.text).not.toContain('C-2');
  });

  it('sends nothing the second time on the same day', async () => {
    const report = await sweep('2027-01-18');
    expect(report).toMatchObject({ sent: 0, alreadyClaimed: 3 });
    expect(await digestsOn('2027-01-18')).toHaveLength(3);
  });

  it('keeps a digest marker, with the message id, for 35 days (DynamoDB TTL), then lets it go', async () => {
    const { Item } = await documentClient().send(
      new GetCommand({ TableName: stack.tableName, Key: { pk: `DIGEST#${stack.councilId}#2027-01-18`, sk: 'STAFF#sw-1' }, ConsistentRead: true }),
    );
    expect(Item).toMatchObject({ state: 'sent', messageId: expect.any(String) });
    const days = (Item!.expiresAt as number - Date.now() / 1000) / 86_400;
    expect(days).toBeGreaterThan(34);
    expect(days).toBeLessThan(36);
  });

  it('sends the rest, each once, when a sweep stopped half-way runs again', async () => {
    const first = await sweep('2027-01-19', killedAfter(1, send));
    expect(first).toMatchObject({ sent: 1, stoppedEarly: true });
    expect(first.digests).toBeGreaterThan(1);
    const rerun = await sweep('2027-01-19');
    expect(rerun).toMatchObject({ sent: first.digests - 1, alreadyClaimed: 1 });
    const emails = await digestsOn('2027-01-19');
    expect(emails).toHaveLength(first.digests);
    expect(new Set(recipients(emails)).size).toBe(first.digests);
  });

  it('escalates again only after a week while the item stays overdue', async () => {
    // Tuesday: C-2's items due yesterday are now a working day overdue and reach the manager;
    // C-1's visit was escalated on Monday and waits for next Monday.
    const tm1Tuesday = (await digestsOn('2027-01-19')).find((e) => e.destination.to[0]!.startsWith('tm-1'))!;
    expect(tm1Tuesday.body.text).toContain('C-2 (R.E.): statutory visit');
    expect(tm1Tuesday.body.text).not.toContain('C-1');
    await sweep('2027-01-25');
    const tm1Monday = (await digestsOn('2027-01-25')).find((e) => e.destination.to[0]!.startsWith('tm-1'))!;
    expect(tm1Monday.body.text).toContain('C-1 (J.E.): statutory visit');
  });

  it('sends each digest once when two sweeps run at the same time', async () => {
    const [a, b] = await Promise.all([sweep('2027-01-20'), sweep('2027-01-20')]);
    expect(a.digests).toBe(b.digests);
    expect(a.sent + b.sent).toBe(a.digests);
    // What one run finds claimed by the other is either sent already or still held within its lease.
    expect(a.alreadyClaimed + b.alreadyClaimed + a.held + b.held).toBe(a.digests);
    const emails = await digestsOn('2027-01-20');
    expect(emails).toHaveLength(a.digests);
    expect(new Set(recipients(emails)).size).toBe(a.digests);
  });

  it('retries a digest whose send failed, and one whose sweep died holding it once the lease runs out', async () => {
    let failing = true;
    const flaky: SendEmail = async (email) => {
      if (failing && email.to.startsWith('sw-2')) throw Object.assign(new Error('mailbox unavailable'), { name: 'MessageRejected' });
      return send(email);
    };
    const first = await sweep('2027-01-21', { send: flaky });
    expect(first).toMatchObject({ sent: first.digests - 1, failed: 1 });
    failing = false;
    expect(await sweep('2027-01-21')).toMatchObject({ sent: 1, alreadyClaimed: first.digests - 1 });
    expect(recipients(await digestsOn('2027-01-21'))).toContain('sw-2');
    expect(await digestsOn('2027-01-21')).toHaveLength(first.digests);

    // A sweep that claimed sw-1's digest and died before sending it:
    const now = Date.parse('2027-01-22T07:00:00Z');
    expect(await stack.claims.claim({ kind: 'digest', councilId: stack.councilId, date: '2027-01-22', staffId: 'sw-1' }, { nowMs: now, leaseMs: 15 * 60_000, expiresAt: now / 1000 + 86_400 })).toBe('claimed');
    const early = await sweep('2027-01-22', { nowMs: () => now + 60_000 });
    // Held, not counted as sent: the run ends failed so that the retry, after the lease, sends it.
    expect(early).toMatchObject({ sent: early.digests - 1, alreadyClaimed: 0, held: 1 });
    expect(sweepFailure(early)).toMatch(/1 digest\(s\) held by another run/);
    expect(recipients(await digestsOn('2027-01-22'))).not.toContain('sw-1');
    expect(await sweep('2027-01-22', { nowMs: () => now + 16 * 60_000 })).toMatchObject({ sent: 1, alreadyClaimed: early.digests - 1 });
    expect(recipients(await digestsOn('2027-01-22')).filter((r) => r === 'sw-1')).toHaveLength(1);
  });

  it('does not run on a weekend or a bank holiday', async () => {
    expect(await sweep('2027-01-23')).toMatchObject({ ran: false, reason: 'not a working day', sent: 0 });
    expect(await sweep('2027-03-29')).toMatchObject({ ran: false }); // Easter Monday
  });

  it('stops mailing an address that bounced, tells an admin, and still escalates its overdue work', async () => {
    const bounce = {
      eventType: 'Bounce',
      bounce: { bounceType: 'Permanent', bouncedRecipients: [{ emailAddress: `sw-1@${stack.councilId}.test` }] },
      mail: { timestamp: '2027-01-25T07:00:01Z' },
    };
    expect(await handleEmailEvent(stack.store, send, JSON.stringify(bounce), '2027-01-25T07:05:00Z')).toBe(1);
    expect((await stack.store.getStaff(stack.councilId, 'sw-1'))!.undeliverable).toEqual({ since: '2027-01-25T07:05:00Z', reason: 'bounced' });
    const told = (await stack.inbox()).filter((e) => e.destination.to[0]!.startsWith('admin-1'));
    expect(told).toHaveLength(1);
    expect(told[0]!.subject).toContain('Sue Worker');

    const report = await sweep('2027-02-01');
    expect(report.unreachable).toBeGreaterThan(0);
    expect(recipients(await digestsOn('2027-02-01'))).toEqual(['sw-2', 'tm-1']);
  });
});

describe('a sweep whose process is killed (SIGKILL) mid-digest, then run again', () => {
  const recipientCounts = async (day: string) => {
    const counts = new Map<string, number>();
    for (const r of recipients(await digestsOn(day))) counts.set(r!, (counts.get(r!) ?? 0) + 1);
    return counts;
  };
  const marker = async (day: string, staffId: string) =>
    (await documentClient().send(new GetCommand({ TableName: stack.tableName, Key: { pk: `DIGEST#${stack.councilId}#${day}`, sk: `STAFF#${staffId}` }, ConsistentRead: true }))).Item;

  it.each([
    ['after-claim', 1, '2027-01-26'],
    ['after-send', 1, '2027-01-27'],
  ] as const)('killed %s of digest %i, SES send events delivered: every digest exactly once, none lost', async (point, n, day) => {
    const t0 = Date.parse(`${day}T07:00:00Z`);
    const killed = await sweepKilledAt(day, point, n, t0);
    expect(killed.signal, killed.stderr).toBe('SIGKILL');
    const sentBeforeDeath = point === 'after-claim' ? n - 1 : n;
    expect(await digestsOn(day)).toHaveLength(sentBeforeDeath);
    // SES's send events, as the configuration set publishes them within seconds of accepting each email.
    await stack.events();
    if (point === 'after-send') {
      // The dead run never marked its last digest: SES's event did, with SES's message id.
      const last = (await digestsOn(day)).at(-1)!;
      const staffId = last.destination.to[0]!.split('@')[0]!;
      expect(await marker(day, staffId)).toMatchObject({ state: 'sent', messageId: last.messageId });
    }

    const early = await sweep(day, { nowMs: () => t0 + 60_000 });
    if (point === 'after-claim') {
      // The claimed, unsent digest is held within the lease: not sent, not counted as sent, and the run fails.
      expect(early).toMatchObject({ held: 1, alreadyClaimed: n - 1, sent: early.digests - n, failed: 0, claimsLost: 0 });
      expect(sweepFailure(early)).toMatch(/1 digest\(s\) held by another run/);
    } else {
      expect(early).toMatchObject({ held: 0, alreadyClaimed: n, sent: early.digests - n, failed: 0, claimsLost: 0 });
      expect(sweepFailure(early)).toBeUndefined();
    }
    await stack.events();

    const late = await sweep(day, { nowMs: () => t0 + 16 * 60_000 });
    expect(late).toMatchObject({ held: 0, sent: point === 'after-claim' ? 1 : 0, failed: 0, claimsLost: 0 });
    expect(sweepFailure(late)).toBeUndefined();
    expect(await sweep(day, { nowMs: () => t0 + 17 * 60_000 })).toMatchObject({ sent: 0, held: 0, alreadyClaimed: early.digests });

    const counts = await recipientCounts(day);
    expect(counts.size, 'every digest arrived').toBe(early.digests);
    expect([...counts].filter(([, c]) => c !== 1), 'no digest twice').toEqual([]);
  }, 60_000);
});

it('a run that overran its lease cannot mark or release the claim another run took over', async () => {
  const key = { kind: 'digest', councilId: stack.councilId, date: '2027-01-28', staffId: 'sw-9' } as const;
  const t0 = Date.parse('2027-01-28T07:00:00Z');
  const terms = (nowMs: number, owner: string) => ({ nowMs, leaseMs: 15 * 60_000, expiresAt: t0 / 1000 + 86_400, owner });
  expect(await stack.claims.claim(key, terms(t0, 'run-a'))).toBe('claimed');
  expect(await stack.claims.claim(key, terms(t0 + 60_000, 'run-b'))).toBe('held');
  expect(await stack.claims.claim(key, terms(t0 + 16 * 60_000, 'run-b'))).toBe('claimed');
  // run-a wakes up after its lease: its release and its mark change nothing of run-b's claim.
  await stack.claims.release(key, 'run-a');
  expect(await stack.claims.markSent(key, 'msg-a', 'run-a')).toBe(false);
  expect(await stack.claims.claim(key, terms(t0 + 17 * 60_000, 'run-c'))).toBe('held');
  expect(await stack.claims.markSent(key, 'msg-b', 'run-b')).toBe(true);
  expect(await stack.claims.claim(key, terms(t0 + 40 * 60_000, 'run-c'))).toBe('sent');
});

it('the provider’s send event marks a claim sent whoever holds it, once, and the run’s own mark of that message still counts', async () => {
  const key = { kind: 'digest', councilId: stack.councilId, date: '2027-01-29', staffId: 'sw-8' } as const;
  const t0 = Date.parse('2027-01-29T07:00:00Z');
  const terms = { nowMs: t0, leaseMs: 15 * 60_000, expiresAt: t0 / 1000 + 86_400, owner: 'run-a' };
  const email = (messageId: string, tags: Array<{ name: string; value: string }>) =>
    JSON.stringify(sesSendEvent({ messageId, source: 'kept@example.org', to: [`sw-8@${stack.councilId}.test`], tags }));
  const tags = claimTags(claimRefOf(key));
  // No claim yet, or an email that names none: nothing to mark.
  expect(await confirmEmailSent(stack.claims, email('ses-0', tags))).toBe(false);
  expect(await stack.claims.claim(key, terms)).toBe('claimed');
  expect(await confirmEmailSent(stack.claims, email('ses-0', []))).toBe(false);
  expect(await confirmEmailSent(stack.claims, 'not json')).toBe(false);
  // SES's word marks it, though run-a holds it; a second event changes nothing.
  expect(await confirmEmailSent(stack.claims, email('ses-1', tags))).toBe(true);
  expect(await confirmEmailSent(stack.claims, email('ses-2', tags))).toBe(false);
  expect(await stack.claims.claim(key, { ...terms, nowMs: t0 + 16 * 60_000, owner: 'run-b' })).toBe('sent');
  // run-a marking the message SES named is its own send, done; marking another would mean a second message went.
  expect(await stack.claims.markSent(key, 'ses-1', 'run-a')).toBe(true);
  expect(await stack.claims.markSent(key, 'ses-9', 'run-a')).toBe(false);

  // A text's event names its claim in the send's Context.
  const textKey = { kind: 'reminder', councilId: stack.councilId, campaignId: 'cmp-x', childId: 'C-1', number: 1, channel: 'text' } as const;
  expect(await stack.claims.claim(textKey, terms)).toBe('claimed');
  const text = (context: Record<string, string>) => JSON.stringify(textQueuedEvent({ to: '+447700900001', from: 'KeptDemo', messageId: 'sms-1', messageType: 'TRANSACTIONAL', context }));
  expect(await confirmTextSent(stack.claims, text({ councilId: stack.councilId, childId: 'C-1' }))).toBe(false);
  expect(await confirmTextSent(stack.claims, text({ councilId: stack.councilId, childId: 'C-1', claim: tagValueOf(claimRefOf(textKey)) }))).toBe(true);
  expect(await stack.claims.claim(textKey, { ...terms, nowMs: t0 + 16 * 60_000, owner: 'run-b' })).toBe('sent');
});
