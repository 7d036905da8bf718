/** A council's settings: its name, policy, reminder rules, out-of-hours number and pledge. */
export interface CouncilSettings {
  id: string;
  name: string;
  policy?: unknown;
  reminders?: unknown;
  /** The council's out-of-hours social care number, shown to a young person who says they do not feel safe. */
  outOfHoursPhone?: string;
  /** The council's pledge to children in care, one promise a line (the pledge survey asks about each). */
  pledge?: Array<{ id: string; text: string }>;
  /**
   * Whom a young person or member of staff asks about their data (the
   * council's data protection officer), and how long survey answers are kept,
   * in the words of the council's retention schedule: the privacy notices show both.
   */
  dataProtection?: { email: string; phone?: string; answersKept?: string };
  /** Where to report an accessibility problem or ask for another format: the accessibility statement shows it. */
  accessibilityContact?: { email: string; phone?: string };
}

export interface CouncilStore {
  getCouncil(councilId: string): Promise<CouncilSettings | null>;
  putCouncil(council: CouncilSettings): Promise<void>;
  /** The day the newest extract of this system (`ssd`, `ssda903`) that Kept imported was taken, or null before the first. */
  newestExtract(councilId: string, system: string): Promise<string | null>;
  /**
   * Notes that an extract taken on this day (undefined: not known) carrying
   * these tables was imported: an older day than the one noted leaves the day
   * as it was; the tables are added to those noted before.
   */
  noteExtract(councilId: string, system: string, takenOn: string | undefined, tables: readonly string[]): Promise<void>;
  /** Every table (SSD) or file (SSDA903) an imported extract of this system has carried. */
  importedTables(councilId: string, system: string): Promise<string[]>;
}
