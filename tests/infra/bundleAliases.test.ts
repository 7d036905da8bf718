/**
 * What the bundles replace (infra/build/bundling.ts ALIASES) still lets every
 * SDK client Kept uses be built and configured: bundled as the functions are,
 * then run. The event-stream codec is left out, and a use of it says so.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { esbuildOptions, functionBundling } from '#infra/build/bundling.js';

const ROOT = resolve(import.meta.dirname, '../..');
const out = mkdtempSync(join(tmpdir(), 'kept-aliases-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

const ENTRY = `
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SESClient } from '@aws-sdk/client-ses';
import { S3Client } from '@aws-sdk/client-s3';
import { PinpointSMSVoiceV2Client } from '@aws-sdk/client-pinpoint-sms-voice-v2';
export function clients() {
  const region = 'eu-west-2';
  return { dynamo: new DynamoDBClient({ region }), ses: new SESClient({ region }), s3: new S3Client({ region }), sms: new PinpointSMSVoiceV2Client({ region }) };
}
`;

describe('the bundles\' aliases', () => {
  it('build and configure every SDK client Kept uses, without the event-stream codec', async () => {
    const file = join(out, 'clients.mjs');
    const options = esbuildOptions(ROOT, functionBundling(ROOT, 'api/health', false), file);
    await esbuild.build({ ...options, entryPoints: undefined, stdin: { contents: ENTRY, resolveDir: ROOT, loader: 'ts', sourcefile: 'clients.ts' } });
    expect(readFileSync(file, 'utf8').includes('EventStreamCodec'), 'the event-stream codec is in the bundle').toBe(false);
    const { clients } = (await import(pathToFileURL(file).href)) as { clients: () => Record<string, { config: Record<string, unknown> }> };
    const made = clients();
    expect(Object.keys(made)).toEqual(['dynamo', 'ses', 's3', 'sms']);
    expect(await (made.s3!.config.region as () => Promise<string>)()).toBe('eu-west-2');
    const marshaller = made.s3!.config.eventStreamMarshaller as { serialize: () => unknown };
    expect(() => marshaller.serialize()).toThrow(/event streams are not bundled/);
  });
});
