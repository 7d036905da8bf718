/**
 * The admin's staff pages (`/admin/staff`): everyone on the council's staff
 * list, paged, with their role, team role, manager and status; a change
 * page (name, email, role, manager, team role; the same use case as
 * PUT /staff/{id}); "End access" after a confirmation page (as DELETE
 * /staff/{id}); and the handover page listing every child a member of staff
 * holds or is in the team of, moving one or all to a colleague whose team
 * role fits (services/staff.ts). Admins only; session cookie and CSRF.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { Principal } from '#domain/principal.js';
import { ROLES } from '#domain/principal.js';
import { Forbidden, InvalidInput } from '#domain/errors.js';
import { type Staff, TEAM_ROLES, type TeamRole, staffChangeSchema } from '#domain/people.js';
import { problemsOf } from '#domain/validation.js';
import { HttpError } from '#http/errors.js';
import type { HttpResult } from '#http/responses.js';
import { routeOf } from '#http/route.js';
import type { KeptStore } from '#store/ports/stores.js';
import { changeStaffMember, childrenToHandOver, colleaguesFor, endStaffAccess, handOver } from '#services/staff.js';
import { csrfMatches, readForm } from '#web/http.js';
import { type Page, pageFor } from './page.js';
import { signedInPage, workChrome } from './work.js';
import { paginationFor } from './pagination.js';
import { named } from './changeTeam.js';

const CSRF_COOKIE = 'kept_admin_csrf';
const PER_PAGE = 25;

export interface AdminStaffDeps {
  store: KeptStore;
  appUrl: string;
  today: string;
}

export const ROLE_WORDS: Record<Staff['role'], string> = { practitioner: 'Practitioner', manager: 'Manager', lead: 'Lead', admin: 'Admin' };
export const TEAM_ROLE_WORDS: Record<TeamRole, string> = {
  'social-worker': 'Social worker',
  iro: 'Independent reviewing officer (IRO)',
  'personal-adviser': 'Personal adviser',
  'virtual-school': 'Virtual school',
  health: 'Health (looked-after children nurse)',
};

/** A member of staff's status in words: a leaver, an address that bounces, or whatever status their record carries, else active. */
export function statusOf(s: Staff): { text: string; colour?: string } {
  if (s.accessEnded) return { text: 'Left', colour: 'grey' };
  if (s.undeliverable) return { text: 'Email undeliverable', colour: 'red' };
  const other = (s as Staff & { status?: unknown }).status;
  if (typeof other === 'string' && other && other !== 'active') return { text: other.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase()), colour: 'yellow' };
  return { text: 'Active', colour: 'green' };
}

export async function adminStaffPage(event: APIGatewayProxyEventV2, deps: AdminStaffDeps): Promise<HttpResult> {
  const page = pageFor(event, deps.appUrl, { cookie: CSRF_COOKIE, path: '/admin' });
  const back = event.requestContext.http.method === 'GET' ? undefined : '/admin/staff';
  return signedInPage(event, page, back, deps.store, { 403: 'You cannot change staff', 404: 'Not found' }, async (who, council, me) => {
    if (who.role !== 'admin') throw new Forbidden('only an admin changes staff');
    const chrome = workChrome(who, council.name, 'staff', me?.name);
    const everyone = await deps.store.listStaff(who.councilId);
    const ctx: Ctx = { event, deps, page, who, chrome, everyone };
    const id = event.pathParameters?.id;
    if (!id) return list(ctx);
    const member = everyone.find((s) => s.id === id);
    if (!member) throw new HttpError(404, `No member of staff ${id} in your council.`);
    const step = event.rawPath.split('/')[4] ?? '';
    if (step === 'end-access') return endAccess(ctx, member);
    if (step === 'handover') return handover(ctx, member);
    if (step === '') return change(ctx, member);
    throw new HttpError(404, 'Page not found.');
  });
}

interface Ctx {
  event: APIGatewayProxyEventV2;
  deps: AdminStaffDeps;
  page: Page;
  who: Principal;
  chrome: ReturnType<typeof workChrome>;
  everyone: Staff[];
}

const hrefOf = (s: Pick<Staff, 'id'>, step = '') => `/admin/staff/${encodeURIComponent(s.id)}${step ? `/${step}` : ''}`;

function postedForm(ctx: Ctx): Record<string, string> | null {
  if (ctx.event.requestContext.http.method !== 'POST') return null;
  const form = readForm(ctx.event);
  if (!csrfMatches(form.csrf, ctx.page.cookies[CSRF_COOKIE])) throw new HttpError(403, 'The form had expired. Go back, reload the page and try again.');
  return form;
}

function list(ctx: Ctx): HttpResult {
  const q = ctx.event.queryStringParameters ?? {};
  const sorted = [...ctx.everyone].sort((a, b) => a.name.localeCompare(b.name, 'en-GB') || (a.id < b.id ? -1 : 1));
  const pages = Math.max(1, Math.ceil(sorted.length / PER_PAGE));
  const pageNumber = Math.min(pages, Math.max(1, Number.parseInt(q.page ?? '1', 10) || 1));
  const nameOf = new Map(ctx.everyone.map((s) => [s.id, s.name]));
  const changed = q.changed ? nameOf.get(q.changed) : undefined;
  return ctx.page.render(200, 'admin-staff.njk', {
    ...ctx.chrome,
    title: 'Staff',
    done: changed ? `${changed}’s details were changed.` : undefined,
    count: sorted.length,
    rows: sorted.slice((pageNumber - 1) * PER_PAGE, pageNumber * PER_PAGE).map((s) => ({
      name: s.name,
      href: hrefOf(s),
      role: ROLE_WORDS[s.role],
      teamRole: s.teamRole ? TEAM_ROLE_WORDS[s.teamRole] : '',
      manager: s.managerId ? (nameOf.get(s.managerId) ?? s.managerId) : '',
      status: statusOf(s),
    })),
    pagination: paginationFor(pageNumber, pages, (n) => `/admin/staff?page=${n}`),
  });
}

const FIELD_LABELS: Record<string, string> = { name: 'Name', email: 'Email address', role: 'Role', managerId: 'Manager', teamRole: 'Team role' };

async function change(ctx: Ctx, member: Staff): Promise<HttpResult> {
  const managers = ctx.everyone.filter((s) => s.role !== 'practitioner' && !s.accessEnded && s.id !== member.id);
  const view = (status: number, values: Record<string, string | undefined>, problems: Array<{ field: string; message: string }> = []) => {
    const errorOf = (field: string) => problems.find((p) => p.field === field)?.message;
    return ctx.page.render(status, 'admin-staff-change.njk', {
      ...ctx.chrome,
      title: `Change ${member.name}’s details`,
      member: { name: member.name, email: member.email, status: statusOf(member), ended: Boolean(member.accessEnded), undeliverable: member.undeliverable },
      action: hrefOf(member),
      endHref: hrefOf(member, 'end-access'),
      handoverHref: hrefOf(member, 'handover'),
      csrf: ctx.page.csrf,
      values,
      errors: problems.map((p) => ({ text: p.message, href: `#${p.field}` })),
      error: Object.fromEntries(Object.keys(FIELD_LABELS).map((f) => [f, errorOf(f)])),
      roles: ROLES.map((r) => ({ value: r, text: ROLE_WORDS[r], selected: values.role === r })),
      managers: [{ value: '', text: 'No manager' }, ...named(managers).map(({ id, text }) => ({ value: id, text, selected: values.managerId === id }))],
      teamRoles: [{ value: '', text: 'None' }, ...TEAM_ROLES.map((r) => ({ value: r, text: TEAM_ROLE_WORDS[r], selected: values.teamRole === r }))],
    });
  };
  const form = postedForm(ctx);
  if (!form) return view(200, { name: member.name, email: member.email, role: member.role, managerId: member.managerId, teamRole: member.teamRole });
  const values = { name: form.name ?? '', email: form.email ?? '', role: form.role ?? '', managerId: form.managerId || undefined, teamRole: form.teamRole || undefined };
  const input = { ...values, ...(member.jobTitle ? { jobTitle: member.jobTitle } : {}) };
  const parsed = staffChangeSchema.safeParse(Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)));
  const worded = (field: string, message: string) => ({ field, message: `${FIELD_LABELS[field] ?? field}: ${message}` });
  if (!parsed.success) return view(400, values, problemsOf(parsed.error).map((p) => worded(p.field, p.message)));
  try {
    await changeStaffMember(ctx.deps.store, ctx.who, member.id, parsed.data, routeOf(ctx.event));
  } catch (error) {
    if (!(error instanceof InvalidInput)) throw error;
    return view(400, values, error.problems.map((p) => worded(p.field, p.message)));
  }
  return ctx.page.redirect(`/admin/staff?changed=${encodeURIComponent(member.id)}`);
}

async function endAccess(ctx: Ctx, member: Staff): Promise<HttpResult> {
  const form = postedForm(ctx);
  if (form) {
    await endStaffAccess(ctx.deps.store, ctx.who, member.id, routeOf(ctx.event));
    return ctx.page.redirect(`${hrefOf(member, 'handover')}?ended=1`);
  }
  if (member.id === ctx.who.staffId) throw new InvalidInput([{ field: 'id', message: 'you cannot end your own access; ask another admin' }]);
  return ctx.page.render(200, 'admin-staff-end.njk', {
    ...ctx.chrome,
    title: `End ${member.name}’s access`,
    member: { name: member.name, ended: Boolean(member.accessEnded) },
    backHref: hrefOf(member),
    action: hrefOf(member, 'end-access'),
    csrf: ctx.page.csrf,
  });
}

async function handover(ctx: Ctx, member: Staff): Promise<HttpResult> {
  const q = ctx.event.queryStringParameters ?? {};
  const role: TeamRole = member.teamRole ?? 'social-worker';
  const colleagues = named(colleaguesFor(role, ctx.everyone, member.id));
  const view = async (status: number, done: string | undefined, problems: Array<{ field: string; message: string }> = [], chosen: Record<string, string> = {}) => {
    const { children } = await childrenToHandOver(ctx.deps.store, ctx.who, member.id);
    return ctx.page.render(status, 'admin-staff-handover.njk', {
      ...ctx.chrome,
      title: `Hand over ${member.name}’s children`,
      done,
      member: { name: member.name, ended: Boolean(member.accessEnded), teamRole: TEAM_ROLE_WORDS[role] },
      backHref: hrefOf(member),
      action: hrefOf(member, 'handover'),
      csrf: ctx.page.csrf,
      errors: problems.map((p) => ({ text: p.message, href: `#${p.field}` })),
      error: Object.fromEntries(problems.map((p) => [p.field, p.message])),
      children: children.map((c) => ({ ...c, roles: c.roles.map((r) => TEAM_ROLE_WORDS[r]).join(', ') })),
      which: [
        { value: 'all', text: `All of them (${children.length})`, checked: chosen.children === 'all' },
        ...children.map((c) => ({ value: c.childId, text: `Case ${c.childId} (${c.initials}) only`, checked: chosen.children === c.childId })),
      ],
      colleagues: [{ value: '', text: 'Choose a colleague' }, ...colleagues.map(({ id, text }) => ({ value: id, text, selected: chosen.to === id }))],
    });
  };
  const form = postedForm(ctx);
  if (!form) {
    const nameOf = (id?: string) => ctx.everyone.find((s) => s.id === id)?.name ?? id;
    const done = q.ended
      ? `${member.name}’s access has ended. They can no longer sign in, their calendar link has stopped working and they are sent no more email.`
      : q.moved
        ? `${q.moved} ${q.moved === '1' ? 'child was' : 'children were'} moved to ${nameOf(q.to)}.${q.refused ? ` ${q.refused} could not be moved: ${nameOf(q.to)}’s team role does not fit.` : ''}`
        : undefined;
    return view(200, done);
  }
  const problems: Array<{ field: string; message: string }> = [];
  if (!form.children) problems.push({ field: 'children', message: 'Choose all the children or one child' });
  if (!form.to) problems.push({ field: 'to', message: 'Choose the colleague to hand them to' });
  if (problems.length) return view(400, undefined, problems, form);
  try {
    const result = await handOver(ctx.deps.store, ctx.who, member.id, { to: form.to!, childIds: form.children === 'all' ? 'all' : [form.children!] }, ctx.deps.today, routeOf(ctx.event));
    const refused = result.refused.length ? `&refused=${result.refused.length}` : '';
    return ctx.page.redirect(`${hrefOf(member, 'handover')}?moved=${result.moved.length}&to=${encodeURIComponent(form.to!)}${refused}`);
  } catch (error) {
    if (!(error instanceof InvalidInput)) throw error;
    return view(400, undefined, error.problems.map((p) => ({ field: p.field === 'childId' ? 'children' : 'to', message: p.message })), form);
  }
}
