/** Recording what happened to a child: checked, written with its audit entry, and what is due worked out again at once. */
import type { Principal } from '#domain/principal.js';
import type { Fact } from '#domain/facts.js';
import { InvalidInput } from '#domain/errors.js';
import { correctionProblem } from '#domain/corrections.js';
import type { KeptStore } from '#store/ports/stores.js';
import type { AuditLog } from '#store/ports/audit.js';
import type { DueItem, StoredFact } from '#store/ports/cases.js';
import type { ChildRecord } from '#domain/people.js';
import type { Obligation } from '#domain/obligations.js';
import { childFor } from './children.js';
import { loadCouncil, projector } from './council.js';
import { auditEntryFor, recordAccess } from './audit.js';

export interface Recorded {
  stored: StoredFact;
  obligations: Array<Obligation & { childId: string }>;
}

export async function recordFact(
  deps: { store: KeptStore; audit: AuditLog; today: string },
  principal: Principal,
  childId: string,
  fact: Fact,
  route: string,
): Promise<Recorded> {
  const { store } = deps;
  if (fact.type === 'case-system-review-due') throw new InvalidInput([{ field: 'type', message: 'case-system-review-due comes from the case system import and cannot be recorded by hand' }]);
  const { child, audit } = await childFor(store, deps.audit, principal, childId, 'record', route, { fact, today: deps.today });
  if (fact.type === 'correction') {
    // Checked against the history as read now; two people withdrawing the same fact at once
    // leave two corrections of it, which the engine reads as one.
    const { facts } = await store.getChildHistory(principal.councilId, child.id);
    const problem = correctionProblem(facts, fact.factId);
    if (problem) throw new InvalidInput([{ field: 'factId', message: problem }]);
  }
  const [council, staff] = await Promise.all([loadCouncil(store, principal.councilId), store.listStaff(principal.councilId)]);
  if (fact.type === 'complaint' && !staff.some((s) => s.id === fact.officerId)) {
    throw new InvalidInput([{ field: 'officerId', message: `no member of staff ${fact.officerId} in your council` }]);
  }
  const { stored, projection } = await store.recordFact(
    principal.councilId, child.id, fact, principal.staffId, audit.at, projector(council.policy, deps.today, staff), audit,
  );
  return { stored, obligations: projection.obligations.map((o) => ({ ...o, childId: child.id })) };
}

/**
 * What a record page shows before anything is recorded: the child, what is
 * due and what was recorded (the current placement comes from it). Only for
 * someone who may record for the case; the read is audited first.
 */
export async function beforeRecording(
  deps: { store: KeptStore; audit: AuditLog },
  principal: Principal,
  childId: string,
  route: string,
): Promise<{ child: ChildRecord; facts: StoredFact[]; obligations: DueItem[] }> {
  const { child } = await childFor(deps.store, deps.audit, principal, childId, 'record', route);
  await recordAccess(deps.audit, auditEntryFor(principal, 'read', child.id, route));
  const history = await deps.store.getChildHistory(principal.councilId, child.id);
  return { child, ...history };
}
