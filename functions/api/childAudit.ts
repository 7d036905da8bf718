import { api } from '#http/api.js';
import { json } from '#http/responses.js';
import { auditLog, store } from '#services/context.js';
import { childAuditTrail } from '#services/audit.js';
import { childPath } from './params.js';

/** GET /children/{id}/audit: every read and change of one child's record, oldest first. Admins only. */
export const handler = api({ roles: ['admin'], params: childPath }, async ({ principal, params }) => {
  const entries = await childAuditTrail(store(), auditLog(), principal.councilId, params.id);
  return json(200, { childId: params.id, entries });
});
