/**
 * The leads' pages, JSON and CSV from one set of figures: each format is a
 * rendering of the same suppressed summary, never a recount.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { stringify } from 'csv-stringify/sync';
import escapeHtml from 'escape-html';
import { principalOf } from '#auth/session.js';
import { Unauthenticated, type Principal } from '#auth/verify.js';
import { HttpError, answerFor } from '#http/errors.js';
import type { KeptStore } from '#store/keptStore.js';
import type { SurveyStore } from '#store/surveyStore.js';
import { renderPage } from '#web/render.js';
import { barChart } from '#web/charts.js';
import { type HtmlResult, csrfCookie, csrfMatches, html, nonce, readCookies, readForm, redirect, securityHeaders } from '#web/http.js';
import { loadCouncil } from './council.js';
import { definitionFor } from './surveyDefinitions.js';
import { requireReports, surveyReport, type SurveyReport } from './reports.js';
import type { Shown } from '#domain/suppression.js';
import { longDate } from '#domain/dateText.js';

export interface ReportDeps {
  store: KeptStore;
  surveys: SurveyStore;
  appUrl: string;
  today: string;
}

const CSRF_COOKIE = 'kept_reports_csrf';

export const pct = (n: number | null | undefined) => (n == null ? 'not shown' : `${n}%`);
export const pp = (n: number | null | undefined) => (n == null ? 'not shown' : `${n > 0 ? '+' : ''}${n} points`);
const shown = (v: Shown) => String(v);

function respond(status: number, contentType: string, body: string, https: boolean): HtmlResult {
  return { statusCode: status, headers: { ...securityHeaders(nonce(), https), 'content-type': contentType }, body };
}

function surveyCsv(r: SurveyReport): string {
  const rows: string[][] = [['section', 'question_id', 'question', 'answer', 'count', 'percent', 'change_points']];
  rows.push(['response', '', 'Invited', '', shown(r.summary.invited), '', '']);
  rows.push(['response', '', 'Answered', '', shown(r.summary.answered), r.summary.responseRate == null ? '' : String(r.summary.responseRate), '']);
  for (const ind of r.summary.indicators) {
    rows.push(['indicator', ind.questionId, ind.title, 'All', shown(ind.count), ind.percent == null ? '' : String(ind.percent), ind.change == null ? '' : String(ind.change)]);
    for (const b of ind.breakdowns) {
      b.table.rows.forEach((group, i) => rows.push([`indicator by ${b.dimension}`, ind.questionId, ind.title, group, shown(b.table.cells[i]![0]!), b.percents[i] == null ? '' : String(b.percents[i]), '']));
    }
  }
  for (const q of r.summary.questions) {
    if (!q.table) continue;
    q.table.columns.forEach((answer, i) => rows.push(['question', q.id, q.text, answer, shown(q.table!.cells[0]![i]!), q.percents[i] == null ? '' : String(q.percents[i]), q.change?.[i] == null ? '' : String(q.change[i])]));
  }
  for (const c of r.summary.comments ?? []) rows.push(['comment', c.questionId, '', c.text, '', '', '']);
  return stringify(rows);
}

function surveyView(r: SurveyReport, principal: Principal, csrf: string, replyError?: string) {
  const s = r.summary;
  return {
    section: 'survey',
    title: r.campaign.name,
    councilName: r.council.name,
    signedInAs: `${principal.staffId} (${principal.role})`,
    surveyTitle: r.definition.title,
    previousName: r.previous?.name,
    campaign: r.campaign,
    opens: longDate(r.campaign.opens),
    closes: longDate(r.campaign.closes),
    summary: { ...s, invited: shown(s.invited), answered: shown(s.answered) },
    pct,
    pp,
    indicators: s.indicators.map((ind) => ({
      ...ind,
      breakdowns: ind.breakdowns.map((b) => ({
        title: b.title,
        chart: barChart({
          title: `${ind.title} by ${b.title.toLowerCase()}`,
          bars: b.table.rows.map((g, i) => ({ label: g, value: b.percents[i] ?? null, text: pct(b.percents[i]) })),
        }),
        rows: b.table.rows.map((g, i) => [
          { text: g },
          { text: shown(b.table.cells[i]![0]!), format: 'numeric' },
          { text: shown(b.table.rowTotals[i]!), format: 'numeric' },
          { text: pct(b.percents[i]), format: 'numeric' },
        ]),
      })),
    })),
    questions: s.questions.map((q) => ({
      ...q,
      chart: q.table ? barChart({ title: q.text, bars: q.table.columns.map((c, i) => ({ label: c, value: q.percents[i] ?? null, text: pct(q.percents[i]) })) }) : '',
      rows: q.table
        ? q.table.columns.map((c, i) => [
            { text: c },
            { text: shown(q.table!.cells[0]![i]!), format: 'numeric' },
            { text: pct(q.percents[i]), format: 'numeric' },
            { text: q.change ? pp(q.change[i]) : 'no earlier survey', format: 'numeric' },
          ])
        : [],
    })),
    comments: s.comments,
    canSeeComments: principal.role === 'lead' || principal.role === 'admin',
    canReply: principal.role === 'lead' || principal.role === 'admin',
    csrf,
    replyError,
  };
}

export async function handleReportPage(event: APIGatewayProxyEventV2, deps: ReportDeps, extra?: { onTime?: (principal: Principal, format: string) => Promise<HtmlResult> }): Promise<HtmlResult> {
  const https = deps.appUrl.startsWith('https:');
  const format = event.queryStringParameters?.format ?? 'html';
  const route = event.routeKey;
  const cspNonce = nonce();
  let principal: Principal;
  try {
    principal = await principalOf(event);
  } catch (error) {
    if (!(error instanceof Unauthenticated)) throw error;
    if (format !== 'html') return respond(401, 'application/json', JSON.stringify({ error: error.message }), https);
    return redirect(`/sign-in?next=${encodeURIComponent(event.rawPath + (event.rawQueryString ? `?${event.rawQueryString}` : ''))}`, https);
  }
  const cookies = readCookies(event);
  const { value: csrf, setCookie } = csrfCookie(cookies, CSRF_COOKIE, '/reports', https);
  const setCookies = setCookie ? [setCookie] : [];
  const page = (status: number, view: string, ctx: Record<string, unknown>) =>
    html(status, renderPage(view, { cspNonce, ...ctx }), cspNonce, https, setCookies.length ? setCookies : undefined);
  try {
    requireReports(principal);
    if (route === 'GET /reports') {
      const council = await loadCouncil(deps.store, principal.councilId);
      const campaigns = await deps.surveys.listCampaigns(principal.councilId);
      campaigns.sort((a, b) => (a.opens < b.opens ? 1 : -1));
      const rows = await Promise.all(
        campaigns.map(async (c) => {
          const invitations = await deps.surveys.listInvitations(principal.councilId, c.id);
          return [
            { html: `<a class="govuk-link" href="/reports/surveys/${encodeURIComponent(c.id)}">${escapeHtml(c.name)}</a>` },
            { text: definitionFor(c, council)?.title ?? c.surveyId },
            { text: `${longDate(c.opens)} to ${longDate(c.closes)}` },
            { text: c.state },
            { text: String(Math.max(c.invited, invitations.filter((i) => i.sentAt).length)), format: 'numeric' },
            { text: String(invitations.filter((i) => i.answered).length), format: 'numeric' },
          ];
        }),
      );
      return page(200, 'reports-home.njk', { section: 'home', title: 'Reports', councilName: council.name, signedInAs: `${principal.staffId} (${principal.role})`, campaigns: rows, team: principal.role === 'manager' });
    }
    if (route === 'GET /reports/surveys/{campaign}') {
      const report = await surveyReport(deps.store, deps.surveys, principal, event.pathParameters?.campaign ?? '');
      if (format === 'json') return respond(200, 'application/json; charset=utf-8', JSON.stringify({ campaign: { id: report.campaign.id, name: report.campaign.name, mode: report.campaign.mode, opens: report.campaign.opens, closes: report.campaign.closes, youSaidWeDid: report.campaign.youSaidWeDid ?? null }, summary: report.summary }), https);
      if (format === 'csv') return { ...respond(200, 'text/csv; charset=utf-8', surveyCsv(report), https), headers: { ...securityHeaders(nonce(), https), 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${report.campaign.id}.csv"` } };
      return page(200, 'reports-survey.njk', surveyView(report, principal, csrf));
    }
    if (route === 'POST /reports/surveys/{campaign}/reply') {
      if (principal.role !== 'lead' && principal.role !== 'admin') throw new HttpError(403, 'only leads and admins publish a reply');
      const form = readForm(event);
      const id = event.pathParameters?.campaign ?? '';
      if (!csrfMatches(form.csrf, cookies[CSRF_COOKIE])) {
        throw new HttpError(403, 'the form had expired; reload the page and try again');
      }
      const text = (form.youSaidWeDid ?? '').trim();
      if (!text || [...text].length > 1000) {
        const report = await surveyReport(deps.store, deps.surveys, principal, id);
        return page(400, 'reports-survey.njk', { ...surveyView(report, principal, csrf, text ? 'Write 1000 characters or fewer' : 'Write what you are doing about what young people said'), errors: [{ text: 'Fix the reply' }] });
      }
      const report = await surveyReport(deps.store, deps.surveys, principal, id);
      await deps.surveys.setReply(principal.councilId, report.campaign.id, text);
      return redirect(`/reports/surveys/${encodeURIComponent(id)}`, https);
    }
    if (route === 'GET /reports/on-time' && extra?.onTime) return await extra.onTime(principal, format);
    throw new HttpError(404, 'no such report');
  } catch (error) {
    const answer = answerFor(error);
    if (!answer || answer.status >= 500) throw error;
    const { status, message, problems } = answer;
    if (format !== 'html') return respond(status, 'application/json', JSON.stringify({ error: message, ...(problems ? { problems } : {}) }), https);
    const council = await loadCouncil(deps.store, principal.councilId).catch(() => ({ name: 'Kept' }));
    return page(status, 'message.njk', { title: status === 403 ? 'You cannot see this' : 'Not found', councilName: council.name, paragraphs: [message] });
  }
}
