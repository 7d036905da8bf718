/** Reading a child's record on someone's behalf: found, in their council, theirs to see, and logged. */
import type { Principal } from '#domain/principal.js';
import { canReadChild, canRecordFact, canRecordFor } from '#domain/access.js';
import type { ChildRecord, Staff } from '#domain/people.js';
import type { Fact } from '#domain/facts.js';
import { ageOn, toDayNumber } from '#domain/dates.js';
import { Forbidden, NotFound } from '#domain/errors.js';
import { loadCouncil, projector } from './council.js';
import type { KeptStore } from '#store/ports/stores.js';
import type { ReportEventsByChild } from '#store/ports/cases.js';
import type { AuditLog } from '#store/ports/audit.js';
import { initials } from '#domain/people.js';
import { effectiveFacts } from '#domain/corrections.js';
import { type ReportSummary, currentSummary } from '#domain/reportSummary.js';
import { type ReportEvents, currentEvents, currentEventsKey, policyMark } from '#domain/reportEvents.js';
import type { ResolvedPolicy } from '#domain/policy.js';
import { type AuditEntry, auditEntryFor, recordAccess } from './audit.js';

/**
 * Finds the child and checks the caller may read it or record for it:
 * with `fact`, whether they may record that fact (a team member records
 * the kinds they answer for); without, whether they may record any (the
 * social worker, their manager, an admin).
 * A read is written to the audit trail here, before the caller shows
 * anything (503 if it cannot be). A record's entry is returned unwritten:
 * pass it to the store's write so the change and its entry commit together.
 */
export async function childFor(
  store: Pick<KeptStore, 'getChild' | 'listStaff' | 'getCouncil'>,
  audit: AuditLog,
  principal: Principal,
  childId: string,
  purpose: 'read' | 'record',
  /** The route, for the audit entry: the edge passes `routeOf(event)` (`GET /children/{id}`). */
  route = 'unnamed route',
  /** The fact about to be recorded (purpose `record`), and the day it is recorded on (Europe/London). */
  recording?: { fact: Fact; today: string },
  /** The record as the caller has just read it (null: there is none), so it is not read again. */
  read?: ChildRecord | null,
): Promise<{ child: ChildRecord; staff: Staff[]; audit: AuditEntry }> {
  const [child, staff] = await Promise.all([
    read !== undefined ? read : store.getChild(principal.councilId, childId),
    principal.role === 'manager' ? store.listStaff(principal.councilId) : Promise.resolve([] as Staff[]),
  ]);
  if (!child) throw new NotFound(`no child with case reference ${childId}`);
  let allowed: boolean;
  if (purpose === 'read') allowed = canReadChild(principal, child, staff);
  else if (!recording) allowed = canRecordFor(principal, child, staff);
  else {
    const { policy } = await loadCouncil(store, principal.councilId);
    const age = ageOn(toDayNumber(child.dateOfBirth), toDayNumber(recording.today));
    allowed = canRecordFact(principal, child, staff, recording.fact, age, policy.responsibility);
    if (!allowed && canReadChild(principal, child, staff)) {
      throw new Forbidden(`in case ${childId} you may record only the work you are responsible for; ${recording.fact.type} is not yours`);
    }
  }
  if (!allowed) throw new Forbidden(`case ${childId} is not held by you, your team or a team you are in`);
  const entry = auditEntryFor(principal, purpose === 'read' ? 'read' : 'record-fact', child.id, route);
  if (purpose === 'read') await recordAccess(audit, entry);
  return { child, staff, audit: entry };
}

/** What a list shows of a child: the case reference and initials, never the name or birth date. */
export function childSummary(child: ChildRecord) {
  return { id: child.id, initials: initials(child.firstName, child.lastName), holderId: child.holderId };
}

/**
 * Every child of a council (those `include` keeps) with the facts the engine
 * reads (corrections applied): what the council-wide lists and figures go
 * through. The facts come from the children's report summaries, read in one
 * paged pass (#domain/reportSummary); a child without a current summary
 * (written before summaries were kept, or too large to keep) has its
 * history read instead, so the answer is the same either way.
 */
export async function* childrenWithFacts(
  store: Pick<KeptStore, 'listChildren' | 'getChildHistory' | 'listReportSummaries'>,
  councilId: string,
  include: (child: ChildRecord) => boolean = () => true,
): AsyncGenerator<{ child: ChildRecord; facts: Fact[] }> {
  const [children, summaries] = await Promise.all([store.listChildren(councilId), store.listReportSummaries(councilId)]);
  for (const child of children) {
    if (include(child)) yield { child, facts: await factsOf(store, councilId, child.id, summaries) };
  }
}

/** Past this many children without current events, their facts come from the summaries read in one pass rather than a history read each. */
const HISTORIES_AT_MOST = 50;

/**
 * Every child of a council (those `include` keeps) with its report events
 * (#domain/reportEvents), what the on-time figures and review dates add up,
 * read in one paged pass. A child without current events (written before
 * they were kept, under another policy, or too large to keep) comes with
 * its facts instead, from its summary or history, so the answer is the same.
 */
export async function* childrenWithEvents(
  store: Pick<KeptStore, 'listChildren' | 'getChildHistory' | 'listReportSummaries' | 'listReportEvents'>,
  councilId: string,
  policy: ResolvedPolicy,
  include: (child: ChildRecord) => boolean = () => true,
): AsyncGenerator<ChildWithEvents> {
  const [children, kept] = await Promise.all([store.listChildren(councilId), store.listReportEvents(councilId)]);
  yield* eventsOrFacts(store, councilId, children.filter(include), kept, policyMark(policy));
}

/**
 * The children the review dates list compares, as childrenWithEvents gives
 * them, leaving out unread those whose current events hold no case-system
 * review date: it reads every child's small event attributes, then only the
 * events of the children with such dates (or whose events are not current).
 */
export async function* childrenWithReviewEvents(
  store: Pick<KeptStore, 'listChildren' | 'getChildHistory' | 'listReportSummaries' | 'listReportEventHeads' | 'getReportEvents'>,
  councilId: string,
  policy: ResolvedPolicy,
): AsyncGenerator<ChildWithEvents> {
  const [children, heads] = await Promise.all([store.listChildren(councilId), store.listReportEventHeads(councilId)]);
  const mark = policyMark(policy);
  const chosen = children.filter((child) => {
    const head = heads.get(child.id);
    return !(head?.caseSystemRows === 0 && head.eventsKey === currentEventsKey(child, mark));
  });
  const kept = await store.getReportEvents(councilId, chosen.filter((child) => heads.has(child.id)).map((child) => child.id));
  yield* eventsOrFacts(store, councilId, chosen, kept, mark);
}

type ChildWithEvents = { child: ChildRecord; events: ReportEvents } | { child: ChildRecord; facts: Fact[] };

async function* eventsOrFacts(
  store: Pick<KeptStore, 'getChildHistory' | 'listReportSummaries'>,
  councilId: string,
  chosen: readonly ChildRecord[],
  kept: ReportEventsByChild,
  mark: string,
): AsyncGenerator<ChildWithEvents> {
  const missing = chosen.filter((child) => !currentEvents(kept.get(child.id), child, mark)).length;
  const summaries = missing > HISTORIES_AT_MOST ? await store.listReportSummaries(councilId) : new Map<string, ReportSummary>();
  for (const child of chosen) {
    const events = kept.get(child.id);
    if (currentEvents(events, child, mark)) yield { child, events };
    else yield { child, facts: await factsOf(store, councilId, child.id, summaries) };
  }
}

/** A child's effective facts: from its summary, when current, else from its history. */
export async function factsOf(store: Pick<KeptStore, 'getChildHistory'>, councilId: string, childId: string, summaries = new Map<string, ReportSummary>()): Promise<Fact[]> {
  const summary = summaries.get(childId);
  return currentSummary(summary) ? summary.facts : effectiveFacts((await store.getChildHistory(councilId, childId)).facts);
}

/**
 * A one-off after summaries or report events were introduced (or their
 * version, their item's attributes, or the council's policy, changed): rewrites the projection, and
 * with it the summary and events, of every child of the council without
 * current ones (`npm run backfill-reports`). Reports are right without it
 * (they read those children's facts); it makes them cost what they show.
 */
export async function backfillReportSummaries(store: KeptStore, councilId: string, today: string): Promise<number> {
  const [children, summaries, heads, council, staff] = await Promise.all([
    store.listChildren(councilId),
    store.listReportSummaries(councilId),
    store.listReportEventHeads(councilId),
    loadCouncil(store, councilId),
    store.listStaff(councilId),
  ]);
  const project = projector(council.policy, today, staff);
  const mark = policyMark(council.policy);
  let written = 0;
  for (const child of children) {
    // Events kept before their small attributes were are written again too, so the review dates list need not unpack them.
    if (currentSummary(summaries.get(child.id)) && heads.get(child.id)?.eventsKey === currentEventsKey(child, mark)) continue;
    await store.refreshProjection(councilId, child.id, project);
    written += 1;
  }
  return written;
}
