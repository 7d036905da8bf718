/**
 * Recording what happened for a child: the one use case behind both
 * `POST /children/{id}/facts` and the record pages. The caller must be
 * allowed to record for the case; the fact, the recomputed obligations and
 * the audit entry are written in one transaction.
 */
import type { Fact } from '#domain/facts.js';
import type { Principal } from '#domain/principal.js';
import type { ChildRecord } from '#domain/people.js';
import type { KeptStore } from '#store/ports/stores.js';
import type { AuditLog } from '#store/ports/audit.js';
import type { DueItem, Projection, StoredFact } from '#store/ports/cases.js';
import { childFor } from './children.js';
import { auditEntryFor, recordAccess } from './audit.js';
import { loadCouncil, projector } from './council.js';

export async function recordFactFor(
  store: KeptStore,
  audit: AuditLog,
  principal: Principal,
  childId: string,
  fact: Fact,
  route: string,
  today: string,
): Promise<{ child: ChildRecord; stored: StoredFact; projection: Projection }> {
  const { child, audit: entry } = await childFor(store, audit, principal, childId, 'record', route);
  const council = await loadCouncil(store, principal.councilId);
  const { stored, projection } = await store.recordFact(principal.councilId, child.id, fact, principal.staffId, entry.at, projector(council.policy, today), entry);
  return { child, stored, projection };
}

/**
 * What a record page shows before anything is recorded: the child, what is
 * due and what was recorded (the current placement comes from it). Only for
 * someone who may record for the case; the read is audited first.
 */
export async function beforeRecording(
  store: KeptStore,
  audit: AuditLog,
  principal: Principal,
  childId: string,
  route: string,
): Promise<{ child: ChildRecord; facts: StoredFact[]; obligations: DueItem[] }> {
  const { child } = await childFor(store, audit, principal, childId, 'record', route);
  await recordAccess(audit, auditEntryFor(principal, 'read', child.id, route));
  const history = await store.getChildHistory(principal.councilId, child.id);
  return { child, ...history };
}
