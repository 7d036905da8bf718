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
import type { Projection, StoredFact } from '#store/ports/cases.js';
import { childFor } from './children.js';
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
