/**
 * My work (`/`): what the signed-in person is responsible for, grouped by
 * child, the children with overdue work first, with counts and a filter by
 * kind. It opens on what is overdue and due in the next 4 weeks, with
 * everything a choice, a page of children at a time; all as query
 * parameters (no JavaScript). A lead with no work of their own lands on
 * their reports. `POST /calendar-link` gives the person a new private
 * calendar link (the old one stops working) and shows it once.
 */
import { paginationFor } from './pagination.js';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import escapeHtml from 'escape-html';
import { addDaysIso } from '#domain/dates.js';
import { longDate, shortDateIn } from '#domain/dateText.js';
import { kindLabel } from '#domain/kinds.js';
import { statusOn } from '#domain/obligations.js';
import type { HttpResult } from '#http/responses.js';
import type { KeptStore } from '#store/ports/stores.js';
import type { DueItem } from '#store/ports/cases.js';
import type { SurveyStore } from '#store/ports/surveys.js';
import { loadCouncil } from '#services/council.js';
import { notAnsweredYet } from '#services/notAnswered.js';
import { dueFor } from '#services/obligations.js';
import type { Principal } from '#domain/principal.js';
import { HttpError } from '#http/errors.js';
import { newCalendarLink } from '#services/calendarLink.js';
import { csrfMatches, readForm } from '#web/http.js';
import { type Page, pageFor } from './page.js';
import { isPrincipal, signedIn, signedInPage, workChrome } from './work.js';
import { recordFormFor } from './recordForms.js';

export interface MyWorkDeps {
  store: KeptStore;
  surveys: SurveyStore;
  appUrl: string;
  today: string;
}

export const STATUS_TAG: Record<string, string> = { overdue: 'govuk-tag--red', 'due-today': 'govuk-tag--yellow', upcoming: 'govuk-tag--grey' };
export const WEEKS_AHEAD = 4;
/** Children a page of My work shows. */
export const CHILDREN_PER_PAGE = 20;
const MY_WORK_CSRF_COOKIE = 'kept_my_work_csrf';

export interface DueCounts {
  overdue: number;
  dueToday: number;
  nextWeeks: number;
  all: number;
}

export function countDue(items: readonly DueItem[], today: string): DueCounts {
  const horizon = addDaysIso(today, WEEKS_AHEAD * 7);
  return {
    overdue: items.filter((i) => i.dueDate < today).length,
    dueToday: items.filter((i) => i.dueDate === today).length,
    nextWeeks: items.filter((i) => i.dueDate > today && i.dueDate <= horizon).length,
    all: items.length,
  };
}

/** Items grouped by child: the child with the earliest (so overdue) item first, each child's items soonest first. */
export function byChild(items: readonly DueItem[]): Array<{ childId: string; initials: string; items: DueItem[] }> {
  const groups = new Map<string, { childId: string; initials: string; items: DueItem[] }>();
  const sorted = [...items].sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.kind < b.kind ? -1 : 1));
  for (const item of sorted) {
    let g = groups.get(item.childId);
    if (!g) groups.set(item.childId, (g = { childId: item.childId, initials: item.initials, items: [] }));
    g.items.push(item);
  }
  return [...groups.values()];
}

export async function myWorkPage(event: APIGatewayProxyEventV2, deps: MyWorkDeps): Promise<HttpResult> {
  const page = pageFor(event, deps.appUrl, { cookie: MY_WORK_CSRF_COOKIE, path: '/' });
  if (event.requestContext.http.method === 'POST') {
    return signedInPage(event, page, '/', deps.store, {}, (who, council, me) => calendarLinkPage(event, deps, page, who, council.name, me?.name));
  }
  const who = await signedIn(event, page);
  if (!isPrincipal(who)) return who;
  const { store, today } = deps;
  const [council, items, me, surveys] = await Promise.all([
    loadCouncil(store, who.councilId),
    dueFor(store, who.councilId, who.staffId),
    store.getStaff(who.councilId, who.staffId),
    notAnsweredYet(store, deps.surveys, who, today),
  ]);
  const query = event.queryStringParameters ?? {};
  if (who.role === 'lead' && items.length === 0 && !query.view) return page.redirect('/reports');
  const kinds = [...new Set(items.map((i) => i.kind))].sort();
  const kind = query.kind && kinds.includes(query.kind) ? query.kind : '';
  const everything = query.view === 'all';
  const horizon = addDaysIso(today, WEEKS_AHEAD * 7);
  const ofKind = items.filter((i) => !kind || i.kind === kind);
  const shown = ofKind.filter((i) => everything || i.dueDate <= horizon);
  const localKinds = new Set(council.titles.keys());
  const allGroups = byChild(shown);
  const pages = Math.max(1, Math.ceil(allGroups.length / CHILDREN_PER_PAGE));
  const pageNumber = Math.min(pages, Math.max(1, Number.parseInt(query.page ?? '1', 10) || 1));
  const groups = allGroups.slice((pageNumber - 1) * CHILDREN_PER_PAGE, pageNumber * CHILDREN_PER_PAGE).map((g) => {
    const counts = countDue(g.items, today);
    const caseHref = `/case/${encodeURIComponent(g.childId)}`;
    return {
      card: {
        title: { text: `${g.childId} (${g.initials})${counts.overdue ? `: ${counts.overdue} overdue` : ''}`, headingLevel: 3 },
        actions: { items: [{ href: caseHref, text: 'Open case' }] },
      },
      rows: g.items.map((i) => {
        const status = statusOn(i.dueDate, today);
        const label = kindLabel(i.kind, council.titles);
        return {
          key: { text: label },
          value: { html: `${shortDateIn(i.dueDate, today)} <strong class="govuk-tag ${STATUS_TAG[status]}">${status.replace('-', ' ')}</strong>` },
          ...(recordFormFor(i.kind, localKinds)
            ? { actions: { items: [{ href: `/children/${encodeURIComponent(i.childId)}/record/${encodeURIComponent(i.kind)}`, text: 'Record', visuallyHiddenText: label.toLowerCase() }] } }
            : {}),
        };
      }),
    };
  });
  const counts = countDue(ofKind, today);
  const hrefFor = (n: number) => `/?${new URLSearchParams({ ...(kind ? { kind } : {}), ...(everything ? { view: 'all' } : {}), page: String(n) }).toString()}`;
  return page.render(200, 'my-work.njk', {
    ...workChrome(who, council.name, 'work', me?.name),
    title: 'My work',
    todayText: longDate(today),
    horizonText: longDate(horizon),
    counts,
    childCount: allGroups.length,
    allChildren: new Set(ofKind.map((i) => i.childId)).size,
    shownCount: shown.length,
    groups,
    everything,
    kind,
    kindItems: [{ value: '', text: 'All kinds of work', selected: !kind }, ...kinds.map((k) => ({ value: k, text: kindLabel(k, council.titles), selected: k === kind }))],
    filtered: Boolean(kind) || everything,
    pagination: paginationFor(pageNumber, pages, hrefFor),
    pageText: pages > 1 ? `Page ${pageNumber} of ${pages}` : undefined,
    csrf: page.csrf,
    surveys: surveys.map((s) => ({
      ...s,
      lastDayText: longDate(s.lastDay),
      rows: (s.children ?? []).map((c) => [{ html: `<a class="govuk-link" href="/case/${encodeURIComponent(c.childId)}">${escapeHtml(c.childId)}</a>` }, { text: c.initials }]),
    })),
  });
}

/** POST /calendar-link: a new private calendar link, shown once; the old link stops working. */
async function calendarLinkPage(event: APIGatewayProxyEventV2, deps: MyWorkDeps, page: Page, who: Principal, councilName: string, me?: string): Promise<HttpResult> {
  if (!csrfMatches(readForm(event).csrf, page.cookies[MY_WORK_CSRF_COOKIE])) throw new HttpError(403, 'The form had expired. Go back to My work, reload it and try again.');
  const url = await newCalendarLink(deps.store, who, deps.appUrl);
  return page.render(201, 'calendar-link.njk', {
    ...workChrome(who, councilName, 'work', me),
    title: 'Your calendar link',
    url,
    webcal: url.replace(/^https?:/, 'webcal:'),
  });
}
