/** Reading a child's record on someone's behalf: found, in their council, and theirs to see. */
import type { Principal } from '../auth/verify.js';
import { canReadChild, canRecordFor } from '../domain/access.js';
import type { ChildRecord, Staff } from '../domain/people.js';
import { forbidden, notFound } from '../http/api.js';
import type { KeptStore } from '../store/keptStore.js';
import { initials } from '../domain/people.js';

export async function childFor(
  store: KeptStore,
  principal: Principal,
  childId: string,
  purpose: 'read' | 'record',
): Promise<{ child: ChildRecord; staff: Staff[] }> {
  const [child, staff] = await Promise.all([
    store.getChild(principal.councilId, childId),
    principal.role === 'manager' ? store.listStaff(principal.councilId) : Promise.resolve([] as Staff[]),
  ]);
  if (!child) throw notFound(`no child with case reference ${childId}`);
  const allowed = purpose === 'read' ? canReadChild(principal, child.holderId, staff) : canRecordFor(principal, child.holderId, staff);
  if (!allowed) throw forbidden(`case ${childId} is not held by you or your team`);
  return { child, staff };
}

/** What a list shows of a child: the case reference and initials, never the name or birth date. */
export function childSummary(child: ChildRecord) {
  return { id: child.id, initials: initials(child.firstName, child.lastName), holderId: child.holderId };
}
