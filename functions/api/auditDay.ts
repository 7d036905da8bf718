import * as z from 'zod/mini';
import { api } from '#http/api.js';
import { json } from '#http/responses.js';
import { auditLog } from '#services/context.js';
import { isoDate } from '#domain/validation.js';

const query = z.object({ date: isoDate });

/** GET /audit?date=YYYY-MM-DD: who read or changed which child's record that day (Europe/London), oldest first. Admins only. */
export const handler = api({ roles: ['admin'], query }, async ({ principal, query }) => {
  const entries = await auditLog().forDay(principal.councilId, query.date);
  return json(200, { date: query.date, entries });
});
