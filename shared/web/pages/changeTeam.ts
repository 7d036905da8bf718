/**
 * Changing the team around a child in the browser (`/children/{id}/team`):
 * a select for each place (social worker, IRO, personal adviser, virtual
 * school, health), offering the practitioners and managers whose team role
 * fits the place, then the same use case as `PUT /children/{id}/team`.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { Principal } from '#domain/principal.js';
import { Forbidden, InvalidInput, NotFound } from '#domain/errors.js';
import { teamOf } from '#domain/access.js';
import { type Staff, type Team, type TeamRole, initials, teamOfChild, UNALLOCATED } from '#domain/people.js';
import { HttpError } from '#http/errors.js';
import type { HttpResult } from '#http/responses.js';
import { routeOf } from '#http/route.js';
import { changeTeam } from '#services/team.js';
import { csrfMatches, readForm } from '#web/http.js';
import { type Page, pageFor } from './page.js';
import { signedInPage, workChrome } from './work.js';
import type { RecordDeps } from './record.js';

// The record pages' CSRF cookie: every form under /children shares it.
const CSRF_COOKIE = 'kept_record_csrf';
const PLACES: Array<[keyof Team, TeamRole, string]> = [
  ['socialWorker', 'social-worker', 'Social worker'],
  ['iro', 'iro', 'Independent reviewing officer (IRO)'],
  ['personalAdviser', 'personal-adviser', 'Personal adviser'],
  ['virtualSchool', 'virtual-school', 'Virtual school'],
  ['health', 'health', 'Health (looked-after children nurse)'],
];

export async function changeTeamPage(event: APIGatewayProxyEventV2, deps: RecordDeps): Promise<HttpResult> {
  const page = pageFor(event, deps.appUrl, { cookie: CSRF_COOKIE, path: '/children' });
  return signedInPage(event, page, event.rawPath, deps.store, { 403: 'You cannot change this team', 404: 'Not found' }, (who, council, me) =>
    answer(event, deps, page, who, council.name, me?.name),
  );
}

async function answer(event: APIGatewayProxyEventV2, deps: RecordDeps, page: Page, principal: Principal, councilName: string, me?: string): Promise<HttpResult> {
  if (principal.role !== 'manager' && principal.role !== 'admin') throw new Forbidden('only a manager or an admin changes a team');
  const childId = event.pathParameters?.id ?? '';
  const child = await deps.store.getChild(principal.councilId, childId);
  if (!child) throw new NotFound(`no child with case reference ${childId}`);
  const everyone = await deps.store.listStaff(principal.councilId);
  if (principal.role === 'manager' && child.holderId !== UNALLOCATED && !teamOf(principal.staffId, everyone).includes(child.holderId)) {
    throw new Forbidden(`case ${child.id} is not held in your team`);
  }
  const staff = everyone.filter((s) => s.role === 'practitioner' || s.role === 'manager');
  const current = teamOfChild(child);
  const caseHref = `/case/${encodeURIComponent(child.id)}`;
  const view = (status: number, chosen: Partial<Record<keyof Team, string>>, problems: Array<{ field: string; message: string }> = []) =>
    page.render(status, 'change-team.njk', {
      ...workChrome(principal, councilName, principal.role === 'manager' ? 'team' : 'case', me),
      title: 'Change the team',
      childId: child.id,
      initials: initials(child.firstName, child.lastName),
      caseHref,
      action: event.rawPath,
      csrf: page.csrf,
      errors: problems.map((p) => ({ text: p.message, href: `#${p.field}` })),
      places: PLACES.map(([key, role, label]) => ({
        id: key,
        label,
        error: problems.find((p) => p.field === key)?.message,
        items: [
          ...(key === 'socialWorker' ? [] : [{ value: '', text: 'Not allocated' }]),
          ...named(choices(staff, role, current[key])).map(({ id, text }) => ({ value: id, text, selected: chosen[key] === id })),
        ],
      })),
    });
  if (event.requestContext.http.method === 'GET') return view(200, current);
  const form = readForm(event);
  if (!csrfMatches(form.csrf, page.cookies[CSRF_COOKIE])) throw new HttpError(403, 'The form had expired. Go back, reload the page and try again.');
  const team: Team = { socialWorker: form.socialWorker ?? '' };
  for (const [key] of PLACES.slice(1)) if (form[key]) team[key] = form[key];
  if (!team.socialWorker) return view(400, team, [{ field: 'socialWorker', message: 'Select the social worker' }]);
  try {
    await changeTeam(deps.store, principal, child.id, team, deps.today, routeOf(event));
  } catch (error) {
    if (!(error instanceof InvalidInput)) throw error;
    return view(400, team, error.problems.map((p) => ({ field: p.field, message: `${p.field === 'socialWorker' ? 'Social worker' : p.field}: ${p.message}` })));
  }
  return page.redirect(`${caseHref}?done=team`);
}

/**
 * The people offered for a place: those whose team role is that place's (a
 * practitioner with none set counts as a social worker), and whoever holds
 * it now, so saving the form never drops them unasked.
 */
export function choices(staff: readonly Staff[], role: TeamRole, currentId?: string): Staff[] {
  return staff.filter((s) => s.id === currentId || (s.teamRole === undefined ? role === 'social-worker' && s.role === 'practitioner' : s.teamRole === role));
}

/** Each person by name, sorted by name; a job title (or, failing one, the staff id) tells apart two of the same name. */
export function named(people: readonly Staff[]): Array<{ id: string; text: string }> {
  const sorted = [...people].sort((a, b) => a.name.localeCompare(b.name, 'en-GB') || (a.id < b.id ? -1 : 1));
  const count = new Map<string, number>();
  for (const p of sorted) count.set(p.name, (count.get(p.name) ?? 0) + 1);
  return sorted.map((p) => ({ id: p.id, text: count.get(p.name)! > 1 ? `${p.name} (${p.jobTitle ?? p.id})` : p.name }));
}
