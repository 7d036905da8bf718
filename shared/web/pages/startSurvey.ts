/**
 * POST /children/{id}/start-survey: "Start a survey with this young person"
 * from the case page. The same use case as POST /children/{id}/survey-links
 * makes a fresh link; the answer is the page with its QR code, short code
 * and URL, and below them the invitation letter to print (the print
 * stylesheet leaves only the letter on paper). The letter is part of this
 * one answer, so printing or coming back to it never makes another link;
 * there is no GET that makes one.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { Principal } from '#domain/principal.js';
import { initials } from '#domain/people.js';
import { longDate } from '#domain/dateText.js';
import { InvalidInput } from '#domain/errors.js';
import { HttpError } from '#http/errors.js';
import type { HttpResult } from '#http/responses.js';
import { routeOf } from '#http/route.js';
import type { KeptStore } from '#store/ports/stores.js';
import type { AuditLog } from '#store/ports/audit.js';
import type { SurveyStore } from '#store/ports/surveys.js';
import { loadCouncil } from '#services/council.js';
import { startAssistedSurvey } from '#services/assistedLinks.js';
import { csrfMatches, readForm } from '#web/http.js';
import { type Page, pageFor } from './page.js';
import { signedInPage, workChrome } from './work.js';
import { SURVEY_CSRF_COOKIE } from './surveyCsrf.js';

export interface StartSurveyDeps {
  store: KeptStore;
  surveys: SurveyStore;
  audit: AuditLog;
  appUrl: string;
  today: string;
}

export async function startSurveyPage(event: APIGatewayProxyEventV2, deps: StartSurveyDeps): Promise<HttpResult> {
  const page = pageFor(event, deps.appUrl, { cookie: SURVEY_CSRF_COOKIE, path: '/' });
  const childId = event.pathParameters?.id ?? '';
  return signedInPage(event, page, `/case/${encodeURIComponent(childId)}`, deps.store, { 403: 'You cannot start a survey for this case', 404: 'Not found', 409: 'They have already answered this survey' }, (who) =>
    answer(event, deps, page, who, childId),
  );
}

async function answer(event: APIGatewayProxyEventV2, deps: StartSurveyDeps, page: Page, principal: Principal, childId: string): Promise<HttpResult> {
  const form = readForm(event);
  if (!csrfMatches(form.csrf, page.cookies[SURVEY_CSRF_COOKIE])) throw new HttpError(403, 'The form had expired. Go back, reload the case page and try again.');
  const campaignId = (form.campaignId ?? '').trim();
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(campaignId)) throw new InvalidInput([{ field: 'campaignId', message: 'must be a campaign id' }]);
  const link = await startAssistedSurvey(deps, principal, childId, campaignId, routeOf(event));
  const [council, child, campaign, me] = await Promise.all([
    loadCouncil(deps.store, principal.councilId),
    deps.store.getChild(principal.councilId, childId),
    deps.surveys.getCampaign(principal.councilId, campaignId),
    deps.store.getStaff(principal.councilId, principal.staffId),
  ]);
  const answerAt = `${deps.appUrl}/s`;
  return page.render(201, 'survey-link.njk', {
    ...workChrome(principal, council.name, 'case', me?.name),
    title: 'Survey started',
    childId,
    initials: child ? initials(child.firstName, child.lastName) : '',
    caseHref: `/case/${encodeURIComponent(childId)}`,
    campaignName: campaign?.name ?? campaignId,
    anonymous: campaign?.mode === 'anonymous',
    url: link.url,
    code: link.code,
    lastDay: longDate(link.lastDay),
    answerAt,
    // The SVG is qrcode's own output (paths only, nothing from the request); it is marked as an image with a text alternative.
    qrSvg: link.qrSvg.replace('<svg ', '<svg role="img" aria-label="QR code that opens the survey" focusable="false" '),
    outOfHoursPhone: council.outOfHoursPhone,
  });
}
