/**
 * The credential chain the Lambda bundles carry instead of the SDK's full one
 * (infra/build/lambdaCredentials.ts): the environment's keys as Lambda sets
 * them, else the container credentials endpoint (here a real local HTTP
 * server), refreshed before they expire; nothing else.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultProvider } from '#infra/build/lambdaCredentials.js';

const KEYS = ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_CONTAINER_CREDENTIALS_FULL_URI', 'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI', 'AWS_PROFILE'];
let saved: Record<string, string | undefined>;
let server: Server | undefined;

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

/** A container credentials endpoint handing out numbered keys that expire `expiresInMs` from now. */
async function endpoint(expiresInMs: number): Promise<{ url: string; served: () => number }> {
  let served = 0;
  server = createServer((_req, res) => {
    served++;
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ AccessKeyId: `AKIA${served}`, SecretAccessKey: 'secret', Token: 'token', Expiration: new Date(Date.now() + expiresInMs).toISOString() }));
  });
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/credentials`, served: () => served };
}

describe('the Lambda bundles\' credentials', () => {
  it('are the keys Lambda puts in the environment, read once', async () => {
    process.env.AWS_ACCESS_KEY_ID = 'AKIAENV';
    process.env.AWS_SECRET_ACCESS_KEY = 'secret';
    process.env.AWS_SESSION_TOKEN = 'session';
    const provider = defaultProvider();
    expect(await provider()).toMatchObject({ accessKeyId: 'AKIAENV', secretAccessKey: 'secret', sessionToken: 'session' });
    process.env.AWS_ACCESS_KEY_ID = 'AKIACHANGED';
    expect((await provider()).accessKeyId).toBe('AKIAENV');
  });

  it('come from the container credentials endpoint when the environment has no keys, and are fetched again before they expire', async () => {
    const soon = await endpoint(60_000); // inside the five minutes before expiry
    process.env.AWS_CONTAINER_CREDENTIALS_FULL_URI = soon.url;
    const provider = defaultProvider();
    const first = await provider();
    expect(first).toMatchObject({ secretAccessKey: 'secret', sessionToken: 'token' });
    const servedBefore = soon.served();
    const second = await provider();
    expect(soon.served()).toBeGreaterThan(servedBefore);
    expect(second.accessKeyId).not.toBe(first.accessKeyId);
  });

  it('are kept while they are good for more than five minutes', async () => {
    const later = await endpoint(3_600_000);
    process.env.AWS_CONTAINER_CREDENTIALS_FULL_URI = later.url;
    const provider = defaultProvider();
    await provider();
    await provider();
    expect(later.served()).toBe(1);
  });

  it('are refused, saying why, when there are none (no profile or shared files are read)', async () => {
    process.env.AWS_PROFILE = 'default';
    await expect(defaultProvider()()).rejects.toThrow(/AWS_CONTAINER_CREDENTIALS_FULL_URI/);
  });
});
