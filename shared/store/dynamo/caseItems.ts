/**
 * How a child, its facts and its projection are laid out as items (keys.ts),
 * and the writes that move a projection from one state to the next.
 */
import { randomBytes } from 'node:crypto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { ChildRecord } from '#domain/people.js';
import { initials, teamMembers, teamOfChild } from '#domain/people.js';
import type { ReportSummary } from '#domain/reportSummary.js';
import type { ReportEvents } from '#domain/reportEvents.js';
import { eventsKey } from '#domain/reportEventsKey.js';
import type { DueItem, ProjectedObligation, Projection, StoredFact } from '../ports/cases.js';
import { plain } from './helpers.js';
import { REFRESH_KIND, keys } from '../keys.js';

export function childItem(child: ChildRecord) {
  return {
    ...keys.child(child.councilId, child.id),
    holderPk: keys.holder(child.councilId, child.holderId),
    holderSk: `${keys.childPrefix}${child.id}`,
    itemType: 'child',
    ...child,
  };
}

/** The copy of the record in the child's own partition (keys.ts), as a write leaves the record (`child.version` is the version after it). */
export function recordCopyItem(child: ChildRecord) {
  return { ...keys.recordCopy(child.councilId, child.id), itemType: 'child-record-copy', ...child };
}

/**
 * One item per team member other than the social worker, in the child's
 * partition and on the holder index under that member, so "the children
 * whose team I am in" is one query (and erasing the child takes them too).
 */
export function memberItems(child: ChildRecord) {
  const team = teamOfChild(child);
  return teamMembers(team)
    .filter((staffId) => staffId !== team.socialWorker)
    .map((staffId) => ({
      ...keys.member(child.councilId, child.id, staffId),
      holderPk: keys.holder(child.councilId, staffId),
      holderSk: `${keys.memberPrefix}${child.id}`,
      itemType: 'member',
      childId: child.id,
      staffId,
    }));
}

/** An obligation as read back; an item stored before teams answers to its holder. */
export function dueItemOf(item: Record<string, unknown>): DueItem {
  const due = plain<DueItem>(item);
  return due.responsibleId ? due : { ...due, responsibleId: due.holderId };
}

/**
 * Facts recorded in the same millisecond keep the order they were given in (`seq`).
 * A fact's id is its sort key without the prefix, so facts written before ids
 * existed have one too (factOf).
 */
export function factItem(councilId: string, childId: string, stored: StoredFact, seq = 0) {
  const n = `${String(seq).padStart(6, '0')}${randomBytes(3).toString('hex')}`;
  const key = keys.fact(councilId, childId, stored.recordedAt, n);
  return { ...key, itemType: 'fact', ...stored, id: key.sk.slice(keys.factPrefix.length) };
}

/** The stored fact an item holds, with its id. */
export function factOf(item: Record<string, unknown>): StoredFact {
  const { pk: _pk, sk, itemType: _t, holderPk: _h, holderSk: _hs, duePk: _d, dueSk: _ds, ...rest } = item;
  return { ...(rest as unknown as StoredFact), id: (sk as string).slice(keys.factPrefix.length) };
}

/** Filed on the holder index under whoever answers for it, so a person's work is one query. */
export function obligationItem(child: ChildRecord, childInitials: string, o: ProjectedObligation, escalatedOn: string | undefined) {
  const c = child.councilId;
  const responsibleId = o.responsibleId ?? child.holderId;
  const item: DueItem = {
    councilId: c,
    childId: child.id,
    kind: o.kind,
    dueDate: o.dueDate,
    dueAt: o.dueAt,
    rule: o.rule,
    note: o.note,
    holderId: child.holderId,
    responsibleId,
    unallocated: o.unallocated,
    initials: childInitials,
    escalatedOn,
  };
  return {
    ...keys.obligation(c, child.id, o.kind),
    ...keys.dueIndex(c, o.dueDate, child.id, o.kind),
    holderPk: keys.holder(c, responsibleId),
    holderSk: `${keys.obligationPrefix}${o.dueDate}#${child.id}#${o.kind}`,
    itemType: 'obligation',
    ...item,
  };
}

export function refreshItem(child: ChildRecord, refreshOn: string) {
  return {
    ...keys.refresh(child.councilId, child.id),
    ...keys.dueIndex(child.councilId, refreshOn, child.id, REFRESH_KIND),
    itemType: 'refresh',
    childId: child.id,
    refreshOn,
  };
}

/** Summaries and events larger than this, compressed, are not kept (an item holds 400 KB): the reports read that child's history. */
const PACKED_MAX_BYTES = 300_000;

/** The value as deflated JSON in one binary attribute, or null when there is none or it is too large to keep. */
function pack(value: object | undefined): Uint8Array | null {
  if (value === undefined) return null;
  const packed = deflateRawSync(JSON.stringify(value));
  return packed.byteLength > PACKED_MAX_BYTES ? null : new Uint8Array(packed);
}

function unpack<T>(attribute: unknown): T {
  return JSON.parse(inflateRawSync(attribute as Uint8Array).toString('utf8')) as T;
}

/**
 * The child's report summary as an item on the byReport index, or null when
 * it is too large to keep. The summary is stored as deflated JSON in one
 * binary attribute: a council's summaries are read together, and as nested
 * maps they were about 7 times the bytes, each to be marshalled attribute by
 * attribute on both sides.
 */
export function summaryItem(child: ChildRecord, summary: ReportSummary | undefined) {
  const packed = pack(summary);
  if (!packed) return null;
  return {
    ...keys.reportSummary(child.councilId, child.id),
    ...keys.reportIndex(child.councilId, child.id),
    itemType: 'report-summary',
    childId: child.id,
    summary: packed,
  };
}

/** The summary a summary item holds. */
export function summaryOf(item: Record<string, unknown>): ReportSummary {
  return unpack<ReportSummary>(item.summary);
}

/**
 * The child's report events as an item on the byReport index (EVENTS#
 * partitions), deflated JSON like the summary; null when too large to keep.
 */
export function eventsItem(child: ChildRecord, events: ReportEvents | undefined) {
  const packed = pack(events);
  if (!events || !packed) return null;
  return {
    ...keys.reportEvents(child.councilId, child.id),
    ...keys.eventsIndex(child.councilId, child.id),
    itemType: 'report-events',
    childId: child.id,
    // Read without unpacking the events: whether they are current, and whether the review dates list needs them.
    eventsKey: eventsKey(events),
    caseSystemRows: events.caseSystem.length,
    events: packed,
  };
}

/** The events an events item holds. */
export function eventsOf(item: Record<string, unknown>): ReportEvents {
  return unpack<ReportEvents>(item.events);
}

/** Every item of a new child: the record, its facts, its obligations, its recompute marker, its report summary and events. */
export function newChildItems(child: ChildRecord, facts: readonly StoredFact[], projection: Projection) {
  const childInitials = initials(child.firstName, child.lastName);
  const summary = summaryItem(child, projection.summary);
  const events = eventsItem(child, projection.events);
  // The record first: createChildren puts it on condition that the child is still absent.
  return [
    childItem(child),
    recordCopyItem(child),
    ...(summary ? [summary] : []),
    ...(events ? [events] : []),
    ...memberItems(child),
    ...facts.map((f, seq) => factItem(child.councilId, child.id, f, seq)),
    ...projection.obligations.map((o) => obligationItem(child, childInitials, o, undefined)),
    ...(projection.refreshOn ? [refreshItem(child, projection.refreshOn)] : []),
  ];
}

/** The version check every write to a child's projection makes: a concurrent writer makes it fail. */
export function bumpVersion(tableName: string, child: ChildRecord) {
  return {
    Update: {
      TableName: tableName,
      Key: keys.child(child.councilId, child.id),
      UpdateExpression: 'SET version = :next',
      ConditionExpression: 'version = :current',
      ExpressionAttributeValues: { ':next': child.version + 1, ':current': child.version },
    },
  };
}

/** Puts what changed, deletes what went, writes the report events, moves the recompute marker and writes the report summary. */
export function projectionWrites(tableName: string, child: ChildRecord, previous: DueItem[], projection: Projection) {
  const c = child.councilId;
  const before = new Map(previous.map((o) => [o.kind, o]));
  const writes: object[] = [];
  const childInitials = initials(child.firstName, child.lastName);
  for (const o of projection.obligations) {
    const old = before.get(o.kind);
    before.delete(o.kind);
    if (old && old.dueDate === o.dueDate && old.rule === o.rule && old.note === o.note && old.dueAt === o.dueAt && old.holderId === child.holderId &&
      old.responsibleId === o.responsibleId && old.unallocated === o.unallocated) continue;
    // An escalation stays with the same missed date and person; a new due date or a new person starts afresh.
    const escalatedOn = old && old.dueDate === o.dueDate && old.responsibleId === o.responsibleId ? old.escalatedOn : undefined;
    writes.push({ Put: { TableName: tableName, Item: obligationItem(child, childInitials, o, escalatedOn) } });
  }
  for (const gone of before.values()) {
    writes.push({ Delete: { TableName: tableName, Key: keys.obligation(c, child.id, gone.kind) } });
  }
  const events = eventsItem(child, projection.events);
  writes.push(events ? { Put: { TableName: tableName, Item: events } } : { Delete: { TableName: tableName, Key: keys.reportEvents(c, child.id) } });
  writes.push(
    projection.refreshOn
      ? { Put: { TableName: tableName, Item: refreshItem(child, projection.refreshOn) } }
      : { Delete: { TableName: tableName, Key: keys.refresh(c, child.id) } },
  );
  const summary = summaryItem(child, projection.summary);
  writes.push(summary ? { Put: { TableName: tableName, Item: summary } } : { Delete: { TableName: tableName, Key: keys.reportSummary(c, child.id) } });
  return writes;
}
