/**
 * Telling a person at once that a young person needs contact: the alert on
 * a worrying answer and a press of "ask my worker to contact me". Both go to
 * the worker and their manager; when either cannot be emailed (no manager,
 * an address marked unreachable, a leaver) the council's safeguarding inbox
 * is told too, and when nobody can be, the send throws, so the young
 * person's next try (or the page's retry) sends it rather than a log line
 * standing in for a person. Each message is claimed before it is sent, with
 * an owner, as the sweep's digests are: a double submit sends one.
 */
import { randomUUID } from 'node:crypto';
import escapeHtml from 'escape-html';
import { type AlertKind, gapsOf, inboxMessage, type Message, workerMessage } from '#domain/contactAlert.js';
import { type ChildRecord, initials, isMailable, type Staff } from '#domain/people.js';
import type { SendEmail } from '#email/sender.js';
import type { SendClaims, SendKey } from '#store/ports/sendClaims.js';
import type { KeptStore } from '#store/ports/stores.js';

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

export interface Recipients {
  /** The worker and their manager, those of them who can be emailed. */
  people: string[];
  /** The safeguarding inbox, when the worker or manager cannot be emailed. */
  inbox?: string;
  /** Why the inbox is told (see contactAlert.gapsOf). */
  gaps: string[];
}

/** Who to tell about this young person: the worker and manager who can be emailed, and the safeguarding inbox if either cannot. */
export async function whoToTell(deps: Pick<SafeguardingSendDeps, 'store' | 'safeguardingEmail'>, child: ChildRecord): Promise<Recipients> {
  const worker = await deps.store.getStaff(child.councilId, child.holderId);
  const manager = worker?.managerId ? await deps.store.getStaff(child.councilId, worker.managerId) : null;
  const mailable = [worker, manager].filter((s): s is Staff => s !== null && isMailable(s));
  const inbox = mailable.length < 2 ? deps.safeguardingEmail || undefined : undefined;
  return { people: mailable.map((s) => s.email), inbox, gaps: inbox ? gapsOf(worker, manager) : [] };
}

/** Which alert, about which survey response, with the case page's address. */
export interface Alert {
  kind: AlertKind;
  reference: string;
  caseUrl: string;
}

/** `sent`: told now; `sent-before`: an earlier try told them; `held`: another request is telling them right now. */
export type Told = 'sent' | 'sent-before' | 'held';

const html = (text: string) =>
  text
    .split('\n\n')
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
    .join('\n');

/**
 * Claims `key`, emails everyone `whoToTell` names (the inbox in its own
 * words), and marks it sent; a failed send gives the claim back and throws.
 * Throws NobodyToTell (before claiming) when there is no one.
 */
export async function tellOnce(deps: SafeguardingSendDeps, key: SendKey, child: ChildRecord, alert: Alert, expiresAt: number): Promise<Told> {
  const { people, inbox, gaps } = await whoToTell(deps, child);
  if (people.length === 0 && !inbox) throw new NobodyToTell(`nobody can be emailed about a young person in council ${child.councilId}: set SAFEGUARDING_EMAIL`);
  const about = { caseRef: child.id, initials: initials(child.firstName, child.lastName), reference: alert.reference, caseUrl: alert.caseUrl };
  const messages: Array<{ to: string } & Message> = [
    ...people.map((to) => ({ to, ...workerMessage(alert.kind, about) })),
    ...(inbox ? [{ to: inbox, ...inboxMessage(alert.kind, about, gaps) }] : []),
  ];
  const owner = randomUUID();
  const claim = await deps.claims.claim(key, { nowMs: (deps.nowMs ?? Date.now)(), leaseMs: 60_000, expiresAt, owner });
  if (claim === 'sent') return 'sent-before';
  if (claim === 'held') return 'held';
  const ids: string[] = [];
  try {
    for (const m of messages) ids.push(await deps.send({ ...m, html: html(m.text) }));
  } catch (error) {
    // Given back, so the next try sends it (someone may hear twice; better than not at all).
    await deps.claims.release(key, owner);
    throw error;
  }
  await deps.claims.markSent(key, ids.join(','), owner);
  return 'sent';
}
