/**
 * /reports/on-time: the on-time figures for leads (the council, or one team)
 * and managers (their team), as a page with a chart and tables, JSON or CSV,
 * all from the same suppressed figures.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import escapeHtml from 'escape-html';
import type { Principal } from '#domain/principal.js';
import { longDate, monthName } from '#domain/dateText.js';
import { figureNotes, withNotesColumn } from '#domain/hiddenFigures.js';
import { type HttpResult, csvDownload } from '#http/responses.js';
import { onTimeFigures } from '#services/onTimeFigures.js';
import { barChart } from '#web/charts.js';
import { securityHeaders } from '#web/http.js';
import type { Page } from './page.js';
import type { Format, ReportDeps } from './reports.js';
import { FIGURES_KEY, pct, signedInAs } from './surveyReport.js';

const blankIfNull = (n: number | null) => (n == null ? '' : String(n));

export async function onTimePage(event: APIGatewayProxyEventV2, deps: ReportDeps, page: Page, principal: Principal, format: Format): Promise<HttpResult> {
  const q = event.queryStringParameters ?? {};
  const result = await onTimeFigures(deps.store, principal, { from: q.from, to: q.to, team: q.team }, deps.today);
  const { council, managers, teams, ...figures } = result;
  const { from, to, scope } = figures;

  if (format === 'json') return page.json(200, { ...figures, ...(teams ? { teams } : {}), notes: figureNotes(deps.appUrl) });
  if (format === 'csv') {
    const rows = [['scope', 'figure', 'title', 'numerator', 'denominator', 'percent', 'definition']];
    for (const f of figures.figures) rows.push([scope.name, f.id, f.title, String(f.numerator), String(f.denominator), blankIfNull(f.percent), f.definition]);
    for (const m of figures.monthly) {
      rows.push([scope.name, `visits-on-time ${m.month}`, 'Statutory visits made on time', String(m.visitsOnTime), String(m.visitsDue), blankIfNull(m.visitsPercent), '']);
      rows.push([scope.name, `reviews-on-time ${m.month}`, 'Looked-after reviews held on time', String(m.reviewsOnTime), String(m.reviewsDue), blankIfNull(m.reviewsPercent), '']);
    }
    return csvDownload('on-time.csv', withNotesColumn(rows, deps.appUrl), securityHeaders(page.cspNonce, page.https));
  }

  const figure = (t: NonNullable<typeof teams>[number], id: string) => {
    const f = t.figures.find((x) => x.id === id)!;
    return { text: `${pct(f.percent)} (${f.numerator} of ${f.denominator})`, format: 'numeric' };
  };
  const teamRows = (teams ?? []).map((t) => [
    { html: `<a class="govuk-link" href="/reports/on-time?team=${encodeURIComponent(t.team)}&amp;from=${from}&amp;to=${to}">${escapeHtml(t.name)}</a>` },
    figure(t, 'visits-on-time'),
    figure(t, 'reviews-on-time'),
  ]);
  return page.render(200, 'reports-on-time.njk', {
    section: 'on-time',
    title: 'On time',
    councilName: council.name,
    signedInAs: signedInAs(principal),
    key: FIGURES_KEY,
    scopeName: scope.name,
    from,
    to,
    fromText: longDate(from),
    toText: longDate(to),
    canChooseTeam: principal.role !== 'manager',
    teams: [{ value: 'all', text: 'The whole council', selected: !scope.team }, ...managers.map((m) => ({ value: m.id, text: `${m.name}'s team`, selected: scope.team === m.id }))],
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
    query: `from=${from}&to=${to}${scope.team ? `&team=${encodeURIComponent(scope.team)}` : ''}`,
  });
}
