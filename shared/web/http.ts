/** What every HTML answer carries: a strict Content Security Policy with a per-response nonce, and no framing. */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';

export interface HtmlResult {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
  cookies?: string[];
}

export function nonce(): string {
  return randomBytes(16).toString('base64');
}

export function securityHeaders(cspNonce: string, https: boolean): Record<string, string> {
  return {
    'content-security-policy': [
      "default-src 'self'",
      `script-src 'self' 'nonce-${cspNonce}'`,
      "style-src 'self'",
      "img-src 'self' data:",
      "font-src 'self'",
      "form-action 'self'",
      "frame-ancestors 'none'",
      "base-uri 'none'",
      "object-src 'none'",
    ].join('; '),
    'x-frame-options': 'DENY',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-store',
    ...(https ? { 'strict-transport-security': 'max-age=31536000; includeSubDomains' } : {}),
  };
}

export function html(statusCode: number, body: string, cspNonce: string, https: boolean, cookies?: string[]): HtmlResult {
  return { statusCode, headers: { 'content-type': 'text/html; charset=utf-8', ...securityHeaders(cspNonce, https) }, body, ...(cookies ? { cookies } : {}) };
}

export function redirect(location: string, https: boolean, cookies?: string[]): HtmlResult {
  return { statusCode: 303, headers: { location, ...securityHeaders(nonce(), https) }, body: '', ...(cookies ? { cookies } : {}) };
}

/** Cookies as API Gateway v2 hands them over (an array), or from the header locally. */
export function readCookies(event: APIGatewayProxyEventV2): Record<string, string> {
  const list = event.cookies ?? (event.headers?.cookie ? event.headers.cookie.split(';') : []);
  const out: Record<string, string> = {};
  for (const c of list) {
    const at = c.indexOf('=');
    if (at <= 0) continue;
    const raw = c.slice(at + 1).trim();
    try {
      out[c.slice(0, at).trim()] = decodeURIComponent(raw);
    } catch {
      out[c.slice(0, at).trim()] = raw; // a broken %-escape: kept as sent, so it simply fails to verify
    }
  }
  return out;
}

export function readForm(event: APIGatewayProxyEventV2): Record<string, string> {
  const raw = event.body ? (event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body) : '';
  const out: Record<string, string> = {};
  for (const [k, v] of new URLSearchParams(raw)) out[k] = v;
  return out;
}

/**
 * Double-submit CSRF protection: a random value in a SameSite=Strict,
 * HttpOnly cookie that each form must echo. Returns the value for the form
 * and, when it was missing, the cookie to set.
 */
export function csrfCookie(cookies: Record<string, string>, name: string, path: string, https: boolean): { value: string; setCookie?: string } {
  const current = cookies[name];
  if (current && /^[A-Za-z0-9_-]{32,64}$/.test(current)) return { value: current };
  const value = randomBytes(24).toString('base64url');
  return { value, setCookie: `${name}=${value}; Path=${path}; HttpOnly; SameSite=Strict${https ? '; Secure' : ''}` };
}

/** The form's CSRF value matches the cookie's (compared in constant time). */
export function csrfMatches(formValue: string | undefined, cookieValue: string | undefined): boolean {
  if (!formValue || !cookieValue || formValue.length !== cookieValue.length) return false;
  return timingSafeEqual(Buffer.from(formValue), Buffer.from(cookieValue));
}

/**
 * Where to go after sign-in (My work unless told): only a path on this site, never another site
 * (open redirect; browsers read `/\` as `//`). Characters a Location header cannot carry (spaces,
 * unicode) are percent-encoded; everything else, `%` included, is kept as sent.
 */
export function safeNext(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  try {
    return next.replace(/[^\x21-\x7e]/gu, (c) => encodeURIComponent(c));
  } catch {
    return '/'; // a lone surrogate: no page is called that
  }
}
