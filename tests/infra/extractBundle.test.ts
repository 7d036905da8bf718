/**
 * The nightly import's S3 adapter, bundled as events/extractArrived is
 * (infra/build/bundling.ts), with the SDK's own S3 client: it lists a folder
 * (across pages), reads and writes through it against the S3 stand-in
 * exactly as the source does.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENTRY_FILE, esbuildOptions, functionBundling } from '#infra/build/bundling.js';
import type { s3Files as S3Files } from '#store/extracts/s3.js';
import { startS3StandIn, type S3StandIn } from '#tests/support/s3.js';

const ROOT = resolve(import.meta.dirname, '../..');
const BUCKET = 'kept-extracts-test';
const out = mkdtempSync(join(tmpdir(), 'kept-s3-'));

let s3: S3StandIn;
let bundled: typeof S3Files;
let inputs: string[];
const saved = { ...process.env };

beforeAll(async () => {
  s3 = await startS3StandIn({ pageSize: 2 });
  Object.assign(process.env, { AWS_ENDPOINT_URL_S3: s3.endpoint, AWS_REGION: 'eu-west-2', AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test' });
  const entry = join(out, 'extracts.ts');
  writeFileSync(entry, `export { s3Files } from ${JSON.stringify(join(ROOT, 'shared/store/extracts/s3.ts'))};`);
  const options = esbuildOptions(ROOT, { ...functionBundling(ROOT, 'events/extractArrived', false), entry }, join(out, 'bundle'));
  const result = await esbuild.build({ ...options, metafile: true });
  const file = join(out, 'bundle', ENTRY_FILE);
  inputs = Object.keys(result.metafile.inputs);
  bundled = ((await import(pathToFileURL(file).href)) as { s3Files: typeof S3Files }).s3Files;
});

afterAll(async () => {
  await s3?.stop();
  process.env = saved;
  rmSync(out, { recursive: true, force: true });
});

describe('the nightly import\'s S3 adapter', () => {
  it('carries the SDK\'s own S3 client in the bundle, nothing of the project\'s in its place', () => {
    expect(inputs.some((i) => /node_modules\/@aws-sdk\/client-s3\/dist-es\/S3Client\.js$/.test(i))).toBe(true);
    expect(inputs.filter((i) => i.startsWith('infra/build/') && /s3/i.test(i))).toEqual([]);
  });

  describe.each([
    ['bundled', async () => bundled],
    ['source', async () => (await import('#store/extracts/s3.js')).s3Files],
  ] as const)('%s', (label, adapter) => {
    it('lists a folder across pages, reads and writes its files, and fails on a missing one', async () => {
      const folder = `ssd/${label}`;
      const files = await adapter();
      for (const name of ['ssd_person.csv', 'a&b.csv', 'ssd_cla_visits.csv', 'ssd_cla_episodes.csv', '_complete']) s3.objects.set(`${BUCKET}/${folder}/${name}`, `${name}: café\n`);
      s3.objects.set(`${BUCKET}/${folder}/old/ssd_person.csv`, 'not listed');
      s3.objects.set(`${BUCKET}/${folder}-b/ssd_person.csv`, 'not listed');
      const source = files(BUCKET, folder);
      expect(source.location).toBe(`s3://${BUCKET}/${folder}/`);
      expect(await source.list()).toEqual(['_complete', 'a&b.csv', 'ssd_cla_episodes.csv', 'ssd_cla_visits.csv', 'ssd_person.csv']);
      expect(await source.read('a&b.csv')).toBe('a&b.csv: café\n');
      await source.write('_report.json', '{"ok":true}\n');
      expect(s3.objects.get(`${BUCKET}/${folder}/_report.json`)).toBe('{"ok":true}\n');
      expect(s3.contentTypes.get(`${BUCKET}/${folder}/_report.json`)).toBe('application/json');
      await expect(source.read('ssd_missing.csv')).rejects.toMatchObject({ name: 'NoSuchKey', $metadata: { httpStatusCode: 404 } });
    });
  });
});
