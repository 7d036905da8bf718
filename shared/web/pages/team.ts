/**
 * A manager's team page (`/team`): the team's overdue work by person, each
 * worker's count of work due in the next 4 weeks, and every child the team
 * holds, a page at a time, saying which need an IRO or personal adviser
 * allocated, each with "Change the team"; then the council's Unallocated
 * children (an import found no worker Kept knows) and the staff awaiting an
 * email (created by an import, not mailed until they have one).
 */
import { paginationFor } from './pagination.js';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import escapeHtml from 'escape-html';
import { addDaysIso } from '#domain/dates.js';
import { shortDateIn } from '#domain/dateText.js';
import { kindLabel } from '#domain/kinds.js';
import { initials } from '#domain/people.js';
import type { HttpResult } from '#http/responses.js';
import type { KeptStore } from '#store/ports/stores.js';
import type { DueItem } from '#store/ports/cases.js';
import type { Principal } from '#domain/principal.js';
import type { Council } from '#services/council.js';
import { teamWork } from '#services/teamWork.js';
import { type Page, pageFor } from './page.js';
import { childTeam, signedInPage, workChrome } from './work.js';
import { WEEKS_AHEAD, countDue } from './myWork.js';

export interface TeamDeps {
  store: KeptStore;
  appUrl: string;
  today: string;
}

/** Kinds owed only to a looked-after child (an IRO chairs the reviews), and those a personal adviser does. */
const NEEDS_IRO = new Set(['looked-after-review']);
const NEEDS_ADVISER = new Set(['pathway-plan', 'pathway-plan-review', 'personal-adviser-contact']);

/** Children a page of the team's list shows. */
export const TEAM_CHILDREN_PER_PAGE = 25;

const caseLink = (childId: string, childInitials: string) =>
  `<a class="govuk-link" href="/case/${encodeURIComponent(childId)}">${escapeHtml(childId)}</a> (${escapeHtml(childInitials)})`;

export async function teamPage(event: APIGatewayProxyEventV2, deps: TeamDeps): Promise<HttpResult> {
  const page = pageFor(event, deps.appUrl);
  return signedInPage(event, page, undefined, deps.store, { 403: 'This page is for team managers' }, (who, council) => answer(event, deps, page, who, council));
}

async function answer(event: APIGatewayProxyEventV2, deps: TeamDeps, page: Page, who: Principal, council: Council): Promise<HttpResult> {
  const { store, today } = deps;
  const team = await teamWork(store, who);
  const horizon = addDaysIso(today, WEEKS_AHEAD * 7);
  const all: DueItem[] = team.members.flatMap((m) => m.items);
  const overdue = team.members
    .map((m) => ({ name: m.staff.name, items: m.items.filter((i) => i.dueDate < today) }))
    .filter((m) => m.items.length)
    .map((m) => ({
      name: m.name,
      count: m.items.length,
      rows: m.items.map((i) => [
        { html: caseLink(i.childId, i.initials) },
        { text: kindLabel(i.kind, council.titles) },
        { text: shortDateIn(i.dueDate, today) },
      ]),
    }));
  const kindsByChild = new Map<string, Set<string>>();
  for (const i of all) (kindsByChild.get(i.childId) ?? kindsByChild.set(i.childId, new Set()).get(i.childId)!).add(i.kind);
  const names = new Map([team.manager, ...team.members.map((m) => m.staff)].filter((s) => s !== null).map((s) => [s.id, s.name]));
  const children = team.children.map((child) => {
    const kinds = kindsByChild.get(child.id) ?? new Set<string>();
    const members = childTeam(child);
    const missing: string[] = [];
    if ([...kinds].some((k) => NEEDS_IRO.has(k)) && !members.find((m) => m.key === 'iro')?.staffId) missing.push('IRO');
    if ([...kinds].some((k) => NEEDS_ADVISER.has(k)) && !members.find((m) => m.key === 'personalAdviser')?.staffId) missing.push('personal adviser');
    return { child, missing };
  });
  // The children missing someone first, then by case reference.
  children.sort((a, b) => Number(b.missing.length > 0) - Number(a.missing.length > 0) || (a.child.id < b.child.id ? -1 : 1));
  const pages = Math.max(1, Math.ceil(children.length / TEAM_CHILDREN_PER_PAGE));
  const pageNumber = Math.min(pages, Math.max(1, Number.parseInt(event.queryStringParameters?.page ?? '1', 10) || 1));
  const hrefFor = (n: number) => `/team?page=${n}#children`;
  return page.render(200, 'team.njk', {
    ...workChrome(who, council.name, 'team', team.manager?.name),
    title: 'My team',
    overdue,
    workload: team.members.map((m) => {
      const c = countDue(m.items, today);
      return [{ text: m.staff.name }, { text: String(c.overdue), format: 'numeric' }, { text: String(c.dueToday + c.nextWeeks), format: 'numeric' }];
    }),
    horizonText: shortDateIn(horizon, today),
    missingCount: children.filter((c) => c.missing.length).length,
    childCount: children.length,
    children: children.slice((pageNumber - 1) * TEAM_CHILDREN_PER_PAGE, pageNumber * TEAM_CHILDREN_PER_PAGE).map(({ child, missing }) => [
      { html: caseLink(child.id, initials(child.firstName, child.lastName)) },
      { text: missing.length ? `No ${missing.join(' or ')}` : 'Complete' },
      { text: names.get(child.holderId) ?? 'Someone outside your team' },
      { html: `<a class="govuk-link" href="/children/${encodeURIComponent(child.id)}/team">Change the team<span class="govuk-visually-hidden"> of case ${escapeHtml(child.id)}</span></a>` },
    ]),
    pagination: paginationFor(pageNumber, pages, hrefFor),
    unallocated: team.unallocated.map((child) => [
      { html: caseLink(child.id, initials(child.firstName, child.lastName)) },
      { text: 'Unallocated' },
      { html: `<a class="govuk-link" href="/children/${encodeURIComponent(child.id)}/team">Allocate<span class="govuk-visually-hidden"> case ${escapeHtml(child.id)}</span></a>` },
    ]),
    awaitingEmail: team.awaitingEmail.map((s) => [{ text: s.name }, { text: s.id }, { text: s.jobTitle ?? '' }]),
  });
}
