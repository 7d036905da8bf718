import { api } from '#http/api.js';
import { json } from '#http/responses.js';
import { auditLog, store } from '#services/context.js';
import { routeOf } from '#http/route.js';
import { recordFact } from '#services/recordFact.js';
import { factSchema } from '#domain/facts.js';
import { today } from '#platform/config.js';
import { childPath } from './params.js';

/** POST /children/{id}/facts: record what happened; the child's obligations and the audit entry are written with it. */
export const handler = api(
  { roles: ['practitioner', 'manager', 'admin'], params: childPath, body: factSchema },
  async ({ event, principal, params, body }) => {
    const { stored, obligations } = await recordFact(
      { store: store(), audit: auditLog(), today: today() }, principal, params.id, body, routeOf(event),
    );
    return json(201, { fact: stored, obligations });
  },
);
