/**
 * GET /case/{id}: a child's page in the browser, where the morning email's
 * links lead: what is due and what has been recorded, for those allowed to
 * see the case (the read is audited first, as through the API).
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { Principal } from '#domain/principal.js';
import { kindLabel } from '#domain/kinds.js';
import { factDate } from '#domain/facts.js';
import { longDate } from '#domain/dateText.js';
import { principalOf } from '#auth/session.js';
import { Unauthenticated } from '#auth/verify.js';
import type { HttpResult } from '#http/responses.js';
import { routeOf } from '#http/route.js';
import type { KeptStore } from '#store/ports/stores.js';
import type { AuditLog } from '#store/ports/audit.js';
import { childFor } from '#services/children.js';
import { withStatus } from '#services/obligations.js';
import { loadCouncil } from '#services/council.js';
import { pageFor, problemPage, signInFirst } from './page.js';
import { signedInAs } from './surveyReport.js';

export interface ChildPageDeps {
  store: KeptStore;
  audit: AuditLog;
  appUrl: string;
  today: string;
}

const STATUS_TAG: Record<string, string> = { overdue: 'govuk-tag--red', 'due-today': 'govuk-tag--yellow', upcoming: 'govuk-tag--grey' };

export async function childPage(event: APIGatewayProxyEventV2, deps: ChildPageDeps): Promise<HttpResult> {
  const page = pageFor(event, deps.appUrl);
  let principal: Principal;
  try {
    principal = await principalOf(event);
  } catch (error) {
    if (error instanceof Unauthenticated) return signInFirst(event, page);
    throw error;
  }
  const { store, today } = deps;
  const council = await loadCouncil(store, principal.councilId);
  const signedIn = { councilName: council.name, signedInAs: signedInAs(principal) };
  try {
    const { child } = await childFor(store, deps.audit, principal, event.pathParameters?.id ?? '', 'read', routeOf(event));
    const [history, holder] = await Promise.all([store.getChildHistory(principal.councilId, child.id), store.getStaff(principal.councilId, child.holderId)]);
    return page.render(200, 'child.njk', {
      ...signedIn,
      title: `Case ${child.id}`,
      child,
      holderName: holder?.name ?? child.holderId,
      todayText: longDate(today),
      obligations: withStatus(history.obligations, today).map((o) => [
        { text: kindLabel(o.kind, council.titles) },
        { text: longDate(o.dueDate) },
        { html: `<strong class="govuk-tag ${STATUS_TAG[o.status]}">${o.status.replace('-', ' ')}</strong>` },
        { text: o.note ? `${o.rule}. Note: ${o.note}` : o.rule },
      ]),
      facts: [...history.facts].reverse().slice(0, 50).map((f) => [
        { text: longDate(factDate(f.fact)) },
        { text: f.fact.type.replace(/-/g, ' ') },
        { text: f.recordedBy },
      ]),
    });
  } catch (error) {
    const shown = problemPage(page, error, council.name, { 403: 'You cannot see this case', 404: 'Case not found' });
    if (!shown) throw error;
    return shown;
  }
}
