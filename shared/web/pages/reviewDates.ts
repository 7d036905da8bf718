/**
 * /reports/review-dates: children whose case-system review dates differ from
 * Kept's statutory ones, so a council can find its case system's errors. HTML
 * or `?format=csv`; leads and admins (the use case checks and audits).
 */
import escapeHtml from 'escape-html';
import type { Principal } from '#domain/principal.js';
import { plainDate } from '#domain/dateText.js';
import { type HttpResult, csvDownload } from '#http/responses.js';
import { type ReviewDateRow, reviewDateList } from '#services/reviewDates.js';
import { securityHeaders } from '#web/http.js';
import type { Page } from './page.js';
import type { Format, ReportDeps } from './reports.js';
import { signedInAs } from './surveyReport.js';

const ROUTE = 'GET /reports/review-dates';

/** "7 days later", "14 days earlier", "no review due in Kept". */
export function differenceText(row: Pick<ReviewDateRow, 'daysLater'>): string {
  const d = row.daysLater;
  if (d === null) return 'Kept has no review due';
  const days = `${Math.abs(d)} day${Math.abs(d) === 1 ? '' : 's'}`;
  return d > 0 ? `${days} later` : `${days} earlier`;
}

function differenceHtml(r: ReviewDateRow): string {
  const text = r.daysLater !== null && r.daysLater > 0 ? `<strong class="govuk-tag govuk-tag--red">${differenceText(r)}</strong>` : escapeHtml(differenceText(r));
  return r.firstOnRecord ? `${text}<br><span class="govuk-body-s">No earlier review in Kept's record of this period in care: Kept counts this one as the first.</span>` : text;
}

export async function reviewDatesPage(deps: ReportDeps, page: Page, principal: Principal, format: Format): Promise<HttpResult> {
  const list = await reviewDateList(deps.store, deps.audit, principal, deps.today, ROUTE, format === 'html' ? 'read' : 'export');
  if (format === 'json') return page.json(200, list);
  if (format === 'csv') {
    const rows = [['case reference', 'social worker', 'IRO', 'review', 'held on', 'case system due', 'Kept statutory due', 'case system days later', 'no earlier review on record']];
    for (const r of list.rows) {
      rows.push([r.childId, r.socialWorker, r.iro ?? '', r.held ? 'held' : 'next', r.held ?? '', r.caseSystemDue, r.keptDue ?? '', r.daysLater === null ? '' : String(r.daysLater), r.firstOnRecord ? 'Y' : 'N']);
    }
    return csvDownload(`review-dates-${deps.today}.csv`, rows, securityHeaders(page.cspNonce, page.https));
  }
  const later = list.rows.filter((r) => r.daysLater !== null && r.daysLater > 0).length;
  return page.render(200, 'reports-review-dates.njk', {
    section: 'review-dates',
    title: 'Review dates',
    councilName: list.councilName,
    signedInAs: signedInAs(principal),
    sinceText: plainDate(list.since),
    childrenCompared: list.childrenCompared,
    children: new Set(list.rows.map((r) => r.childId)).size,
    later,
    cards: list.rows.map((r) => ({
      card: {
        title: { text: r.childId, headingLevel: 3 },
        actions: { items: [{ href: `/case/${encodeURIComponent(r.childId)}`, text: 'Open the case', visuallyHiddenText: ` ${r.childId}` }] },
      },
      rows: [
        { key: { text: 'Review' }, value: { text: r.held ? `Held ${plainDate(r.held)}` : 'The next review' } },
        { key: { text: "Case system's date" }, value: { text: plainDate(r.caseSystemDue) } },
        { key: { text: 'Statutory date' }, value: { text: r.keptDue ? plainDate(r.keptDue) : 'None' } },
        { key: { text: 'Difference' }, value: { html: differenceHtml(r) } },
        { key: { text: 'Social worker' }, value: { text: r.socialWorker } },
        { key: { text: 'IRO' }, value: { text: r.iro ?? 'None allocated' } },
      ],
    })),
  });
}
