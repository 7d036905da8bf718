/**
 * A browser's session without the browser, for the page tests: its cookies
 * (the session cookie and any CSRF cookie the pages set), GET and form POST
 * without following redirects, and the CSRF value read off a page's form.
 */
import { randomBytes } from 'node:crypto';

export interface WebAnswer {
  status: number;
  html: string;
  location: string | null;
}

export interface WebSession {
  cookies: Map<string, string>;
  get(path: string): Promise<WebAnswer>;
  post(path: string, form: Record<string, string>): Promise<WebAnswer>;
}

export function webSession(baseUrl: string, sessionToken?: string): WebSession {
  const cookies = new Map<string, string>();
  if (sessionToken) cookies.set('kept_session', sessionToken);
  const send = async (path: string, init: RequestInit): Promise<WebAnswer> => {
    const cookie = [...cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const r = await fetch(`${baseUrl}${path}`, { ...init, redirect: 'manual', headers: { ...(init.headers as Record<string, string>), ...(cookie ? { cookie } : {}) } });
    for (const c of r.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const at = pair!.indexOf('=');
      const value = pair!.slice(at + 1);
      if (value === '' || /Max-Age=0/.test(c)) cookies.delete(pair!.slice(0, at));
      else cookies.set(pair!.slice(0, at), value);
    }
    return { status: r.status, html: await r.text(), location: r.headers.get('location') };
  };
  return {
    cookies,
    get: (path) => send(path, { method: 'GET' }),
    post: (path, form) => send(path, { method: 'POST', body: new URLSearchParams(form).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } }),
  };
}

/** A record form's one-time token, as the question page makes one (any well-formed token is spent once). */
export function newOnce(): string {
  return randomBytes(24).toString('base64url');
}

/** The one-time token a record page's form carries. */
export function onceOf(html: string): string {
  const found = /name="once" value="([^"]+)"/.exec(html);
  if (!found) throw new Error('the page has no one-time token');
  return found[1]!;
}

/** The CSRF value a page's form carries. */
export function csrfOf(html: string): string {
  const found = /name="csrf" value="([^"]+)"/.exec(html);
  if (!found) throw new Error('the page has no CSRF field');
  return found[1]!;
}

/** The page's text without tags, whitespace collapsed: what a person reads. */
export function textOf(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}
