/**
 * The council-wide reports read each child's report summary (one paged read
 * of the byReport index) instead of replaying every history: on the demo
 * council and on a generated one, after facts recorded, corrected and a team
 * changed through the use cases, they equal the reports replayed from the
 * histories, as they were read before summaries existed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeleteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { startTestStack, type TestStack } from '#tests/support/stack.js';
import { addYoungPeople, childId } from '#tests/support/scaleCouncil.js';
import { seedDemoCouncil } from '#local/demoCouncil.js';
import { documentClient } from '#store/dynamo/client.js';
import { keys } from '#store/keys.js';
import type { KeptStore } from '#store/ports/stores.js';
import type { Principal } from '#domain/principal.js';
import { REPORT_SUMMARY_VERSION } from '#domain/reportSummary.js';
import { forgetCouncils, loadCouncil } from '#services/council.js';
import { currentEvents, policyMark } from '#domain/reportEvents.js';
import { toDayNumber } from '#domain/dates.js';
import { onTimeFigures } from '#services/onTimeFigures.js';
import { reviewDateList } from '#services/reviewDates.js';
import { annexAList } from '#services/annexA.js';
import { recordFact } from '#services/recordFact.js';
import { changeTeam } from '#services/team.js';
import { backfillReportSummaries, childrenWithReviewEvents } from '#services/children.js';

let stack: TestStack;
const TODAY = '2026-12-01';
const GENERATED = 200;

const lead = (councilId: string, staffId: string): Principal => ({ subject: `${councilId}:${staffId}`, councilId, staffId, role: 'lead' });

/** The same store with no summaries or events: every report replays every history, as before either was kept. */
const replayed = (store: KeptStore): KeptStore => ({ ...store, listReportSummaries: async () => new Map(), listReportEvents: async () => new Map(), listReportEventHeads: async () => new Map(), getReportEvents: async () => new Map() });

/** Every report a lead reads, from `store`. */
async function reports(store: KeptStore, principal: Principal, team: string) {
  const route = 'test';
  return {
    council: await onTimeFigures(store, principal, {}, TODAY),
    lastMonths: await onTimeFigures(store, principal, { from: '2026-06-01', to: '2026-09-30' }, TODAY),
    team: await onTimeFigures(store, principal, { team }, TODAY),
    reviewDates: await reviewDateList(store, stack.audit, principal, TODAY, route, 'read'),
    list8: await annexAList(store, stack.audit, principal, 'children-in-care', TODAY, route),
    list9: await annexAList(store, stack.audit, principal, 'care-leavers', TODAY, route),
  };
}

beforeAll(async () => {
  stack = await startTestStack('summaries');
  await seedDemoCouncil(stack.store, stack.councilId, TODAY, 120);
  const generated = `${stack.councilId}-gen`;
  await stack.store.putCouncil({ id: generated, name: 'Generated Borough' });
  await addYoungPeople(stack.store, generated, (await loadCouncil(stack.store, generated)).policy, TODAY, 0, GENERATED);
}, 300_000);

afterAll(async () => {
  await stack?.stop();
});

describe('reports from summaries', () => {
  it('every child written in bulk has current report events on the index, apart from its summary', async () => {
    const children = await stack.store.listChildren(stack.councilId);
    const events = await stack.store.listReportEvents(stack.councilId);
    const mark = policyMark((await loadCouncil(stack.store, stack.councilId)).policy);
    expect(events.size).toBe(children.length);
    for (const child of children) expect(currentEvents(events.get(child.id), child, mark)).toBe(true);
  });

  it('a council whose policy changed reads every child\'s facts until the backfill keeps events under the new one, with the same figures', async () => {
    const c = `${stack.councilId}-gen`;
    const principal = lead(c, 'lead-8');
    await stack.store.createStaff({ councilId: c, id: 'lead-8', name: 'Lee Lead', email: `lead-8@${c}.test`, role: 'lead' });
    await stack.store.putCouncil({ id: c, name: 'Generated Borough', policy: { statutoryVisit: { firstWithinDays: 5 } } });
    forgetCouncils();
    const stale = await onTimeFigures(stack.store, principal, {}, TODAY);
    expect(stale).toEqual(await onTimeFigures(replayed(stack.store), principal, {}, TODAY));
    expect(await backfillReportSummaries(stack.store, c, TODAY)).toBe(GENERATED);
    expect(await onTimeFigures(stack.store, principal, {}, TODAY)).toEqual(stale);
    await stack.store.putCouncil({ id: c, name: 'Generated Borough' });
    forgetCouncils();
    expect(await backfillReportSummaries(stack.store, c, TODAY)).toBe(GENERATED);
  }, 240_000);

  it('every child written in bulk has a current summary on the index, holding its facts', async () => {
    const children = await stack.store.listChildren(stack.councilId);
    const summaries = await stack.store.listReportSummaries(stack.councilId);
    expect(summaries.size).toBe(children.length);
    const first = children[0]!;
    const { facts } = await stack.store.getChildHistory(stack.councilId, first.id);
    expect(summaries.get(first.id)).toEqual({ version: REPORT_SUMMARY_VERSION, facts: facts.map((f) => f.fact) });
  });

  it('the demo council: equal to the reports replayed from histories, after work recorded, withdrawn and a team changed', async () => {
    const c = stack.councilId;
    const deps = { store: stack.store, audit: stack.audit, today: TODAY };
    const children = await stack.store.listChildren(c);
    const inCare = children.filter((ch) => ch.team?.iro);
    const [a, b, d] = [inCare[0]!, inCare[1]!, inCare[2]!];
    const as = (ch: typeof a) => ({ subject: 'x', councilId: c, staffId: ch.holderId, role: 'practitioner' as const });
    await recordFact(deps, as(a), a.id, { type: 'visit', date: '2026-11-28', seenAlone: true }, 'test');
    const late = await recordFact(deps, as(b), b.id, { type: 'visit', date: '2026-11-20', seenAlone: false }, 'test');
    await recordFact(deps, as(b), b.id, { type: 'correction', date: TODAY, factId: late.stored.id!, reason: 'recorded-in-error' }, 'test');
    const staff = await stack.store.listStaff(c);
    const other = staff.find((s) => s.teamRole === 'social-worker' && s.id !== d.holderId && s.managerId !== undefined)!;
    await changeTeam(stack.store, { subject: 'x', councilId: c, staffId: 'admin-1', role: 'admin' }, d.id, { ...d.team!, socialWorker: other.id }, TODAY, 'test');
    // A child whose summary and events are gone (written before they were kept), and one whose events are: their facts are read instead.
    await documentClient().send(new DeleteCommand({ TableName: stack.tableName, Key: keys.reportSummary(c, children[5]!.id) }));
    await documentClient().send(new DeleteCommand({ TableName: stack.tableName, Key: keys.reportEvents(c, children[5]!.id) }));
    await documentClient().send(new DeleteCommand({ TableName: stack.tableName, Key: keys.reportEvents(c, children[6]!.id) }));
    const events = await stack.store.listReportEvents(c);
    expect(events.size).toBe(children.length - 2);
    expect(events.get(a.id)!.visits.some(([date]) => date === toDayNumber('2026-11-28'))).toBe(true);
    expect(events.get(b.id)!.visits.some(([date]) => date === toDayNumber('2026-11-20'))).toBe(false);

    const summaries = await stack.store.listReportSummaries(c);
    expect(summaries.get(b.id)!.facts.some((f) => f.type === 'visit' && f.date === '2026-11-20')).toBe(false);
    expect(summaries.get(a.id)!.facts.some((f) => f.type === 'visit' && f.date === '2026-11-28')).toBe(true);
    expect(summaries.has(children[5]!.id)).toBe(false);

    const principal = lead(c, 'hos-1');
    const fromSummaries = await reports(stack.store, principal, 'tm-1');
    const fromHistories = await reports(replayed(stack.store), principal, 'tm-1');
    expect(fromSummaries).toEqual(fromHistories);
    // Not an empty comparison: the figures count something, and the lists list someone.
    expect(fromSummaries.council.figures.find((f) => f.id === 'visits-on-time')!.denominator).not.toBe(0);
    expect(fromSummaries.list8.rows.length).toBeGreaterThan(10);
    expect(fromSummaries.list9.rows.length).toBeGreaterThan(3);

    // The one-off backfill writes the missing summary and events, and only those children's.
    expect(await backfillReportSummaries(stack.store, c, TODAY)).toBe(2);
    expect((await stack.store.listReportSummaries(c)).has(children[5]!.id)).toBe(true);
    expect((await stack.store.listReportEvents(c)).size).toBe(children.length);
    expect(await reports(stack.store, principal, 'tm-1')).toEqual(fromHistories);
  }, 240_000);

  it('a generated council, with the case system\'s review dates: equal to the reports replayed from histories', async () => {
    const c = `${stack.councilId}-gen`;
    expect((await stack.store.listReportSummaries(c)).size).toBe(GENERATED);
    await stack.store.createStaff({ councilId: c, id: 'lead-9', name: 'Lou Lead', email: `lead-9@${c}.test`, role: 'lead' });
    const principal = lead(c, 'lead-9');
    const fromSummaries = await reports(stack.store, principal, 'tm-0');
    expect(fromSummaries).toEqual(await reports(replayed(stack.store), principal, 'tm-0'));
    expect(fromSummaries.reviewDates.childrenCompared).toBeGreaterThan(5);
    expect(fromSummaries.reviewDates.rows.length).toBeGreaterThan(0);
    expect(fromSummaries.team.figures.find((f) => f.id === 'reviews-on-time')!.denominator).not.toBe(0);
  }, 240_000);

  it('the review dates list reads the events of only the children whose case system gave review dates (and of those whose events are not current)', async () => {
    const c = `${stack.councilId}-gen`;
    const policy = (await loadCouncil(stack.store, c)).policy;
    const heads = await stack.store.listReportEventHeads(c);
    const all = await stack.store.listReportEvents(c);
    expect(heads.size).toBe(all.size);
    const withRows = [...heads].filter(([, head]) => head.caseSystemRows! > 0).map(([id]) => id).sort();
    expect(withRows.length).toBeGreaterThan(5);
    expect(withRows.length).toBeLessThan(heads.size);
    for (const [id, head] of heads) expect(head.caseSystemRows).toBe(all.get(id)!.caseSystem.length);
    // An events item kept before its small attributes were: read whole, to be safe.
    const older = [...heads].find(([, head]) => head.caseSystemRows === 0)![0];
    await documentClient().send(new UpdateCommand({ TableName: stack.tableName, Key: keys.reportEvents(c, older), UpdateExpression: 'REMOVE eventsKey, caseSystemRows' }));

    const asked: string[] = [];
    const counting: KeptStore = { ...stack.store, getReportEvents: async (councilId, ids) => (asked.push(...ids), stack.store.getReportEvents(councilId, ids)) };
    const compared = [];
    for await (const read of childrenWithReviewEvents(counting, c, policy)) compared.push(read.child.id);
    expect(asked.sort()).toEqual([...withRows, older].sort());
    expect(compared.sort()).toEqual([...withRows, older].sort());
    const principal = lead(c, 'lead-9');
    expect(await reviewDateList(counting, stack.audit, principal, TODAY, 'test', 'read')).toEqual(await reviewDateList(replayed(stack.store), stack.audit, principal, TODAY, 'test', 'read'));
    // The backfill writes that child's events again, with their attributes.
    expect(await backfillReportSummaries(stack.store, c, TODAY)).toBe(1);
    expect((await stack.store.listReportEventHeads(c)).get(older)).toEqual({ eventsKey: heads.get(older)!.eventsKey, caseSystemRows: 0 });
  }, 120_000);

  it('the campaign list counts a campaign\'s responses without reading them, as many as there are', async () => {
    const c = stack.councilId;
    const responses = Array.from({ length: 7 }, () => ({ surveyId: 'care-leaver', version: 1, submittedOn: TODAY, answers: {}, bands: { ageBand: '18-20' as const, placementType: 'care-leaver', area: 'unknown' as const } }));
    await stack.surveys.putResponses(c, 'cmp-count', responses);
    expect(await stack.surveys.countResponses(c, 'cmp-count')).toBe(7);
    expect(await stack.surveys.countResponses(c, 'cmp-none')).toBe(0);
  });

  it('the campaign list counts the invitations sent without reading them, leaving out those not sent yet', async () => {
    const c = stack.councilId;
    for (const childId of ['S-1', 'S-2', 'S-3']) {
      await stack.surveys.issueLink({ linkHash: `hash-${childId}`, councilId: c, campaignId: 'cmp-sent', childId, lastDay: '2027-02-14' }, 2_000_000_000);
    }
    await stack.surveys.markInvitationSent(c, 'cmp-sent', 'S-1', `${TODAY}T10:00:00.000Z`);
    await stack.surveys.markInvitationSent(c, 'cmp-sent', 'S-3', `${TODAY}T10:00:00.000Z`);
    const listed = await stack.surveys.listInvitations(c, 'cmp-sent');
    expect(listed).toHaveLength(3);
    expect(await stack.surveys.countInvitationsSent(c, 'cmp-sent')).toBe(listed.filter((i) => i.sentAt).length);
    expect(await stack.surveys.countInvitationsSent(c, 'cmp-sent')).toBe(2);
  });

  it('a summary and events live in the child\'s partition: erasing the child\'s partition takes them off the index', async () => {
    const c = `${stack.councilId}-gen`;
    const id = childId(7);
    expect((await stack.store.listReportSummaries(c)).has(id)).toBe(true);
    expect((await stack.store.listReportEvents(c)).has(id)).toBe(true);
    await stack.subjects.deleteChild(c, id);
    expect((await stack.store.listReportSummaries(c)).has(id)).toBe(false);
    expect((await stack.store.listReportEvents(c)).has(id)).toBe(false);
  });
});
