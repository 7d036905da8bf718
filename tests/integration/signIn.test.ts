/**
 * Browser sign-in through the real web/signIn handler (behind the local
 * server), with Cognito's token endpoint played by a small server on
 * loopback that answers with an ID token from the local issuer.
 */
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '#tests/support/stack.js';
import { listen } from '#local/server.js';

let stack: TestStack;
let cognito: Server;
let cognitoUrl: string;
/** What the fake token endpoint was last sent. */
let exchanged: URLSearchParams | undefined;
let idToken = '';

beforeAll(async () => {
  stack = await startTestStack('sign-in');
  idToken = await stack.token('lead', 'lead-1');
  cognito = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      if (req.method !== 'POST' || req.url !== '/oauth2/token') {
        res.writeHead(404);
        return void res.end();
      }
      exchanged = new URLSearchParams(body);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id_token: idToken, expires_in: 3600, token_type: 'Bearer' }));
    });
  });
  cognitoUrl = `http://127.0.0.1:${await listen(cognito, 0)}`;
  process.env.AUTH_DOMAIN = cognitoUrl;
});

afterAll(async () => {
  delete process.env.AUTH_DOMAIN;
  await stack?.stop();
  await new Promise((r) => cognito?.close(r));
});

/** /sign-in?next=…, then Cognito's redirect back to /auth/callback with a code: where the browser ends up. */
async function signInThrough(next: string): Promise<{ status: number; location: string | null; cookies: string[] }> {
  const start = await fetch(`${stack.baseUrl}/sign-in?next=${encodeURIComponent(next)}`, { redirect: 'manual' });
  expect(start.status).toBe(303);
  const authorize = new URL(start.headers.get('location')!);
  expect(`${authorize.origin}${authorize.pathname}`).toBe(`${cognitoUrl}/oauth2/authorize`);
  const stateCookie = start.headers.getSetCookie().find((c) => c.startsWith('kept_oauth='))!.split(';')[0]!;
  const back = await fetch(`${stack.baseUrl}/auth/callback?code=the-code&state=${encodeURIComponent(authorize.searchParams.get('state')!)}`, {
    headers: { cookie: stateCookie },
    redirect: 'manual',
  });
  // The verifier kept in the cookie is the one whose challenge went to Cognito.
  expect(createHash('sha256').update(exchanged!.get('code_verifier')!).digest('base64url')).toBe(authorize.searchParams.get('code_challenge'));
  return { status: back.status, location: back.headers.get('location'), cookies: back.headers.getSetCookie() };
}

describe('sign-in through Cognito', () => {
  it.each([
    ['a case reference with a dot', '/case/C.1', '/case/C.1'],
    ['a literal %', '/case/50%', '/case/50%'],
    ['an encoded slash', '/case/a%2Fb', '/case/a%2Fb'],
    ['unicode, as a browser sends it', '/case/Zo%C3%AB', '/case/Zo%C3%AB'],
    ['unicode as typed', '/case/Zoë', '/case/Zo%C3%AB'],
    ['a query string', '/reports/on-time?team=tm-1&from=2026.01.01&to=2027-01-18', '/reports/on-time?team=tm-1&from=2026.01.01&to=2027-01-18'],
  ])('brings the browser back to the page it asked for: %s', async (_what, next, expected) => {
    const { status, location, cookies } = await signInThrough(next);
    expect(status).toBe(303);
    expect(location).toBe(expected);
    expect(cookies.some((c) => c.startsWith(`kept_session=${idToken};`))).toBe(true);
  });

  it('never sends the browser to another site', async () => {
    for (const next of ['//evil.example/x', '/\\evil.example/x', 'https://evil.example/x']) expect((await signInThrough(next)).location, next).toBe('/');
  });

  it('turns a callback without its state away with the sign-in page in the GOV.UK layout', async () => {
    const r = await fetch(`${stack.baseUrl}/auth/callback?code=x&state=y`, { headers: { cookie: 'kept_oauth=not.what.we.set' }, redirect: 'manual' });
    expect(r.status).toBe(401);
    const html = await r.text();
    expect(html).toContain('Sign-in failed');
    expect(html).toContain('The sign-in had expired.');
    expect(html).toContain('href="/sign-in"');
    expect(html).toContain('class="govuk-template"');
    const nonce = /'nonce-([^']+)'/.exec(r.headers.get('content-security-policy') ?? '')?.[1];
    expect(html).toContain(`nonce="${nonce}"`);
  });
});
