/**
 * Browser sign-in through Cognito's hosted page: /sign-in sends the browser
 * there, /auth/callback swaps the code for an ID token, verifies it like any
 * bearer token and keeps it in the session cookie; /sign-out ends both
 * sessions. (Locally, npm start serves its own /sign-in page instead.)
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { AccessEnded, verifyBearer } from '#auth/verify.js';
import { clearSessionCookie, sessionCookie } from '#auth/session.js';
import { type HostedSignIn, authorizeUrl, exchangeCode, logoutUrl } from '#auth/cognito.js';
import type { HttpResult } from '#http/responses.js';
import { redirect, safeNext } from '#web/http.js';
import { pageFor } from './page.js';

const STATE_COOKIE = 'kept_oauth';

const WHOM_TO_ASK = "Ask your council's Kept administrator (whoever looks after Kept's staff list, usually in the children's services performance or systems team).";
const NOT_IN_KEPT = `Kept could not sign you in: your work email is not on Kept's staff list, or your access to Kept has ended. ${WHOM_TO_ASK}`;
const ACCESS_ENDED = `Your access to Kept has ended. If you still work with children in care here, ${WHOM_TO_ASK.charAt(0).toLowerCase()}${WHOM_TO_ASK.slice(1)}`;

/** What the browser keeps while Cognito signs it in: the OAuth state, the PKCE verifier and where to go after. */
interface PendingSignIn {
  state: string;
  verifier: string;
  next: string;
}

/** base64url of JSON: any path (dots, %, unicode, a query string) survives as a cookie value. */
const encodePending = (p: PendingSignIn) => Buffer.from(JSON.stringify(p)).toString('base64url');

function decodePending(value: string | undefined): PendingSignIn | null {
  try {
    const p = JSON.parse(Buffer.from(value ?? '', 'base64url').toString('utf8')) as Partial<PendingSignIn>;
    return typeof p.state === 'string' && typeof p.verifier === 'string' && typeof p.next === 'string' ? { state: p.state, verifier: p.verifier, next: p.next } : null;
  } catch {
    return null;
  }
}

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
    const pending = encodePending({ state, verifier, next: safeNext(event.queryStringParameters?.next) });
    return redirect(url, https, [`${STATE_COOKIE}=${pending}; Path=/auth; HttpOnly; SameSite=Lax; Max-Age=600${https ? '; Secure' : ''}`]);
  }

  // Cognito sends the browser back with an error when Kept's sign-in check refused the person (not on the staff list, or a leaver).
  if (event.queryStringParameters?.error) return failed(NOT_IN_KEPT);
  const pending = decodePending(page.cookies[STATE_COOKIE]);
  const code = event.queryStringParameters?.code;
  if (!pending || !code || event.queryStringParameters?.state !== pending.state) return failed('The sign-in had expired.');
  const signedIn = await exchangeCode(cognito, code, pending.verifier);
  if (!signedIn) return failed('Cognito did not accept the sign-in.');
  try {
    await verifyBearer(`Bearer ${signedIn.idToken}`);
  } catch (error) {
    return failed(error instanceof AccessEnded ? ACCESS_ENDED : 'Your account is not set up for Kept yet: ask an admin.');
  }
  return redirect(safeNext(pending.next), https, [sessionCookie(signedIn.idToken, https, signedIn.expiresIn), `${STATE_COOKIE}=; Path=/auth; Max-Age=0`]);
}
