import { api } from '#http/api.js';
import { json } from '#http/responses.js';
import { auditLog, store } from '#services/context.js';
import { childFor } from '#services/children.js';
import { routeOf } from '#http/route.js';
import { loadCouncil, projector } from '#services/council.js';
import { factSchema } from '#domain/facts.js';
import { today } from '#platform/config.js';
import { childPath } from './params.js';

/** POST /children/{id}/facts: record what happened; the child's obligations and the audit entry are written with it. */
export const handler = api(
  { roles: ['practitioner', 'manager', 'admin'], params: childPath, body: factSchema },
  async ({ event, principal, params, body }) => {
    const s = store();
    const day = today();
    const { child, audit } = await childFor(s, auditLog(), principal, params.id, 'record', routeOf(event), { fact: body, today: day });
    const council = await loadCouncil(s, principal.councilId);
    const { stored, projection } = await s.recordFact(
      principal.councilId, child.id, body, principal.staffId, audit.at, projector(council.policy, day), audit,
    );
    const obligations = projection.obligations.map((o) => ({ ...o, childId: child.id }));
    return json(201, { fact: stored, obligations });
  },
);
