/**
 * The Annex A lists for an inspection, for leads and admins only. Every child
 * in a list gets an `export` audit entry before the list is handed over; if
 * an entry cannot be written, nothing is.
 */
import { annexA, type AnnexAChild, type AnnexAList, type AnnexATable } from '#domain/annexA.js';
import { absencesHeld, annexADetails } from '#domain/annexADetails.js';
import { Forbidden } from '#domain/errors.js';
import type { Staff } from '#domain/people.js';
import type { Principal } from '#domain/principal.js';
import type { AuditLog } from '#store/ports/audit.js';
import type { KeptStore } from '#store/ports/stores.js';
import { recordListAccess } from './audit.js';
import { loadCouncil } from './council.js';
import { childrenWithFacts } from './children.js';

/** The team that holds a case, named as the team pages name it: its manager's ("Pat Lee's team"). */
export function teamNameOf(holderId: string, staff: ReadonlyMap<string, Staff>): string | undefined {
  const holder = staff.get(holderId);
  const managerId = holder?.role === 'manager' ? holder.id : holder?.managerId;
  const manager = managerId ? staff.get(managerId) : undefined;
  return manager ? `${manager.name}'s team` : undefined;
}

/** The list as it stands today for the whole council: no access check and no audit (callers do both). */
export async function annexATable(store: KeptStore, councilId: string, list: AnnexAList, today: string): Promise<AnnexATable> {
  const council = await loadCouncil(store, councilId);
  const staff = new Map((await store.listStaff(councilId)).map((s) => [s.id, s]));
  const absencesKnown = absencesHeld(new Set(await store.importedTables(councilId, 'ssd')));
  const children: AnnexAChild[] = [];
  for await (const { child, facts } of childrenWithFacts(store, councilId)) {
    const adviser = child.team?.personalAdviser;
    children.push({
      child,
      facts,
      holderName: staff.get(child.holderId)?.name ?? child.holderId,
      personalAdviserName: adviser ? (staff.get(adviser)?.name ?? adviser) : undefined,
      teamName: teamNameOf(child.holderId, staff),
      details: annexADetails(facts, today, absencesKnown),
    });
  }
  return annexA(list, children, today, council.policy.personalAdviser.untilAge);
}

export function mayExportAnnexA(principal: Principal): void {
  if (principal.role !== 'lead' && principal.role !== 'admin') throw new Forbidden('the Annex A lists are for leads and admins');
}

/** An `export` entry for every child in the table (its first column is the case reference), before it is handed over. */
export async function auditAnnexAExport(audit: AuditLog, by: Pick<Principal, 'councilId' | 'staffId' | 'role'>, table: AnnexATable, route: string): Promise<void> {
  await recordListAccess(audit, by, 'export', route, table.rows.map((row) => row[0] as string));
}

export async function annexAList(store: KeptStore, audit: AuditLog, principal: Principal, list: AnnexAList, today: string, route: string): Promise<AnnexATable> {
  mayExportAnnexA(principal);
  const table = await annexATable(store, principal.councilId, list, today);
  await auditAnnexAExport(audit, principal, table, route);
  return table;
}
