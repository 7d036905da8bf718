/**
 * Browser sign-in through Cognito's hosted page: OAuth 2 authorization code
 * with PKCE. /sign-in sends the browser there, /auth/callback swaps the code
 * for an ID token, verifies it like any bearer token and keeps it in the
 * session cookie; /sign-out ends both sessions. (Locally, npm start serves
 * its own /sign-in page instead.)
 */
import middy from '@middy/core';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { createHash, randomBytes } from 'node:crypto';
import { config } from '#platform/config.js';
import { verifyBearer } from '#auth/verify.js';
import { clearSessionCookie, sessionCookie } from '#auth/session.js';
import { type HtmlResult, html, nonce, readCookies, redirect, safeNext } from '#web/http.js';
import { log } from '#platform/log.js';

const STATE_COOKIE = 'kept_oauth';

export const handler = middy<APIGatewayProxyEventV2, HtmlResult>().handler(async (event) => {
  const https = config.appUrl.startsWith('https:');
  const domain = process.env.AUTH_DOMAIN?.replace(/\/$/, '');
  const clientId = config.authAudience;
  const callback = `${config.appUrl}/auth/callback`;
  const failed = (why: string) => html(401, `<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>Sign-in failed</title></head><body><h1>Sign-in failed</h1><p>${why} <a href="/sign-in">Try again</a>.</p></body></html>`, nonce(), https);

  if (event.routeKey === 'GET /sign-out') {
    const cookies = [clearSessionCookie(https)];
    if (!domain) return redirect('/sign-in', https, cookies);
    return redirect(`${domain}/logout?client_id=${encodeURIComponent(clientId)}&logout_uri=${encodeURIComponent(`${config.appUrl}/`)}`, https, cookies);
  }
  if (!domain) return failed('Sign-in is not set up here.');

  if (event.routeKey === 'GET /sign-in') {
    const state = randomBytes(16).toString('base64url');
    const verifier = randomBytes(32).toString('base64url');
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    const next = safeNext(event.queryStringParameters?.next);
    const url = new URL(`${domain}/oauth2/authorize`);
    url.search = new URLSearchParams({ response_type: 'code', client_id: clientId, redirect_uri: callback, scope: 'openid email profile', state, code_challenge: challenge, code_challenge_method: 'S256' }).toString();
    return redirect(url.toString(), https, [`${STATE_COOKIE}=${state}.${verifier}.${encodeURIComponent(next)}; Path=/auth; HttpOnly; SameSite=Lax; Max-Age=600${https ? '; Secure' : ''}`]);
  }

  const [state, verifier, next] = (readCookies(event)[STATE_COOKIE] ?? '').split('.');
  const code = event.queryStringParameters?.code;
  if (!state || !verifier || !code || event.queryStringParameters?.state !== state) return failed('The sign-in had expired.');
  const response = await fetch(`${domain}/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'authorization_code', client_id: clientId, code, redirect_uri: callback, code_verifier: verifier }).toString(),
  });
  if (!response.ok) {
    log.warn('sign-in code exchange refused', { status: response.status });
    return failed('Cognito did not accept the sign-in.');
  }
  const { id_token: idToken, expires_in: expiresIn } = (await response.json()) as { id_token?: string; expires_in?: number };
  try {
    await verifyBearer(`Bearer ${idToken}`);
  } catch {
    return failed('Your account is not set up for Kept yet: ask an admin.');
  }
  return redirect(safeNext(decodeURIComponent(next ?? '')), https, [sessionCookie(idToken!, https, expiresIn ?? 3600), `${STATE_COOKIE}=; Path=/auth; Max-Age=0`]);
});
