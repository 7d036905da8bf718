import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startTestStack, testStaff, type TestStack } from '#tests/support/stack.js';
import { addExtractWorkers } from '#tests/support/extracts.js';
import { dynamoServerError, startFaultProxy, type FaultProxy } from '#tests/support/faultProxy.js';
import { scanKeys } from '#tests/support/probe.js';
import { importExtract } from '#services/importExtract.js';
import { importStaffCsv } from '#services/importStaff.js';
import { readSsd } from '#domain/import/ssd.js';
import { readSsda903 } from '#domain/import/ssda903.js';
import { ROOT, runScript } from '#tests/support/command.js';

let stack: TestStack;
let dynamo: FaultProxy;
const options = { today: '2026-12-01', importedBy: 'admin-1' };

const folder = (name: string) => {
  const dir = join(import.meta.dirname, '../fixtures', name);
  return new Map(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
};
const ssd = (change: (files: Map<string, string>) => void = () => {}) => {
  const files = folder('ssd');
  change(files);
  return readSsd(files);
};
const tableKeys = async () => (await scanKeys(stack.tableName)).map((k) => `${k.pk}|${k.sk}`).sort();
const history = (id: string) => stack.store.getChildHistory(stack.councilId, id);

beforeAll(async () => {
  dynamo = await startFaultProxy(`http://127.0.0.1:${inject('dynamoPort')}`);
  stack = await startTestStack('extract', { dynamoEndpoint: dynamo.url });
  await stack.store.putCouncil({ id: stack.councilId, name: 'Test Borough' });
  for (const s of testStaff(stack.councilId)) await stack.store.createStaff(s);
  await addExtractWorkers(stack);
});

afterAll(async () => {
  await stack?.stop();
  await dynamo?.stop();
});

describe('SSD extract import', () => {
  it('refuses a broken row, naming file, line and column, and writes nothing', async () => {
    const before = await tableKeys();
    const plan = ssd((files) => files.set('ssd_cla_visits.csv', files.get('ssd_cla_visits.csv')!.replace('V9003,CLA502,P70002,2026-11-02', 'V9003,CLA502,P70002,2026-11-31')));
    const report = await importExtract(stack.store, stack.councilId, plan, options);
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([{ file: 'ssd_cla_visits.csv', line: 4, column: 'clav_cla_visit_date', message: '2026-11-31 is not a real date' }]);
    expect(await tableKeys()).toEqual(before);
  });

  it('loads every table: children with their worker, facts, staff, and a report of what was skipped', async () => {
    const report = await importExtract(stack.store, stack.councilId, ssd(), options);
    expect(report.problems).toEqual([]);
    expect(report).toMatchObject({ ok: true, childrenCreated: 4, childrenUpdated: 0, staffCreated: 2, facts: { replaced: 0, unchanged: 0 } });
    // The IRO has no email in the extract: created, awaiting one.
    expect(report.staffAwaitingEmail).toEqual(['iro-9']);
    expect(await stack.store.getStaff(stack.councilId, 'iro-9')).toMatchObject({ name: 'Harper Quill', email: '', awaitingEmail: { since: '2026-12-01' } });
    expect(report.rowsRead).toMatchObject({ ssd_person: 5, ssd_cla_episodes: 5, ssd_cla_reviews: 5, ssd_involvements: 6 });
    expect(report.skipped.map((s) => s.reason)).toEqual(
      expect.arrayContaining([
        expect.stringContaining('not seen'),
        'the review was cancelled',
        'the check is planned, not completed',
        'role "Family Support Worker" is not in the role table',
        'P70005 has no care episode or care leaver record in this extract',
      ]),
    );
    expect(report.notes.join('\n')).toContain('return interview was accepted');

    const held = async (id: string) => (await stack.store.getChild(stack.councilId, id))?.holderId;
    expect(await Promise.all(['P70001', 'P70002', 'P70003', 'P70004'].map(held))).toEqual(['sw-01', 'sw-02', 'sw-02', 'pa-7']);
    expect(await stack.store.getStaff(stack.councilId, 'pa-7')).toMatchObject({ name: 'Dana Pike', role: 'practitioner', jobTitle: 'Personal Adviser' });
    expect(await stack.store.getChild(stack.councilId, 'P70001')).toMatchObject({ firstName: 'Ellis', lastName: 'Marlow', dateOfBirth: '2013-05-14' });

    const p1 = await history('P70001');
    expect(p1.facts.map((f) => [f.source, f.fact.type])).toEqual(
      expect.arrayContaining([
        ['ssd:ssd_cla_episodes:E1001:entered', 'entered-care'],
        ['ssd:ssd_cla_placement:PL602:started', 'placement-started'],
        ['ssd:ssd_cla_visits:V9002', 'visit'],
        ['ssd:ssd_cla_reviews:RV301', 'review'],
        ['ssd:ssd_cla_reviews:RV301:due', 'case-system-review-due'],
        ['ssd:ssd_cla_reviews:RV302:due', 'case-system-review-due'],
        ['ssd:ssd_cla_health:H401', 'health-assessment'],
        ['ssd:ssd_cla_health:H402', 'dental-check'],
      ]),
    );
    // Long-term foster placement from 2026-10-15: the next visit is due within six weeks of the last (CPPCR reg 28).
    expect(p1.obligations.find((o) => o.kind === 'statutory-visit')).toBeDefined();
    const p3 = await history('P70003');
    expect(p3.facts.find((f) => f.fact.type === 'missing-episode')?.fact).toEqual({ type: 'missing-episode', start: '2026-11-20T21:15:00.000Z', returned: '2026-11-21T08:00:00.000Z', interviewOffered: true, interviewAccepted: true });
    expect(p3.obligations.find((o) => o.kind === 'return-home-interview')).toBeDefined();
    const p4 = await history('P70004');
    expect(p4.facts.map((f) => f.fact.type)).toEqual(expect.arrayContaining(['left-care', 'pathway-plan', 'personal-adviser-contact']));
  });

  it('importing the same extract again changes nothing', async () => {
    const before = await tableKeys();
    const report = await importExtract(stack.store, stack.councilId, ssd(), options);
    expect(report).toMatchObject({ ok: true, childrenCreated: 0, childrenUpdated: 0, staffCreated: 0, facts: { created: 0, replaced: 0 } });
    expect(report.facts.unchanged).toBeGreaterThan(20);
    expect(await tableKeys()).toEqual(before);
  });

  it('a changed row replaces what it gave before; a new row adds; a child gone from the extract is listed, not deleted', async () => {
    const plan = ssd((files) => {
      files.set('ssd_cla_visits.csv', `${files.get('ssd_cla_visits.csv')!.replace('V9001,CLA501,P70001,2026-09-05,Y,N', 'V9001,CLA501,P70001,2026-09-05,Y,Y')}V9006,CLA502,P70002,2026-11-20,Y,Y\n`);
      files.set('ssd_person.csv', files.get('ssd_person.csv')!.replace(/^P70004.*\n/m, ''));
    });
    const report = await importExtract(stack.store, stack.councilId, plan, options);
    // P70004's person row gone withdraws the sex and ethnicity it gave, and its disability row, dated by the
    // birth that row gave, is skipped and so withdrawn: the third child updated.
    expect(report).toMatchObject({ ok: true, childrenUpdated: 3, facts: { created: 1, replaced: 1 } });
    expect(report.withdrawn).toEqual([
      { childId: 'P70004', source: 'ssd:ssd_person:P70004:characteristics' },
      { childId: 'P70004', source: 'ssd:ssd_disability:D4' },
    ]);
    expect(report.notInExtract).toEqual(['P70004']);
    expect(await stack.store.getChild(stack.councilId, 'P70004')).not.toBeNull();
    const facts = (await history('P70001')).facts;
    const visits = facts.filter((f) => f.source === 'ssd:ssd_cla_visits:V9001');
    expect(visits.map((f) => f.fact)).toEqual([
      { type: 'visit', date: '2026-09-05', seenAlone: false },
      { type: 'visit', date: '2026-09-05', seenAlone: true },
    ]);
    // The first is withdrawn by a correction, kept in the history.
    expect(facts.filter((f) => f.fact.type === 'correction').map((f) => f.fact)).toEqual([
      { type: 'correction', date: '2026-12-01', factId: visits[0]!.id, reason: 'replaced' },
    ]);
    const again = await importExtract(stack.store, stack.councilId, plan, options);
    expect(again).toMatchObject({ ok: true, childrenUpdated: 0, facts: { created: 0, replaced: 0 } });
  });

  it('rolls back when DynamoDB fails part-way through the writes', async () => {
    const plan = ssd((files) => files.set('ssd_cla_visits.csv', `${files.get('ssd_cla_visits.csv')!}V9007,CLA501,P70001,2026-11-25,Y,Y\nV9008,CLA502,P70002,2026-11-26,Y,Y\n`));
    const before = await tableKeys();
    let seen = 0;
    dynamo.rule = ({ headers }) => (String(headers['x-amz-target']).endsWith('TransactWriteItems') && ++seen >= 2 ? dynamoServerError : null);
    await expect(importExtract(stack.store, stack.councilId, plan, options)).rejects.toThrow();
    dynamo.rule = () => null;
    expect(await tableKeys()).toEqual(before);
  });

  it('a staff CSV is all or nothing: a write failing part-way, or its answer lost, takes back every line written', async () => {
    const at = (name: string) => `${name}@${stack.councilId}.test`;
    const csv = [
      'worker_id,name,email,role,team_role,manager_worker_id',
      `sw-91,Nia Vale,${at('nia.vale')},practitioner,,tm-1`,
      `sw-2,Sid Worker-Jones,${at('sid.jones')},practitioner,,tm-1`,
      `sw-92,Rex Moor,${at('rex.moor')},practitioner,,tm-1`,
    ].join('\n');
    // The audit keeps its entries of a change taken back; everything else is as it was.
    const kept = async () => (await tableKeys()).filter((k) => !k.startsWith('AUDIT'));
    for (const after of [false, true]) {
      const before = await kept();
      const sw2 = await stack.store.getStaff(stack.councilId, 'sw-2');
      // The third line's create fails (every retry of it too); taking back is let through.
      dynamo.rule = ({ headers, body }) =>
        String(headers['x-amz-target']).endsWith('TransactWriteItems') && body.includes('rex.moor') && body.includes('"Put"') ? { ...dynamoServerError, after } : null;
      await expect(importStaffCsv(stack.store, stack.councilId, 'staff.csv', csv, { importedBy: 'admin-1' })).rejects.toThrow();
      dynamo.rule = () => null;
      expect(await kept(), `answer lost: ${after}`).toEqual(before);
      expect(await stack.store.getStaff(stack.councilId, 'sw-2')).toEqual(sw2);
      expect(await stack.store.findStaffByEmail(at('sid.jones'))).toBeNull();
      expect(await stack.store.findStaffByEmail(sw2!.email)).toMatchObject({ id: 'sw-2', name: 'Sid Worker' });
    }
    const report = await importStaffCsv(stack.store, stack.councilId, 'staff.csv', csv, { importedBy: 'admin-1' });
    expect(report).toMatchObject({ ok: true, created: ['sw-91', 'sw-92'], changed: ['sw-2'] });
  });

  it('gives a new child the team its current involvements name, where Kept knows the member in that place', async () => {
    const staffCsv = `worker_id,name,email,role,team_role,manager_worker_id\niro-9,Harper Quill,iro-9@${stack.councilId}.test,practitioner,iro,tm-1\n`;
    expect(await importStaffCsv(stack.store, stack.councilId, 'staff.csv', staffCsv, { importedBy: 'admin-1' })).toMatchObject({ ok: true, givenEmail: ['iro-9'] });
    // The same rows again as a child Kept does not have yet: every P70001 becomes P79001.
    const renamed = ssd((files) => {
      for (const [name, text] of files) files.set(name, text.replaceAll('P70001', 'P79001'));
    });
    const report = await importExtract(stack.store, stack.councilId, renamed, options);
    expect(report.ok).toBe(true);
    expect((await stack.store.getChild(stack.councilId, 'P79001'))?.team).toEqual({ socialWorker: 'sw-01', iro: 'iro-9' });
    // The IRO now answers for the new child's reviews.
    const { obligations } = await history('P79001');
    expect(obligations.find((o) => o.kind === 'looked-after-review')?.responsibleId).toBe('iro-9');
  });

  /** The extract with P70001's rows as a child Kept does not have yet, `id`, and a store that, just before the import creates its children, has `id` created through POST /children. */
  const createdMeanwhile = (id: string, afterwards?: () => never) => {
    const plan = ssd((files) => {
      for (const [name, text] of files) files.set(name, text.replaceAll('P70001', id));
    });
    const store: typeof stack.store = {
      ...stack.store,
      async createChildren(entries, onWrite) {
        const manager = await stack.token('manager', 'tm-1');
        const made = await stack.call('POST', '/children', { token: manager, body: { id, firstName: 'Made', lastName: 'Meanwhile', dateOfBirth: '2012-05-01', holderId: 'sw-02' } });
        expect(made.status).toBe(201);
        const existed = await stack.store.createChildren(entries, onWrite);
        afterwards?.();
        return existed;
      },
    };
    return { plan, store };
  };

  it('reports a child created through POST /children while it ran instead of overwriting it', async () => {
    const { plan, store } = createdMeanwhile('P78001');
    const report = await importExtract(store, stack.councilId, plan, options);
    expect(report.ok).toBe(true);
    expect(report.childrenCreated).toBe(0);
    expect(report.skipped).toContainEqual(expect.objectContaining({ file: 'ssd_person.csv', reason: expect.stringContaining('P78001 was created in Kept while this import ran') }));
    const child = (await stack.store.getChild(stack.councilId, 'P78001'))!;
    expect(child).toMatchObject({ firstName: 'Made', lastName: 'Meanwhile', holderId: 'sw-02', version: 0 });
    expect((await history('P78001')).facts).toEqual([]);
  });

  it('rolls back only what it wrote: a child created through POST /children meanwhile stays', async () => {
    const before = await tableKeys();
    const { plan, store } = createdMeanwhile('P78002', () => {
      throw Object.assign(new Error('the import died after creating its children'), { name: 'Killed' });
    });
    await expect(importExtract(store, stack.councilId, plan, options)).rejects.toThrow('died');
    expect(await stack.store.getChild(stack.councilId, 'P78002')).toMatchObject({ firstName: 'Made', holderId: 'sw-02' });
    const added = (await tableKeys()).filter((k) => !before.includes(k));
    expect(added.length).toBeGreaterThan(0);
    expect(added.every((k) => k.includes('P78002'))).toBe(true);
    expect((await history('P78002')).facts).toEqual([]);
  });
});

describe('SSDA903 import', () => {
  it('adds the return to children Kept has, skips those it does not, and is idempotent', async () => {
    const report = await importExtract(stack.store, stack.councilId, readSsda903(folder('ssda903'), { yearEnding: '2026-03-31' }), options);
    expect(report.problems).toEqual([]);
    expect(report).toMatchObject({ ok: true, childrenCreated: 0, childrenUpdated: 1 });
    expect(report.skipped.map((s) => s.reason)).toEqual(expect.arrayContaining([expect.stringContaining('P70009 is not in Kept; SSDA903 names no one')]));
    const p3 = await history('P70003');
    expect(p3.facts.filter((f) => f.source?.startsWith('ssda903:')).map((f) => f.fact.type)).toEqual(
      expect.arrayContaining(['entered-care', 'care-order', 'placement-started', 'placement-ended', 'review', 'missing-episode', 'sdq']),
    );
    const before = await tableKeys();
    const again = await importExtract(stack.store, stack.councilId, readSsda903(folder('ssda903'), { yearEnding: '2026-03-31' }), options);
    expect(again).toMatchObject({ ok: true, childrenUpdated: 0, facts: { created: 0, replaced: 0 } });
    expect(await tableKeys()).toEqual(before);
  });
});

describe('npm run import -- --ssd DIR', () => {
  const run = (args: string[]) => runScript('infra/local/import.ts', args, { TABLE_NAME: stack.tableName, COUNCIL_ID: stack.councilId, KEPT_TODAY: options.today });

  it('prints the report for the demo extract (already imported: nothing new) and exits 0', async () => {
    const { code, stdout } = await run(['--ssd', 'tests/fixtures/ssd']);
    expect(code).toBe(0);
    expect(stdout).toContain('ssd_cla_visits: 5');
    expect(stdout).toMatch(/Facts: 0 created, \d+ replaced, \d+ unchanged\./);
    expect(stdout).toContain('Skipped (');
  });

  it('exits 1 naming the file, line and column of a broken row, and writes nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kept-ssd-'));
    cpSync(join(ROOT, 'tests/fixtures/ssd'), dir, { recursive: true });
    writeFileSync(join(dir, 'ssd_sdq_scores.csv'), 'csdq_table_id,csdq_person_id,csdq_sdq_completed_date,csdq_sdq_score\nS9,P70001,2026-02-30,12\n');
    const before = await tableKeys();
    const { code, stderr } = await run(['--ssd', dir]);
    expect(code).toBe(1);
    expect(stderr).toContain('ssd_sdq_scores.csv line 2: csdq_sdq_completed_date: 2026-02-30 is not a real date');
    expect(await tableKeys()).toEqual(before);
  });
});
