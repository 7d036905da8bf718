/**
 * A manager's team page (`/team`): the team's overdue work by person, each
 * worker's count of work due in the next 4 weeks, and the team's children
 * with no IRO or personal adviser allocated where they need one.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import escapeHtml from 'escape-html';
import { addDaysIso } from '#domain/dates.js';
import { shortDateIn } from '#domain/dateText.js';
import { kindLabel } from '#domain/kinds.js';
import { initials } from '#domain/people.js';
import type { HttpResult } from '#http/responses.js';
import type { KeptStore } from '#store/ports/stores.js';
import type { DueItem } from '#store/ports/cases.js';
import { loadCouncil } from '#services/council.js';
import { teamWork } from '#services/teamWork.js';
import { pageFor, problemPage } from './page.js';
import { childTeam, isPrincipal, signedIn, workChrome } from './work.js';
import { WEEKS_AHEAD, countDue } from './myWork.js';

export interface TeamDeps {
  store: KeptStore;
  appUrl: string;
  today: string;
}

/** Kinds owed only to a looked-after child (an IRO chairs the reviews), and those a personal adviser does. */
const NEEDS_IRO = new Set(['looked-after-review']);
const NEEDS_ADVISER = new Set(['pathway-plan', 'pathway-plan-review', 'personal-adviser-contact']);

const caseLink = (childId: string, childInitials: string) =>
  `<a class="govuk-link" href="/case/${encodeURIComponent(childId)}">${escapeHtml(childId)}</a> (${escapeHtml(childInitials)})`;

export async function teamPage(event: APIGatewayProxyEventV2, deps: TeamDeps): Promise<HttpResult> {
  const page = pageFor(event, deps.appUrl);
  const who = await signedIn(event, page);
  if (!isPrincipal(who)) return who;
  const { store, today } = deps;
  const council = await loadCouncil(store, who.councilId);
  try {
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
    const unallocated = team.children.flatMap((child) => {
      const kinds = kindsByChild.get(child.id) ?? new Set<string>();
      const members = childTeam(child);
      const missing: string[] = [];
      if ([...kinds].some((k) => NEEDS_IRO.has(k)) && !members.find((m) => m.key === 'iro')?.staffId) missing.push('IRO');
      if ([...kinds].some((k) => NEEDS_ADVISER.has(k)) && !members.find((m) => m.key === 'personalAdviser')?.staffId) missing.push('personal adviser');
      return missing.length ? [{ child, missing }] : [];
    });
    return page.render(200, 'team.njk', {
      ...workChrome(who, council.name, 'team', team.manager?.name),
      title: 'My team',
      overdue,
      workload: team.members.map((m) => {
        const c = countDue(m.items, today);
        return [{ text: m.staff.name }, { text: String(c.overdue), format: 'numeric' }, { text: String(c.dueToday + c.nextWeeks), format: 'numeric' }];
      }),
      horizonText: shortDateIn(horizon, today),
      unallocated: unallocated.map(({ child, missing }) => [
        { html: caseLink(child.id, initials(child.firstName, child.lastName)) },
        { text: `No ${missing.join(' or ')}` },
        { html: `<a class="govuk-link" href="/children/${encodeURIComponent(child.id)}/team">Change the team<span class="govuk-visually-hidden"> of case ${escapeHtml(child.id)}</span></a>` },
      ]),
    });
  } catch (error) {
    const shown = problemPage(page, error, council.name, { 403: 'This page is for team managers' });
    if (!shown) throw error;
    return shown;
  }
}
