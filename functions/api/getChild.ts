import { api } from '#http/api.js';
import { json } from '#http/responses.js';
import { auditLog, store } from '#services/context.js';
import { childFor } from '#services/children.js';
import { routeOf } from '#http/route.js';
import { withStatus } from '#services/obligations.js';
import { today } from '#platform/config.js';
import { teamOfChild } from '#domain/people.js';
import { childPath } from './params.js';

/** GET /children/{id}: the record with its team, its history and what is due with who answers for it (the read is audited first). */
export const handler = api({ roles: ['practitioner', 'manager', 'lead', 'admin'], params: childPath }, async ({ event, principal, params }) => {
  const s = store();
  const { child } = await childFor(s, auditLog(), principal, params.id, 'read', routeOf(event));
  const history = await s.getChildHistory(principal.councilId, child.id);
  return json(200, { child: { ...child, team: teamOfChild(child) }, facts: history.facts, obligations: withStatus(history.obligations, today()) });
});
