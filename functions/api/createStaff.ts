import { api } from '#http/api.js';
import { json } from '#http/responses.js';
import { store } from '#services/context.js';
import { addStaff } from '#services/people.js';
import { staffInputSchema } from '#domain/people.js';

/** POST /staff: an admin adds a member of staff. */
export const handler = api({ roles: ['admin'], body: staffInputSchema }, async ({ principal, body }) => {
  const staff = await addStaff(store(), principal, body);
  return json(201, { staff }, { location: `/staff/${encodeURIComponent(staff.id)}` });
});
