import { api } from '#http/api.js';
import { json } from '#http/responses.js';
import { routeOf } from '#http/route.js';
import { store } from '#services/context.js';
import { endStaffAccess, staffView } from '#services/staff.js';
import { staffPath } from './params.js';

/**
 * DELETE /staff/{id}: an admin ends a leaver's access (audited). Their tokens, sessions and
 * calendar link stop working at once; their record and everything they recorded stay.
 */
export const handler = api({ roles: ['admin'], params: staffPath }, async ({ event, principal, params }) => {
  const staff = await endStaffAccess(store(), principal, params.id, routeOf(event));
  return json(200, { staff: staffView(staff) });
});
