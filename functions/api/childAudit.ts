import { api } from '#http/api.js';
import { json } from '#http/responses.js';
import { store } from '#services/context.js';
import { auditStoreFor, childAuditTrail } from '#services/audit.js';
import { childPath } from './params.js';

/** GET /children/{id}/audit: every read and change of one child's record, oldest first. Admins only. */
export const handler = api({ roles: ['admin'], params: childPath }, async ({ principal, params }) => {
  const s = store();
  const entries = await childAuditTrail(s, auditStoreFor(s.tableName), principal.councilId, params.id);
  return json(200, { childId: params.id, entries });
});
