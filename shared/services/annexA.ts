/**
 * The Annex A lists for an inspection, for leads and admins only. Every child
 * in a list gets an `export` audit entry before the list is handed over; if
 * an entry cannot be written, nothing is.
 */
import { annexA, type AnnexAChild, type AnnexAList, type AnnexATable } from '#domain/annexA.js';
import { Forbidden } from '#domain/errors.js';
import type { Principal } from '#domain/principal.js';
import type { AuditLog } from '#store/ports/audit.js';
import type { KeptStore } from '#store/ports/stores.js';
import { auditEntryFor, recordAccess } from './audit.js';
import { loadCouncil } from './council.js';
import { childrenWithFacts } from './children.js';

export async function annexAList(store: KeptStore, audit: AuditLog, principal: Principal, list: AnnexAList, today: string, route: string): Promise<AnnexATable> {
  if (principal.role !== 'lead' && principal.role !== 'admin') throw new Forbidden('the Annex A lists are for leads and admins');
  const council = await loadCouncil(store, principal.councilId);
  const staff = new Map((await store.listStaff(principal.councilId)).map((s) => [s.id, s.name]));
  const children: AnnexAChild[] = [];
  for await (const { child, facts } of childrenWithFacts(store, principal.councilId)) {
    children.push({ child, facts, holderName: staff.get(child.holderId) ?? child.holderId });
  }
  const table = annexA(list, children, today, council.policy.personalAdviser.untilAge);
  for (const row of table.rows) await recordAccess(audit, auditEntryFor(principal, 'export', row[0]!, route));
  return table;
}
