/**
 * Who is at the browser: the same verified token as the API's bearer, kept
 * in an HttpOnly, SameSite cookie after sign-in (Cognito's hosted sign-in in
 * AWS, the local sign-in page on this machine).
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { readCookies } from '#web/http.js';
import { type Principal, verifyBearer } from './verify.js';

export const SESSION_COOKIE = 'kept_session';

export async function principalOf(event: APIGatewayProxyEventV2): Promise<Principal> {
  const header = event.headers?.authorization ?? event.headers?.Authorization;
  if (header) return verifyBearer(header);
  const token = readCookies(event)[SESSION_COOKIE];
  return verifyBearer(token ? `Bearer ${token}` : undefined);
}

export function sessionCookie(token: string, https: boolean, maxAgeSeconds = 8 * 3600): string {
  return `${SESSION_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAgeSeconds}${https ? '; Secure' : ''}`;
}

export function clearSessionCookie(https: boolean): string {
  return `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0${https ? '; Secure' : ''}`;
}
