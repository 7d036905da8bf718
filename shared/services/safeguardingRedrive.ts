/**
 * Every call for help reaches a person, even when nobody presses again. A
 * safeguarding email whose claim ended unsent (its run was killed, or its
 * send failed and was given back) is on the redrive index (sendClaims.ts);
 * every few minutes this tells that alert's people again through `tellOnce`,
 * whose per-recipient claims send only what has not gone. An entry whose
 * young person's record is gone, or whose campaign is over, is dropped.
 */
import type { KeptStore } from '#store/ports/stores.js';
import type { RedriveEntry } from '#store/ports/sendClaims.js';
import { log } from '#platform/log.js';
import { type AlertKey, NobodyToTell, type SafeguardingSendDeps, tellOnce } from './safeguardingSend.js';

export interface RedriveDeps extends SafeguardingSendDeps {
  store: Pick<KeptStore, 'getStaff' | 'getChild'>;
  councilId: string;
}

export interface RedriveReport {
  /** Alerts found with a recipient's email unsent after its lease. */
  alerts: number;
  /** Of those, told now (or found told already, or held by a live run). */
  told: number;
  /** Dropped: the young person's record is gone, or the campaign is over. */
  dropped: number;
  /** Nobody could be emailed (no SAFEGUARDING_EMAIL), or a send failed: left for the next run. */
  failed: number;
}

/** One alert: its key without the recipient, the same for each recipient's entry. */
function alertKeyOf({ key }: RedriveEntry): AlertKey {
  const { to: _to, ...alertKey } = key;
  return alertKey;
}

export async function redriveSafeguarding(deps: RedriveDeps): Promise<RedriveReport> {
  const nowMs = (deps.nowMs ?? Date.now)();
  const entries = await deps.claims.redriveDue(deps.councilId, nowMs);
  const byAlert = new Map<string, RedriveEntry[]>();
  for (const entry of entries) {
    const id = JSON.stringify(Object.entries(alertKeyOf(entry)).sort());
    byAlert.set(id, [...(byAlert.get(id) ?? []), entry]);
  }
  const report: RedriveReport = { alerts: byAlert.size, told: 0, dropped: 0, failed: 0 };
  for (const group of byAlert.values()) {
    const first = group[0]!;
    const key = alertKeyOf(first);
    const about = { councilId: key.councilId, campaignId: key.campaignId, childId: key.childId, kind: key.kind };
    const child = await deps.store.getChild(key.councilId, key.childId);
    const over = nowMs / 1000 > first.expiresAt;
    if (!child || over) {
      for (const entry of group) await deps.claims.dropRedrive(entry.key);
      log.warn('safeguarding redrive dropped', { ...about, why: child ? 'campaign over' : 'record gone' });
      report.dropped++;
      continue;
    }
    try {
      const told = await tellOnce({ ...deps, nowMs: () => nowMs }, key, child, first.alert, first.expiresAt);
      if (told === 'sent' || told === 'sent-part') log.warn('safeguarding alert sent by the redrive', { ...about, told });
      report.told++;
    } catch (error) {
      // Left on the index: the next run tries again, and the function's error alarm says so meanwhile.
      const why = error instanceof NobodyToTell ? 'nobody to tell' : 'send failed';
      log.error('safeguarding redrive failed', { ...about, why, error: error instanceof Error ? error.name : 'unknown' });
      report.failed++;
    }
  }
  return report;
}

/** A run that told nobody about some alert fails, so its function's error alarm fires. */
export const redriveFailure = (report: RedriveReport): string | undefined =>
  report.failed > 0 ? `${report.failed} safeguarding alert(s) could not be sent again` : undefined;
