/**
 * The audit trail of who read or changed which child's record. A read is
 * logged before anything is shown, and if the entry cannot be written the
 * request fails (503): Kept never shows a record it could not log. A change
 * (a fact, a new child) is logged in the same transaction as the change.
 */
import { randomBytes } from 'node:crypto';
import type { Principal } from '#domain/principal.js';
import { NotFound, Unavailable } from '#domain/errors.js';
import { log } from '#platform/log.js';
import type { AuditAction, AuditEntry, AuditLog, ListAccess, StaffAuditEntry } from '#store/ports/audit.js';
import type { CaseStore } from '#store/ports/cases.js';

export type { AuditAction, AuditEntry };

/** A new entry, stamped now with a random id. */
export function newAuditEntry<E extends AuditEntry | StaffAuditEntry | ListAccess = AuditEntry>(fields: Omit<E, 'id' | 'at'>, at: Date = new Date()): E {
  return { id: randomBytes(8).toString('hex'), at: at.toISOString(), ...fields } as E;
}

/** An entry for something a signed-in person did to a child's record through the API. */
export function auditEntryFor(principal: Principal, action: AuditAction, childId: string, route: string, at?: Date): AuditEntry {
  return newAuditEntry({ councilId: principal.councilId, staffId: principal.staffId, role: principal.role, action, childId, route }, at);
}

/** Writes an entry; if it cannot be written, the request fails with 503 and shows nothing. */
export async function recordAccess(audit: AuditLog, entry: AuditEntry): Promise<void> {
  try {
    await audit.append(entry);
  } catch (error) {
    log.warn('audit entry not written', { route: entry.route, action: entry.action, error: (error as Error)?.name ?? 'Error' });
    throw new Unavailable('Kept could not write to its audit trail just now, so it shows nothing; please try again.');
  }
}

/**
 * Writes the entries for a list handed over at once (an Annex A list, the
 * review dates): one access naming every child in it, written whole. If it
 * cannot be written, the request fails with 503 and shows nothing.
 */
export async function recordListAccess(
  audit: AuditLog,
  by: Pick<Principal, 'councilId' | 'staffId' | 'role'>,
  action: AuditAction,
  route: string,
  childIds: readonly string[],
  at: Date = new Date(),
): Promise<void> {
  const access = newAuditEntry<ListAccess>({ councilId: by.councilId, staffId: by.staffId, role: by.role, action, route, childIds: [...new Set(childIds)] }, at);
  try {
    await audit.appendList(access);
  } catch (error) {
    log.warn('audit entries not written', { route, action, error: (error as Error)?.name ?? 'Error' });
    throw new Unavailable('Kept could not write to its audit trail just now, so it shows nothing; please try again.');
  }
}

/** GET /children/{id}/audit: a child's entries, oldest first. An erased child's entries stay readable. */
export async function childAuditTrail(cases: Pick<CaseStore, 'getChild'>, audit: AuditLog, councilId: string, childId: string): Promise<AuditEntry[]> {
  const [child, entries] = await Promise.all([cases.getChild(councilId, childId), audit.forChild(councilId, childId)]);
  if (!child && entries.length === 0) throw new NotFound(`no child with case reference ${childId}`);
  return entries;
}
