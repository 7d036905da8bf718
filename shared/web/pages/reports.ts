/**
 * The leads' pages: /reports, a campaign's survey report (and its "You said,
 * we did" reply) and the on-time figures, each as HTML, `?format=json` or
 * `?format=csv`. Signed in with the session cookie or a bearer token.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import escapeHtml from 'escape-html';
import type { Principal } from '#domain/principal.js';
import { InvalidInput } from '#domain/errors.js';
import { longDate } from '#domain/dateText.js';
import { campaignStateWords } from '#domain/reportWords.js';
import { principalOf } from '#auth/session.js';
import { Unauthenticated } from '#auth/verify.js';
import { HttpError } from '#http/errors.js';
import { type HttpResult, csvDownload } from '#http/responses.js';
import type { KeptStore } from '#store/ports/stores.js';
import type { SurveyStore } from '#store/ports/surveys.js';
import type { AuditLog } from '#store/ports/audit.js';
import { campaignList, publishReply, surveyReport } from '#services/reports.js';
import { loadCouncil } from '#services/council.js';
import { csrfMatches, readForm, securityHeaders } from '#web/http.js';
import { type Page, pageFor, pageOrJsonProblem, signInFirst } from './page.js';
import { FIGURES_KEY, signedInAs, surveyReportCsv, surveyReportJson, surveyReportView } from './surveyReport.js';
import { onTimePage } from './onTime.js';
import { reviewDatesPage } from './reviewDates.js';

export interface ReportDeps {
  store: KeptStore;
  surveys: SurveyStore;
  audit: AuditLog;
  appUrl: string;
  today: string;
}

export type Format = 'html' | 'json' | 'csv';

/** The CSRF cookie of every form under /reports (the reply form, the Annex A requests). */
export const CSRF_COOKIE = 'kept_reports_csrf';

export async function reportPage(event: APIGatewayProxyEventV2, deps: ReportDeps): Promise<HttpResult> {
  const page = pageFor(event, deps.appUrl, { cookie: CSRF_COOKIE, path: '/reports' });
  const asked = event.queryStringParameters?.format;
  const format: Format = asked === 'json' || asked === 'csv' ? asked : 'html';
  let principal: Principal;
  try {
    principal = await principalOf(event);
  } catch (error) {
    if (!(error instanceof Unauthenticated)) throw error;
    return format === 'html' ? signInFirst(event, page) : page.json(401, { error: error.message }, { 'www-authenticate': 'Bearer' });
  }
  try {
    return await route(event, deps, page, principal, format);
  } catch (error) {
    return pageOrJsonProblem(page, error, format !== 'html', async () => (await loadCouncil(deps.store, principal.councilId)).name);
  }
}

async function route(event: APIGatewayProxyEventV2, deps: ReportDeps, page: Page, principal: Principal, format: Format): Promise<HttpResult> {
  const campaignId = event.pathParameters?.campaign ?? '';
  switch (event.routeKey) {
    case 'GET /reports':
      return home(deps, page, principal);
    case 'GET /reports/surveys/{campaign}': {
      const report = await surveyReport(deps.store, deps.surveys, principal, campaignId);
      if (format === 'json') return page.json(200, surveyReportJson(report, deps.appUrl));
      if (format === 'csv') return csvDownload(`${report.campaign.id}.csv`, surveyReportCsv(report, deps.appUrl), securityHeaders(page.cspNonce, page.https));
      return page.render(200, 'reports-survey.njk', surveyReportView(report, principal, page.csrf));
    }
    case 'POST /reports/surveys/{campaign}/reply': {
      const form = readForm(event);
      if (!csrfMatches(form.csrf, page.cookies[CSRF_COOKIE])) throw new HttpError(403, 'the form had expired; reload the page and try again');
      try {
        await publishReply(deps.surveys, principal, campaignId, form.youSaidWeDid ?? '');
      } catch (error) {
        if (!(error instanceof InvalidInput)) throw error;
        const report = await surveyReport(deps.store, deps.surveys, principal, campaignId);
        return page.render(400, 'reports-survey.njk', surveyReportView(report, principal, page.csrf, error.problems[0]!.message));
      }
      return page.redirect(`/reports/surveys/${encodeURIComponent(campaignId)}`);
    }
    case 'GET /reports/on-time':
      return onTimePage(event, deps, page, principal, format);
    case 'GET /reports/review-dates':
      return reviewDatesPage(deps, page, principal, format);
    default:
      throw new HttpError(404, 'no such report');
  }
}

async function home(deps: ReportDeps, page: Page, principal: Principal): Promise<HttpResult> {
  const { council, campaigns } = await campaignList(deps.store, deps.surveys, principal);
  const rows = campaigns.map(({ campaign: c, surveyTitle, counts }) => [
    { html: `<a class="govuk-link" href="/reports/surveys/${encodeURIComponent(c.id)}">${escapeHtml(c.name)}</a>` },
    { text: surveyTitle },
    { text: `${longDate(c.opens)} to ${longDate(c.closes)}` },
    { text: campaignStateWords(c.state) },
    { text: String(counts.invited), format: 'numeric' },
    { text: String(counts.answered), format: 'numeric' },
  ]);
  return page.render(200, 'reports-home.njk', { section: 'home', title: 'Reports', councilName: council.name, signedInAs: signedInAs(principal), key: FIGURES_KEY, campaigns: rows, csrf: page.csrf, team: principal.role === 'manager', leadsOnly: principal.role === 'lead' || principal.role === 'admin' });
}
