import { AlreadyExists } from '#domain/errors.js';
import type { Role } from '#domain/principal.js';

export const AUDIT_ACTIONS = ['read', 'record-fact', 'create', 'change-team', 'change-contact', 'export', 'erase'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** What an admin does to a member of staff: their details changed, their access ended. */
export const STAFF_AUDIT_ACTIONS = ['change-staff', 'end-access'] as const;
export type StaffAuditAction = (typeof STAFF_AUDIT_ACTIONS)[number];

export interface AuditEntry {
  /** 64 random bits, making the key unique within the instant. */
  id: string;
  /** ISO UTC instant. */
  at: string;
  councilId: string;
  staffId: string;
  /** A signed-in role, or `operator` for the command-line tools run against the table directly. */
  role: Role | 'operator';
  action: AuditAction;
  /** The case reference only: never a name. */
  childId: string;
  /** The API route (`GET /children/{id}`) or the command that acted. */
  route: string;
}

/**
 * An entry about a member of staff rather than a child: who changed whose
 * details or ended whose access. Kept under that member of staff, and under
 * the council's day beside the children's entries.
 */
export interface StaffAuditEntry extends Omit<AuditEntry, 'action' | 'childId'> {
  action: StaffAuditAction;
  /** The member of staff changed (their staff id). */
  staffMemberId: string;
  childId?: undefined;
}

/** A list handed over at once: the entry every child in it gets, kept as one. */
export interface ListAccess extends Omit<AuditEntry, 'childId'> {
  /** Case references, each once. */
  childIds: readonly string[];
}

/** An entry was already there: entries are never overwritten. */
export class AuditEntryExists extends AlreadyExists {}

/** The append-only audit trail: who read or changed which child's record, when, through which route. */
export interface AuditLog {
  /** Appends one entry; an entry with the same key is never replaced (AuditEntryExists). */
  append(entry: AuditEntry): Promise<void>;
  /**
   * Appends one person's access to many children at once (a list handed over):
   * written whole or not at all, never replacing anything, and read back as an
   * entry per child (each carrying the access's id) by `forChild` and `forDay`.
   */
  appendList(access: ListAccess): Promise<void>;
  /** One child's entries, oldest first, with those of the lists they were in. */
  forChild(councilId: string, childId: string): Promise<AuditEntry[]>;
  /** A council's entries for a calendar day (Europe/London), oldest first: children's and staff members'. */
  forDay(councilId: string, date: string): Promise<Array<AuditEntry | StaffAuditEntry>>;
  /** The entries about one member of staff, oldest first. */
  forStaffMember(councilId: string, staffId: string): Promise<StaffAuditEntry[]>;
}
