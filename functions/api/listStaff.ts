import { api } from '#http/api.js';
import { json } from '#http/responses.js';
import { store } from '#services/context.js';

/** GET /staff: the council's staff, for managers, leads and admins. */
export const handler = api({ roles: ['manager', 'lead', 'admin'] }, async ({ principal }) => {
  const staff = await store().listStaff(principal.councilId);
  staff.sort((a, b) => (a.id < b.id ? -1 : 1));
  return json(200, {
    staff: staff.map(({ id, name, email, role, managerId, jobTitle, teamRole, undeliverable }) => ({ id, name, email, role, managerId, jobTitle, teamRole, undeliverable })),
  });
});
