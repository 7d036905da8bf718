/**
 * The local stand-in for Cognito's hosted sign-in: a page listing the
 * council's staff; choosing one sets the same session cookie, holding a
 * token from the local issuer.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { renderPage } from '#web/render.js';
import { nonce, safeNext, securityHeaders } from '#web/http.js';
import { sessionCookie } from '#auth/session.js';
import type { KeptStore } from '#store/ports/stores.js';
import { signLocalToken } from './issuer.js';
import type { LocalSettings } from './settings.js';
import type { ExtraRoute } from './server.js';


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
        const order = { lead: 0, admin: 1, manager: 2, practitioner: 3 };
        staff.sort((a, b) => order[a.role] - order[b.role] || (a.id < b.id ? -1 : 1));
        const cspNonce = nonce();
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...securityHeaders(cspNonce, false) });
        res.end(
          renderPage('sign-in.njk', {
            cspNonce,
            title: 'Sign in',
            councilName: council?.name ?? 'Kept',
            next: safeNext(url.searchParams.get('next')),
            people: staff.map((s, i) => ({ value: s.id, text: `${s.name} – ${s.jobTitle ?? s.role} (${s.role})`, checked: i === 0 })),
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
