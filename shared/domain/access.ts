/**
 * Who may see or change a child's record. Every read is already scoped to
 * the caller's council; within it, a practitioner sees the cases they hold,
 * a manager those held by their team, leads and admins the whole council.
 */
import type { Principal } from '#domain/principal.js';
import type { Staff } from './people.js';

export function teamOf(managerId: string, staff: readonly Staff[]): string[] {
  return [managerId, ...staff.filter((s) => s.managerId === managerId).map((s) => s.id)];
}

export function canReadChild(principal: Principal, holderId: string, staff: readonly Staff[]): boolean {
  switch (principal.role) {
    case 'admin':
    case 'lead':
      return true;
    case 'manager':
      return teamOf(principal.staffId, staff).includes(holderId);
    case 'practitioner':
      return holderId === principal.staffId;
  }
}

/** Leads read; they do not change case records. */
export function canRecordFor(principal: Principal, holderId: string, staff: readonly Staff[]): boolean {
  return principal.role !== 'lead' && canReadChild(principal, holderId, staff);
}
