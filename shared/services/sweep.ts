/**
 * The morning sweep: read what is due from the due-date index, plan one
 * digest per person, and send each at most once. A marker is claimed before
 * each send, so a retried or concurrent sweep skips what is sent, and a
 * sweep stopped half-way leaves the rest for the next run. Each claim names
 * this run (`runId`): a digest another run still holds within its lease is
 * neither sent nor counted as sent here; it is counted `held`, and a run with
 * any digest held, failed or whose claim was lost ends failed (the handler
 * throws), so the scheduler's retry after the lease finishes the work.
 */
import { randomUUID } from 'node:crypto';
import { isWorkingDay } from '#domain/workingDays.js';
import { toDayNumber } from '#domain/dates.js';
import { planDigests, horizonEnd } from '#domain/reminders.js';
import { renderDigest } from '#email/digestEmail.js';
import type { SendEmail } from '#email/sender.js';
import type { KeptStore } from '#store/ports/stores.js';
import type { SendClaims, SendKey } from '#store/ports/sendClaims.js';
import { claimTags } from '#email/messageTags.js';
import { claimRefOf } from './claimRef.js';
import { loadCouncil, projector } from './council.js';
import { log } from '#platform/log.js';

export interface SweepOptions {
  store: KeptStore;
  claims: SendClaims;
  councilId: string;
  today: string;
  send: SendEmail;
  appUrl: string;
  nowMs?: () => number;
  /** How long a claimed, unsent digest is left alone before another run may send it. */
  leaseMs?: number;
  /** Run on a weekend or holiday too (the demo's first sweep). */
  anyDay?: boolean;
  /** Stops between digests when aborted, as a Lambda about to time out would. */
  signal?: AbortSignal;
  /** This run's id, recorded on every claim it makes (a fresh UUID when not given). */
  runId?: string;
}

/** Digest markers are kept this long, then expire by TTL (a rerun only ever looks at its own day). */
const MARKER_DAYS = 35;

export interface SweepReport {
  today: string;
  ran: boolean;
  reason?: string;
  itemsRead: number;
  refreshed: number;
  digests: number;
  sent: number;
  /** Digests another run had already sent. */
  alreadyClaimed: number;
  /** Digests another run held within its lease: not sent by this run, and not known to be sent. */
  held: number;
  /** Digests sent whose claim had meanwhile passed to another run (this run overran its lease). */
  claimsLost: number;
  failed: number;
  unreachable: number;
  stoppedEarly: boolean;
}

export async function runSweep(options: SweepOptions): Promise<SweepReport> {
  const { store, claims, councilId, today, send } = options;
  const now = options.nowMs ?? Date.now;
  const owner = options.runId ?? randomUUID();
  const report: SweepReport = {
    today, ran: false, itemsRead: 0, refreshed: 0, digests: 0, sent: 0, alreadyClaimed: 0, held: 0, claimsLost: 0, failed: 0, unreachable: 0, stoppedEarly: false,
  };
  if (!options.anyDay && !isWorkingDay(toDayNumber(today))) {
    report.reason = 'not a working day';
    log.info('sweep skipped', { councilId, today, reason: report.reason });
    return report;
  }
  report.ran = true;
  const council = await loadCouncil(store, councilId);
  const upTo = horizonEnd(today, council.reminders);

  let due = await store.dueUpTo(councilId, upTo);
  if (due.refresh.length) {
    const project = projector(council.policy, today, await store.listStaff(councilId));
    for (const childId of due.refresh) await store.refreshProjection(councilId, childId, project);
    report.refreshed = due.refresh.length;
    due = await store.dueUpTo(councilId, upTo);
  }
  report.itemsRead = due.items.length;

  const staff = await store.listStaff(councilId);
  const plan = planDigests(due.items, staff, today, council.reminders);
  report.digests = plan.digests.length;
  report.unreachable = plan.unreachable.length;
  if (plan.unreachable.length) {
    log.warn('due items whose holder cannot be emailed', { councilId, today, count: plan.unreachable.length });
  }

  for (const digest of plan.digests) {
    if (options.signal?.aborted) {
      report.stoppedEarly = true;
      break;
    }
    const staffId = digest.recipient.id;
    const key = { kind: 'digest', councilId, date: today, staffId } satisfies SendKey;
    const nowMs = now();
    const terms = { nowMs, leaseMs: options.leaseMs ?? 15 * 60_000, expiresAt: Math.floor(nowMs / 1000) + MARKER_DAYS * 86_400, owner };
    const outcome = await claims.claim(key, terms);
    if (outcome === 'sent') {
      report.alreadyClaimed += 1;
      // Harmless again if the run that sent it marked them; needed if it died first (SES's event marked the claim).
      for (const e of digest.escalations) await store.markEscalated(councilId, e.childId, e.kind, e.dueDate, today);
      continue;
    }
    if (outcome === 'held') {
      // Another run holds it within its lease: it may be sending it now, or it may have died. Not ours to send
      // or to count as sent; this run ends failed so that the retry, after the lease, finishes it.
      report.held += 1;
      log.warn('digest held by another run', { councilId, today, staffId });
      continue;
    }
    // The claim's tag: SES's send event marks it sent even if this run dies before it does.
    const email = { ...renderDigest(digest, { appUrl: options.appUrl, councilName: council.name, titles: council.titles }), tags: claimTags(claimRefOf(key)) };
    let messageId: string;
    try {
      messageId = await send(email);
    } catch (error) {
      report.failed += 1;
      // Alarm-worthy: a person did not get today's reminders. The marker is released for a rerun.
      log.error('digest not sent', { councilId, today, staffId, error: (error as Error).name ?? 'Error', deadLetter: true });
      await claims.release(key, owner);
      continue;
    }
    if (!(await claims.markSent(key, messageId, owner))) {
      // Sent, but the claim passed to another run meanwhile (this run overran its lease): that run may send it too.
      report.claimsLost += 1;
      log.error('digest claim lost before it was marked sent', { councilId, today, staffId });
    }
    for (const e of digest.escalations) await store.markEscalated(councilId, e.childId, e.kind, e.dueDate, today);
    report.sent += 1;
  }
  log.info('sweep finished', { councilId, ...report });
  return report;
}

/** Why a finished sweep must count as failed (so that it is retried), or undefined when it succeeded. */
export function sweepFailure(report: SweepReport): string | undefined {
  const why = [
    report.failed && `${report.failed} digest(s) could not be sent`,
    report.held && `${report.held} digest(s) held by another run`,
    report.claimsLost && `${report.claimsLost} digest claim(s) lost before being marked sent`,
  ].filter(Boolean);
  return why.length ? `${why.join('; ')} for ${report.today}` : undefined;
}
