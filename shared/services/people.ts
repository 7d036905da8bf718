/** Opening a case and adding staff: the checks that need the council's staff, then the write. */
import { contactProblem } from '#domain/contact.js';
import type { Principal } from '#domain/principal.js';
import { InvalidInput } from '#domain/errors.js';
import { teamOf } from '#domain/access.js';
import { type ChildInput, type ChildRecord, type Staff, type StaffInput, teamProblems } from '#domain/people.js';
import type { KeptStore } from '#store/ports/stores.js';
import { childSummary } from './children.js';
import { auditEntryFor } from './audit.js';

/** A manager or admin opens a case and allocates it to a practitioner or manager; the audit entry is written with it. */
export async function openCase(store: KeptStore, principal: Principal, input: ChildInput, route: string): Promise<ChildRecord> {
  const contact = contactProblem(input);
  if (contact) throw new InvalidInput([contact]);
  const staff = await store.listStaff(principal.councilId);
  const holder = staff.find((s) => s.id === input.holderId);
  if (!holder || (holder.role !== 'practitioner' && holder.role !== 'manager')) {
    throw new InvalidInput([{ field: 'holderId', message: `no practitioner or manager ${input.holderId} in your council` }]);
  }
  // The rule of changing a team (services/team.ts): a manager allocates only within their own team.
  if (principal.role === 'manager' && !teamOf(principal.staffId, staff).includes(input.holderId)) {
    throw new InvalidInput([{ field: 'holderId', message: `${input.holderId} is not in your team; an admin opens a case in another team` }]);
  }
  if (input.team) {
    const problems = teamProblems(input.team, new Map(staff.map((s) => [s.id, s])), 'team.');
    if (problems.length) throw new InvalidInput(problems);
  }
  const audit = auditEntryFor(principal, 'create', input.id, route);
  return store.createChild(principal.councilId, input, audit.at, audit);
}

/**
 * An admin adds a member of staff, whose manager (if any) must be a manager,
 * lead or admin of the council. A team role is a practitioner's: managers,
 * leads and admins have none.
 */
export async function addStaff(store: KeptStore, principal: Principal, input: StaffInput): Promise<Staff> {
  if (input.teamRole && input.role !== 'practitioner') {
    throw new InvalidInput([{ field: 'teamRole', message: `is for practitioners; a ${input.role} has none` }]);
  }
  if (input.managerId) {
    const manager = await store.getStaff(principal.councilId, input.managerId);
    if (!manager || manager.role === 'practitioner') {
      throw new InvalidInput([{ field: 'managerId', message: `no manager, lead or admin ${input.managerId} in your council` }]);
    }
  }
  const staff = { ...input, councilId: principal.councilId };
  await store.createStaff(staff);
  return staff;
}

/** The children whose team a practitioner is in, a manager's team's, the whole council for leads and admins: case references and initials only. */
export async function childrenFor(store: KeptStore, principal: Principal) {
  const { councilId, staffId, role } = principal;
  let children: ChildRecord[];
  if (role === 'practitioner') children = await store.listChildrenInTeamOf(councilId, staffId);
  else if (role === 'manager') {
    const team = teamOf(staffId, await store.listStaff(councilId));
    const found = (await Promise.all(team.map((id) => store.listChildrenInTeamOf(councilId, id)))).flat();
    children = [...new Map(found.map((c) => [c.id, c])).values()];
  } else children = await store.listChildren(councilId);
  children.sort((a, b) => (a.id < b.id ? -1 : 1));
  return children.map(childSummary);
}
