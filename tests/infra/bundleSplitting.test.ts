/**
 * The bundles are split where the SDK imports lazily (infra/build/bundling.ts
 * `splitting`): bundled with the stack's settings, a client loads at start
 * neither the credential providers after the environment's nor the
 * event-stream codec, and still reaches them when it needs them (here the
 * container credentials endpoint, a real local HTTP server).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { bundleBytes, ENTRY_FILE, esbuildOptions, functionBundling } from '#infra/build/bundling.js';

const ROOT = resolve(import.meta.dirname, '../..');
const out = mkdtempSync(join(tmpdir(), 'kept-split-'));
const KEYS = ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_PROFILE', 'AWS_CONTAINER_CREDENTIALS_FULL_URI', 'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI'];
/** Packages the SDK imports only when the environment has no credentials, or an operation streams events. */
const LAZY = [
  /@aws-sdk\/credential-provider-(ini|sso|process|web-identity|http|login)\//,
  /@aws-sdk\/nested-clients\//,
  /@smithy\/core\/dist-es\/submodules\/event-streams\//,
];

type Client = { config: { credentials: () => Promise<{ accessKeyId: string }> } };
let makeClient: () => Client;
let atStart: string[];
let lazily: string[];
let saved: Record<string, string | undefined>;
let server: Server | undefined;

beforeAll(async () => {
  const entry = join(out, 'client.ts');
  writeFileSync(entry, `import { DynamoDBClient } from '@aws-sdk/client-dynamodb';\nexport const makeClient = () => new DynamoDBClient({ region: 'eu-west-2' });\n`);
  const options = esbuildOptions(ROOT, { ...functionBundling(ROOT, 'api/health', false), entry }, join(out, 'bundle'));
  // Resolve the SDK from the project, as the functions' sources do.
  const result = await esbuild.build({ ...options, nodePaths: [join(ROOT, 'node_modules')], metafile: true });
  const outputs = result.metafile.outputs;
  const { loaded } = bundleBytes(result.metafile, Object.keys(outputs).find((k) => k.endsWith(`/${ENTRY_FILE}`))!);
  const inputsOf = (paths: string[]) => paths.flatMap((p) => Object.keys(outputs[p]!.inputs));
  atStart = inputsOf(loaded);
  lazily = inputsOf(Object.keys(outputs).filter((p) => p.endsWith('.mjs') && !loaded.includes(p)));
  ({ makeClient } = (await import(pathToFileURL(join(out, 'bundle', ENTRY_FILE)).href)) as { makeClient: () => Client });
});
afterAll(() => rmSync(out, { recursive: true, force: true }));

beforeEach(() => {
  saved = Object.fromEntries(KEYS.map((k) => [k, process.env[k]]));
  for (const k of KEYS) delete process.env[k];
});
afterEach(async () => {
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  if (server) await new Promise((r) => server!.close(r));
  server = undefined;
});

describe('a bundled SDK client', () => {
  it('loads at start none of what the SDK imports lazily, which stays in the bundle as chunks', () => {
    for (const lazy of LAZY) {
      expect(atStart.filter((i) => lazy.test(i)), String(lazy)).toEqual([]);
      expect(lazily.some((i) => lazy.test(i)), String(lazy)).toBe(true);
    }
  });

  it('takes the credentials Lambda puts in the environment', async () => {
    Object.assign(process.env, { AWS_ACCESS_KEY_ID: 'AKIAENV', AWS_SECRET_ACCESS_KEY: 'secret', AWS_SESSION_TOKEN: 'token' });
    expect((await makeClient().config.credentials()).accessKeyId).toBe('AKIAENV');
  });

  it('loads the container credentials provider from its chunk when the environment has no keys', async () => {
    server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ AccessKeyId: 'AKIACONTAINER', SecretAccessKey: 'secret', Token: 'token', Expiration: new Date(Date.now() + 3_600_000).toISOString() }));
    });
    await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
    process.env.AWS_CONTAINER_CREDENTIALS_FULL_URI = `http://127.0.0.1:${(server.address() as AddressInfo).port}/credentials`;
    expect((await makeClient().config.credentials()).accessKeyId).toBe('AKIACONTAINER');
  });
});
