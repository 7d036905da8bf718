import { api } from '#http/api.js';
import { HttpError } from '#http/errors.js';
import { json } from '#http/responses.js';
import { store } from '#services/context.js';
import { staffInputSchema } from '#domain/people.js';

/** POST /staff: an admin adds a member of staff. */
export const handler = api({ roles: ['admin'], body: staffInputSchema }, async ({ principal, body }) => {
  const s = store();
  if (body.managerId) {
    const manager = await s.getStaff(principal.councilId, body.managerId);
    if (!manager || manager.role === 'practitioner') {
      const message = `no manager, lead or admin ${body.managerId} in your council`;
      throw new HttpError(400, `managerId: ${message}`, [{ field: 'managerId', message }]);
    }
  }
  const staff = { ...body, councilId: principal.councilId };
  await s.createStaff(staff);
  return json(201, { staff }, { location: `/staff/${encodeURIComponent(staff.id)}` });
});
