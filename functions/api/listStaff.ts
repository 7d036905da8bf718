import { api } from '#http/api.js';
import { json } from '#http/responses.js';
import { store } from '#services/context.js';
import { staffView } from '#services/staff.js';

/** GET /staff: the council's staff (leavers too, with when their access ended), for managers, leads and admins. */
export const handler = api({ roles: ['manager', 'lead', 'admin'] }, async ({ principal }) => {
  const staff = await store().listStaff(principal.councilId);
  staff.sort((a, b) => (a.id < b.id ? -1 : 1));
  return json(200, { staff: staff.map(staffView) });
});
