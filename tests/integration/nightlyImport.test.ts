/**
 * The nightly import as Lambda runs it: the handler, given the EventBridge
 * event S3 sends when an extract's `_complete` marker lands, reads the folder
 * through the real S3 client (against an in-process S3 stand-in) and imports
 * it into DynamoDB Local with the same use case as `npm run import`, writing
 * `_report.json` beside it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Context, S3ObjectCreatedNotificationEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import type { TestStack } from '#tests/support/stack.js';
import type { S3StandIn } from '#tests/support/s3.js';
import { type ExtractHandler, SSD_FIXTURES, useNightlyRig, tableKeys as keysOf } from '#tests/support/extracts.js';

const BUCKET = 'kept-extracts-test';
let stack: TestStack;
let s3: S3StandIn;
let handler: ExtractHandler;

const fixtures = SSD_FIXTURES;
const upload = (folder: string, change: (name: string, text: string) => string = (_, t) => t) => {
  for (const name of readdirSync(fixtures)) s3.objects.set(`${BUCKET}/${folder}/${name}`, change(name, readFileSync(join(fixtures, name), 'utf8')));
};
const marker = (folder: string, text = '') => {
  s3.objects.set(`${BUCKET}/${folder}/_complete`, text);
  const event = {
    version: '0', id: 'e', 'detail-type': 'Object Created', source: 'aws.s3', account: '111122223333', time: '2026-12-01T02:00:00Z', region: 'eu-west-2', resources: [],
    detail: { version: '0', bucket: { name: BUCKET }, object: { key: `${folder}/_complete`, size: text.length, etag: '0', sequencer: '0' }, 'request-id': 'r', requester: '111122223333', 'source-ip-address': '10.0.0.1', reason: 'PutObject' },
  } as unknown as S3ObjectCreatedNotificationEvent;
  return handler(event, { functionName: 'extractArrived', awsRequestId: 'test', getRemainingTimeInMillis: () => 900_000 } as unknown as Context);
};
const report = (folder: string) => JSON.parse(s3.objects.get(`${BUCKET}/${folder}/_report.json`)!) as Record<string, any>;
const tableKeys = () => keysOf(stack);

useNightlyRig('nightly', (rig) => ({ stack, s3, handler } = rig));

describe('the nightly import', () => {
  it('does nothing for a key that is not an extract marker', async () => {
    const before = await tableKeys();
    upload('ssd/2026-11-30');
    s3.objects.set(`${BUCKET}/other/_complete`, '');
    const event = { detail: { bucket: { name: BUCKET }, object: { key: 'other/_complete' } } } as unknown as S3ObjectCreatedNotificationEvent;
    expect(await handler(event, { functionName: 'extractArrived', awsRequestId: 't' } as unknown as Context)).toEqual({ imported: null });
    expect(await tableKeys()).toEqual(before);
  });

  it('refuses a folder whose marker lists a file that has not arrived, writing nothing but the report', async () => {
    const before = await tableKeys();
    upload('ssd/2026-12-01-a');
    await expect(marker('ssd/2026-12-01-a', 'ssd_person.csv\nssd_cla_episodes.csv\nssd_cla_visits_extra.csv\n')).rejects.toThrow(/ssd\/2026-12-01-a was not imported and nothing was written: 1 problem/);
    expect(report('ssd/2026-12-01-a')).toMatchObject({
      ok: false,
      problems: [{ file: 'ssd_cla_visits_extra.csv', column: '(file)', message: expect.stringContaining('listed in _complete but not in the folder') }],
    });
    expect(await tableKeys()).toEqual(before);
  });

  it('refuses an extract with a broken row, naming file, line and column, and writes nothing', async () => {
    const before = await tableKeys();
    upload('ssd/2026-12-01-b', (name, text) => (name === 'ssd_cla_visits.csv' ? text.replace('V9003,CLA502,P70002,2026-11-02', 'V9003,CLA502,P70002,2026-11-31') : text));
    await expect(marker('ssd/2026-12-01-b')).rejects.toThrow(/not imported/);
    expect(report('ssd/2026-12-01-b').problems).toEqual([{ file: 'ssd_cla_visits.csv', line: 4, column: 'clav_cla_visit_date', message: '2026-11-31 is not a real date' }]);
    expect(await tableKeys()).toEqual(before);
  });

  it('imports a whole extract from the bucket into the table, and says so beside it', async () => {
    upload('ssd/2026-12-01');
    expect(await marker('ssd/2026-12-01')).toEqual({ imported: 'ssd/2026-12-01' });
    const written = report('ssd/2026-12-01');
    expect(written).toMatchObject({ ok: true, extract: `s3://${BUCKET}/ssd/2026-12-01/`, system: 'ssd', childrenCreated: 4, staffCreated: 2, facts: { replaced: 0, unchanged: 0 } });
    expect(written.files).toEqual(readdirSync(fixtures).sort());
    expect(written.facts.created).toBeGreaterThan(20);
    expect(await stack.store.getChild(stack.councilId, 'P70001')).toMatchObject({ holderId: 'sw-01', dateOfBirth: '2013-05-14' });
    const history = await stack.store.getChildHistory(stack.councilId, 'P70001');
    expect(history.facts.find((f) => f.source === 'ssd:ssd_cla_visits:V9002')).toMatchObject({ fact: { type: 'visit', seenAlone: true }, recordedBy: 'nightly-import' });
  });

  it('adds nothing when the next night brings the same extract again', async () => {
    const before = await tableKeys();
    upload('ssd/2026-12-02');
    expect(await marker('ssd/2026-12-02')).toEqual({ imported: 'ssd/2026-12-02' });
    expect(report('ssd/2026-12-02')).toMatchObject({ ok: true, childrenCreated: 0, childrenUpdated: 0, facts: { created: 0, replaced: 0, unchanged: report('ssd/2026-12-01').facts.created } });
    expect(await tableKeys()).toEqual(before);
  });
});
