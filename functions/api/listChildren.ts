import { api } from '#http/api.js';
import { json } from '#http/responses.js';
import { store } from '#services/context.js';
import { childSummary } from '#services/children.js';
import { teamOf } from '#domain/access.js';

/** GET /children: a practitioner's caseload, a manager's team's, the whole council for leads and admins. */
export const handler = api({ roles: ['practitioner', 'manager', 'lead', 'admin'] }, async ({ principal }) => {
  const s = store();
  const { councilId, staffId, role } = principal;
  let children;
  if (role === 'practitioner') children = await s.listChildrenHeldBy(councilId, staffId);
  else if (role === 'manager') {
    const team = teamOf(staffId, await s.listStaff(councilId));
    children = (await Promise.all(team.map((id) => s.listChildrenHeldBy(councilId, id)))).flat();
  } else children = await s.listChildren(councilId);
  children.sort((a, b) => (a.id < b.id ? -1 : 1));
  return json(200, { children: children.map(childSummary) });
});
