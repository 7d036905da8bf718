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
import { type ChildRecord, isMailable } from '#domain/people.js';
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

/** The addresses to tell about this young person, and whether the safeguarding inbox is among them. */
export async function whoToTell(deps: Pick<SafeguardingSendDeps, 'store' | 'safeguardingEmail'>, child: ChildRecord): Promise<{ to: string[]; safeguarding: boolean }> {
  const worker = await deps.store.getStaff(child.councilId, child.holderId);
  const manager = worker?.managerId ? await deps.store.getStaff(child.councilId, worker.managerId) : null;
  const people = [worker, manager].filter((s) => s !== null && isMailable(s)).map((s) => s!.email);
  const safeguarding = people.length < 2 && Boolean(deps.safeguardingEmail);
  return { to: [...people, ...(safeguarding ? [deps.safeguardingEmail!] : [])], safeguarding };
}

export interface Message {
  subject: string;
  text: string;
}

/** `sent`: told now; `sent-before`: an earlier try told them; `held`: another request is telling them right now. */
export type Told = 'sent' | 'sent-before' | 'held';

/**
 * Claims `key`, emails everyone `whoToTell` names, and marks it sent; a
 * failed send gives the claim back and throws. Throws NobodyToTell (before
 * claiming) when there is no one.
 */
export async function tellOnce(deps: SafeguardingSendDeps, key: SendKey, child: ChildRecord, message: Message, expiresAt: number): Promise<Told> {
  const { to } = await whoToTell(deps, child);
  if (to.length === 0) throw new NobodyToTell(`nobody can be emailed about a young person in council ${child.councilId}: set SAFEGUARDING_EMAIL`);
  const owner = randomUUID();
  const claim = await deps.claims.claim(key, { nowMs: (deps.nowMs ?? Date.now)(), leaseMs: 60_000, expiresAt, owner });
  if (claim === 'sent') return 'sent-before';
  if (claim === 'held') return 'held';
  const ids: string[] = [];
  try {
    for (const address of to) {
      ids.push(await deps.send({ to: address, ...message, html: message.text.split('\n\n').map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`).join('\n') }));
    }
  } catch (error) {
    // Given back, so the next try sends it (someone may hear twice; better than not at all).
    await deps.claims.release(key, owner);
    throw error;
  }
  await deps.claims.markSent(key, ids.join(','), owner);
  return 'sent';
}
