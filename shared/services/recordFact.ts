/** Recording what happened to a child: checked, written with its audit entry, and what is due worked out again at once. */
import type { Principal } from '#domain/principal.js';
import { type Fact, importOnly } from '#domain/facts.js';
import { Forbidden, InvalidInput, NotFound } from '#domain/errors.js';
import { canReadChild, canRecordKinds } from '#domain/access.js';
import { ageOn, toDayNumber } from '#domain/dates.js';
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
  /** A form's one-time token: a second call with it stores nothing and throws AlreadyRecorded (shared/store/ports/cases.ts). */
  once?: string,
): Promise<Recorded> {
  const { store } = deps;
  if (importOnly(fact.type)) {
    throw new InvalidInput([{ field: 'type', message: `${fact.type} comes from the case system import (the council's extract) and cannot be recorded by hand` }]);
  }
  // The record and its history in one read, which the write then starts from.
  const read = await store.getChildItems(principal.councilId, childId);
  const { child, audit } = await childFor(store, deps.audit, principal, childId, 'record', route, { fact, today: deps.today }, read?.child ?? null);
  if (fact.type === 'correction') {
    // Checked against the history as read now; two people withdrawing the same fact at once
    // leave two corrections of it, which the engine reads as one.
    const problem = correctionProblem(read!.facts, fact.factId);
    if (problem) throw new InvalidInput([{ field: 'factId', message: problem }]);
  }
  const [council, staff] = await Promise.all([loadCouncil(store, principal.councilId), store.listStaff(principal.councilId)]);
  if (fact.type === 'complaint' && !staff.some((s) => s.id === fact.officerId)) {
    throw new InvalidInput([{ field: 'officerId', message: `no member of staff ${fact.officerId} in your council` }]);
  }
  const { stored, projection } = await store.recordFact(
    principal.councilId, child.id, fact, principal.staffId, audit.at, projector(council.policy, deps.today, staff), audit, once, read ?? undefined,
  );
  return { stored, obligations: projection.obligations.map((o) => ({ ...o, childId: child.id })) };
}

/**
 * What a record page shows before anything is recorded: the child, what is
 * due and what was recorded (the current placement comes from it). Only for
 * someone who may record work of `kinds` for the case, by the rule the API
 * applies to the fact (canRecordKinds: the social worker, their manager and
 * admins any work, another team member the kinds they answer for; none for
 * a correction or a fact about the case itself). The read is audited first.
 */
export async function beforeRecording(
  deps: { store: KeptStore; audit: AuditLog; today: string },
  principal: Principal,
  childId: string,
  route: string,
  kinds: readonly string[],
): Promise<{ child: ChildRecord; facts: StoredFact[]; obligations: DueItem[] }> {
  const [child, staff, council] = await Promise.all([
    deps.store.getChild(principal.councilId, childId),
    principal.role === 'manager' ? deps.store.listStaff(principal.councilId) : Promise.resolve([]),
    loadCouncil(deps.store, principal.councilId),
  ]);
  if (!child) throw new NotFound(`no child with case reference ${childId}`);
  const age = ageOn(toDayNumber(child.dateOfBirth), toDayNumber(deps.today));
  if (!canRecordKinds(principal, child, staff, kinds, age, council.policy.responsibility)) {
    if (principal.role !== 'lead' && canReadChild(principal, child, staff)) {
      throw new Forbidden(`in case ${childId} you may record only the work you are responsible for`);
    }
    throw new Forbidden(`case ${childId} is not held by you, your team or a team you are in`);
  }
  await recordAccess(deps.audit, auditEntryFor(principal, 'read', child.id, route));
  const history = await deps.store.getChildHistory(principal.councilId, child.id);
  return { child, ...history };
}
