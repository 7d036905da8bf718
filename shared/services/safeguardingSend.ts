/**
 * Telling a person at once that a young person needs contact: the alert on
 * a worrying answer and a press of "ask my worker to contact me". Both go to
 * the worker and their manager; when either cannot be emailed (no manager,
 * an address marked unreachable, a leaver) the council's safeguarding inbox
 * is told too, and when nobody can be, the send throws before claiming
 * anything, so the young person's next try (or the page's retry; the
 * redrive only for an entry it already holds) sends it rather than a log
 * line standing in for a person. Each recipient's message has its own claim, named
 * in the message (claimRef.ts), as the sweep's digests do: a double submit
 * sends one, and a run killed between sending and marking leaves the
 * provider's send event to mark it, so the next try sends only what had not
 * gone. A claim left unsent is found by the redrive once its lease ends
 * (safeguardingRedrive.ts), so nobody waits on the young person trying again.
 */
import { randomUUID } from 'node:crypto';
import escapeHtml from 'escape-html';
import { gapsOf, inboxMessage, type Message, workerMessage } from '#domain/contactAlert.js';
import { type ChildRecord, initials, isMailable } from '#domain/people.js';
import type { SendEmail } from '#email/sender.js';
import { claimTags } from '#email/messageTags.js';
import type { RedriveAlert, SafeguardingKey, SafeguardingRecipient, SendClaims } from '#store/ports/sendClaims.js';
import type { KeptStore } from '#store/ports/stores.js';
import { claimRefOf } from './claimRef.js';

export interface SafeguardingSendDeps {
  store: Pick<KeptStore, 'getStaff'>;
  send: SendEmail;
  claims: SendClaims;
  /** The council's safeguarding inbox (SAFEGUARDING_EMAIL): told whenever the worker or their manager cannot be. */
  safeguardingEmail?: string;
  nowMs?: () => number;
}

/** Nobody could be emailed: not the worker, not their manager, not the safeguarding inbox. */
export class NobodyToTell extends Error {
  override readonly name = 'NobodyToTell';
}

interface Recipients {
  /** The worker and their manager, those of them who can be emailed. */
  people: Array<{ role: 'worker' | 'manager'; email: string }>;
  /** The safeguarding inbox, when the worker or manager cannot be emailed. */
  inbox?: string;
  /** Why the inbox is told (see contactAlert.gapsOf). */
  gaps: string[];
}

/** Who to tell about this young person: the worker and manager who can be emailed, and the safeguarding inbox if either cannot. */
async function whoToTell(deps: Pick<SafeguardingSendDeps, 'store' | 'safeguardingEmail'>, child: ChildRecord): Promise<Recipients> {
  const worker = await deps.store.getStaff(child.councilId, child.holderId);
  const manager = worker?.managerId ? await deps.store.getStaff(child.councilId, worker.managerId) : null;
  const people = (
    [
      ['worker', worker],
      ['manager', manager],
    ] as const
  ).flatMap(([role, s]) => (s !== null && isMailable(s) ? [{ role, email: s.email }] : []));
  const inbox = people.length < 2 ? deps.safeguardingEmail || undefined : undefined;
  return { people, inbox, gaps: inbox ? gapsOf(worker, manager) : [] };
}

/**
 * `sent`: this call told someone and everyone is told; `sent-before`: earlier
 * tries told everyone; `held`: this call told nobody and another run holds
 * someone's message; `sent-part`: this call told someone but another run
 * holds someone's message. A held message is being sent now, or its run died
 * and the next try after the lease sends it: a caller that must see everyone
 * told tries again on `held` and `sent-part`.
 */
export type Told = 'sent' | 'sent-before' | 'held' | 'sent-part';

const html = (text: string) =>
  text
    .split('\n\n')
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
    .join('\n');

type WithoutTo<K> = K extends unknown ? Omit<K, 'to'> : never;
/** What a safeguarding message's claim names but its recipient (`to`, added per message). */
export type AlertKey = WithoutTo<SafeguardingKey>;

/**
 * Emails everyone `whoToTell` names (the inbox in its own words), each
 * message under its own claim (`key` with its recipient's role), named in
 * the message: all claimed (each claim carrying `alert` for the redrive,
 * safeguardingRedrive.ts), then each sent and marked sent; a failed send
 * gives its claim back, the others are still tried, and then the first
 * failure is thrown.
 * Throws NobodyToTell (before claiming) when there is no one.
 */
export async function tellOnce(deps: SafeguardingSendDeps, key: AlertKey, child: ChildRecord, alert: RedriveAlert, expiresAt: number): Promise<Told> {
  const { people, inbox, gaps } = await whoToTell(deps, child);
  if (people.length === 0 && !inbox) throw new NobodyToTell(`nobody can be emailed about a young person in council ${child.councilId}: set SAFEGUARDING_EMAIL`);
  const about = { caseRef: child.id, initials: initials(child.firstName, child.lastName), reference: alert.reference, caseUrl: alert.caseUrl };
  const messages: Array<{ to: string; role: SafeguardingRecipient } & Message> = [
    ...people.map(({ role, email }) => ({ to: email, role, ...workerMessage(alert.kind, about) })),
    ...(inbox ? [{ to: inbox, role: 'inbox' as const, ...inboxMessage(alert.kind, about, gaps) }] : []),
  ];
  const owner = randomUUID();
  const terms = { nowMs: (deps.nowMs ?? Date.now)(), leaseMs: 60_000, expiresAt, owner, redrive: alert };
  // Every message claimed before any is sent: a run killed between two sends leaves the unsent ones
  // claimed, and so on the redrive's index, rather than never claimed and never known of.
  const claimed = [];
  for (const { role, ...m } of messages) {
    const one: SafeguardingKey = { ...key, to: role };
    claimed.push({ one, m, claim: await deps.claims.claim(one, terms) });
  }
  let sentNow = false;
  let failure: { error: unknown } | undefined;
  for (const { one, m, claim } of claimed) {
    if (claim !== 'claimed') continue;
    let id: string;
    try {
      id = await deps.send({ ...m, html: html(m.text), tags: claimTags(claimRefOf(one)) });
    } catch (error) {
      // Given back, so the next try (or the redrive) sends it (the provider may have taken it after all: better twice than not at all).
      await deps.claims.release(one, owner);
      failure ??= { error };
      continue;
    }
    await deps.claims.markSent(one, id, owner);
    sentNow = true;
  }
  if (failure) throw failure.error;
  const held = claimed.some(({ claim }) => claim === 'held');
  if (sentNow) return held ? 'sent-part' : 'sent';
  return held ? 'held' : 'sent-before';
}
