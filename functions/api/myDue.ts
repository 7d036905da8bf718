import * as z from 'zod/mini';
import { api } from '#http/api.js';
import { json } from '#http/responses.js';
import { store } from '#services/context.js';
import { dueFor, withStatus } from '#services/obligations.js';
import { isoDate } from '#domain/validation.js';
import { today } from '#platform/config.js';

const query = z.object({ until: z.optional(isoDate) });

/** GET /me/due[?until=YYYY-MM-DD]: everything the caller is responsible for, across every child whose team they are in. */
export const handler = api({ roles: ['practitioner', 'manager', 'lead', 'admin'], query }, async ({ principal, query }) => {
  const day = today();
  const items = await dueFor(store(), principal.councilId, principal.staffId);
  const listed = query.until ? items.filter((i) => i.dueDate <= query.until!) : items;
  return json(200, { staffId: principal.staffId, today: day, items: withStatus(listed, day) });
});
