/**
 * Changing the team around a child: a manager of the social worker's team,
 * or an admin, allocates the social worker, IRO, personal adviser, virtual
 * school and health members (a child the import could not allocate, any
 * manager into their own team). The change takes effect that day: what is due
 * is worked out again with the new team, and the audit entry is written in
 * the same transaction.
 */
import type { Principal } from '#domain/principal.js';
import { Forbidden, InvalidInput, NotFound } from '#domain/errors.js';
import { teamOf } from '#domain/access.js';
import { type ChildRecord, type Team, type TeamRole, teamProblems, UNALLOCATED } from '#domain/people.js';
import type { KeptStore } from '#store/ports/stores.js';
import type { Projection } from '#store/ports/cases.js';
import { auditEntryFor } from './audit.js';
import { loadCouncil, projector } from './council.js';

export async function changeTeam(
  store: KeptStore,
  principal: Principal,
  childId: string,
  team: Team,
  today: string,
  route: string,
): Promise<{ child: ChildRecord; projection: Projection }> {
  if (principal.role !== 'manager' && principal.role !== 'admin') throw new Forbidden('only a manager or an admin changes a team');
  const [child, staff] = await Promise.all([store.getChild(principal.councilId, childId), store.listStaff(principal.councilId)]);
  if (!child) throw new NotFound(`no child with case reference ${childId}`);
  if (principal.role === 'manager') {
    const mine = teamOf(principal.staffId, staff);
    // An unallocated child is no team's yet: any manager may take it into theirs.
    if (child.holderId !== UNALLOCATED && !mine.includes(child.holderId)) throw new Forbidden(`case ${childId} is not held in your team`);
    if (!mine.includes(team.socialWorker)) {
      throw new InvalidInput([{ field: 'socialWorker', message: `${team.socialWorker} is not in your team; an admin moves a case between teams` }]);
    }
  }
  const problems = teamProblems(team, new Map(staff.map((s) => [s.id, s])));
  if (problems.length) throw new InvalidInput(problems);
  const council = await loadCouncil(store, principal.councilId);
  const audit = auditEntryFor(principal, 'change-team', child.id, route);
  return store.setTeam(principal.councilId, child.id, team, projector(council.policy, today, staff), audit);
}

export interface TeamGap {
  childId: string;
  initials: string;
  holderId: string;
  /** The team roles the child's work needs but nobody holds (an IRO, a personal adviser, ...). */
  missing: TeamRole[];
}

/**
 * For a manager's view: the children held in their team whose work needs a
 * team role nobody holds (their items fall to the social worker meanwhile
 * and say so). A lead or admin sees the council's.
 */
export async function teamGaps(store: KeptStore, principal: Principal): Promise<TeamGap[]> {
  if (principal.role === 'practitioner') throw new Forbidden('only managers, leads and admins see their team');
  const staff = await store.listStaff(principal.councilId);
  const holders = principal.role === 'manager' ? teamOf(principal.staffId, staff) : staff.map((s) => s.id);
  const gaps = new Map<string, TeamGap>();
  for (const items of await Promise.all(holders.map((id) => store.dueForHolder(principal.councilId, id)))) {
    for (const item of items) {
      if (!item.unallocated) continue;
      let gap = gaps.get(item.childId);
      if (!gap) gaps.set(item.childId, (gap = { childId: item.childId, initials: item.initials, holderId: item.holderId, missing: [] }));
      if (!gap.missing.includes(item.unallocated)) gap.missing.push(item.unallocated);
    }
  }
  return [...gaps.values()].sort((a, b) => (a.childId < b.childId ? -1 : 1));
}
