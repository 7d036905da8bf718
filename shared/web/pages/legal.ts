/**
 * What the law says a reader must be able to find, linked from every page's
 * footer: the privacy notice for young people (one for the youngest survey
 * bands, read aloud like their questions, one for older young people; the
 * ICO children's code, standard 4), the accessibility statement (the Public
 * Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility
 * Regulations 2018, in GOV.UK's model form) and the cookies page. Public:
 * GET /privacy, /privacy/young, /accessibility, /cookies. The council's name
 * and contacts come from its settings. The pages are in English; survey
 * translations say so in their footer links.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { HttpResult } from '#http/responses.js';
import type { SurveyDefinition } from '#domain/surveys/schema.js';
import type { CouncilStore } from '#store/ports/councils.js';
import { loadCouncil } from '#services/council.js';
import { SESSION_COOKIE } from '#auth/session.js';
import { pageFor } from './page.js';

/** When the accessibility statement was prepared and last reviewed (the regulations ask for both). */
export const STATEMENT_PREPARED = { prepared: '5 December 2026', reviewed: '5 December 2026' };

export interface Cookie {
  name: string;
  who: 'young people' | 'staff';
  purpose: string;
  expires: string;
}

/**
 * Every cookie Kept sets: all strictly necessary (PECR reg 6(4)), none for
 * analytics or advertising, so no consent banner. tests/unit/cookieList.test.ts
 * checks this list against the cookie names in the code.
 */
export const COOKIES: readonly Cookie[] = [
  { name: 'kept_csrf', who: 'young people', purpose: 'Makes sure the answers sent from a survey page came from that page, not from another website.', expires: 'When you close your browser' },
  { name: 'kept_lang', who: 'young people', purpose: 'Remembers the language you chose for your survey, for that survey link only.', expires: 'When you close your browser' },
  { name: 'kept_sent_help', who: 'young people', purpose: 'After an answer that worried us, lets the thank-you page show who to contact, without Kept keeping anything that links your answer to you.', expires: '1 day, for that survey link only' },
  { name: SESSION_COOKIE, who: 'staff', purpose: 'Keeps a member of staff signed in.', expires: 'When their sign-in ends, at most 8 hours' },
  { name: 'kept_oauth', who: 'staff', purpose: 'Checks that a sign-in which comes back from the council’s sign-in page is the one this browser started.', expires: '10 minutes' },
  { name: 'kept_record_csrf', who: 'staff', purpose: 'Makes sure a record, correction, team or contact form was sent from Kept’s own page.', expires: 'When the browser is closed' },
  { name: 'kept_my_work_csrf', who: 'staff', purpose: 'Makes sure the calendar link form was sent from My work.', expires: 'When the browser is closed' },
  { name: 'kept_survey_csrf', who: 'staff', purpose: 'Makes sure “Start a survey with this young person” was sent from the case page.', expires: 'When the browser is closed' },
  { name: 'kept_admin_csrf', who: 'staff', purpose: 'Makes sure a change to a member of staff was sent from Kept’s own admin pages.', expires: 'When the browser is closed' },
  { name: 'kept_reports_csrf', who: 'staff', purpose: 'Makes sure a reply published on a survey report was sent from that report.', expires: 'When the browser is closed' },
];

/** Which privacy notice a survey's pages link to: the youngest surveys (read aloud) have their own. */
export function privacyNoticeFor(definition: Pick<SurveyDefinition, 'young'>): string {
  return definition.young === true ? '/privacy/young' : '/privacy';
}

export interface LegalDeps {
  store: Pick<CouncilStore, 'getCouncil'>;
  appUrl: string;
  councilId: string;
}

const VIEWS: Record<string, { view: string; title: string }> = {
  '/privacy': { view: 'legal-privacy.njk', title: 'What happens to your answers' },
  '/privacy/young': { view: 'legal-privacy-young.njk', title: 'Your answers: what happens to them' },
  '/accessibility': { view: 'legal-accessibility.njk', title: 'Accessibility statement' },
  '/cookies': { view: 'legal-cookies.njk', title: 'Cookies' },
};

export async function legalPage(event: APIGatewayProxyEventV2, deps: LegalDeps): Promise<HttpResult> {
  const page = pageFor(event, deps.appUrl);
  const council = await loadCouncil(deps.store, deps.councilId);
  const found = VIEWS[event.rawPath.replace(/\/+$/, '') || '/'];
  if (!found) return page.message(404, { councilName: council.name, title: 'Page not found', paragraphs: ['Check the address.'] });
  return page.render(200, found.view, {
    title: found.title,
    councilName: council.name,
    contact: council.dataProtection,
    accessibilityContact: council.accessibilityContact ?? council.dataProtection,
    statement: STATEMENT_PREPARED,
    appUrl: deps.appUrl,
    youngPeopleCookies: COOKIES.filter((c) => c.who === 'young people'),
    staffCookies: COOKIES.filter((c) => c.who === 'staff'),
    // The youngest notice is read aloud like the youngest surveys' questions.
    readAloud: found.view === 'legal-privacy-young.njk',
  });
}
