import { api, json } from '../../shared/http/api.js';
import { store } from '../../shared/services/context.js';
import { childSummary } from '../../shared/services/children.js';
import { teamOf } from '../../shared/domain/access.js';

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
