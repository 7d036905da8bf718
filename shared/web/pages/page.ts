/**
 * What every page handler starts from: the request's cookies, a CSP nonce,
 * a CSRF value for its forms, and answers that carry the same security
 * headers. Errors become pages here too: the shared mapping
 * (shared/http/errors.ts) chooses the status, a template the words.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { answerFor } from '#http/errors.js';
import { type HttpResult, json } from '#http/responses.js';
import { log } from '#platform/log.js';
import { renderPage } from '#web/render.js';
import { csrfCookie, html, nonce, readCookies, redirect, securityHeaders } from '#web/http.js';

export interface Page {
  https: boolean;
  cspNonce: string;
  cookies: Record<string, string>;
  /** The CSRF value this page's forms carry (when the page was given a CSRF cookie). */
  csrf: string;
  render(status: number, view: string, context: Record<string, unknown>): HttpResult;
  message(status: number, context: MessageContext): HttpResult;
  redirect(location: string): HttpResult;
  json(status: number, body: unknown, headers?: Record<string, string>): HttpResult;
}

export interface MessageContext {
  councilName: string;
  title: string;
  paragraphs: string[];
  link?: { href: string; text: string };
  /** Survey pages: where "I need help now" goes. */
  helpNowHref?: string;
}

/** A page for this request; `csrf` names the cookie (and its path) that protects the page's forms. */
export function pageFor(event: APIGatewayProxyEventV2, appUrl: string, csrf?: { cookie: string; path: string }): Page {
  const https = appUrl.startsWith('https:');
  const cspNonce = nonce();
  const cookies = readCookies(event);
  const token = csrf ? csrfCookie(cookies, csrf.cookie, csrf.path, https) : { value: '' };
  const setCookies = token.setCookie ? [token.setCookie] : undefined;
  const render = (status: number, view: string, context: Record<string, unknown>) => html(status, renderPage(view, { cspNonce, ...context }), cspNonce, https, setCookies);
  return {
    https,
    cspNonce,
    cookies,
    csrf: token.value,
    render,
    message: (status, context) => render(status, 'message.njk', { ...context }),
    redirect: (location) => redirect(location, https, setCookies),
    json: (status, body, headers = {}) => json(status, body, { ...securityHeaders(nonce(), https), ...headers }),
  };
}

/** Where a browser that is not signed in goes: sign in, then back to the page it asked for. */
export function signInFirst(event: APIGatewayProxyEventV2, page: Page): HttpResult {
  const back = event.rawPath + (event.rawQueryString ? `?${event.rawQueryString}` : '');
  return page.redirect(`/sign-in?next=${encodeURIComponent(back)}`);
}

/**
 * The page for an error a person can act on (its status from the shared
 * mapping, the words from `titles`), or null for a fault of ours.
 */
export function problemPage(page: Page, error: unknown, councilName: string, titles: Partial<Record<number, string>> = {}): HttpResult | null {
  const answer = answerFor(error);
  if (!answer || answer.status >= 500) return null;
  const title = titles[answer.status] ?? (answer.status === 403 ? 'You cannot see this' : answer.status === 404 ? 'Not found' : 'There is a problem');
  const result = page.message(answer.status, { councilName, title, paragraphs: [answer.message] });
  return { ...result, headers: { ...result.headers, ...answer.headers } };
}

/**
 * An error from a route that answers pages and JSON (the reports): JSON gets
 * the shared mapping's status and message, a page the problem page in the
 * council's name; a fault of ours is thrown on.
 */
export async function pageOrJsonProblem(page: Page, error: unknown, asJson: boolean, councilName: () => Promise<string>): Promise<HttpResult> {
  if (asJson) {
    const answer = answerFor(error);
    if (!answer) throw error;
    return page.json(answer.status, { error: answer.message, ...(answer.problems ? { problems: answer.problems } : {}) }, answer.headers);
  }
  const shown = problemPage(page, error, await councilName().catch(() => 'Kept'));
  if (!shown) throw error;
  return shown;
}

/**
 * Runs a page handler; what it could not answer becomes the "Sorry, there is
 * a problem" page (503), from the same layout and CSP as every page.
 */
export async function withFaultPage(event: APIGatewayProxyEventV2, appUrl: string, what: string, paragraphs: string[], run: () => Promise<HttpResult>): Promise<HttpResult> {
  try {
    return await run();
  } catch (error) {
    log.error(`${what} failed`, { error: (error as Error)?.name ?? 'Error' });
    return pageFor(event, appUrl).message(503, { councilName: 'Kept', title: 'Sorry, there is a problem', paragraphs });
  }
}
