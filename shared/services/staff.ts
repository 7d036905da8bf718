/**
 * Staff who join, change and leave: an admin changes a member of staff's
 * details or ends a leaver's access (both audited), sees every child a leaver
 * holds or is in the team of, and hands those children over to a colleague,
 * each move the same audited team change as PUT /children/{id}/team.
 */
import type { Principal } from '#domain/principal.js';
import { Forbidden, InvalidInput, NotFound } from '#domain/errors.js';
import {
  type ChildRecord,
  type Staff,
  type StaffChange,
  TEAM_MEMBER,
  type Team,
  type TeamRole,
  initials,
  isActive,
  teamOfChild,
} from '#domain/people.js';
import type { KeptStore } from '#store/ports/stores.js';
import type { StaffAuditAction, StaffAuditEntry } from '#store/ports/audit.js';
import { newAuditEntry } from './audit.js';
import { changeTeam } from './team.js';

function staffAudit(principal: Principal, action: StaffAuditAction, staffMemberId: string, route: string): StaffAuditEntry {
  return newAuditEntry<StaffAuditEntry>({ councilId: principal.councilId, staffId: principal.staffId, role: principal.role, action, staffMemberId, route });
}

function onlyAdmins(principal: Principal): void {
  if (principal.role !== 'admin') throw new Forbidden('only an admin changes staff');
}

async function existing(store: Pick<KeptStore, 'getStaff'>, councilId: string, staffId: string): Promise<Staff> {
  const staff = await store.getStaff(councilId, staffId);
  if (!staff) throw new NotFound(`no member of staff ${staffId} in your council`);
  return staff;
}

/**
 * An admin changes a member of staff's name, email, role, manager or team
 * role. A team role is a practitioner's; a manager must be a manager, lead or
 * admin who still works here, and not the person themselves. An admin does
 * not change their own role (so a council always keeps the admin making the change).
 */
export async function changeStaffMember(store: KeptStore, principal: Principal, staffId: string, change: StaffChange, route: string): Promise<Staff> {
  onlyAdmins(principal);
  const before = await existing(store, principal.councilId, staffId);
  const problems: Array<{ field: string; message: string }> = [];
  if (change.teamRole && change.role !== 'practitioner') problems.push({ field: 'teamRole', message: `is for practitioners; a ${change.role} has none` });
  if (staffId === principal.staffId && change.role !== before.role) problems.push({ field: 'role', message: 'you cannot change your own role; ask another admin' });
  if (change.managerId !== undefined) {
    const manager = change.managerId === staffId ? null : await store.getStaff(principal.councilId, change.managerId);
    if (!manager || manager.role === 'practitioner' || !isActive(manager)) {
      problems.push({ field: 'managerId', message: `no manager, lead or admin ${change.managerId} working in your council (not the person themselves)` });
    }
  }
  if (problems.length) throw new InvalidInput(problems);
  return store.changeStaff(principal.councilId, staffId, change, staffAudit(principal, 'change-staff', staffId, route));
}

/**
 * An admin ends a leaver's access: from that moment their sign-in tokens,
 * browser sessions and calendar link are refused. Nothing they recorded is
 * deleted, and the children they hold stay with them until handed over.
 * Ending it again changes nothing and is not audited again.
 */
export async function endStaffAccess(store: KeptStore, principal: Principal, staffId: string, route: string): Promise<Staff> {
  onlyAdmins(principal);
  if (staffId === principal.staffId) throw new InvalidInput([{ field: 'id', message: 'you cannot end your own access; ask another admin' }]);
  const before = await existing(store, principal.councilId, staffId);
  if (before.accessEnded) return before;
  return store.endAccess(principal.councilId, staffId, staffAudit(principal, 'end-access', staffId, route));
}

/** One child a person is in the team of, and the places in its team they fill. */
export interface HeldChild {
  childId: string;
  initials: string;
  /** The team roles this person fills for the child, social worker (the holder) first. */
  roles: TeamRole[];
}

/** Who may take over a team role: practitioners and managers still working here whose team role fits (none fits any). */
export function colleaguesFor(role: TeamRole, staff: readonly Staff[], leaverId: string): Staff[] {
  return staff
    .filter((s) => s.id !== leaverId && isActive(s) && (s.role === 'practitioner' || s.role === 'manager') && (!s.teamRole || s.teamRole === role))
    .sort((a, b) => a.name.localeCompare(b.name, 'en-GB') || (a.id < b.id ? -1 : 1));
}

const ROLE_ORDER = Object.keys(TEAM_MEMBER) as TeamRole[];

function rolesIn(child: ChildRecord, staffId: string): TeamRole[] {
  const team = teamOfChild(child);
  return ROLE_ORDER.filter((role) => team[TEAM_MEMBER[role]] === staffId);
}

/** Every child this member of staff holds or is in the team of, by case reference (admins only). */
export async function childrenToHandOver(store: KeptStore, principal: Principal, staffId: string): Promise<{ staff: Staff; children: HeldChild[] }> {
  onlyAdmins(principal);
  const staff = await existing(store, principal.councilId, staffId);
  const children = (await store.listChildrenInTeamOf(principal.councilId, staffId))
    .map((c) => ({ childId: c.id, initials: initials(c.firstName, c.lastName), roles: rolesIn(c, staffId) }))
    .filter((c) => c.roles.length > 0)
    .sort((a, b) => (a.childId < b.childId ? -1 : 1));
  return { staff, children };
}

/** What a handover did: the children moved, and those it could not move with the reason. */
export interface HandoverResult {
  moved: string[];
  refused: Array<{ childId: string; reason: string }>;
}

/**
 * Moves the leaver's place in each child's team (one child, or all of them)
 * to a colleague, through changeTeam: the same checks, the same audited
 * team change, what is due worked out again from today. A child where the
 * colleague's team role does not fit the leaver's place is refused, not moved.
 */
export async function handOver(
  store: KeptStore,
  principal: Principal,
  leaverId: string,
  request: { to: string; childIds: readonly string[] | 'all' },
  today: string,
  route: string,
): Promise<HandoverResult> {
  const { children } = await childrenToHandOver(store, principal, leaverId);
  const colleague = await store.getStaff(principal.councilId, request.to);
  if (!colleague || colleague.id === leaverId || !isActive(colleague) || (colleague.role !== 'practitioner' && colleague.role !== 'manager')) {
    throw new InvalidInput([{ field: 'to', message: `no practitioner or manager ${request.to} working in your council` }]);
  }
  const chosen = request.childIds === 'all' ? children : children.filter((c) => request.childIds.includes(c.childId));
  if (request.childIds !== 'all') {
    const unknown = request.childIds.filter((id) => !children.some((c) => c.childId === id));
    if (unknown.length) throw new InvalidInput([{ field: 'childId', message: `${unknown.join(', ')} is not a child ${leaverId} is in the team of` }]);
  }
  const result: HandoverResult = { moved: [], refused: [] };
  for (const held of chosen) {
    const misfit = held.roles.find((role) => colleague.teamRole && colleague.teamRole !== role);
    if (misfit) {
      result.refused.push({ childId: held.childId, reason: `${colleague.name} works as ${colleague.teamRole}, not ${misfit}` });
      continue;
    }
    const child = await store.getChild(principal.councilId, held.childId);
    if (!child) continue;
    const team: Team = { ...teamOfChild(child) };
    for (const role of held.roles) team[TEAM_MEMBER[role]] = colleague.id;
    await changeTeam(store, principal, child.id, team, today, route);
    result.moved.push(child.id);
  }
  return result;
}

/** A member of staff as the API shows them: their details, whether mail reaches them, whether they still work here, whether Kept awaits their address. */
export function staffView({ id, name, email, role, managerId, jobTitle, teamRole, undeliverable, accessEnded, awaitingEmail }: Staff) {
  return { id, name, email, role, managerId, jobTitle, teamRole, undeliverable, accessEnded, awaitingEmail };
}
