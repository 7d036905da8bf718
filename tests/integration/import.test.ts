import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startTestStack, testStaff, type TestStack } from '#tests/support/stack.js';
import { dynamoServerError, startFaultProxy, type FaultProxy, type Rule } from '#tests/support/faultProxy.js';
import { scanKeys } from '#tests/support/probe.js';
import { importCsv } from '#services/importCsv.js';

let stack: TestStack;
let dynamo: FaultProxy;
const options = { today: '2027-01-18', importedBy: 'admin-1' };

beforeAll(async () => {
  dynamo = await startFaultProxy(`http://127.0.0.1:${inject('dynamoPort')}`);
  stack = await startTestStack('import', { dynamoEndpoint: dynamo.url });
  await stack.store.putCouncil({ id: stack.councilId, name: 'Test Borough' });
  for (const s of testStaff(stack.councilId)) await stack.store.createStaff(s);
});

afterAll(async () => {
  await stack?.stop();
  await dynamo?.stop();
});

/** Every key in the table, in one order, to compare before and after. */
const tableKeys = async () => (await scanKeys(stack.tableName)).map((k) => `${k.pk}|${k.sk}`).sort();
const histories = (ids: string[]) => Promise.all(ids.map((id) => stack.store.getChildHistory(stack.councilId, id)));

/** Fails, from the `nth` on, every request the import sends of this kind (the SDK's retries too). */
function failFrom(nth: number, target: string, carrying: string): { failed: () => number } {
  let seen = 0;
  const rule: Rule = ({ headers, body }) =>
    String(headers['x-amz-target']).endsWith(target) && body.includes(carrying) && ++seen >= nth ? dynamoServerError : null;
  dynamo.rule = rule;
  return { failed: () => Math.max(0, seen - nth + 1) };
}

const HEADER = 'child_id,first_name,last_name,date_of_birth,holder_id,fact_type,date,placement_id,long_term,arrangement,seen_alone,child_participated,kind,score,missing_start,missing_returned,reason';

describe('CSV import', () => {
  it('loads children with their facts and computes what is due', async () => {
    const csv = [
      HEADER,
      'C-10,Kai,Lane,2012-03-04,sw-1,entered-care,2026-12-18,,,,,,,,,,',
      'C-10,,,,,placement-started,2026-12-18,P1,no,foster,,,,,,,',
      'C-10,,,,,visit,2026-12-21,,,,yes,,,,,,',
      'C-10,,,,,sdq,2026-12-30,,,,,,,18,,,',
      'C-11,Mia,Rowe,2009-09-09,sw-2,entered-care,2024-01-10,,,,,,,,,,',
      'C-11,,,,,missing-episode,,,,,,,,,2027-01-10T21:00:00Z,2027-01-11T09:30:00Z,',
      'C-12,Nia,Shaw,2016-01-01,sw-1,,,,,,,,,,,,',
    ].join('\n');
    const result = await importCsv(stack.store, stack.councilId, csv, options);
    expect(result).toMatchObject({ ok: true, childrenCreated: 3, childrenUpdated: 0, factsAdded: 6, problems: [] });
    const history = await stack.store.getChildHistory(stack.councilId, 'C-10');
    expect(history.facts.map((f) => f.fact.type)).toEqual(['entered-care', 'placement-started', 'visit', 'sdq']);
    expect(history.obligations.find((o) => o.kind === 'looked-after-review')).toMatchObject({ dueDate: '2027-01-20' });
    const c11 = await stack.store.getChildHistory(stack.councilId, 'C-11');
    expect(c11.obligations.find((o) => o.kind === 'return-home-interview')).toMatchObject({ dueAt: '2027-01-14T09:30:00.000Z' });
    expect((await stack.store.getChild(stack.councilId, 'C-12'))?.holderId).toBe('sw-1');
  });

  it('appends facts for children already in Kept', async () => {
    const csv = [HEADER, 'C-10,,,2012-03-04,sw-1,review,2027-01-15,,,,,yes,,,,,'].join('\n');
    const result = await importCsv(stack.store, stack.councilId, csv, options);
    expect(result).toMatchObject({ ok: true, childrenCreated: 0, childrenUpdated: 1, factsAdded: 1 });
    const history = await stack.store.getChildHistory(stack.councilId, 'C-10');
    expect(history.facts).toHaveLength(5);
    expect(history.obligations.find((o) => o.kind === 'looked-after-review')).toMatchObject({ dueDate: '2027-04-15' });
  });

  it('reports every bad row by line and writes nothing', async () => {
    const csv = [
      HEADER,
      'C-20,Ola,Vance,2011-05-05,sw-1,entered-care,2026-11-01,,,,,,,,,,', // good
      'C-20,,,,,visit,2026-11-31,,,,yes,,,,,,', // line 3: no 31 November
      'C-21,Pat,Ward,2011-13-01,sw-1,,,,,,,,,,,,', // line 4: no 13th month
      'C-20,,,,,teleport,2026-11-02,,,,,,,,,,', // line 5: unknown type
      'C-20,,,,,visit,2026-11-05,,,,maybe,,,,,,', // line 6: seen_alone
      'C-22,Quinn,Young,2010-01-01,ghost,,,,,,,,,,,,', // no such holder: found after the rows parse
    ].join('\n');
    const result = await importCsv(stack.store, stack.councilId, csv, options);
    expect(result.ok).toBe(false);
    expect(result.problems.map((p) => [p.line, p.field])).toEqual([
      [3, 'date'],
      [4, 'date_of_birth'],
      [5, 'fact_type'],
      [6, 'seen_alone'],
    ]);
    expect(await stack.store.getChild(stack.councilId, 'C-20')).toBeNull();

    const onlyHolder = await importCsv(stack.store, stack.councilId, [HEADER, 'C-22,Quinn,Young,2010-01-01,ghost,,,,,,,,,,,,'].join('\n'), options);
    expect(onlyHolder.problems).toEqual([{ line: 2, field: 'holder_id', message: 'no practitioner or manager ghost in this council' }]);
    expect(await stack.store.getChild(stack.councilId, 'C-22')).toBeNull();
  });

  it('reports a birth date the engine cannot count from (ages past 2100) on its line, and writes nothing', async () => {
    const before = await tableKeys();
    const csv = [
      HEADER,
      'C-40,Ola,Vance,2019-09-07,sw-1,entered-care,2026-04-14,,,,,,,,,,',
      'C-41,Pat,Ward,5943-05-24,sw-1,entered-care,2026-04-14,,,,,,,,,,', // found by a fuzz test: the import threw
      'C-41,,,,,pep,2026-04-20,,,,,,,,,,',
    ].join('\n');
    const result = await importCsv(stack.store, stack.councilId, csv, options);
    expect(result.ok).toBe(false);
    expect(result.problems.map((p) => [p.line, p.field])).toEqual([[3, 'date_of_birth']]);
    expect(result.problems[0]!.message).toMatch(/^child C-41: .*1990 to 2100/);
    expect(await tableKeys()).toEqual(before);
  });

  it('rejects a file with unknown columns or broken quoting', async () => {
    const unknown = await importCsv(stack.store, stack.councilId, 'child_id,favourite_colour\nC-30,blue\n', options);
    expect(unknown.problems[0]).toMatchObject({ line: 1, field: '(header)' });
    const broken = await importCsv(stack.store, stack.councilId, `${HEADER}\n"C-31,unclosed\n`, options);
    expect(broken.ok).toBe(false);
    expect(broken.problems[0]!.field).toBe('(file)');
  });

  it('changes nothing when a child it would create is created in Kept meanwhile, and says which on its line', async () => {
    const csv = [HEADER, 'M-1,Ria,Bell,2012-01-01,sw-3,entered-care,2026-06-01,,,,,,,,,,', 'M-2,Ria,Bell,2012-01-01,sw-3,entered-care,2026-06-01,,,,,,,,,,'].join('\n');
    const keysBefore = await tableKeys();
    const store: typeof stack.store = {
      ...stack.store,
      // As POST /children would, between the import's check and its writes.
      async createChildren(entries, onWrite) {
        await stack.store.createChild(stack.councilId, { id: 'M-2', firstName: 'Made', lastName: 'Meanwhile', dateOfBirth: '2012-05-01', holderId: 'sw-2' }, '2027-01-18T09:00:00Z');
        return stack.store.createChildren(entries, onWrite);
      },
    };
    const result = await importCsv(store, stack.councilId, csv, options);
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([{ line: 3, field: 'child_id', message: expect.stringContaining('child M-2 was created in Kept while this import ran') }]);
    expect(await stack.store.getChild(stack.councilId, 'M-1')).toBeNull();
    expect(await stack.store.getChild(stack.councilId, 'M-2')).toMatchObject({ firstName: 'Made', holderId: 'sw-2' });
    expect((await stack.store.getChildHistory(stack.councilId, 'M-2')).facts).toEqual([]);
    expect((await tableKeys()).filter((k) => !keysBefore.includes(k)).every((k) => k.includes('M-2'))).toBe(true);
  });

  it('takes back everything it wrote when a write fails part-way', async () => {
    const csv = [HEADER, ...Array.from({ length: 40 }, (_, i) => `C-${100 + i},Ria,Bell,2012-01-01,sw-3,entered-care,2026-06-01,,,,,,,,,,`), 'C-10,,,2012-03-04,sw-1,visit,2027-01-16,,,,yes,,,,,,'].join('\n');
    const before = await stack.store.getChildHistory(stack.councilId, 'C-10');
    // Fail the append for the existing child, after the new children were written.
    const original = stack.store.appendFacts.bind(stack.store);
    stack.store.appendFacts = async () => {
      throw Object.assign(new Error('simulated outage'), { name: 'InternalServerError' });
    };
    try {
      await expect(importCsv(stack.store, stack.councilId, csv, options)).rejects.toThrow('simulated outage');
    } finally {
      stack.store.appendFacts = original;
    }
    for (let i = 0; i < 40; i++) expect(await stack.store.getChild(stack.councilId, `C-${100 + i}`)).toBeNull();
    expect((await stack.store.dueUpTo(stack.councilId, '2099-12-31')).items.filter((o) => o.childId.startsWith('C-1') && o.childId.length === 5 && Number(o.childId.slice(2)) >= 100)).toEqual([]);
    const after = await stack.store.getChildHistory(stack.councilId, 'C-10');
    expect(after.facts).toHaveLength(before.facts.length);
  });

  it('takes back the children already written when DynamoDB fails in the middle of writing new children', async () => {
    // 30 new children with three facts each.
    const rows = Array.from({ length: 30 }, (_, i) => [
      `N-${i},Ada,Moss,2013-02-0${1 + (i % 9)},sw-2,entered-care,2026-09-01,,,,,,,,,,`,
      `N-${i},,,,,placement-started,2026-09-01,P1,no,foster,,,,,,,`,
      `N-${i},,,,,visit,2026-09-08,,,,yes,,,,,,`,
    ]).flat();
    const csv = [HEADER, ...rows, 'C-11,,,,,visit,2027-01-12,,,,yes,,,,,,'].join('\n');
    const keysBefore = await tableKeys();
    const before = await histories(['C-10', 'C-11', 'C-12']);
    // Each new child is its own conditional transaction: the third child's fails, the first two are taken back.
    const outage = failFrom(3, 'TransactWriteItems', '#N-');
    try {
      await expect(importCsv(stack.store, stack.councilId, csv, options)).rejects.toThrow();
    } finally {
      dynamo.rule = () => null;
    }
    expect(outage.failed()).toBeGreaterThan(0);
    expect(await tableKeys()).toEqual(keysBefore);
    expect(await histories(['C-10', 'C-11', 'C-12'])).toEqual(before);
  });

  it('takes back the facts of an earlier transaction when a later one appending to a child fails', async () => {
    // 40 visits for C-11: two transactions; the second fails.
    const visits = Array.from({ length: 40 }, (_, i) => `C-11,,,,,visit,2026-0${1 + Math.floor(i / 28)}-${String(1 + (i % 28)).padStart(2, '0')},,,,yes,,,,,,`);
    const keysBefore = await tableKeys();
    const [before] = await histories(['C-11']);
    const outage = failFrom(2, 'TransactWriteItems', '"FACT#');
    try {
      await expect(importCsv(stack.store, stack.councilId, [HEADER, ...visits].join('\n'), options)).rejects.toThrow();
    } finally {
      dynamo.rule = () => null;
    }
    expect(outage.failed()).toBeGreaterThan(0);
    expect(await tableKeys()).toEqual(keysBefore);
    const [after] = await histories(['C-11']);
    expect(after!.facts).toEqual(before!.facts);
    expect(after!.obligations).toEqual(before!.obligations);
  });
});
