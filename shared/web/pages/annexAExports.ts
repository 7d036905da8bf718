/**
 * The Annex A lists as jobs, for leads and admins (session cookie or bearer):
 * POST /reports/annex-a-exports asks for one (a form from /reports, or JSON
 * `{list, format}`), GET /reports/annex-a-exports/{id} says whether it is
 * ready (a page, or JSON when asked with Accept: application/json or
 * ?format=json), and .../file downloads it. Only the person who asked sees it.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { AnnexAList } from '#domain/annexA.js';
import type { Principal } from '#domain/principal.js';
import { principalOf } from '#auth/session.js';
import { Unauthenticated } from '#auth/verify.js';
import { HttpError } from '#http/errors.js';
import { type HttpResult, fileDownload } from '#http/responses.js';
import { type AnnexAExportJob, EXPORT_KEPT_HOURS, annexAExportFile, annexAExportFor, askForAnnexAExport } from '#services/annexAExports.js';
import { loadCouncil } from '#services/council.js';
import type { ExportJobs } from '#store/ports/exports.js';
import type { KeptStore } from '#store/ports/stores.js';
import { csrfMatches, readForm } from '#web/http.js';
import { type Page, pageFor, pageOrJsonProblem, signInFirst } from './page.js';
import { CSRF_COOKIE } from './reports.js';
import { signedInAs } from './surveyReport.js';

export interface AnnexAExportDeps {
  store: KeptStore;
  exports: ExportJobs;
  appUrl: string;
}

const LIST_WORDS: Record<AnnexAList, string> = { 'children-in-care': 'List 8, children in care', 'care-leavers': 'List 9, care leavers' };
const FORMAT_WORDS = { csv: 'CSV', xlsx: 'Excel' } as const;
const WHEN = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', day: 'numeric', month: 'long', year: 'numeric', hour: 'numeric', minute: '2-digit', hour12: true });

const statusPath = (id: string) => `/reports/annex-a-exports/${id}`;

function wantsJson(event: APIGatewayProxyEventV2): boolean {
  if (event.queryStringParameters?.format === 'json') return true;
  const accept = event.headers?.accept ?? '';
  return (accept.includes('application/json') && !accept.includes('text/html')) || (event.headers?.['content-type'] ?? '').startsWith('application/json');
}

/** What a client is told about a job (JSON). */
function jobJson(job: AnnexAExportJob, appUrl: string) {
  return {
    id: job.id,
    list: job.list,
    format: job.format,
    state: job.state,
    requestedAt: job.requestedAt,
    expiresAt: new Date(job.expiresAt * 1000).toISOString(),
    statusUrl: `${appUrl}${statusPath(job.id)}`,
    ...(job.state === 'ready' ? { fileUrl: `${appUrl}${statusPath(job.id)}/file`, rows: job.rows } : {}),
  };
}

export async function annexAExportPage(event: APIGatewayProxyEventV2, deps: AnnexAExportDeps): Promise<HttpResult> {
  const page = pageFor(event, deps.appUrl, { cookie: CSRF_COOKIE, path: '/reports' });
  const asJson = wantsJson(event);
  let principal: Principal;
  try {
    principal = await principalOf(event);
  } catch (error) {
    if (!(error instanceof Unauthenticated)) throw error;
    if (asJson) return page.json(401, { error: error.message }, { 'www-authenticate': 'Bearer' });
    // A form posted without a session: sign in, then back to the reports page the form is on.
    return event.requestContext.http.method === 'GET' ? signInFirst(event, page) : page.redirect('/sign-in?next=%2Freports');
  }
  try {
    return await route(event, deps, page, principal, asJson);
  } catch (error) {
    return pageOrJsonProblem(page, error, asJson, async () => (await loadCouncil(deps.store, principal.councilId)).name);
  }
}

async function route(event: APIGatewayProxyEventV2, deps: AnnexAExportDeps, page: Page, principal: Principal, asJson: boolean): Promise<HttpResult> {
  const id = event.pathParameters?.id ?? '';
  switch (event.routeKey) {
    case 'POST /reports/annex-a-exports': {
      // A bearer token is not sent by a browser on its own, so only the cookie-signed form needs the CSRF value.
      const bearer = Boolean(event.headers?.authorization);
      const asked = bearer && (event.headers?.['content-type'] ?? '').includes('application/json') ? jsonBody(event) : readForm(event);
      if (!bearer && !csrfMatches(asked.csrf, page.cookies[CSRF_COOKIE])) throw new HttpError(403, 'the form had expired; go back to the reports page and try again');
      const job = await askForAnnexAExport(deps.exports, principal, { list: asked.list, format: asked.format });
      if (asJson || bearer) return page.json(202, jobJson(job, deps.appUrl), { location: statusPath(job.id) });
      return page.redirect(statusPath(job.id));
    }
    case 'GET /reports/annex-a-exports/{id}': {
      const job = await annexAExportFor(deps.exports, principal, id);
      if (asJson) return page.json(200, jobJson(job, deps.appUrl));
      const council = await loadCouncil(deps.store, principal.councilId);
      return page.render(200, 'reports-annex-a-export.njk', {
        section: 'home',
        title: job.state === 'ready' ? 'Your list is ready' : job.state === 'failed' ? 'Your list could not be prepared' : 'Your list is being prepared',
        councilName: council.name,
        signedInAs: signedInAs(principal),
        state: job.state,
        what: `${LIST_WORDS[job.list]} (${FORMAT_WORDS[job.format]})`,
        rows: job.rows,
        keptUntil: WHEN.format(new Date(job.expiresAt * 1000)),
        keptHours: EXPORT_KEPT_HOURS,
        statusHref: statusPath(job.id),
        fileHref: `${statusPath(job.id)}/file`,
        fileName: job.fileName,
      });
    }
    case 'GET /reports/annex-a-exports/{id}/file': {
      const { job, body } = await annexAExportFile(deps.exports, principal, id);
      return fileDownload(job.fileName!, job.contentType!, body);
    }
    default:
      throw new HttpError(404, 'no such page');
  }
}

function jsonBody(event: APIGatewayProxyEventV2): Record<string, string | undefined> {
  const text = event.body ? (event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body) : '';
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
      const { list, format } = parsed as Record<string, unknown>;
      return { list: typeof list === 'string' ? list : undefined, format: typeof format === 'string' ? format : undefined };
    }
  } catch {
    // Named below as the fields it lacks.
  }
  return {};
}
