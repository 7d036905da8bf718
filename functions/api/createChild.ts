import { api } from '#http/api.js';
import { json } from '#http/responses.js';
import { routeOf } from '#http/route.js';
import { store } from '#services/context.js';
import { openCase } from '#services/people.js';
import { childInputSchema } from '#domain/people.js';

/** POST /children: a manager or admin opens a case and allocates it; the audit entry is written with it. */
export const handler = api({ roles: ['manager', 'admin'], body: childInputSchema }, async ({ event, principal, body }) => {
  const child = await openCase(store(), principal, body, routeOf(event));
  return json(201, { child }, { location: `/children/${encodeURIComponent(child.id)}` });
});
