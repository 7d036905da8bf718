/**
 * Imports that only move forward, as the nightly function runs them against
 * DynamoDB Local and the S3 stand-in: a full SSD extract that no longer holds
 * a visit row withdraws its fact (kept in the history) and the visit is
 * overdue again; an extract older than the newest imported is refused, done
 * with and changes nothing; a partial extract withdraws only within the
 * tables its marker lists.
 */
import { describe, expect, it } from 'vitest';
import { markerArrives, type NightlyRig, reportOf, ssdFiles, tableKeys, uploadExtract, useNightlyRig } from '#tests/support/extracts.js';

const TODAY = '2026-12-01';
let rig: NightlyRig;
useNightlyRig('extract-order', (r) => (rig = r));

const without = (files: Map<string, string>, name: string, row: RegExp) => files.set(name, files.get(name)!.replace(row, ''));
const history = (id: string) => rig.stack.store.getChildHistory(rig.stack.councilId, id);
const held = async (id: string) => {
  const { facts } = await history(id);
  const withdrawn = new Set(facts.flatMap((f) => (f.fact.type === 'correction' ? [f.fact.factId] : [])));
  return facts.filter((f) => f.source && !withdrawn.has(f.id!)).map((f) => f.source!);
};

describe('extracts over time', () => {
  it('a full extract that no longer holds a visit row withdraws its fact, and the visit is overdue again', async () => {
    uploadExtract(rig, 'ssd/2026-12-01', ssdFiles());
    expect(await markerArrives(rig, 'ssd/2026-12-01')).toEqual({ imported: 'ssd/2026-12-01' });
    const visitDue = async () => (await history('P70001')).obligations.find((o) => o.kind === 'statutory-visit')!.dueDate;
    expect(await visitDue()).toBe(TODAY);

    // The case system deleted V9002 (recorded on the wrong child, say).
    uploadExtract(rig, 'ssd/2026-12-02', without(ssdFiles(), 'ssd_cla_visits.csv', /^V9002,.*\n/m));
    expect(await markerArrives(rig, 'ssd/2026-12-02')).toEqual({ imported: 'ssd/2026-12-02' });
    expect(reportOf(rig, 'ssd/2026-12-02')).toMatchObject({ ok: true, withdrawn: [{ childId: 'P70001', source: 'ssd:ssd_cla_visits:V9002' }], facts: { created: 0, replaced: 0 } });

    const { facts } = await history('P70001');
    const visit = facts.find((f) => f.source === 'ssd:ssd_cla_visits:V9002')!;
    expect(facts.filter((f) => f.fact.type === 'correction').map((f) => [f.fact, f.recordedBy])).toEqual([
      [{ type: 'correction', date: TODAY, factId: visit.id, reason: 'recorded-in-error' }, 'nightly-import'],
    ]);
    // Without the 20 October visit, none followed the move on 15 October: due within a week of it (CPPCR reg 28(2)(a)), overdue.
    expect(await visitDue()).toBe('2026-10-22');
  });

  it('refuses an extract older than the newest imported, changes nothing, and ends done (not failed)', async () => {
    const before = await tableKeys(rig.stack);
    // A redriven run of an older extract, which still held V9002 and a changed visit.
    uploadExtract(rig, 'ssd/2026-11-30', new Map([...ssdFiles()].map(([n, t]) => [n, t.replace('V9001,CLA501,P70001,2026-09-05,Y,N', 'V9001,CLA501,P70001,2026-09-05,Y,Y')])));
    expect(await markerArrives(rig, 'ssd/2026-11-30')).toEqual({ imported: null, older: true });
    expect(reportOf(rig, 'ssd/2026-11-30')).toMatchObject({
      ok: false,
      olderThan: '2026-12-02',
      problems: [{ column: '(taken on)', message: 'taken on 2026-11-30, before the newest SSD extract imported (taken on 2026-12-02): refused, nothing changed' }],
    });
    expect(await tableKeys(rig.stack)).toEqual(before);
  });

  it('a partial extract withdraws only within the tables its marker lists', async () => {
    const beforeP1 = await held('P70001');
    const beforeP2 = await held('P70002');
    expect(beforeP2).toEqual(expect.arrayContaining(['ssd:ssd_cla_visits:V9003', 'ssd:ssd_cla_reviews:RV303']));
    // Tonight only visits and SDQ scores, and the visits table has lost V9003 (P70002's only visit); no review, health or placement rows anywhere.
    const files = without(without(ssdFiles(), 'ssd_cla_visits.csv', /^V9002,.*\n/m), 'ssd_cla_visits.csv', /^V9003,.*\n/m);
    uploadExtract(rig, 'ssd/2026-12-03', new Map([...files].filter(([n]) => n === 'ssd_cla_visits.csv' || n === 'ssd_sdq_scores.csv')));
    expect(await markerArrives(rig, 'ssd/2026-12-03', 'ssd_cla_visits.csv\nssd_sdq_scores.csv\n')).toEqual({ imported: 'ssd/2026-12-03' });
    expect(reportOf(rig, 'ssd/2026-12-03')).toMatchObject({ ok: true, withdrawn: [{ childId: 'P70002', source: 'ssd:ssd_cla_visits:V9003' }] });
    expect(await held('P70002')).toEqual(beforeP2.filter((s) => s !== 'ssd:ssd_cla_visits:V9003'));
    expect(await held('P70001')).toEqual(beforeP1);
  });

  it("lists a worker whose every involvement has ended, with their children, and moves none of them", async () => {
    const files = without(without(ssdFiles(), 'ssd_cla_visits.csv', /^V9002,.*\n/m), 'ssd_cla_visits.csv', /^V9003,.*\n/m);
    // sw-02 (PR-12) left on 30 November: both their allocations ended.
    files.set('ssd_involvements.csv', files.get('ssd_involvements.csv')!.replace('2026-07-01,,,P70002', '2026-07-01,2026-11-30,LEFTRL,P70002').replace('2024-06-10,,,P70003,R3\nI6', '2024-06-10,2026-11-30,LEFTRL,P70003,R3\nI6'));
    uploadExtract(rig, 'ssd/2026-12-04', files);
    expect(await markerArrives(rig, 'ssd/2026-12-04')).toEqual({ imported: 'ssd/2026-12-04' });
    expect(reportOf(rig, 'ssd/2026-12-04')).toMatchObject({ ok: true, withdrawn: [], leavers: [{ staffId: 'sw-02', lastInvolvementEnded: '2026-11-30', children: ['P70002', 'P70003'] }] });
    for (const id of ['P70002', 'P70003']) expect((await rig.stack.store.getChild(rig.stack.councilId, id))?.holderId).toBe('sw-02');
  });
});
