/**
 * Recording work from the browser: `/children/{id}/record/{kind}` asks the
 * questions for that kind's fact, posts to itself to show the answers for
 * checking, `/confirm` records them through the same use case as
 * `POST /children/{id}/facts`, and `/done` shows what is due next, already
 * recomputed. Bad answers come back with the error summary and nothing is
 * stored. The morning email links straight to the first page.
 */
import { randomBytes } from 'node:crypto';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { Principal } from '#domain/principal.js';
import type { Fact } from '#domain/facts.js';
import { NotFound } from '#domain/errors.js';
import { kindLabel } from '#domain/kinds.js';
import { longDate } from '#domain/dateText.js';
import { initials } from '#domain/people.js';
import { HttpError } from '#http/errors.js';
import type { HttpResult } from '#http/responses.js';
import { routeOf } from '#http/route.js';
import type { KeptStore } from '#store/ports/stores.js';
import type { AuditLog } from '#store/ports/audit.js';
import { AlreadyRecorded, type StoredFact } from '#store/ports/cases.js';
import { beforeRecording, recordFact } from '#services/recordFact.js';
import { childFor } from '#services/children.js';
import { withStatus } from '#services/obligations.js';
import { csrfMatches, readForm } from '#web/http.js';
import { type Page, pageFor } from './page.js';
import { signedInPage, workChrome } from './work.js';
import {
  type Answers, type FieldError, IRO_ALERT_REASON_WORDS, IRO_ALERT_STAGE_WORDS, PARTICIPATION_WORDS, type RecordForm, answerRows, answersFrom, parseAnswers, recordActionText, recordFormFor,
} from './recordForms.js';
import { lifeItems } from './careLeaverForm.js';
import { addMonths, toDayNumber } from '#domain/dates.js';

export interface RecordDeps {
  store: KeptStore;
  audit: AuditLog;
  appUrl: string;
  today: string;
}

const CSRF_COOKIE = 'kept_record_csrf';

/** A record form's one-time token: random, made when the form is first shown. */
const newOnceToken = () => randomBytes(24).toString('base64url');
const isOnceToken = (value: string | undefined): value is string => value !== undefined && /^[A-Za-z0-9_-]{32}$/.test(value);

/** The placement the child is in now: the last one started and not ended. */
export function currentPlacement(facts: readonly StoredFact[]): string | undefined {
  const open: string[] = [];
  const dated = facts.map((f) => f.fact).filter((f): f is Extract<Fact, { type: 'placement-started' | 'placement-ended' }> => f.type === 'placement-started' || f.type === 'placement-ended');
  for (const f of dated.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))) {
    const at = open.indexOf(f.placementId);
    if (at >= 0) open.splice(at, 1);
    if (f.type === 'placement-started') open.push(f.placementId);
  }
  return open.at(-1);
}

export async function recordPage(event: APIGatewayProxyEventV2, deps: RecordDeps): Promise<HttpResult> {
  const page = pageFor(event, deps.appUrl, { cookie: CSRF_COOKIE, path: '/children' });
  const formPage = event.requestContext.http.method === 'POST' ? event.rawPath.replace(/\/confirm$/, '') : undefined;
  return signedInPage(event, page, formPage, deps.store, { 403: 'You cannot record this', 404: 'Not found' }, (who, council, me) =>
    route(event, deps, page, who, { councilName: council.name, me: me?.name }, new Set(council.titles.keys()), council.titles),
  );
}

async function route(
  event: APIGatewayProxyEventV2,
  deps: RecordDeps,
  page: Page,
  principal: Principal,
  { councilName, me }: { councilName: string; me?: string },
  localKinds: ReadonlySet<string>,
  titles: ReadonlyMap<string, string>,
): Promise<HttpResult> {
  const childId = event.pathParameters?.id ?? '';
  const kind = event.pathParameters?.kind ?? '';
  const form = recordFormFor(kind, localKinds);
  if (!form) throw new NotFound(`Kept does not record "${kind}"`);
  const base = `/children/${encodeURIComponent(childId)}/record/${encodeURIComponent(kind)}`;
  const routeKey = routeOf(event);
  const label = kindLabel(kind, titles);
  const chrome = { ...workChrome(principal, councilName, 'case', me), title: recordActionText(kind, titles), childId, caseHref: `/case/${encodeURIComponent(childId)}` };

  if (routeKey.endsWith('/done')) {
    const { child } = await childFor(deps.store, deps.audit, principal, childId, 'read', routeKey);
    const history = await deps.store.getChildHistory(principal.councilId, child.id);
    const next = withStatus(history.obligations, deps.today)
      .filter((o) => form.kinds.includes(o.kind))
      .map((o) => ({ label: kindLabel(o.kind, titles), due: longDate(o.dueDate), status: o.status.replace('-', ' '), rule: o.rule }));
    return page.render(200, 'record-done.njk', { ...chrome, title: 'Recorded', what: label, next });
  }

  const context = await beforeRecording(deps, principal, childId, routeKey, [kind]);
  const childInitials = initials(context.child.firstName, context.child.lastName);
  const placementId = currentPlacement(context.facts);
  if (form.factType === 'placement-plan' && !placementId) throw new HttpError(409, 'No current placement is recorded for this child, so a placement plan cannot be recorded.');
  const due = context.obligations.find((o) => o.kind === kind);
  // The birthday return's window opens 3 months before the birthday it is due on.
  const returnItem = context.obligations.find((o) => o.kind === 'care-leaver-return');
  const returnDue = returnItem !== undefined && addMonths(toDayNumber(returnItem.dueDate), -3) <= toDayNumber(deps.today);
  const query = event.queryStringParameters ?? {};
  const posted = event.requestContext.http.method === 'POST' ? readForm(event) : {};
  // The form's one-time token: kept through the check page and its Change link, spent when the fact is recorded.
  const once = isOnceToken(posted.once) ? posted.once : isOnceToken(query.once) ? query.once : newOnceToken();
  const question = (status: number, answers: Answers, errors: FieldError[]) =>
    page.render(status, 'record-question.njk', questionView(chrome, form, answers, errors, deps.today, {
      action: base, csrf: page.csrf, once, initials: childInitials, due: due ? longDate(due.dueDate) : undefined, rule: due?.rule,
      lifeOptional: !returnDue && !form.questions.includes('inTouch'),
      returnRule: returnDue && kind !== 'care-leaver-return' ? `Their birthday return is due ${longDate(returnItem.dueDate)}: ${returnItem.rule}` : undefined,
    }));

  if (event.requestContext.http.method === 'GET') {
    const prefill = answersFrom(query, form);
    if (form.questions.includes('healthKind') && !prefill.healthKind) prefill.healthKind = kind === 'review-health-assessment' ? 'review' : 'initial';
    return question(200, prefill, []);
  }
  if (!csrfMatches(posted.csrf, page.cookies[CSRF_COOKIE])) throw new HttpError(403, 'The form had expired. Go back, reload the page and try again.');
  const answers = answersFrom(posted, form);
  const parsed = parseAnswers(form, kind, answers, deps.today, { placementId, returnDue, alertId: `IRO-${once.slice(0, 10)}` });
  if (!parsed.fact) return question(400, answers, parsed.errors);

  if (routeKey.endsWith('/confirm')) {
    if (!isOnceToken(posted.once)) throw new HttpError(403, 'The form had expired. Go back, reload the page and try again.');
    try {
      await recordFact(deps, principal, childId, parsed.fact, routeKey, posted.once);
    } catch (error) {
      // Pressed twice, or sent again from Back or a refresh: the first is recorded, this one stores nothing.
      if (!(error instanceof AlreadyRecorded)) throw error;
    }
    return page.redirect(`${base}/done`);
  }
  const changeHref = `${base}?${new URLSearchParams({ ...answers, once }).toString()}`;
  return page.render(200, 'record-check.njk', {
    ...chrome,
    title: 'Check your answers',
    initials: childInitials,
    what: label,
    rows: answerRows(form, parsed.fact, changeHref),
    answers,
    changeHref,
    action: `${base}/confirm`,
    csrf: page.csrf,
    once,
  });
}

function questionView(
  chrome: Record<string, unknown>,
  form: RecordForm,
  answers: Answers,
  errors: FieldError[],
  today: string,
  extra: Record<string, unknown>,
) {
  const fieldErrors = Object.fromEntries(errors.map((e) => [e.field, e.text]));
  const dateError = fieldErrors.date;
  // GOV.UK's pattern: a missing part is marked alone, a date that is wrong as a whole marks every part.
  const partClass = (part: string, width: number) => {
    const marked = dateError !== undefined && (/must include/.test(dateError) ? (answers[`date-${part}`] ?? '') === '' : true);
    return `govuk-input--width-${width}${marked ? ' govuk-input--error' : ''}`;
  };
  const [y, m, d] = today.split('-');
  return {
    ...chrome,
    ...extra,
    errors: errors.map((e) => ({ text: e.text, href: e.href })),
    fieldErrors,
    answers,
    ask: Object.fromEntries(form.questions.map((q) => [q, true])),
    dateLegend: `When was ${form.what}?`,
    example: `${Number(d)} ${Number(m)} ${y}`,
    dateError,
    dateItems: [
      { name: 'day', label: 'Day', value: answers['date-day'], classes: partClass('day', 2) },
      { name: 'month', label: 'Month', value: answers['date-month'], classes: partClass('month', 2) },
      { name: 'year', label: 'Year', value: answers['date-year'], classes: partClass('year', 4) },
    ],
    participationItems: Object.entries(PARTICIPATION_WORDS).map(([value, text]) => ({ value, text, hint: { text: value } })),
    ...lifeItems(),
    alertStageItems: Object.entries(IRO_ALERT_STAGE_WORDS).map(([value, text]) => ({ value, text })),
    reasonItems: Object.entries(IRO_ALERT_REASON_WORDS).map(([value, text]) => ({ value, text })),
  };
}
