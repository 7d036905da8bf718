import { api } from '#http/api.js';
import { json } from '#http/responses.js';
import { store } from '#services/context.js';
import { childrenFor } from '#services/people.js';

/** GET /children: a practitioner's caseload, a manager's team's, the whole council for leads and admins. */
export const handler = api({ roles: ['practitioner', 'manager', 'lead', 'admin'] }, async ({ principal }) => {
  return json(200, { children: await childrenFor(store(), principal) });
});
