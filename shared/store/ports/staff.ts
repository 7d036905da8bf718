import type { Staff } from '#domain/people.js';

/** The council's staff, who owns an email address, and whose calendar link a token is. */
export interface StaffStore {
  getStaff(councilId: string, staffId: string): Promise<Staff | null>;
  listStaff(councilId: string): Promise<Staff[]>;
  /** Adds a staff member; their email address may belong to nobody else (AlreadyExists). */
  createStaff(staff: Staff): Promise<void>;
  findStaffByEmail(address: string): Promise<Staff | null>;
  /** Mail to this person bounced or was complained about: the sweep stops mailing them. */
  markUndeliverable(councilId: string, staffId: string, since: string, reason: string): Promise<void>;
  /** Replaces a person's calendar feed token (only its hash is kept); the old one stops working. */
  setCalendarToken(councilId: string, staffId: string, tokenHash: string): Promise<void>;
  findCalendarToken(tokenHash: string): Promise<{ councilId: string; staffId: string } | null>;
}
