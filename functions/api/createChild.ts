import { api } from '#http/api.js';
import { json } from '#http/responses.js';
import { routeOf } from '#http/route.js';
import { store } from '#services/context.js';
import { openCase } from '#services/people.js';
import * as z from 'zod/mini';
import { childInputSchema } from '#domain/people.js';
import { withUkMobile } from '#domain/mobileInput.js';

/** The details as sent, with a typed mobile number (07700 900123) written in E.164 before they are checked. */
const newChild = z.pipe(z.transform(withUkMobile), childInputSchema);

/** POST /children: a manager or admin opens a case and allocates it; the audit entry is written with it. */
export const handler = api({ roles: ['manager', 'admin'], body: newChild }, async ({ event, principal, body }) => {
  const child = await openCase(store(), principal, body, routeOf(event));
  return json(201, { child }, { location: `/children/${encodeURIComponent(child.id)}` });
});
