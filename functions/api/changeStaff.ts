import { api } from '#http/api.js';
import { json } from '#http/responses.js';
import { routeOf } from '#http/route.js';
import { store } from '#services/context.js';
import { changeStaffMember, staffView } from '#services/staff.js';
import { staffChangeSchema } from '#domain/people.js';
import { staffPath } from './params.js';

/** PUT /staff/{id}: an admin changes a member of staff's name, email, role, manager or team role (audited). */
export const handler = api({ roles: ['admin'], params: staffPath, body: staffChangeSchema }, async ({ event, principal, params, body }) => {
  const staff = await changeStaffMember(store(), principal, params.id, body, routeOf(event));
  return json(200, { staff: staffView(staff) });
});
