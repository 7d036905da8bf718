import { api } from '#http/api.js';
import { HttpError } from '#http/errors.js';
import { json } from '#http/responses.js';
import { store } from '#services/context.js';
import { childInputSchema } from '#domain/people.js';
import { auditEntryFor } from '#services/audit.js';
import { routeOf } from '#http/route.js';

/** POST /children: a manager or admin opens a case and allocates it; the audit entry is written with it. */
export const handler = api({ roles: ['manager', 'admin'], body: childInputSchema }, async ({ event, principal, body }) => {
  const s = store();
  const holder = await s.getStaff(principal.councilId, body.holderId);
  if (!holder || (holder.role !== 'practitioner' && holder.role !== 'manager')) {
    throw new HttpError(400, `holderId: no practitioner or manager ${body.holderId} in your council`, [
      { field: 'holderId', message: `no practitioner or manager ${body.holderId} in your council` },
    ]);
  }
  const audit = auditEntryFor(principal, 'create', body.id, routeOf(event));
  const child = await s.createChild(principal.councilId, body, audit.at, audit);
  return json(201, { child }, { location: `/children/${encodeURIComponent(child.id)}` });
});
