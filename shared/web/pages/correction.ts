/**
 * "Recorded in error" (`/children/{id}/facts/{factId}/recorded-in-error`):
 * a question page asking to confirm, then a correction fact recorded
 * through the same use case as the API. The fact itself stays in the
 * history, shown as withdrawn, beside the correction and who made it.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { Principal } from '#domain/principal.js';
import { NotFound } from '#domain/errors.js';
import { correctionProblem, withdrawnIds } from '#domain/corrections.js';
import { factDate } from '#domain/facts.js';
import { longDate } from '#domain/dateText.js';
import { initials } from '#domain/people.js';
import { HttpError } from '#http/errors.js';
import type { HttpResult } from '#http/responses.js';
import { routeOf } from '#http/route.js';
import { beforeRecording, recordFact } from '#services/recordFact.js';
import { csrfMatches, readForm } from '#web/http.js';
import { type Page, pageFor } from './page.js';
import { signedInPage, workChrome } from './work.js';
import { factDetails, factLabel } from './recordForms.js';
import type { RecordDeps } from './record.js';

const CSRF_COOKIE = 'kept_record_csrf';

export async function correctionPage(event: APIGatewayProxyEventV2, deps: RecordDeps): Promise<HttpResult> {
  const page = pageFor(event, deps.appUrl, { cookie: CSRF_COOKIE, path: '/children' });
  const titles = { 403: 'You cannot record for this case', 404: 'Not found', 409: 'This cannot be withdrawn' };
  return signedInPage(event, page, event.rawPath, deps.store, titles, (who, council, me) => route(event, deps, page, who, council.name, me?.name));
}

async function route(event: APIGatewayProxyEventV2, deps: RecordDeps, page: Page, principal: Principal, councilName: string, me?: string): Promise<HttpResult> {
  const childId = event.pathParameters?.id ?? '';
  const factId = event.pathParameters?.factId ?? '';
  const routeKey = routeOf(event);
  // A correction answers no kind of work: as through the API, the social worker, their manager or an admin makes it.
  const context = await beforeRecording(deps, principal, childId, routeKey, []);
  const target = context.facts.find((f) => f.id === factId);
  if (!target) throw new NotFound(`no fact ${factId} is recorded for case ${childId}`);
  const caseHref = `/case/${encodeURIComponent(context.child.id)}`;
  const withdrawn = `${caseHref}?done=withdrawn`;
  const problem = correctionProblem(context.facts, factId);
  // Sent twice (a double click, Back): the first withdrew it, this one changes nothing.
  if (problem && event.requestContext.http.method === 'POST' && withdrawnIds(context.facts).has(factId)) return page.redirect(withdrawn);
  if (problem) throw new HttpError(409, `This fact ${problem}.`);
  const staff = await deps.store.listStaff(principal.councilId);
  const recorder = staff.find((s) => s.id === target.recordedBy)?.name ?? target.recordedBy;
  const details = factDetails(target.fact);
  const view = (status: number, error?: string) =>
    page.render(status, 'correction.njk', {
      ...workChrome(principal, councilName, 'case', me),
      title: 'Was this recorded in error?',
      childId: context.child.id,
      initials: initials(context.child.firstName, context.child.lastName),
      caseHref,
      rows: [
        { key: { text: 'What' }, value: { text: factLabel(target.fact.type) } },
        { key: { text: 'Date' }, value: { text: longDate(factDate(target.fact)) } },
        ...(details ? [{ key: { text: 'Details' }, value: { text: details } }] : []),
        { key: { text: 'Recorded' }, value: { text: `${recorder}, ${longDate(target.recordedAt.slice(0, 10))}` } },
      ],
      action: event.rawPath,
      csrf: page.csrf,
      errors: error ? [{ text: error, href: '#inError' }] : [],
      error,
    });
  if (event.requestContext.http.method === 'GET') return view(200);
  const form = readForm(event);
  if (!csrfMatches(form.csrf, page.cookies[CSRF_COOKIE])) throw new HttpError(403, 'The form had expired. Go back, reload the page and try again.');
  if (form.inError === 'no') return page.redirect(caseHref);
  if (form.inError !== 'yes') return view(400, 'Select yes if this was recorded in error');
  await recordFact(deps, principal, context.child.id, { type: 'correction', date: deps.today, factId, reason: 'recorded-in-error' }, routeKey);
  return page.redirect(withdrawn);
}
