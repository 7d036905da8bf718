import { api } from '#http/api.js';
import { json } from '#http/responses.js';
import { routeOf } from '#http/route.js';
import { store } from '#services/context.js';
import { changeContact, contactInput } from '#services/contact.js';
import { childPath } from './params.js';

/**
 * PUT /children/{id}/contact: the social worker, their manager or an admin changes the young person's
 * own email, mobile, preferred channel or language (null removes one; audited). With `version`, a
 * record changed since is refused (409).
 */
export const handler = api({ roles: ['practitioner', 'manager', 'admin'], params: childPath, body: contactInput }, async ({ event, principal, params, body }) => {
  const child = await changeContact({ store: store() }, principal, params.id, body, routeOf(event));
  const { email, mobile, preferredChannel, language, emailUnreachable, mobileUnreachable, version } = child;
  return json(200, { child: { id: child.id, version, email, mobile, preferredChannel, language, emailUnreachable, mobileUnreachable } });
});
