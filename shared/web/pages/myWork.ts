/**
 * My work (`/`): what the signed-in person is responsible for, grouped by
 * child, the children with overdue work first, with counts, a filter by
 * kind and a "next 4 weeks" view, all as query parameters (no JavaScript).
 */
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
import { pageFor } from './page.js';
import { isPrincipal, signedIn, workChrome } from './work.js';
import { recordFormFor } from './recordForms.js';

export interface MyWorkDeps {
  store: KeptStore;
  surveys: SurveyStore;
  appUrl: string;
  today: string;
}

export const STATUS_TAG: Record<string, string> = { overdue: 'govuk-tag--red', 'due-today': 'govuk-tag--yellow', upcoming: 'govuk-tag--grey' };
export const WEEKS_AHEAD = 4;

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
  const page = pageFor(event, deps.appUrl);
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
  const kinds = [...new Set(items.map((i) => i.kind))].sort();
  const kind = query.kind && kinds.includes(query.kind) ? query.kind : '';
  const soon = query.view === 'next-4-weeks';
  const horizon = addDaysIso(today, WEEKS_AHEAD * 7);
  const shown = items.filter((i) => (!kind || i.kind === kind) && (!soon || i.dueDate <= horizon));
  const localKinds = new Set(council.titles.keys());
  const groups = byChild(shown).map((g) => {
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
  const counts = countDue(shown, today);
  return page.render(200, 'my-work.njk', {
    ...workChrome(who, council.name, 'work', me?.name),
    title: 'My work',
    todayText: longDate(today),
    horizonText: longDate(horizon),
    counts,
    childCount: groups.length,
    groups,
    soon,
    kind,
    kindItems: [{ value: '', text: 'All kinds of work', selected: !kind }, ...kinds.map((k) => ({ value: k, text: kindLabel(k, council.titles), selected: k === kind }))],
    filtered: Boolean(kind) || soon,
    surveys: surveys.map((s) => ({
      ...s,
      lastDayText: longDate(s.lastDay),
      rows: (s.children ?? []).map((c) => [{ html: `<a class="govuk-link" href="/case/${encodeURIComponent(c.childId)}">${escapeHtml(c.childId)}</a>` }, { text: c.initials }]),
    })),
  });
}
