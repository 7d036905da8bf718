/**
 * On-time figures for leads (the council, or one team) and managers (their
 * team): HTML with a chart and a table, JSON and CSV, all from the same
 * suppressed figures.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { stringify } from 'csv-stringify/sync';
import escapeHtml from 'escape-html';
import type { Principal } from '#domain/principal.js';
import { HttpError } from '#http/api.js';
import { computeOnTime, type OnTimeSection, type OnTimeChild } from '#domain/onTime.js';
import { type Shown, mean as publishedMean, percent, suppressTable } from '#domain/suppression.js';
import { addDaysIso, isIsoDate } from '#domain/dates.js';
import { renderPage } from '#web/render.js';
import { barChart } from '#web/charts.js';
import { type HtmlResult, html, nonce, securityHeaders } from '#web/http.js';
import { loadCouncil } from './council.js';
import type { ReportDeps } from './reportPages.js';
import { pct } from './reportPages.js';
import { longDate, monthName } from '#domain/dateText.js';

export interface PublishedFigure {
  id: string;
  title: string;
  definition: string;
  numerator: Shown;
  denominator: Shown;
  percent: number | null;
  /** SDQs only: the mean score, when 10 or more were recorded. */
  mean?: number | null;
}

export interface PublishedOnTime {
  from: string;
  to: string;
  scope: { team: string | null; name: string };
  figures: PublishedFigure[];
  monthly: Array<{ month: string; visitsOnTime: Shown; visitsDue: Shown; visitsPercent: number | null; reviewsOnTime: Shown; reviewsDue: Shown; reviewsPercent: number | null }>;
}

/** The one place on-time counts are suppressed: a 1-row table of (met, not met) with its total. */
function published(numerator: number, denominator: number): { n: Shown; d: Shown; p: number | null } {
  const t = suppressTable({ rows: ['All'], columns: ['Met', 'Not met'], counts: [[numerator, denominator - numerator]] });
  return { n: t.cells[0]![0]!, d: t.total, p: percent(t.cells[0]![0]!, t.total) };
}

export function publishOnTime(section: OnTimeSection, from: string, to: string, scope: PublishedOnTime['scope']): PublishedOnTime {
  const figures: PublishedFigure[] = Object.values(section.figures).map((f) => {
    const { n, d, p } = published(f.numerator, f.denominator);
    const out: PublishedFigure = { id: f.id, title: f.title, definition: f.definition, numerator: n, denominator: d, percent: p };
    if (f.id === 'sdq-done') {
      const sdq = f as typeof f & { count: number; sum: number };
      // The mean is shown only for 10 or more scores: with fewer, a sum could point at one child.
      out.mean = sdq.count >= 10 ? Math.round((sdq.sum / sdq.count) * 10) / 10 : publishedMean([]);
    }
    return out;
  });
  const monthly = section.monthly.map((m) => {
    const v = published(m.visitsOnTime.numerator, m.visitsOnTime.denominator);
    const r = published(m.reviewsOnTime.numerator, m.reviewsOnTime.denominator);
    return { month: m.month, visitsOnTime: v.n, visitsDue: v.d, visitsPercent: v.p, reviewsOnTime: r.n, reviewsDue: r.d, reviewsPercent: r.p };
  });
  return { from, to, scope, figures, monthly };
}

function period(event: APIGatewayProxyEventV2, today: string): { from: string; to: string } {
  const q = event.queryStringParameters ?? {};
  const to = q.to ?? today;
  const bad = (field: string) => ({ field, message: 'must be a date written YYYY-MM-DD, from 2001 on' });
  const valid = (d: string) => isIsoDate(d) && d >= '2001-01-01';
  if (!valid(to)) throw new HttpError(400, `to: ${bad('to').message}`, [bad('to')]);
  // Without a "from", the year up to "to".
  const from = q.from ?? addDaysIso(to, -364);
  const problems = valid(from) ? [] : [bad(q.from === undefined ? 'to' : 'from')];
  if (!problems.length && from > to) problems.push({ field: 'to', message: 'must not be before from' });
  if (problems.length) throw new HttpError(400, problems.map((p) => `${p.field}: ${p.message}`).join('; '), problems);
  return { from, to };
}

export async function onTimePage(event: APIGatewayProxyEventV2, principal: Principal, format: string, deps: ReportDeps): Promise<HtmlResult> {
  const https = deps.appUrl.startsWith('https:');
  const { from, to } = period(event, deps.today);
  const council = await loadCouncil(deps.store, principal.councilId);
  const staff = await deps.store.listStaff(principal.councilId);
  const people = new Map(staff.map((s) => [s.id, s]));
  const managers = staff.filter((s) => s.role === 'manager').sort((a, b) => a.name.localeCompare(b.name));
  let team = principal.role === 'manager' ? principal.staffId : event.queryStringParameters?.team || null;
  if (team === 'all') team = null;
  if (team && people.get(team)?.role !== 'manager') throw new HttpError(400, `team: no team led by ${team}`, [{ field: 'team', message: `no team led by ${team}` }]);

  const teamOf = (holderId: string) => {
    const holder = people.get(holderId);
    return holder?.role === 'manager' ? holder.id : holder?.managerId ?? 'no-team';
  };
  const children: OnTimeChild[] = [];
  for (const child of await deps.store.listChildren(principal.councilId)) {
    const t = teamOf(child.holderId);
    if (team && t !== team) continue;
    const { facts } = await deps.store.getChildHistory(principal.councilId, child.id);
    children.push({ child: { id: child.id, dateOfBirth: child.dateOfBirth }, facts: facts.map((f) => f.fact), team: t });
  }
  const report = computeOnTime(children, from, to, council.policy);
  const scopeName = team ? `${people.get(team)?.name ?? team}'s team` : council.name;
  const figures = publishOnTime(report.council, from, to, { team, name: scopeName });

  if (format === 'json') {
    const teams = team ? undefined : report.teams.map((t) => ({ team: t.team, name: people.get(t.team)?.name ?? t.team, ...publishOnTime(t, from, to, { team: t.team, name: people.get(t.team)?.name ?? t.team }) }));
    return { statusCode: 200, headers: { ...securityHeaders(nonce(), https), 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify({ ...figures, ...(teams ? { teams } : {}) }) };
  }
  if (format === 'csv') {
    const rows = [['scope', 'figure', 'title', 'numerator', 'denominator', 'percent', 'definition']];
    for (const f of figures.figures) rows.push([scopeName, f.id, f.title, String(f.numerator), String(f.denominator), f.percent == null ? '' : String(f.percent), f.definition]);
    for (const m of figures.monthly) {
      rows.push([scopeName, `visits-on-time ${m.month}`, 'Statutory visits made on time', String(m.visitsOnTime), String(m.visitsDue), m.visitsPercent == null ? '' : String(m.visitsPercent), '']);
      rows.push([scopeName, `reviews-on-time ${m.month}`, 'Looked-after reviews held on time', String(m.reviewsOnTime), String(m.reviewsDue), m.reviewsPercent == null ? '' : String(m.reviewsPercent), '']);
    }
    return { statusCode: 200, headers: { ...securityHeaders(nonce(), https), 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="on-time.csv"' }, body: stringify(rows) };
  }
  const cspNonce = nonce();
  const teamRows = team
    ? []
    : report.teams.map((t) => {
        const v = published(t.figures['visits-on-time'].numerator, t.figures['visits-on-time'].denominator);
        const r = published(t.figures['reviews-on-time'].numerator, t.figures['reviews-on-time'].denominator);
        return [
          { html: `<a class="govuk-link" href="/reports/on-time?team=${encodeURIComponent(t.team)}&amp;from=${from}&amp;to=${to}">${escapeHtml(people.get(t.team)?.name ?? t.team)}</a>` },
          { text: `${pct(v.p)} (${v.n} of ${v.d})`, format: 'numeric' },
          { text: `${pct(r.p)} (${r.n} of ${r.d})`, format: 'numeric' },
        ];
      });
  return html(
    200,
    renderPage('reports-on-time.njk', {
      cspNonce,
      section: 'on-time',
      title: 'On time',
      councilName: council.name,
      signedInAs: `${principal.staffId} (${principal.role})`,
      scopeName,
      from,
      to,
      fromText: longDate(from),
      toText: longDate(to),
      canChooseTeam: principal.role !== 'manager',
      teams: [{ value: 'all', text: 'The whole council', selected: !team }, ...managers.map((m) => ({ value: m.id, text: `${m.name}'s team`, selected: team === m.id }))],
      figures: figures.figures.map((f) => ({ ...f, percentText: pct(f.percent), numerator: String(f.numerator), denominator: String(f.denominator) })),
      chart: barChart({ title: 'Statutory visits made on time, month by month', bars: figures.monthly.map((m) => ({ label: monthName(m.month), value: m.visitsPercent, text: pct(m.visitsPercent) })) }),
      monthlyRows: figures.monthly.map((m) => [
        { text: monthName(m.month) },
        { text: `${m.visitsOnTime} of ${m.visitsDue}`, format: 'numeric' },
        { text: pct(m.visitsPercent), format: 'numeric' },
        { text: `${m.reviewsOnTime} of ${m.reviewsDue}`, format: 'numeric' },
        { text: pct(m.reviewsPercent), format: 'numeric' },
      ]),
      teamRows,
      query: `from=${from}&to=${to}${team ? `&team=${encodeURIComponent(team)}` : ''}`,
    }),
    cspNonce,
    https,
  );
}
