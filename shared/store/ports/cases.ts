import type { Fact } from '#domain/facts.js';
import type { ContactWrite } from '#domain/contact.js';
import type { FactEntry } from '#domain/corrections.js';
import type { ChildInput, ChildRecord, Team, TeamRole } from '#domain/people.js';
import type { Obligation } from '#domain/obligations.js';
import type { ReportSummary, SummaryEntry } from '#domain/reportSummary.js';
import type { ReportEvents } from '#domain/reportEvents.js';
import type { Responsibility } from '#domain/responsibility.js';
import { AlreadyExists } from '#domain/errors.js';
import type { AuditEntry } from './audit.js';

export interface StoredFact {
  /** The store's id for the fact (a correction names it); present on every fact read back. */
  id?: string;
  recordedAt: string;
  recordedBy: string;
  fact: Fact;
  /** Where an imported fact came from (its row in the council's extract), so a re-import finds it. */
  source?: string;
}

/** One obligation in the projection, with what a reminder needs to name the child. */
export interface DueItem {
  councilId: string;
  childId: string;
  kind: string;
  dueDate: string;
  dueAt?: string;
  rule: string;
  /** Something about the record the worker should know (see Obligation.note). */
  note?: string;
  /** The child's social worker, who holds the case. */
  holderId: string;
  /** Who in the child's team answers for this item (responsibility.ts); the holder on items stored before teams. */
  responsibleId: string;
  /** The team role that should answer for it but is not allocated (the social worker answers meanwhile). */
  unallocated?: TeamRole;
  initials: string;
  /** The last day this item was escalated to the responsible person's manager. */
  escalatedOn?: string;
}

/** The form's one-time token was used already: the fact it carried is recorded, and nothing more was. */
export class AlreadyRecorded extends AlreadyExists {}

/** An obligation with who answers for it. */
export type ProjectedObligation = Obligation & Responsibility;

export interface Projection {
  obligations: ProjectedObligation[];
  /** When the answer changes with time alone (see nextRecomputeDate). */
  refreshOn: string | null;
  /**
   * What the council-wide reports read of the child (#domain/reportSummary),
   * written with the obligations. Without one, any summary the child had is
   * removed and the reports read its history instead.
   */
  summary?: ReportSummary;
  /**
   * What the on-time figures and review dates add up (#domain/reportEvents),
   * written with the obligations; without, any the child had are removed.
   */
  events?: ReportEvents;
}

/** Works out a child's projection from all its facts (shared/services/council.ts makes one). */
export type Projector = (child: ChildRecord, facts: ReadonlyArray<FactEntry & Pick<SummaryEntry, 'recordedAt'>>) => Projection;

/** Report events by case reference (a store may inflate each only when asked for it). */
export interface ReportEventsByChild {
  readonly size: number;
  has(childId: string): boolean;
  get(childId: string): ReportEvents | undefined;
}

export interface ReportEventsHead {
  eventsKey?: string;
  caseSystemRows?: number;
}

/** Opaque keys of written items; only the store looks inside. */
export type WrittenKeys = Array<{ pk: string; sk: string }>;

/**
 * Told the keys of each batch before it is sent: from then on those items
 * may be in the table, even if the call fails or its answer is lost.
 */
export type OnWrite = (keys: WrittenKeys) => void;

export interface NewChild {
  child: ChildRecord;
  facts: StoredFact[];
  projection: Projection;
}

export interface ChildItems {
  child: ChildRecord;
  facts: StoredFact[];
  obligations: DueItem[];
  /** The one-time form tokens already used to record for this child. */
  formsUsed: ReadonlySet<string>;
}

/** Children, their facts (append-only), their projections of what is due, and escalation marks. */
export interface CaseStore {
  /** Opens a case; with `audit`, its audit entry is written in the same transaction. */
  createChild(councilId: string, input: ChildInput, createdAt: string, audit?: AuditEntry): Promise<ChildRecord>;
  getChild(councilId: string, childId: string): Promise<ChildRecord | null>;
  listChildren(councilId: string): Promise<ChildRecord[]>;
  /** The children whose social worker (holder) this person is. */
  listChildrenHeldBy(councilId: string, staffId: string): Promise<ChildRecord[]>;
  /** The children whose team this person is in, in any team role (holder included). */
  listChildrenInTeamOf(councilId: string, staffId: string): Promise<ChildRecord[]>;
  /**
   * The child's record with its history and the one-time form tokens spent on
   * it, in one query of the child's partition when the copy of the record
   * kept there is there (null when there is no such child). The copy may be a
   * version behind (a contact change does not rewrite it): a write given this
   * read is guarded by its version, and reads the record itself to try again.
   */
  getChildItems(councilId: string, childId: string): Promise<ChildItems | null>;
  /** The child's facts, oldest recorded first, and the current projection. */
  getChildHistory(councilId: string, childId: string): Promise<{ facts: StoredFact[]; obligations: DueItem[] }>;
  /**
   * Every child's report summary in the council (a paged read of the
   * byReport index, eventually consistent), by case reference. A child
   * missing here has none yet, or one too large to keep.
   */
  listReportSummaries(councilId: string): Promise<Map<string, ReportSummary>>;
  /** Every child's report events in the council, read like the summaries (a paged read of their own shards of the byReport index). */
  listReportEvents(councilId: string): Promise<ReportEventsByChild>;
  /**
   * For every child with kept report events, what can be known of them
   * without reading them: their `eventsKey` (#domain/reportEvents) and how
   * many case-system review rows they hold (both undefined on items kept
   * before either was). Read like the events, but compact.
   */
  listReportEventHeads(councilId: string): Promise<Map<string, ReportEventsHead>>;
  /** These children's report events, read by key (a child without any is left out). */
  getReportEvents(councilId: string, childIds: readonly string[]): Promise<ReportEventsByChild>;
  /** Everything this person is responsible for (`responsibleId`), across every child whose team they are in, soonest first. */
  dueForHolder(councilId: string, staffId: string): Promise<DueItem[]>;
  /** Everything due on or before `upTo` (overdue included), and the children whose projection needs recomputing by then. */
  dueUpTo(councilId: string, upTo: string): Promise<{ items: DueItem[]; refresh: string[] }>;
  /**
   * Appends a fact and rewrites the projection in one transaction, retried
   * when another writer changed the child meanwhile (ConcurrentChange after
   * a few tries). With `audit`, the entry is written in the same transaction.
   * With `once` (a form's one-time token), the token is spent in the same
   * transaction: a second call with it stores nothing and throws AlreadyRecorded.
   */
  recordFact(
    councilId: string,
    childId: string,
    fact: Fact,
    recordedBy: string,
    recordedAt: string,
    project: Projector,
    audit?: AuditEntry,
    once?: string,
    /** What the caller read with getChildItems, used for the first try instead of reading again. */
    read?: ChildItems,
  ): Promise<{ stored: StoredFact; projection: Projection }>;
  /**
   * Replaces the child's team (its social worker becomes the holder) and
   * rewrites the projection with the new team, in one transaction guarded by
   * the child's version; with `audit`, its entry is written in it too.
   */
  setTeam(councilId: string, childId: string, team: Team, project: Projector, audit?: AuditEntry): Promise<{ child: ChildRecord; projection: Projection }>;
  /**
   * Sets or removes the child's contact fields and removes the marks named,
   * leaving every other field (and any mark not named) as it is, if the
   * record is still at `version`; bumps the version, and with `audit` writes
   * its entry in the same transaction. False when the version had moved on.
   * NotFound when there is no such child.
   */
  setContact(councilId: string, childId: string, write: ContactWrite, version: number, audit?: AuditEntry): Promise<boolean>;
  /** Recomputes a child's projection without a new fact (a birthday moved it). */
  refreshProjection(councilId: string, childId: string, project: Projector): Promise<void>;
  /** Marks an item escalated on `on`, if it is still due on `dueDate`. */
  markEscalated(councilId: string, childId: string, kind: string, dueDate: string, on: string): Promise<void>;
  /** Writes whole new children with their facts and projections in batches (seeding, bulk import). */
  writeChildren(entries: ReadonlyArray<NewChild>, onWrite?: OnWrite): Promise<void>;
  /**
   * Creates each child that does not exist yet, with its facts and
   * projection: the child's item is put only if absent, in the same
   * transaction as its first items (the rest follow in further transactions).
   * `onWrite` hears only of items this call wrote. Returns the ids of the
   * children that existed already (created meanwhile by someone else): nothing
   * of theirs is written.
   */
  createChildren(entries: ReadonlyArray<NewChild>, onWrite?: OnWrite): Promise<string[]>;
  /** Appends several facts to an existing child and rewrites its projection, a transaction at a time. */
  appendFacts(child: ChildRecord, facts: StoredFact[], project: Projector, onWrite?: OnWrite): Promise<void>;
  /** Deletes exactly these items (undoing `writeChildren` or `appendFacts`). */
  deleteItems(written: WrittenKeys): Promise<void>;
  /**
   * Texts to this number stopped reaching the young person (a delivery
   * failure, or they opted out): marks it unreachable, if it is still the
   * child's number. False when there is no such child or the number changed.
   */
  markMobileUnreachable(councilId: string, childId: string, mobile: string, since: string, reason: string): Promise<boolean>;
  /**
   * Survey email to this address stopped reaching the young person (it
   * bounced for good, or they complained): marks it unreachable, if it is
   * still the child's address. False when there is no such child or the address changed.
   */
  markEmailUnreachable(councilId: string, childId: string, email: string, since: string, reason: string): Promise<boolean>;
}
