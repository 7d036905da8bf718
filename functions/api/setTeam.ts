import { api } from '#http/api.js';
import { json } from '#http/responses.js';
import { routeOf } from '#http/route.js';
import { store } from '#services/context.js';
import { changeTeam } from '#services/team.js';
import { teamSchema } from '#domain/people.js';
import { today } from '#platform/config.js';
import { childPath } from './params.js';

/** PUT /children/{id}/team: a manager of the social worker's team, or an admin, changes the team from today (audited). */
export const handler = api({ roles: ['manager', 'admin'], params: childPath, body: teamSchema }, async ({ event, principal, params, body }) => {
  const day = today();
  const { child, projection } = await changeTeam(store(), principal, params.id, body, day, routeOf(event));
  const obligations = projection.obligations.map((o) => ({ ...o, childId: child.id }));
  return json(200, { child: { id: child.id, holderId: child.holderId, team: child.team }, obligations });
});
