/**
 * The local stand-in for Cognito's hosted sign-in: a page listing every
 * member of the council's staff, grouped by role; choosing one sets the same session cookie, holding a
 * token from the local issuer.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { renderPage } from '#web/render.js';
import { nonce, safeNext, securityHeaders } from '#web/http.js';
import { sessionCookie } from '#auth/session.js';
import type { KeptStore } from '#store/ports/stores.js';
import type { Staff } from '#domain/people.js';
import { signLocalToken } from './issuer.js';
import type { LocalSettings } from './settings.js';
import type { ExtraRoute } from './server.js';


/** Where each kind of person is listed, in this order: team roles (where staff have one) before sign-in roles. */
const GROUPS: Array<[string, string]> = [
  ['social-worker', 'Social workers'],
  ['iro', 'Independent reviewing officers (IROs)'],
  ['personal-adviser', 'Personal advisers'],
  ['virtual-school', 'Virtual school'],
  ['health', 'Health (looked-after children nurses)'],
  ['practitioner', 'Practitioners'],
  ['manager', 'Team managers'],
  ['lead', 'Leads'],
  ['admin', 'Admins'],
];

/** Every member of staff, grouped by their team role (social worker, IRO ...) or else their sign-in role. */
export function signInGroups(staff: readonly Staff[]): Array<{ title: string; people: Array<{ id: string; text: string }> }> {
  const groupOf = (s: Staff) => {
    const teamRole = (s as Staff & { teamRole?: string }).teamRole;
    return teamRole && GROUPS.some(([k]) => k === teamRole) ? teamRole : s.role;
  };
  return GROUPS.map(([key, title]) => ({
    title,
    people: staff
      .filter((s) => groupOf(s) === key)
      .sort((a, b) => (a.name < b.name ? -1 : 1))
      .map((s) => ({ id: s.id, text: `${s.name}${s.jobTitle ? `, ${s.jobTitle}` : ''} (${s.id})` })),
  })).filter((g) => g.people.length);
}

async function body(req: IncomingMessage): Promise<URLSearchParams> {
  let text = '';
  for await (const chunk of req) text += chunk;
  return new URLSearchParams(text);
}

export function localSignInRoutes(settings: LocalSettings, store: KeptStore): ExtraRoute[] {
  return [
    {
      method: 'GET',
      path: '/sign-in',
      respond: async (req: IncomingMessage, res: ServerResponse) => {
        const url = new URL(req.url ?? '/', 'http://localhost');
        const [council, staff] = await Promise.all([store.getCouncil(settings.councilId), store.listStaff(settings.councilId)]);
        const groups = signInGroups(staff);
        const cspNonce = nonce();
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...securityHeaders(cspNonce, false) });
        res.end(
          renderPage('sign-in.njk', {
            cspNonce,
            title: 'Sign in',
            councilName: council?.name ?? 'Kept',
            next: safeNext(url.searchParams.get('next')),
            groups,
          }),
        );
      },
    },
    {
      method: 'POST',
      path: '/sign-in',
      respond: async (req: IncomingMessage, res: ServerResponse) => {
        const form = await body(req);
        const staff = await store.getStaff(settings.councilId, form.get('staffId') ?? '');
        if (!staff) {
          res.writeHead(303, { location: '/sign-in' });
          return void res.end();
        }
        const token = await signLocalToken(settings, { role: staff.role, staffId: staff.id, councilId: settings.councilId });
        res.writeHead(303, { location: safeNext(form.get('next')), 'set-cookie': sessionCookie(token, false) });
        res.end();
      },
    },
  ];
}
