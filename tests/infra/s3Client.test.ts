/**
 * The S3 client the bundles carry (infra/build/s3Client.ts, put in place of
 * #store/extracts/s3Sdk.js by bundling.ts ALIASES) is the SDK's client with
 * only the schemas Kept needs: its schemas are the SDK's (rendered again and
 * compared), it is configured and layered as the SDK's is (the same
 * middleware, client and commands), and, bundled as the functions are, the
 * nightly import's S3 adapter lists (across pages), reads and writes through
 * it against the S3 stand-in exactly as the source does with the SDK's own.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as sdk from '@aws-sdk/client-s3';
import { esbuildOptions, functionBundling } from '#infra/build/bundling.js';
import { renderS3Schemas, SCHEMAS_FILE } from '#infra/build/s3SchemaTable.js';
import type { s3Files as S3Files } from '#store/extracts/s3.js';
import { startS3StandIn, type S3StandIn } from '#tests/support/s3.js';

const ROOT = resolve(import.meta.dirname, '../..');
const BUCKET = 'kept-extracts-test';
const out = mkdtempSync(join(tmpdir(), 'kept-s3-'));

/** The adapter, and how a client and the commands Kept sends are layered, from the bundle. */
const ENTRY = `
export { s3Files } from '#store/extracts/s3.js';
import * as bundled from '#store/extracts/s3Sdk.js';
export { bundled };
export function layers(m) {
  const client = new m.S3Client({ region: 'eu-west-2', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } });
  const commands = {};
  for (const [name, input] of [['ListObjectsV2Command', { Bucket: 'b', Prefix: 'p/' }], ['GetObjectCommand', { Bucket: 'b', Key: 'k' }], ['PutObjectCommand', { Bucket: 'b', Key: 'k', Body: 'x' }]]) {
    const command = new m[name](input);
    command.resolveMiddleware(client.middlewareStack, client.config, {});
    commands[name] = command.middlewareStack.identify();
  }
  return { client: client.middlewareStack.identify(), config: Object.keys(client.config).sort(), commands };
}
`;

interface Bundle {
  s3Files: typeof S3Files;
  bundled: Record<string, unknown>;
  layers(m: Record<string, unknown>): { client: string[]; config: string[]; commands: Record<string, string[]> };
}

let s3: S3StandIn;
let bundle: Bundle;
let inputs: string[];
const saved = { ...process.env };

beforeAll(async () => {
  s3 = await startS3StandIn({ pageSize: 2 });
  Object.assign(process.env, { AWS_ENDPOINT_URL_S3: s3.endpoint, AWS_REGION: 'eu-west-2', AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test' });
  const file = join(out, 'extracts.mjs');
  const options = esbuildOptions(ROOT, functionBundling(ROOT, 'events/extractArrived', false), file);
  const result = await esbuild.build({ ...options, entryPoints: undefined, metafile: true, stdin: { contents: ENTRY, resolveDir: ROOT, loader: 'ts', sourcefile: 'extracts.ts' } });
  inputs = Object.keys(result.metafile.inputs);
  bundle = (await import(pathToFileURL(file).href)) as Bundle;
});

afterAll(async () => {
  await s3?.stop();
  process.env = saved;
  rmSync(out, { recursive: true, force: true });
});

describe('the bundled S3 client', () => {
  it('has the schemas of the installed SDK (npm run build:s3-schemas writes them)', () => {
    expect(readFileSync(SCHEMAS_FILE, 'utf8')).toBe(renderS3Schemas());
  });

  it('replaces the SDK\'s client and schema module in the bundle', () => {
    expect(inputs.filter((i) => i.includes('client-s3/dist-es/schemas/'))).toEqual([]);
    expect(inputs.some((i) => i.endsWith('infra/build/s3Client.ts'))).toBe(true);
    expect(Object.keys(bundle.bundled).sort()).toEqual(['GetObjectCommand', 'ListObjectsV2Command', 'PutObjectCommand', 'S3Client']);
  });

  it('is configured and layered as the SDK\'s client is, for each command Kept sends', () => {
    const ours = bundle.layers(bundle.bundled);
    expect(ours).toEqual(bundle.layers(sdk as unknown as Record<string, unknown>));
    expect(ours.commands.PutObjectCommand).toContain('flexibleChecksumsMiddleware - build');
  });

  describe.each([
    ['bundled', () => bundle.s3Files],
    ['source, with the SDK\'s client', async () => (await import('#store/extracts/s3.js')).s3Files],
  ] as const)('the extract folder adapter (%s)', (label, adapter) => {
    it('lists a folder across pages, reads and writes its files, and fails on a missing one', async () => {
      const folder = `ssd/${label.split(',')[0]}`;
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
