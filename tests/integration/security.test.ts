import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { startCouncilStack, type TestStack } from '#tests/support/stack.js';
import type { SurveyStore } from '#store/ports/surveys.js';
import { tokenHash, newToken } from '#platform/tokens.js';
import { WRONG_LINKS_ALLOWED } from '#services/surveyResponse.js';
import { surveyPage } from '#web/pages/survey.js';
import { sesSender } from '#email/sender.js';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '#store/dynamo/client.js';
import { SURVEY_SOURCE_SECRET, secretFromEnvironment } from '#platform/secrets.js';
import { surveySourceSecretFile } from '#local/secrets.js';

const TODAY = '2027-01-18';
let stack: TestStack;
let surveys: SurveyStore;
let goodToken: string;

beforeAll(async () => {
  process.env.KEPT_TODAY = TODAY;
  stack = await startCouncilStack('security');
  surveys = stack.surveys;
  await surveys.putCampaign({
    id: 'c-1', councilId: stack.councilId, surveyId: 'care-leaver', version: 1, name: 'Leavers', mode: 'anonymous', state: 'open',
    audience: { status: 'care-leaver', ageFrom: 16, ageTo: 26 }, opens: TODAY, closes: '2027-02-15', reminderDays: [],
    createdBy: 'lead-1', createdAt: TODAY, invited: 1, remindersSent: 0,
  });
  goodToken = newToken();
  await surveys.issueLink({ linkHash: tokenHash(goodToken), councilId: stack.councilId, campaignId: 'c-1', childId: 'C-1', lastDay: '2027-02-14' }, 2_000_000_000);
});

afterAll(async () => {
  await stack.stop();
});

const pageDeps = () => ({ store: stack.store, surveys, send: sesSender({ ratePerSecond: 0 }), claims: stack.claims, today: TODAY, appUrl: 'https://kept.example' });

/** The wrong-link counters in the table (their keys hold the hashed address). */
async function missKeys(): Promise<Set<string>> {
  const { Items } = await documentClient().send(new ScanCommand({ TableName: stack.tableName, FilterExpression: 'begins_with(pk, :p)', ExpressionAttributeValues: { ':p': 'LINKMISS#' } }));
  return new Set((Items ?? []).map((i) => String(i.pk)));
}

function event(path: string, sourceIp: string): APIGatewayProxyEventV2 {
  const [, , token, page] = path.split('/');
  return {
    version: '2.0', routeKey: page ? 'GET /s/{token}/{page}' : 'GET /s/{token}', rawPath: path, rawQueryString: '', headers: {}, isBase64Encoded: false,
    pathParameters: { token: token!, ...(page ? { page } : {}) },
    requestContext: { accountId: 'x', apiId: 'x', domainName: 'x', domainPrefix: 'x', requestId: 'x', routeKey: 'x', stage: '$default', time: '', timeEpoch: 0, http: { method: 'GET', path, protocol: 'HTTP/1.1', sourceIp, userAgent: '' } },
  };
}

describe('survey links', () => {
  it('carry 256 random bits, so guessing one is futile', () => {
    const tokens = Array.from({ length: 20_000 }, newToken);
    for (const t of tokens.slice(0, 100)) {
      expect(t).toMatch(/^[A-Za-z0-9_-]{43}$/); // 32 random bytes, base64url
      expect(Buffer.from(t, 'base64url')).toHaveLength(32);
    }
    expect(new Set(tokens).size).toBe(tokens.length);
    // Every bit position varies across tokens: no fixed or predictable bits.
    const ones = new Array(256).fill(0);
    for (const t of tokens.slice(0, 2000)) {
      const bytes = Buffer.from(t, 'base64url');
      for (let b = 0; b < 256; b++) ones[b] += (bytes[b >> 3]! >> (b & 7)) & 1;
    }
    expect(Math.min(...ones)).toBeGreaterThan(850);
    expect(Math.max(...ones)).toBeLessThan(1150);
    expect(newToken()).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('are stored only as a hash', async () => {
    const stored = await surveys.getLink(tokenHash(goodToken));
    expect(stored).not.toBeNull();
    expect(JSON.stringify(stored)).not.toContain(goodToken);
  });

  it(`slow down an address after ${WRONG_LINKS_ALLOWED} wrong links`, async () => {
    const statuses: number[] = [];
    for (let i = 0; i < WRONG_LINKS_ALLOWED + 2; i++) statuses.push((await fetch(`${stack.baseUrl}/s/wrong${String(i).padStart(30, '0')}`)).status);
    expect(statuses.slice(0, WRONG_LINKS_ALLOWED)).toEqual(new Array(WRONG_LINKS_ALLOWED).fill(404));
    expect(statuses.slice(WRONG_LINKS_ALLOWED)).toEqual([429, 429]);
    const throttled = await fetch(`${stack.baseUrl}/s/${goodToken}`);
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('retry-after')).toBe('600');
    // Another address is not held up by this one.
    const deps = { ...pageDeps(), sourceSecret: () => secretFromEnvironment(SURVEY_SOURCE_SECRET) };
    expect((await surveyPage(event(`/s/${goodToken}`, '203.0.113.9'), deps)).statusCode).toBe(200);
    // … and after ten minutes the first address may try again.
    expect((await surveyPage(event(`/s/${goodToken}`, '127.0.0.1'), { ...deps, nowMs: () => Date.now() + 11 * 60_000 })).statusCode).toBe(200);
  });

  it('count wrong links under a keyed hash of the address: not its SHA-256, and different under another secret', async () => {
    const ip = '192.0.2.44';
    const wrong = `/s/wrong${'7'.repeat(30)}`;
    const newKey = async (secret: string) => {
      const before = await missKeys();
      expect((await surveyPage(event(wrong, ip), { ...pageDeps(), sourceSecret: async () => secret })).statusCode).toBe(404);
      const added = [...(await missKeys())].filter((k) => !before.has(k));
      expect(added).toHaveLength(1);
      return added[0]!;
    };
    // Two stacks, each with its own secret, seeing the same address.
    const [one, two] = [await newKey('the first stack secret'), await newKey('the second stack secret')];
    expect(one).not.toBe(two);
    // The counters of the wrong links sent through the local server (from 127.0.0.1) too.
    const keys = [one, two, ...(await missKeys())];
    for (const key of keys) {
      expect(key).toMatch(/^LINKMISS#[0-9a-f]{32}#\d+$/);
      const hash = key.split('#')[1]!;
      for (const address of [ip, '127.0.0.1', '::1', '::ffff:127.0.0.1']) {
        for (const plain of [address, `source:${address}`]) expect(createHash('sha256').update(plain).digest('hex').startsWith(hash), `${key} is the SHA-256 of ${plain}`).toBe(false);
      }
    }
  });

  it('take their secret from the data directory locally: random per stack, kept across restarts', () => {
    const [a, b] = [mkdtempSync(join(tmpdir(), 'kept-secret-')), mkdtempSync(join(tmpdir(), 'kept-secret-'))];
    const secretOf = (dataDir: string) => readFileSync(surveySourceSecretFile({ dataDir }), 'utf8');
    expect(secretOf(a)).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(secretOf(a)).toBe(secretOf(a));
    expect(secretOf(a)).not.toBe(secretOf(b));
  });
});

describe('security headers', () => {
  it('send a CSP without unsafe-inline, no framing, and HSTS in AWS', async () => {
    const deps = { ...pageDeps(), sourceSecret: () => secretFromEnvironment(SURVEY_SOURCE_SECRET) };
    const page = await surveyPage(event(`/s/${goodToken}`, '198.51.100.7'), deps);
    const csp = page.headers['content-security-policy']!;
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
    expect(page.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    expect(page.headers['x-frame-options']).toBe('DENY');
    expect(page.cookies!.join(';')).toContain('Secure');
    const nonce = /'nonce-([^']+)'/.exec(csp)![1]!;
    // Every inline script carries the nonce; nothing else runs inline.
    for (const tag of page.body.match(/<script[^>]*>/g) ?? []) expect(tag.includes(`nonce="${nonce}"`) || tag.includes('src=')).toBe(true);
    const api = await stack.call('GET', '/health');
    expect(api.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

describe('retention', () => {
  // Send markers' expiry is checked where they are written (sweep.test.ts, surveyDispatch.test.ts).
  it('lets survey links and wrong-link counters expire by DynamoDB TTL', async () => {
    const { DynamoDBClient, DescribeTimeToLiveCommand } = await import('@aws-sdk/client-dynamodb');
    const { GetCommand } = await import('@aws-sdk/lib-dynamodb');
    const { documentClient } = await import('#store/dynamo/client.js');
    const ttl = await new DynamoDBClient({}).send(new DescribeTimeToLiveCommand({ TableName: stack.tableName }));
    expect(ttl.TimeToLiveDescription).toMatchObject({ AttributeName: 'expiresAt', TimeToLiveStatus: 'ENABLED' });
    const link = await documentClient().send(new GetCommand({ TableName: stack.tableName, Key: { pk: `SURVEYLINK#${tokenHash(goodToken)}`, sk: 'LINK' } }));
    expect(typeof link.Item?.expiresAt).toBe('number');
  });
});
