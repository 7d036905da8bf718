import type { Staff, StaffChange } from '#domain/people.js';
import type { StaffAuditEntry } from './audit.js';

/** The council's staff, who owns an email address, and whose calendar link a token is. */
export interface StaffStore {
  getStaff(councilId: string, staffId: string): Promise<Staff | null>;
  listStaff(councilId: string): Promise<Staff[]>;
  /** Adds a staff member; their email address may belong to nobody else (AlreadyExists). */
  createStaff(staff: Staff): Promise<void>;
  findStaffByEmail(address: string): Promise<Staff | null>;
  /**
   * Takes back a write that may or may not have happened: with `before` null,
   * removes `after` (a member this run created) and the address they own; else
   * puts `before` back as it was, with its address. The audit entries stay.
   */
  revertStaff(after: Staff, before: Staff | null): Promise<void>;
  /**
   * Replaces a member of staff's details, with its audit entry in the same
   * transaction. A new email address moves the address's ownership (it may
   * belong to nobody else: AlreadyExists) and clears the undeliverable mark.
   * NotFound when there is no such member of staff.
   */
  changeStaff(councilId: string, staffId: string, change: StaffChange, audit: StaffAuditEntry): Promise<Staff>;
  /**
   * Ends a leaver's access (`accessEnded`) and retires their calendar link,
   * with its audit entry, in one transaction. Their record, history and
   * address stay. NotFound when there is no such member of staff.
   */
  endAccess(councilId: string, staffId: string, audit: StaffAuditEntry): Promise<Staff>;
  /** Mail to this person bounced or was complained about: the sweep stops mailing them. */
  markUndeliverable(councilId: string, staffId: string, since: string, reason: string): Promise<void>;
  /** Replaces a person's calendar feed token (only its hash is kept); the old one stops working. */
  setCalendarToken(councilId: string, staffId: string, tokenHash: string): Promise<void>;
  findCalendarToken(tokenHash: string): Promise<{ councilId: string; staffId: string } | null>;
}
