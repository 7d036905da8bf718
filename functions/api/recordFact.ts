import { api, json } from '../../shared/http/api.js';
import { store } from '../../shared/services/context.js';
import { childFor } from '../../shared/services/children.js';
import { routeOf } from '../../shared/services/audit.js';
import { loadCouncil, projector } from '../../shared/services/council.js';
import { factSchema } from '../../shared/domain/facts.js';
import { today } from '../../shared/config.js';
import { childPath } from './params.js';

/** POST /children/{id}/facts: record what happened; the child's obligations and the audit entry are written with it. */
export const handler = api(
  { roles: ['practitioner', 'manager', 'admin'], params: childPath, body: factSchema },
  async ({ event, principal, params, body }) => {
    const s = store();
    const { child, audit } = await childFor(s, principal, params.id, 'record', routeOf(event));
    const council = await loadCouncil(s, principal.councilId);
    const day = today();
    const { stored, projection } = await s.recordFact(
      principal.councilId, child.id, body, principal.staffId, audit.at, projector(council.policy, day), audit,
    );
    const obligations = projection.obligations.map((o) => ({ ...o, childId: child.id }));
    return json(201, { fact: stored, obligations });
  },
);
