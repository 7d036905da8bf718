/**
 * Who may see or change a child's record. Every read is already scoped to
 * the caller's council; within it, a practitioner sees the children whose
 * team they are in (as social worker, IRO, personal adviser, virtual school
 * or health), a manager those of their team's members, leads and admins the
 * whole council. The social worker and their manager may record any fact;
 * another member of the team records the facts of the kinds they answer for.
 */
import type { Principal } from '#domain/principal.js';
import type { Fact } from './facts.js';
import { type ChildRecord, type Staff, teamMembers, teamOfChild } from './people.js';
import { type ResponsibilityMap, DEFAULT_RESPONSIBILITY, kindsAnsweredBy, responsibleFor } from './responsibility.js';

/** What an IRO records on their children's cases beyond the reviews: raising an alert (`iro-alert`, no due work of its own) and answering one. */
const IRO_KINDS: ReadonlySet<string> = new Set(['iro-alert', 'iro-alert-response']);

/** A manager and the people who report to them. */
export function teamOf(managerId: string, staff: readonly Staff[]): string[] {
  return [managerId, ...staff.filter((s) => s.managerId === managerId).map((s) => s.id)];
}

/** The team a case belongs to for the figures: its holder's manager's id (the holder's own if a manager holds it), or `no-team`. */
export function managerTeamOf(holderId: string, staff: readonly Staff[]): string {
  const holder = staff.find((s) => s.id === holderId);
  return holder?.role === 'manager' ? holder.id : holder?.managerId ?? 'no-team';
}

/** A child as access sees it: its holder (the social worker) and its team. A bare holder id reads as a team of one. */
export type AccessSubject = string | Pick<ChildRecord, 'holderId' | 'team'>;

const membersOf = (child: AccessSubject) => teamMembers(teamOfChild(typeof child === 'string' ? { holderId: child } : child));

export function canReadChild(principal: Principal, child: AccessSubject, staff: readonly Staff[]): boolean {
  switch (principal.role) {
    case 'admin':
    case 'lead':
      return true;
    case 'manager': {
      const mine = teamOf(principal.staffId, staff);
      return membersOf(child).some((id) => mine.includes(id));
    }
    case 'practitioner':
      return membersOf(child).includes(principal.staffId);
  }
}

/** Who a caller acts for: themselves, or for a manager everyone in their team. */
function actsFor(principal: Principal, staff: readonly Staff[]): string[] {
  return principal.role === 'manager' ? teamOf(principal.staffId, staff) : [principal.staffId];
}

/** May the caller record any fact for this child? The social worker, their manager and admins; never leads. */
export function canRecordFor(principal: Principal, child: AccessSubject, staff: readonly Staff[]): boolean {
  if (principal.role === 'lead') return false;
  if (principal.role === 'admin') return true;
  const socialWorker = typeof child === 'string' ? child : child.holderId;
  return actsFor(principal, staff).includes(socialWorker);
}

/**
 * May the caller record work of these kinds? Beyond `canRecordFor`, a team
 * member (or their manager) may record work whose every kind they answer
 * for: an IRO a review, a nurse a health assessment. No kinds (a fact about
 * the case itself, such as a placement, or a correction) stays with the
 * social worker. The record pages ask this of the kind in their address; the
 * API asks `canRecordFact` of the fact it is given: the same rule.
 */
export function canRecordKinds(
  principal: Principal,
  child: Pick<ChildRecord, 'holderId' | 'team'>,
  staff: readonly Staff[],
  kinds: readonly string[],
  ageOnDay: number,
  map: ResponsibilityMap = DEFAULT_RESPONSIBILITY,
): boolean {
  if (canRecordFor(principal, child, staff)) return true;
  if (principal.role === 'lead') return false;
  const mine = actsFor(principal, staff);
  // The IRO raises an alert and records how each stage was answered.
  if (kinds.length > 0 && kinds.every((k) => IRO_KINDS.has(k)) && child.team?.iro !== undefined && mine.includes(child.team.iro)) return true;
  const team = teamOfChild(child);
  return kinds.length > 0 && kinds.every((kind) => mine.includes(responsibleFor(kind, team, ageOnDay, map).responsibleId));
}

/** May the caller record this fact? `canRecordKinds` for the kinds the fact answers. */
export function canRecordFact(
  principal: Principal,
  child: Pick<ChildRecord, 'holderId' | 'team'>,
  staff: readonly Staff[],
  fact: Fact,
  ageOnDay: number,
  map: ResponsibilityMap = DEFAULT_RESPONSIBILITY,
): boolean {
  return canRecordKinds(principal, child, staff, fact.type === 'iro-alert' ? ['iro-alert'] : kindsAnsweredBy(fact), ageOnDay, map);
}
