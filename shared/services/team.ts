/**
 * Changing the team around a child: a manager of the social worker's team,
 * or an admin, allocates the social worker, IRO, personal adviser, virtual
 * school and health members. The change takes effect that day: what is due
 * is worked out again with the new team, and the audit entry is written in
 * the same transaction.
 */
import type { Principal } from '#domain/principal.js';
import { Forbidden, InvalidInput, NotFound } from '#domain/errors.js';
import { teamOf } from '#domain/access.js';
import { type ChildRecord, type Team, teamProblems } from '#domain/people.js';
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
    if (!mine.includes(child.holderId)) throw new Forbidden(`case ${childId} is not held in your team`);
    if (!mine.includes(team.socialWorker)) {
      throw new InvalidInput([{ field: 'socialWorker', message: `${team.socialWorker} is not in your team; an admin moves a case between teams` }]);
    }
  }
  const problems = teamProblems(team, new Map(staff.map((s) => [s.id, s])));
  if (problems.length) throw new InvalidInput(problems);
  const council = await loadCouncil(store, principal.councilId);
  const audit = auditEntryFor(principal, 'change-team', child.id, route);
  return store.setTeam(principal.councilId, child.id, team, projector(council.policy, today), audit);
}
