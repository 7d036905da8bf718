/**
 * Browser sign-in through Cognito's hosted page: /sign-in sends the browser
 * there, /auth/callback swaps the code for an ID token, verifies it like any
 * bearer token and keeps it in the session cookie; /sign-out ends both
 * sessions. (Locally, npm start serves its own /sign-in page instead.)
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { verifyBearer } from '#auth/verify.js';
import { clearSessionCookie, sessionCookie } from '#auth/session.js';
import { type HostedSignIn, authorizeUrl, exchangeCode, logoutUrl } from '#auth/cognito.js';
import type { HttpResult } from '#http/responses.js';
import { redirect, safeNext } from '#web/http.js';
import { pageFor } from './page.js';

const STATE_COOKIE = 'kept_oauth';

export interface SignInDeps {
  appUrl: string;
  clientId: string;
  /** Cognito's hosted sign-in domain; unset where sign-in is not set up. */
  authDomain: string | undefined;
}

export async function signInPage(event: APIGatewayProxyEventV2, deps: SignInDeps): Promise<HttpResult> {
  const page = pageFor(event, deps.appUrl);
  const https = page.https;
  const failed = (why: string) =>
    page.message(401, { councilName: 'Kept', title: 'Sign-in failed', paragraphs: [why], link: { href: '/sign-in', text: 'Try again' } });
  const domain = deps.authDomain?.replace(/\/$/, '');

  if (event.routeKey === 'GET /sign-out') {
    const cookies = [clearSessionCookie(https)];
    if (!domain) return redirect('/sign-in', https, cookies);
    return redirect(logoutUrl({ domain, clientId: deps.clientId }, `${deps.appUrl}/`), https, cookies);
  }
  if (!domain) return failed('Sign-in is not set up here.');
  const cognito: HostedSignIn = { domain, clientId: deps.clientId, callbackUrl: `${deps.appUrl}/auth/callback` };

  if (event.routeKey === 'GET /sign-in') {
    const { url, state, verifier } = authorizeUrl(cognito);
    const next = safeNext(event.queryStringParameters?.next);
    return redirect(url, https, [`${STATE_COOKIE}=${state}.${verifier}.${encodeURIComponent(next)}; Path=/auth; HttpOnly; SameSite=Lax; Max-Age=600${https ? '; Secure' : ''}`]);
  }

  const [state, verifier, next] = (page.cookies[STATE_COOKIE] ?? '').split('.');
  const code = event.queryStringParameters?.code;
  if (!state || !verifier || !code || event.queryStringParameters?.state !== state) return failed('The sign-in had expired.');
  const signedIn = await exchangeCode(cognito, code, verifier);
  if (!signedIn) return failed('Cognito did not accept the sign-in.');
  try {
    await verifyBearer(`Bearer ${signedIn.idToken}`);
  } catch {
    return failed('Your account is not set up for Kept yet: ask an admin.');
  }
  return redirect(safeNext(decodeURIComponent(next ?? '')), https, [sessionCookie(signedIn.idToken, https, signedIn.expiresIn), `${STATE_COOKIE}=; Path=/auth; Max-Age=0`]);
}
