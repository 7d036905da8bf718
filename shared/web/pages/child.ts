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
import { effectiveFacts } from '#domain/corrections.js';
import { caseSystemNextReview } from '#domain/reviewDates.js';
import { addDaysIso } from '#domain/dates.js';
import { longDate, shortDateIn } from '#domain/dateText.js';
import type { HttpResult } from '#http/responses.js';
import { routeOf } from '#http/route.js';
import type { KeptStore } from '#store/ports/stores.js';
import type { AuditLog } from '#store/ports/audit.js';
import type { SurveyStore } from '#store/ports/surveys.js';
import { canRecordFor, canRecordKinds, teamOf } from '#domain/access.js';
import { ageOn, toDayNumber } from '#domain/dates.js';
import { childFor } from '#services/children.js';
import { campaignsToStart } from '#services/campaignsToStart.js';
import { SURVEY_CSRF_COOKIE } from './surveyCsrf.js';
import type { Council } from '#services/council.js';
import { type Page, pageFor } from './page.js';
import { childTeam, hasTeam, responsibleFor, signedInPage, workChrome } from './work.js';
import { factDetails, factLabel, recordActionText, recordFormFor } from './recordForms.js';
import { contactRows } from './contactRows.js';

export interface ChildPageDeps {
  store: KeptStore;
  surveys: SurveyStore;
  audit: AuditLog;
  appUrl: string;
  today: string;
}

const STATUS_TAG: Record<string, string> = { overdue: 'govuk-tag--red', 'due-today': 'govuk-tag--yellow', upcoming: 'govuk-tag--grey' };
/** How much of the history the case page shows before "Show all". */
export const LATEST = 10;
/** What the banner says after an action that comes back to the case page (`?done=`). */
const DONE: Record<string, string> = {
  withdrawn: 'Marked as recorded in error. It stays in the history, withdrawn, and what is due has been worked out again without it.',
  team: 'The team has been changed. Each item of work now sits with whoever answers for it.',
  contact: "The young person's contact details have been changed.",
};

/** The names of the campaigns that are not closed and in which the young person's sends failed three times (survey dispatch). */
async function notReachableFor(surveys: SurveyStore, councilId: string, childId: string): Promise<string[]> {
  const current = (await surveys.listCampaigns(councilId)).filter((c) => c.state !== 'closed');
  const invitations = await Promise.all(current.map((c) => surveys.getInvitation(councilId, c.id, childId)));
  return current.filter((_, i) => invitations[i]?.notReachable).map((c) => c.name);
}

export async function childPage(event: APIGatewayProxyEventV2, deps: ChildPageDeps): Promise<HttpResult> {
  const page = pageFor(event, deps.appUrl, { cookie: SURVEY_CSRF_COOKIE, path: '/' });
  return signedInPage(event, page, undefined, deps.store, { 403: 'You cannot see this case', 404: 'Case not found' }, (who, council) => answer(event, deps, page, who, council));
}

async function answer(event: APIGatewayProxyEventV2, deps: ChildPageDeps, page: Page, principal: Principal, council: Council): Promise<HttpResult> {
  const { store, today } = deps;
  const { child } = await childFor(store, deps.audit, principal, event.pathParameters?.id ?? '', 'read', routeOf(event));
  const [history, staff] = await Promise.all([store.getChildHistory(principal.councilId, child.id), store.listStaff(principal.councilId)]);
  const names = new Map(staff.map((s) => [s.id, s.name]));
  const nameOf = (id: string) => names.get(id) ?? 'someone no longer in Kept';
  const age = ageOn(toDayNumber(child.dateOfBirth), toDayNumber(today));
  // Each kind's Record action by the rule the API applies (canRecordKinds): the social worker, their manager
  // and admins any work, another member of the team the kinds they answer for.
  const mayRecord = (kind: string) => canRecordKinds(principal, child, staff, [kind], age, council.policy.responsibility);
  // As POST /children/{id}/survey-links and corrections allow: the social worker, their manager, admins.
  const mayChange = canRecordFor(principal, child, staff);
  const query = event.queryStringParameters ?? {};
  const allHistory = query.history === 'all';
  const newestFirst = [...history.facts].reverse();
  const surveys = mayChange ? await campaignsToStart({ store, surveys: deps.surveys, today }, child, history.facts) : [];
  const notReachable = await notReachableFor(deps.surveys, principal.councilId, child.id);
  const byId = new Map(history.facts.filter((f) => f.id).map((f) => [f.id!, f]));
  const corrections = new Map(history.facts.flatMap((f) => (f.fact.type === 'correction' ? [[f.fact.factId, f] as const] : [])));
  const caseSystemReview = caseSystemNextReview(effectiveFacts(history.facts), today);
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
    done: DONE[query.done ?? ''] ?? (query.changed === 'contact' ? DONE.contact : undefined),
    contact: contactRows(child),
    // As PUT /children/{id}/contact allows: the social worker, their manager, admins.
    changeContactHref: mayChange ? `/children/${encodeURIComponent(child.id)}/contact` : undefined,
    notReachable,
    surveys: await Promise.all(
      surveys.map(async (c) => ({
        id: c.id, name: c.name, mode: c.mode, lastDay: longDate(addDaysIso(c.closes, -1)),
        // One answer per campaign: someone who has answered is offered no new link.
        answered: (await deps.surveys.getInvitation(principal.councilId, c.id, child.id))?.answered === true,
      })),
    ),
    startSurveyAction: `/children/${encodeURIComponent(child.id)}/start-survey`,
    csrf: page.csrf,
    // As PUT /children/{id}/team allows: an admin, or a manager whose team holds the case.
    changeTeamHref: principal.role === 'admin' || (principal.role === 'manager' && teamOf(principal.staffId, staff).includes(child.holderId))
      ? `/children/${encodeURIComponent(child.id)}/team`
      : undefined,
    // The IRO (and whoever may record anything) raises an alert here: the IRO Handbook's dispute resolution.
    raiseAlertHref: mayRecord('iro-alert') ? `/children/${encodeURIComponent(child.id)}/record/iro-alert` : undefined,
    obligations: due.map((o) => {
      const status = statusOn(o.dueDate, today);
      const label = kindLabel(o.kind, council.titles);
      const recordable = recordFormFor(o.kind, new Set(council.titles.keys())) !== null && mayRecord(o.kind);
      return {
        card: {
          title: { text: label, headingLevel: 3 },
          ...(recordable ? { actions: { items: [{ href: `/children/${encodeURIComponent(child.id)}/record/${encodeURIComponent(o.kind)}`, text: recordActionText(o.kind, council.titles), visuallyHiddenText: '' }] } } : {}),
        },
        rows: [
          { key: { text: 'Due' }, value: { html: `${escapeHtml(longDate(o.dueDate))} <strong class="govuk-tag ${STATUS_TAG[status]}">${status.replace('-', ' ')}</strong>` } },
          ...(o.kind === 'looked-after-review' && caseSystemReview
            ? [{ key: { text: "Case system's date" }, value: { html: caseSystemReview === o.dueDate ? escapeHtml(longDate(caseSystemReview)) : `${escapeHtml(longDate(caseSystemReview))} <strong class="govuk-tag govuk-tag--orange">not the statutory date</strong>` } }]
            : []),
          { key: { text: 'Responsible' }, value: { text: nameOf(responsibleFor(o)) } },
          { key: { text: 'Rule' }, value: { text: o.note ? `${o.rule}. Note: ${o.note}` : o.rule } },
        ],
      };
    }),
    factCount: newestFirst.length,
    allHistory,
    allHistoryHref: `/case/${encodeURIComponent(child.id)}?history=all#recorded`,
    facts: newestFirst.slice(0, allHistory ? undefined : LATEST).map((f) => {
      const withdrawnBy = f.id ? corrections.get(f.id) : undefined;
      let what = escapeHtml(factLabel(f.fact.type));
      const details = factDetails(f.fact);
      if (details) what += `<br><span class="govuk-body-s">${escapeHtml(details)}</span>`;
      if (f.fact.type === 'correction') {
        const target = byId.get(f.fact.factId);
        if (target) what += `<br><span class="govuk-body-s">Withdraws: ${escapeHtml(factLabel(target.fact.type))} of ${escapeHtml(longDate(factDate(target.fact)))}</span>`;
      }
      if (withdrawnBy) {
        what = `<s>${what}</s><br><strong class="govuk-tag govuk-tag--grey">Withdrawn</strong> <span class="govuk-body-s">recorded in error, said ${escapeHtml(nameOf(withdrawnBy.recordedBy))} on ${escapeHtml(shortDateIn(withdrawnBy.recordedAt.slice(0, 10), today))}</span>`;
      }
      let by = escapeHtml(`${nameOf(f.recordedBy)}, ${shortDateIn(f.recordedAt.slice(0, 10), today)}`);
      if (mayChange && f.id && !withdrawnBy && f.fact.type !== 'correction') {
        const href = `/children/${encodeURIComponent(child.id)}/facts/${encodeURIComponent(f.id)}/recorded-in-error`;
        by += `<br><a class="govuk-link" href="${escapeHtml(href)}">Recorded in error<span class="govuk-visually-hidden">: ${escapeHtml(factLabel(f.fact.type).toLowerCase())} of ${escapeHtml(longDate(factDate(f.fact)))}</span></a>`;
      }
      return [{ text: shortDateIn(factDate(f.fact), today) }, { html: what }, { html: by }];
    }),
  });
}
