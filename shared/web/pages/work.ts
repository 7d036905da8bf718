/** What the practitioners' pages share: who is signed in, and the navigation between My work, the team page and reports. */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { Principal } from '#domain/principal.js';
import type { ChildRecord } from '#domain/people.js';
import type { DueItem } from '#store/ports/cases.js';
import { principalOf } from '#auth/session.js';
import { Unauthenticated } from '#auth/verify.js';
import type { HttpResult } from '#http/responses.js';
import type { CouncilStore } from '#store/ports/councils.js';
import { type Council, loadCouncil } from '#services/council.js';
import { type Page, problemPage, signInFirst } from './page.js';

export type Section = 'work' | 'team' | 'case';

export function workChrome(principal: Principal, councilName: string, section: Section, name?: string) {
  const navigation = [{ href: '/', text: 'My work', active: section === 'work' }];
  if (principal.role === 'manager') navigation.push({ href: '/team', text: 'My team', active: section === 'team' });
  if (principal.role !== 'practitioner') navigation.push({ href: '/reports', text: 'Reports', active: false });
  return { councilName, navigation, signedInAs: name ? `${name} (${principal.staffId})` : `${principal.staffId} (${principal.role})` };
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
  councils: Pick<CouncilStore, 'getCouncil'>,
  titles: Partial<Record<number, string>>,
  answer: (who: Principal, council: Council) => Promise<HttpResult>,
): Promise<HttpResult> {
  const who = await signedIn(event, page, back);
  if (!isPrincipal(who)) return who;
  const council = await loadCouncil(councils, who.councilId);
  try {
    return await answer(who, council);
  } catch (error) {
    const shown = problemPage(page, error, council.name, titles);
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
