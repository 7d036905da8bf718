/** Cognito's hosted sign-in, the OAuth 2 authorization code flow with PKCE: the two calls Kept makes of it. */
import { createHash, randomBytes } from 'node:crypto';
import { log } from '#platform/log.js';

export interface HostedSignIn {
  /** https://<prefix>.auth.<region>.amazoncognito.com */
  domain: string;
  clientId: string;
  /** Where Cognito sends the browser back with the code. */
  callbackUrl: string;
}

/** Where to send the browser to sign in, with a fresh state and PKCE verifier to keep until it returns. */
export function authorizeUrl(c: HostedSignIn): { url: string; state: string; verifier: string } {
  const state = randomBytes(16).toString('base64url');
  const verifier = randomBytes(32).toString('base64url');
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  const url = new URL(`${c.domain}/oauth2/authorize`);
  url.search = new URLSearchParams({ response_type: 'code', client_id: c.clientId, redirect_uri: c.callbackUrl, scope: 'openid email profile', state, code_challenge: challenge, code_challenge_method: 'S256' }).toString();
  return { url: url.toString(), state, verifier };
}

/** Swaps the code for the ID token (and its lifetime in seconds), or null when Cognito refuses. */
export async function exchangeCode(c: HostedSignIn, code: string, verifier: string): Promise<{ idToken: string; expiresIn: number } | null> {
  const response = await fetch(`${c.domain}/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'authorization_code', client_id: c.clientId, code, redirect_uri: c.callbackUrl, code_verifier: verifier }).toString(),
  });
  if (!response.ok) {
    log.warn('sign-in code exchange refused', { status: response.status });
    return null;
  }
  const { id_token: idToken, expires_in: expiresIn } = (await response.json()) as { id_token?: string; expires_in?: number };
  return idToken ? { idToken, expiresIn: expiresIn ?? 3600 } : null;
}

/** Where Cognito ends its own session and sends the browser back. */
export function logoutUrl(c: Pick<HostedSignIn, 'domain' | 'clientId'>, returnTo: string): string {
  return `${c.domain}/logout?client_id=${encodeURIComponent(c.clientId)}&logout_uri=${encodeURIComponent(returnTo)}`;
}
