/** What the practitioners' pages share: who is signed in, and the navigation between My work, the team page and reports. */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { Principal } from '#domain/principal.js';
import type { ChildRecord, Staff } from '#domain/people.js';
import type { DueItem } from '#store/ports/cases.js';
import { principalOf } from '#auth/session.js';
import { Unauthenticated } from '#auth/verify.js';
import type { HttpResult } from '#http/responses.js';
import type { CouncilStore } from '#store/ports/councils.js';
import type { StaffStore } from '#store/ports/staff.js';
import { answerFor } from '#http/errors.js';
import { type Council, loadCouncil } from '#services/council.js';
import { type Page, signInFirst } from './page.js';

export type Section = 'work' | 'team' | 'case' | 'staff';

const ROLE_WORDS: Record<Principal['role'], string> = { practitioner: 'practitioner', manager: 'manager', lead: 'lead', admin: 'admin' };

/** The staff header and footer: the navigation this person has, and who is signed in, by name. */
export function workChrome(principal: Principal, councilName: string, section: Section, name?: string) {
  const navigation = [{ href: '/', text: 'My work', active: section === 'work' }];
  if (principal.role === 'manager') navigation.push({ href: '/team', text: 'My team', active: section === 'team' });
  if (principal.role !== 'practitioner') navigation.push({ href: '/reports', text: 'Reports', active: false });
  if (principal.role === 'admin') navigation.push({ href: '/admin/staff', text: 'Staff', active: section === 'staff' });
  return { councilName, navigation, signedInAs: name ?? `a ${ROLE_WORDS[principal.role]} of ${councilName}` };
}

/** Where "a way back" goes from an error: the case the page was about, and the person's own start page. */
export function waysBack(principal: Principal, childId?: string): Array<{ href: string; text: string }> {
  return [
    ...(childId ? [{ href: `/case/${encodeURIComponent(childId)}`, text: `Back to case ${childId}` }] : []),
    principal.role === 'lead' ? { href: '/reports', text: 'Go to reports' } : { href: '/', text: 'Go to my work' },
  ];
}

/**
 * An error a person can act on (403, 404, 409...) as a page in the staff
 * header and footer, with a way back; null for a fault of ours.
 */
export function workProblemPage(
  page: Page,
  error: unknown,
  principal: Principal,
  councilName: string,
  name: string | undefined,
  titles: Partial<Record<number, string>>,
  childId?: string,
): HttpResult | null {
  const answer = answerFor(error);
  if (!answer || answer.status >= 500) return null;
  const title = titles[answer.status] ?? (answer.status === 403 ? 'You cannot see this' : answer.status === 404 ? 'Not found' : 'There is a problem');
  const result = page.render(answer.status, 'work-message.njk', {
    ...workChrome(principal, councilName, 'case', name),
    title,
    paragraphs: [answer.message],
    // A 403 or 404 may be about the case itself: no way back into it.
    links: waysBack(principal, answer.status === 403 || answer.status === 404 ? undefined : childId),
  });
  return { ...result, headers: { ...result.headers, ...answer.headers } };
}

/** The signed-in person, or the redirect through sign-in that comes back here (a form comes back to `back`, its page). */
export async function signedIn(event: APIGatewayProxyEventV2, page: Page, back?: string): Promise<Principal | HttpResult> {
  try {
    return await principalOf(event);
  } catch (error) {
    if (!(error instanceof Unauthenticated)) throw error;
    return back ? page.redirect(`/sign-in?next=${encodeURIComponent(back)}`) : signInFirst(event, page);
  }
}

export const isPrincipal = (p: Principal | HttpResult): p is Principal => 'staffId' in p;

/**
 * A page for someone signed in: the way through sign-in when nobody is
 * (coming back to `back`, as signedIn does), else `answer` for the person and
 * their council. An error problemPage knows (a 403, a 404...) is shown as its
 * page, titled from `titles`, in the council's name; any other is thrown.
 */
export async function signedInPage(
  event: APIGatewayProxyEventV2,
  page: Page,
  back: string | undefined,
  store: Pick<CouncilStore, 'getCouncil'> & Pick<StaffStore, 'getStaff'>,
  titles: Partial<Record<number, string>>,
  answer: (who: Principal, council: Council, me: Staff | null) => Promise<HttpResult>,
): Promise<HttpResult> {
  const who = await signedIn(event, page, back);
  if (!isPrincipal(who)) return who;
  const [council, me] = await Promise.all([loadCouncil(store, who.councilId), store.getStaff(who.councilId, who.staffId)]);
  try {
    return await answer(who, council, me);
  } catch (error) {
    const shown = workProblemPage(page, error, who, council.name, me?.name, titles, event.pathParameters?.id);
    if (!shown) throw error;
    return shown;
  }
}

/** The roles of a child's team as the pages name them, in the order they are shown. */
const TEAM_ROLES = [
  ['socialWorker', 'Social worker'],
  ['iro', 'Independent reviewing officer (IRO)'],
  ['personalAdviser', 'Personal adviser'],
  ['virtualSchool', 'Virtual school'],
  ['health', 'Health (looked-after children nurse)'],
] as const;

export type TeamRoleKey = (typeof TEAM_ROLES)[number][0];

/**
 * The child's team: the record's `team` where it has one, otherwise only the
 * social worker, who is the case holder.
 */
export function childTeam(child: ChildRecord): Array<{ key: TeamRoleKey; label: string; staffId?: string }> {
  const team = (child as ChildRecord & { team?: Partial<Record<TeamRoleKey, string>> }).team;
  return TEAM_ROLES.map(([key, label]) => {
    const staffId = key === 'socialWorker' ? (team?.socialWorker ?? child.holderId) : team?.[key];
    return staffId ? { key, label, staffId } : { key, label };
  });
}

/** Whether the record carries a team at all (older records have only a holder). */
export const hasTeam = (child: ChildRecord): boolean => 'team' in child && (child as { team?: unknown }).team !== undefined;

/** Who is responsible for a due item: its `responsibleId` where the projection has one, otherwise the holder. */
export const responsibleFor = (item: DueItem): string => (item as DueItem & { responsibleId?: string }).responsibleId ?? item.holderId;
