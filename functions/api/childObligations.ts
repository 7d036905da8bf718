import { api, json } from '../../shared/http/api.js';
import { store } from '../../shared/services/context.js';
import { childFor } from '../../shared/services/children.js';
import { routeOf } from '../../shared/services/audit.js';
import { withStatus } from '../../shared/services/obligations.js';
import { today } from '../../shared/config.js';
import { childPath } from './params.js';

/** GET /children/{id}/obligations: what is due for one child, soonest first (the read is audited first). */
export const handler = api({ roles: ['practitioner', 'manager', 'lead', 'admin'], params: childPath }, async ({ event, principal, params }) => {
  const s = store();
  const { child } = await childFor(s, principal, params.id, 'read', routeOf(event));
  const day = today();
  const { obligations } = await s.getChildHistory(principal.councilId, child.id);
  return json(200, { childId: child.id, today: day, obligations: withStatus(obligations, day) });
});
