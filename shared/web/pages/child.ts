/**
 * GET /case/{id}: a child's page in the browser, where the morning email's
 * links lead: what is due and what has been recorded, for those allowed to
 * see the case (the read is audited first, as through the API).
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { Principal } from '#domain/principal.js';
import escapeHtml from 'escape-html';
import { kindLabel } from '#domain/kinds.js';
import { statusOn } from '#domain/obligations.js';
import { factDate } from '#domain/facts.js';
import { longDate } from '#domain/dateText.js';
import { principalOf } from '#auth/session.js';
import { Unauthenticated } from '#auth/verify.js';
import type { HttpResult } from '#http/responses.js';
import { routeOf } from '#http/route.js';
import type { KeptStore } from '#store/ports/stores.js';
import type { AuditLog } from '#store/ports/audit.js';
import { childFor } from '#services/children.js';
import { loadCouncil } from '#services/council.js';
import { pageFor, problemPage, signInFirst } from './page.js';
import { childTeam, hasTeam, responsibleFor, workChrome } from './work.js';
import { factDetails, recordActionText, recordFormFor } from './recordForms.js';

export interface ChildPageDeps {
  store: KeptStore;
  audit: AuditLog;
  appUrl: string;
  today: string;
}

/** How a fact type reads in the history: "placement-started" is "Placement started". */
const factLabel = (type: string) => (type === 'pep' ? 'PEP' : type === 'sdq' ? 'SDQ' : type.charAt(0).toUpperCase() + type.slice(1).replace(/-/g, ' '));

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
  try {
    const { child } = await childFor(store, deps.audit, principal, event.pathParameters?.id ?? '', 'read', routeOf(event));
    const [history, staff] = await Promise.all([store.getChildHistory(principal.councilId, child.id), store.listStaff(principal.councilId)]);
    const names = new Map(staff.map((s) => [s.id, s.name]));
    const nameOf = (id: string) => names.get(id) ?? id;
    const canRecord = principal.role !== 'lead';
    const due = [...history.obligations].sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.kind < b.kind ? -1 : 1));
    return page.render(200, 'child.njk', {
      ...workChrome(principal, council.name, 'case', names.get(principal.staffId)),
      title: `Case ${child.id}`,
      child,
      todayText: longDate(today),
      team: childTeam(child).map((m) => ({
        key: { text: m.label },
        value: { text: m.staffId ? nameOf(m.staffId) : 'Not allocated' },
      })),
      teamRecorded: hasTeam(child),
      obligations: due.map((o) => {
        const status = statusOn(o.dueDate, today);
        const label = kindLabel(o.kind, council.titles);
        const recordable = canRecord && recordFormFor(o.kind, new Set(council.titles.keys())) !== null;
        return {
          card: {
            title: { text: label, headingLevel: 3 },
            ...(recordable ? { actions: { items: [{ href: `/children/${encodeURIComponent(child.id)}/record/${encodeURIComponent(o.kind)}`, text: recordActionText(o.kind, council.titles), visuallyHiddenText: '' }] } } : {}),
          },
          rows: [
            { key: { text: 'Due' }, value: { html: `${escapeHtml(longDate(o.dueDate))} <strong class="govuk-tag ${STATUS_TAG[status]}">${status.replace('-', ' ')}</strong>` } },
            { key: { text: 'Responsible' }, value: { text: nameOf(responsibleFor(o)) } },
            { key: { text: 'Rule' }, value: { text: o.note ? `${o.rule}. Note: ${o.note}` : o.rule } },
          ],
        };
      }),
      facts: [...history.facts].reverse().slice(0, 100).map((f) => {
        const details = factDetails(f.fact);
        return [
          { text: longDate(factDate(f.fact)) },
          { html: `${escapeHtml(factLabel(f.fact.type))}${details ? `<br><span class="govuk-body-s">${escapeHtml(details)}</span>` : ''}` },
          { text: `${nameOf(f.recordedBy)}, ${longDate(f.recordedAt.slice(0, 10))}` },
        ];
      }),
    });
  } catch (error) {
    const shown = problemPage(page, error, council.name, { 403: 'You cannot see this case', 404: 'Case not found' });
    if (!shown) throw error;
    return shown;
  }
}
