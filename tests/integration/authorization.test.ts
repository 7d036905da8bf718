/**
 * Who may do what: every route in infra/topology.ts ROUTES, called by every
 * kind of caller, against the expected status written out below as a table.
 *
 * The council: sw-1 and sw-2 in tm-1's team, sw-3 in tm-2's team, lead-1,
 * admin-1. Child A-1 is held by sw-1, child B-1 by sw-3. "foreign" is an
 * admin of another council (a token naming another councilId, validly signed):
 * a stack serves one council (COUNCIL_ID), so on every route the token counts
 * for nothing: exactly what a caller without credentials gets.
 *
 * Survey pages, assets, health, the calendar feed and sign-in are public by
 * design: every caller gets the same answer. The leads' pages take the
 * `kept_session` cookie or a bearer token; a browser without a session is
 * sent to /sign-in (303), a data request (?format=json|csv) gets 401.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staffTokens, startCouncilStack, type TestStack } from '#tests/support/stack.js';
import { type Answer, closeProbes, probe } from '#tests/support/probe.js';
import { ROUTES } from '#infra/topology.js';
import { jobsSettled } from '#local/server.js';

const TODAY = '2027-01-18';
const COGNITO = 'https://kept-test.auth.eu-west-2.amazoncognito.com';

const CALLERS = ['none', 'sw1', 'sw3', 'tm1', 'tm2', 'lead', 'admin', 'foreign'] as const;
type Caller = (typeof CALLERS)[number];
const WHO: Record<Caller, string> = {
  none: 'no credentials',
  sw1: 'practitioner sw-1 (holds A-1)',
  sw3: 'practitioner sw-3 (holds B-1)',
  tm1: "manager tm-1 (sw-1's team)",
  tm2: "manager tm-2 (sw-3's team)",
  lead: 'lead-1',
  admin: 'admin-1',
  foreign: 'admin-1 of another council',
};

/** How a row sends its credentials: a bearer token, or the browser's session cookie. */
type Via = 'bearer' | 'cookie';

interface Row {
  /** The route as ROUTES declares it. */
  route: string;
  /** What is sent: method and path with real ids (see `ids`). */
  request: string;
  via: Via;
  /** Expected status per caller, in CALLERS order. */
  expected: Record<Caller, number>;
  /** A JSON body, made per caller so that creations do not collide. */
  json?: (caller: Caller) => unknown;
  /** A form body with its CSRF cookie: the reply to a survey (the reports' cookie), or a record page's answers. */
  form?: boolean | 'record' | 'survey' | 'calendar' | 'admin';
}

/** Real ids, filled in by beforeAll: the campaign and the calendar link are made there. */
const ids = { campaign: '', calendar: '', fact: '', export: '' };

/** `'401 200 403 …'` in CALLERS order. */
function statuses(line: string): Record<Caller, number> {
  const cells = line.trim().split(/\s+/).map(Number);
  if (cells.length !== CALLERS.length || cells.some((n) => !Number.isInteger(n))) throw new Error(`bad expectation row: ${line}`);
  return Object.fromEntries(CALLERS.map((c, i) => [c, cells[i]!])) as Record<Caller, number>;
}
const row = (route: string, request: string, via: Via, line: string, extra: Partial<Row> = {}): Row => ({ route, request, via, expected: statuses(line), ...extra });

let n = 0;
const newChild = (caller: Caller, holderId: string) => ({ id: `NEW-${caller}-${++n}`, firstName: 'Noor', lastName: 'New', dateOfBirth: '2015-02-03', holderId });
const newStaff = (caller: Caller) => {
  const id = `st-${caller}-${++n}`;
  return { id, name: 'Pat New', email: `${id}@example.test`, role: 'practitioner' };
};
const campaign = () => ({
  surveyId: 'care-leaver', name: 'Care leavers 2027', audience: { status: 'care-leaver', ageFrom: 16, ageTo: 26 },
  opens: '2027-02-01', closes: '2027-03-01', mode: 'anonymous', reminderDays: [7, 14],
});
const visit = { type: 'visit', date: TODAY, seenAlone: true };

// ---------------------------------------------------------------------------
// The policy. Columns: none, sw1, sw3, tm1, tm2, lead, admin, foreign.
//                                                                                              none sw1 sw3 tm1 tm2 lead admin foreign
const MATRIX: Row[] = [
  row('GET /health', 'GET /health', 'bearer',                                                  '200 200 200 200 200 200 200 200'),
  // Lists are scoped to the caller: a caseload, a team, the council.
  row('GET /children', 'GET /children', 'bearer',                                              '401 200 200 200 200 200 200 401'),
  // Opening a case: managers and admins; a manager allocates within their own team, as when changing a team (400 naming holderId).
  row('POST /children', 'POST /children', 'bearer',                                            '401 403 403 201 400 403 201 401', { json: (c) => newChild(c, 'sw-1') }),
  row('POST /children', 'POST /children', 'bearer',                                            '401 403 403 400 201 403 201 401', { json: (c) => newChild(c, 'sw-3') }),
  // A child's record: the holder, their manager, leads and admins.
  row('GET /children/{id}', 'GET /children/A-1', 'bearer',                                     '401 200 403 200 403 200 200 401'),
  row('GET /children/{id}', 'GET /children/B-1', 'bearer',                                     '401 403 200 403 200 200 200 401'),
  row('GET /children/{id}', 'GET /children/NOPE-404', 'bearer',                                '401 404 404 404 404 404 404 401'),
  // Recording: the holder, their manager and admins; leads read but do not record.
  row('POST /children/{id}/facts', 'POST /children/A-1/facts', 'bearer',                       '401 201 403 201 403 403 201 401', { json: () => visit }),
  row('POST /children/{id}/facts', 'POST /children/B-1/facts', 'bearer',                       '401 403 201 403 201 403 201 401', { json: () => visit }),
  row('POST /children/{id}/facts', 'POST /children/NOPE-404/facts', 'bearer',                  '401 404 404 404 404 403 404 401', { json: () => visit }),
  // Changing the team around a child: a manager of the social worker's team, or an admin (team roles: team.test.ts).
  row('PUT /children/{id}/team', 'PUT /children/A-2/team', 'bearer',                           '401 403 403 200 403 403 200 401', { json: () => ({ socialWorker: 'sw-1' }) }),
  row('PUT /children/{id}/team', 'PUT /children/NOPE-404/team', 'bearer',                      '401 403 403 404 404 403 404 401', { json: () => ({ socialWorker: 'sw-1' }) }),
  // A young person's own contact details: as recording (the social worker, their manager, admins); leads read but do not change.
  row('PUT /children/{id}/contact', 'PUT /children/A-2/contact', 'bearer',                     '401 200 403 200 403 403 200 401', { json: () => ({ language: 'fa' }) }),
  row('PUT /children/{id}/contact', 'PUT /children/NOPE-404/contact', 'bearer',                '401 404 404 404 404 403 404 401', { json: () => ({ language: 'fa' }) }),
  row('GET /children/{id}/obligations', 'GET /children/A-1/obligations', 'bearer',             '401 200 403 200 403 200 200 401'),
  row('GET /children/{id}/obligations', 'GET /children/B-1/obligations', 'bearer',             '401 403 200 403 200 200 200 401'),
  // Starting a survey with the young person: as recording (the matrix's campaign is not open yet, so those allowed get 400).
  row('POST /children/{id}/survey-links', 'POST /children/A-1/survey-links', 'bearer',         '401 400 403 400 403 403 400 401', { json: () => ({ campaignId: ids.campaign }) }),
  row('POST /children/{id}/survey-links', 'POST /children/B-1/survey-links', 'bearer',         '401 403 400 403 400 403 400 401', { json: () => ({ campaignId: ids.campaign }) }),
  // The audit trail: admins only.
  row('GET /children/{id}/audit', 'GET /children/A-1/audit', 'bearer',                         '401 403 403 403 403 403 200 401'),
  row('GET /audit', `GET /audit?date=${TODAY}`, 'bearer',                                      '401 403 403 403 403 403 200 401'),
  // Your own due dates and calendar link .
  row('GET /me/due', 'GET /me/due', 'bearer',                                                  '401 200 200 200 200 200 200 401'),
  row('POST /me/calendar', 'POST /me/calendar', 'bearer',                                      '401 201 201 201 201 201 201 401'),
  row('GET /staff', 'GET /staff', 'bearer',                                                    '401 403 403 200 200 200 200 401'),
  row('POST /staff', 'POST /staff', 'bearer',                                                  '401 403 403 403 403 403 201 401', { json: (c) => newStaff(c) }),
  // Changing a member of staff and ending a leaver's access: admins of their council.
  row('PUT /staff/{id}', 'PUT /staff/st-changing', 'bearer',                                   '401 403 403 403 403 403 200 401', { json: () => ({ name: 'Cam Changed', email: 'st-changing@example.test', role: 'practitioner', managerId: 'tm-1' }) }),
  row('DELETE /staff/{id}', 'DELETE /staff/st-leaving', 'bearer',                              '401 403 403 403 403 403 200 401'),
  // The calendar feed: its unguessable link is the key; no bearer token needed or used.
  row('GET /calendar/{token}', 'GET /calendar/{calendar}', 'bearer',                           '200 200 200 200 200 200 200 200'),
  row('GET /calendar/{token}', 'GET /calendar/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.ics', 'bearer', '404 404 404 404 404 404 404 404'),
  row('GET /campaigns', 'GET /campaigns', 'bearer',                                            '401 403 403 200 200 200 200 401'),
  row('POST /campaigns', 'POST /campaigns', 'bearer',                                          '401 403 403 403 403 201 201 401', { json: () => campaign() }),
  // Survey pages: the link is the key; an unknown link is 404 for everyone.
  row('GET /s', 'GET /s', 'cookie',                                                            '200 200 200 200 200 200 200 200'),
  row('GET /s/{token}', 'GET /s/not-a-real-survey-link-0000000000', 'cookie',                  '404 404 404 404 404 404 404 404'),
  row('GET /s/{token}/{page}', 'GET /s/not-a-real-survey-link-0000000000/home', 'cookie',      '404 404 404 404 404 404 404 404'),
  row('POST /s/{token}/{page}', 'POST /s/not-a-real-survey-link-0000000000/home', 'cookie',    '404 404 404 404 404 404 404 404'),
  // The pages every footer links to: public, the same for everyone.
  row('GET /privacy', 'GET /privacy', 'cookie',                                                '200 200 200 200 200 200 200 200'),
  row('GET /privacy/young', 'GET /privacy/young', 'cookie',                                    '200 200 200 200 200 200 200 200'),
  row('GET /accessibility', 'GET /accessibility', 'cookie',                                    '200 200 200 200 200 200 200 200'),
  row('GET /cookies', 'GET /cookies', 'cookie',                                                '200 200 200 200 200 200 200 200'),
  row('GET /assets/{file+}', 'GET /assets/kept.css', 'cookie',                                 '200 200 200 200 200 200 200 200'),
  row('GET /assets/{file+}', 'GET /assets/not-there.css', 'cookie',                            '404 404 404 404 404 404 404 404'),
  // The leads' view: managers, leads and admins; a browser without a session is sent to sign in.
  row('GET /reports', 'GET /reports', 'cookie',                                                '303 403 403 200 200 200 200 303'),
  row('GET /reports', 'GET /reports', 'bearer',                                                '303 403 403 200 200 200 200 303'),
  row('GET /reports/surveys/{campaign}', 'GET /reports/surveys/{campaign}', 'cookie',          '303 403 403 200 200 200 200 303'),
  row('GET /reports/surveys/{campaign}', 'GET /reports/surveys/{campaign}?format=json', 'bearer', '401 403 403 200 200 200 200 401'),
  row('GET /reports/surveys/{campaign}', 'GET /reports/surveys/{campaign}?format=csv', 'bearer', '401 403 403 200 200 200 200 401'),
  row('GET /reports/surveys/{campaign}', 'GET /reports/surveys/cmp-nope?format=json', 'bearer', '401 403 403 404 404 404 404 401'),
  // Publishing "You said, we did": leads and admins, with the form's CSRF token; 303 back to the report.
  row('POST /reports/surveys/{campaign}/reply', 'POST /reports/surveys/{campaign}/reply', 'cookie', '303 403 403 403 403 303 303 303', { form: true }),
  row('GET /reports/on-time', 'GET /reports/on-time', 'cookie',                                '303 403 403 200 200 200 200 303'),
  row('GET /reports/on-time', 'GET /reports/on-time?format=json', 'bearer',                    '401 403 403 200 200 200 200 401'),
  row('GET /reports/on-time', 'GET /reports/on-time?format=csv', 'bearer',                     '401 403 403 200 200 200 200 401'),
  // Ofsted's Annex A lists: leads and admins.
  row('GET /reports/review-dates', 'GET /reports/review-dates', 'cookie',                      '303 403 403 403 403 200 200 303'),
  row('GET /reports/review-dates', 'GET /reports/review-dates?format=csv', 'bearer',           '401 403 403 403 403 200 200 401'),
  row('GET /reports/annex-a/{list}', 'GET /reports/annex-a/children-in-care?format=csv', 'bearer', '401 403 403 403 403 200 200 401'),
  row('GET /reports/annex-a/{list}', 'GET /reports/annex-a/care-leavers?format=xlsx', 'cookie',   '401 403 403 403 403 200 200 401'),
  row('GET /reports/annex-a/{list}', 'GET /reports/annex-a/adopters?format=csv', 'bearer',        '401 404 404 404 404 404 404 401'),
  // Annex A as a job: leads and admins ask; the job and its file are for the person who asked only (lead-1 asked for {export}).
  row('POST /reports/annex-a-exports', 'POST /reports/annex-a-exports', 'cookie',                 '303 403 403 403 403 303 303 303', { form: true }),
  row('POST /reports/annex-a-exports', 'POST /reports/annex-a-exports?format=json', 'bearer',     '401 403 403 403 403 202 202 401', { json: () => ({ list: 'care-leavers', format: 'csv' }) }),
  row('GET /reports/annex-a-exports/{id}', 'GET /reports/annex-a-exports/{export}', 'cookie',      '303 403 403 403 403 200 403 303'),
  row('GET /reports/annex-a-exports/{id}', 'GET /reports/annex-a-exports/{export}?format=json', 'bearer', '401 403 403 403 403 200 403 401'),
  row('GET /reports/annex-a-exports/{id}/file', 'GET /reports/annex-a-exports/{export}/file', 'bearer', '303 403 403 403 403 200 403 303'),
  // A child's page in the browser: as GET /children/{id}, signed in by the session cookie.
  row('GET /case/{id}', 'GET /case/A-1', 'cookie',                                             '303 200 403 200 403 200 200 303'),
  row('GET /case/{id}', 'GET /case/B-1', 'cookie',                                             '303 403 200 403 200 200 200 303'),
  // My work: everyone signed in sees their own (a lead with none lands on their reports); the team page is for managers.
  row('GET /', 'GET /', 'cookie',                                                              '303 200 200 200 200 303 200 303'),
  // "Get your calendar link" on My work: anyone on the council's staff, for themselves.
  row('POST /calendar-link', 'POST /calendar-link', 'cookie',                                  '303 201 201 201 201 201 201 303', { form: 'calendar' }),
  row('GET /team', 'GET /team', 'cookie',                                                      '303 403 403 200 200 403 403 303'),
  // Recording in the browser: as POST /children/{id}/facts (the question pages too); the confirmation reads, as GET /children/{id}.
  row('GET /children/{id}/record/{kind}', 'GET /children/A-1/record/statutory-visit', 'cookie', '303 200 403 200 403 403 200 303'),
  row('GET /children/{id}/record/{kind}', 'GET /children/B-1/record/statutory-visit', 'cookie', '303 403 200 403 200 403 200 303'),
  row('POST /children/{id}/record/{kind}', 'POST /children/A-1/record/statutory-visit', 'cookie', '303 200 403 200 403 403 200 303', { form: 'record' }),
  row('POST /children/{id}/record/{kind}/confirm', 'POST /children/A-1/record/statutory-visit/confirm', 'cookie', '303 303 403 303 403 403 303 303', { form: 'record' }),
  row('POST /children/{id}/record/{kind}/confirm', 'POST /children/B-1/record/statutory-visit/confirm', 'cookie', '303 403 303 403 303 403 303 303', { form: 'record' }),
  row('GET /children/{id}/record/{kind}/done', 'GET /children/A-1/record/statutory-visit/done', 'cookie', '303 200 403 200 403 200 200 303'),
  // "Recorded in error": as recording; the rows' form has no answer, so those allowed get the question again (400).
  row('GET /children/{id}/facts/{factId}/recorded-in-error', 'GET /children/A-1/facts/{fact}/recorded-in-error', 'cookie', '303 200 403 200 403 403 200 303'),
  row('POST /children/{id}/facts/{factId}/recorded-in-error', 'POST /children/A-1/facts/{fact}/recorded-in-error', 'cookie', '303 400 403 400 403 403 400 303', { form: 'record' }),
  // Changing the team in the browser: as PUT /children/{id}/team; the rows' form names no social worker, so those allowed get the form again (400).
  row('GET /children/{id}/team', 'GET /children/A-1/team', 'cookie',                           '303 403 403 200 403 403 200 303'),
  row('POST /children/{id}/team', 'POST /children/A-1/team', 'cookie',                         '303 403 403 400 403 403 400 303', { form: 'record' }),
  // Changing the contact details in the browser: as PUT /children/{id}/contact; the rows' form has no contact fields, so nothing is held and those allowed are sent back to the case.
  row('GET /children/{id}/contact', 'GET /children/A-1/contact', 'cookie',                     '303 200 403 200 403 403 200 303'),
  row('POST /children/{id}/contact', 'POST /children/A-1/contact', 'cookie',                   '303 303 403 303 403 403 303 303', { form: 'record' }),
  // Starting a survey from the case page: as POST /children/{id}/survey-links; the matrix's campaign is not open yet, so those allowed get 400.
  row('POST /children/{id}/start-survey', 'POST /children/A-1/start-survey', 'cookie',         '303 400 403 400 403 403 400 303', { form: 'survey' }),
  // The admin's staff pages: admins of the council only, as PUT and DELETE /staff/{id}; the handover form chooses nothing, so the admin gets it again (400).
  row('GET /admin/staff', 'GET /admin/staff', 'cookie',                                        '303 403 403 403 403 403 200 303'),
  row('GET /admin/staff/{id}', 'GET /admin/staff/st-changing', 'cookie',                       '303 403 403 403 403 403 200 303'),
  row('POST /admin/staff/{id}', 'POST /admin/staff/st-changing', 'cookie',                     '303 403 403 403 403 403 303 303', { form: 'admin' }),
  row('GET /admin/staff/{id}/end-access', 'GET /admin/staff/st-leaving/end-access', 'cookie',  '303 403 403 403 403 403 200 303'),
  row('POST /admin/staff/{id}/end-access', 'POST /admin/staff/st-leaving/end-access', 'cookie', '303 403 403 403 403 403 303 303', { form: 'admin' }),
  row('GET /admin/staff/{id}/handover', 'GET /admin/staff/sw-2/handover', 'cookie',            '303 403 403 403 403 403 200 303'),
  row('POST /admin/staff/{id}/handover', 'POST /admin/staff/sw-2/handover', 'cookie',          '303 403 403 403 403 403 400 303', { form: 'admin' }),
  row('GET /admin/staff/{id}', 'GET /admin/staff/nobody-404', 'cookie',                        '303 403 403 403 403 403 404 303'),
  // Browser sign-in through Cognito (AUTH_DOMAIN set, as in AWS): public, and the same for everyone.
  row('GET /sign-in', 'GET /sign-in?next=%2Freports', 'cookie',                                '303 303 303 303 303 303 303 303'),
  row('GET /auth/callback', 'GET /auth/callback?code=abc&state=xyz', 'cookie',                 '401 401 401 401 401 401 401 401'),
  row('GET /sign-out', 'GET /sign-out', 'cookie',                                              '303 303 303 303 303 303 303 303'),
];

// ---------------------------------------------------------------------------

let stack: TestStack;
let tokens: Record<Exclude<Caller, 'none'>, string>;
const CSRF = 'c'.repeat(32);

beforeAll(async () => {
  process.env.KEPT_TODAY = TODAY;
  process.env.AUTH_DOMAIN = COGNITO;
  stack = await startCouncilStack('authz');
  tokens = {
    ...(await staffTokens(stack, { sw1: 'sw-1', sw3: 'sw-3', tm1: 'tm-1', tm2: 'tm-2', lead: 'lead-1', admin: 'admin-1' })),
    foreign: await stack.token('admin', 'admin-1', 'another-council'),
  };
  const admin = tokens.admin;
  // Children: A-1 and A-2 with sw-1, S-1 with sw-2 (also tm-1's team), B-1 and B-2 with sw-3, M-1 with tm-1 itself.
  for (const [id, holderId] of [['A-1', 'sw-1'], ['A-2', 'sw-1'], ['S-1', 'sw-2'], ['B-1', 'sw-3'], ['B-2', 'sw-3'], ['M-1', 'tm-1']] as const) {
    const made = await stack.call('POST', '/children', { token: admin, body: { id, firstName: 'Kim', lastName: 'Case', dateOfBirth: '2012-09-09', holderId } });
    expect(made.status, id).toBe(201);
    for (const fact of [
      { type: 'entered-care', date: '2026-12-01' },
      { type: 'placement-started', date: '2026-12-01', placementId: 'P1', longTerm: false, arrangement: 'foster' },
    ]) {
      const recorded = await stack.call('POST', `/children/${id}/facts`, { token: admin, body: fact });
      expect(recorded.status).toBe(201);
      if (id === 'A-1' && fact.type === 'entered-care') ids.fact = recorded.body.fact.id;
    }
  }
  for (const id of ['st-changing', 'st-leaving']) {
    await stack.store.createStaff({ councilId: stack.councilId, id, name: 'Cam Staff', email: `${id}@example.test`, role: 'practitioner', managerId: 'tm-1' });
  }
  const made = await stack.call('POST', '/campaigns', { token: tokens.lead, body: { ...campaign(), name: 'Care leavers (matrix)' } });
  expect(made.status).toBe(201);
  ids.campaign = made.body.campaign.id;
  // The calendar link belongs to sw-2, who is in no column: the matrix's own POST /me/calendar cannot retire it.
  const link = await stack.call('POST', '/me/calendar', { token: await stack.token('practitioner', 'sw-2') });
  expect(link.status).toBe(201);
  ids.calendar = new URL(link.body.url).pathname.replace('/calendar/', '');
  const asked = await stack.call('POST', '/reports/annex-a-exports', { token: await stack.token('lead', 'lead-1'), body: { list: 'children-in-care', format: 'csv' } });
  expect(asked.status).toBe(202);
  ids.export = asked.body.id;
  await jobsSettled();
});

afterAll(async () => {
  delete process.env.AUTH_DOMAIN;
  closeProbes();
  await stack?.stop();
});

/** Sends one cell of the matrix. Each caller comes from its own loopback address (the survey pages count wrong links per address). */
function send(r: Row, caller: Caller): Promise<Answer> {
  const [method, template] = r.request.split(' ') as [string, string];
  const path = template.replace('{campaign}', ids.campaign).replace('{calendar}', ids.calendar).replace('{fact}', encodeURIComponent(ids.fact)).replace('{export}', ids.export);
  const token = caller === 'none' ? undefined : tokens[caller];
  const cookies: string[] = [];
  const headers: Record<string, string> = {};
  if (token && r.via === 'cookie') cookies.push(`kept_session=${token}`);
  if (token && r.via === 'bearer') headers.authorization = `Bearer ${token}`;
  let raw: string | undefined;
  if (r.json) {
    raw = JSON.stringify(r.json(caller));
    headers['content-type'] = 'application/json';
  } else if (r.form === 'record') {
    cookies.push(`kept_record_csrf=${CSRF}`);
    // Each caller's own one-time token: a token another caller spent would only show the confirmation.
    raw = new URLSearchParams({ csrf: CSRF, once: caller.padEnd(32, '0'), 'date-day': TODAY.slice(8), 'date-month': TODAY.slice(5, 7), 'date-year': TODAY.slice(0, 4), seenAlone: 'yes' }).toString();
    headers['content-type'] = 'application/x-www-form-urlencoded';
  } else if (r.form === 'calendar') {
    cookies.push(`kept_my_work_csrf=${CSRF}`);
    raw = new URLSearchParams({ csrf: CSRF }).toString();
    headers['content-type'] = 'application/x-www-form-urlencoded';
  } else if (r.form === 'admin') {
    cookies.push(`kept_admin_csrf=${CSRF}`);
    raw = new URLSearchParams({ csrf: CSRF, name: 'Cam Changed', email: 'st-changing@example.test', role: 'practitioner', managerId: 'tm-1' }).toString();
    headers['content-type'] = 'application/x-www-form-urlencoded';
  } else if (r.form === 'survey') {
    cookies.push(`kept_survey_csrf=${CSRF}`);
    raw = new URLSearchParams({ csrf: CSRF, campaignId: ids.campaign }).toString();
    headers['content-type'] = 'application/x-www-form-urlencoded';
  } else if (r.form || r.request.startsWith('POST /s/')) {
    cookies.push(`kept_reports_csrf=${CSRF}`);
    raw = new URLSearchParams({ csrf: CSRF, youSaidWeDid: 'We heard you: more time with your worker.', answer: 'yes', list: 'children-in-care', format: 'csv' }).toString();
    headers['content-type'] = 'application/x-www-form-urlencoded';
  }
  if (cookies.length) headers.cookie = cookies.join('; ');
  return probe(stack.baseUrl, method, path, { headers, ...(raw !== undefined ? { raw } : {}), localAddress: `127.0.0.${20 + CALLERS.indexOf(caller)}` });
}

/** What every answer of a given status must look like, beyond the status itself. */
function shapeProblems(r: Row, caller: Caller, a: Answer): string[] {
  const out: string[] = [];
  // Pages (the handlers under functions/web) answer HTML unless JSON or CSV is asked for.
  const handler = ROUTES.find((x) => `${x.method} ${x.path}` === r.route)?.handler ?? '';
  const html = handler.startsWith('web/') && !/format=(json|csv)/.test(r.request);
  if (a.status === 303 && (caller === 'none' || caller === 'foreign') && /^(GET|POST) \/(reports|case|team|children\/[^/]+\/(record|team|contact|start-survey|facts\/[^/]+\/recorded-in-error)|$)/.test(r.request) && !a.location?.startsWith('/sign-in?next=')) {
    out.push(`redirects to ${a.location}, not /sign-in?next=…`);
  }
  if (a.status === 303 && r.route === 'GET /sign-in' && !a.location?.startsWith(`${COGNITO}/oauth2/authorize?`)) out.push(`sign-in goes to ${a.location}`);
  if (a.status >= 400 && r.route.startsWith('GET /assets')) return out;
  if (a.status >= 400 && !html) {
    if (!/^application\/json/.test(a.contentType) || typeof a.body?.error !== 'string') out.push(`a ${a.status} without a JSON error: ${a.text.slice(0, 120)}`);
  }
  if (a.status === 401 && !html && a.body && !/sign in/i.test(a.body.error ?? '')) out.push(`401 does not say to sign in: ${a.body.error}`);
  if (a.status >= 400 && html && !r.route.startsWith('GET /assets') && !/^text\/html/.test(a.contentType)) out.push(`an HTML page answered ${a.contentType}`);
  return out;
}

describe('the matrix', () => {
  it('has a row for every route in ROUTES (a new route needs its policy written here)', () => {
    const covered = new Set(MATRIX.map((r) => r.route));
    const missing = ROUTES.map((r) => `${r.method} ${r.path}`).filter((r) => !covered.has(r));
    expect(missing).toEqual([]);
    const unknown = [...covered].filter((r) => !ROUTES.some((x) => `${x.method} ${x.path}` === r));
    expect(unknown, 'rows for routes ROUTES no longer declares').toEqual([]);
  });

  it("refuses another council's token on every route: its column is the no-credentials column", () => {
    const differs = MATRIX.filter((r) => r.expected.foreign !== r.expected.none).map((r) => r.request);
    expect(differs).toEqual([]);
    expect(MATRIX.some((r) => r.expected.none === 401)).toBe(true);
  });

  it.each(MATRIX.filter((r) => ROUTES.some((x) => `${x.method} ${x.path}` === r.route)).map((r) => [`${r.request} (${r.via})`, r] as const))(
    '%s',
    async (_name, r) => {
      const wrong: string[] = [];
      for (const caller of CALLERS) {
        const a = await send(r, caller);
        if (a.status !== r.expected[caller]) wrong.push(`${WHO[caller]}: expected ${r.expected[caller]}, got ${a.status} ${a.text.slice(0, 160).replace(/\s+/g, ' ')}`);
        else for (const p of shapeProblems(r, caller, a)) wrong.push(`${WHO[caller]}: ${p}`);
      }
      expect(wrong, `${r.request} via ${r.via}`).toEqual([]);
    },
  );
});

describe('what each caller sees', () => {
  const childIds = async (token: string) => (await stack.call('GET', '/children', { token })).body.children.map((c: { id: string }) => c.id);
  const dueChildIds = async (token: string) => [...new Set((await stack.call('GET', '/me/due', { token })).body.items.map((i: { childId: string }) => i.childId))].sort();

  it('practitioners only ever see their own caseload in GET /children and GET /me/due', async () => {
    const caseloads: Record<string, string[]> = { 'sw-1': ['A-1', 'A-2'], 'sw-2': ['S-1'], 'sw-3': ['B-1', 'B-2'] };
    for (const [staffId, own] of Object.entries(caseloads)) {
      const token = await stack.token('practitioner', staffId);
      const listed = (await stack.call('GET', '/children', { token })).body.children as Array<{ id: string; holderId: string }>;
      expect(listed.map((c) => c.id).filter((id) => !id.startsWith('NEW-')), staffId).toEqual(own);
      expect(listed.every((c) => c.holderId === staffId), staffId).toBe(true);
      expect(await dueChildIds(token), staffId).toEqual(own);
      const due = (await stack.call('GET', '/me/due?until=2099-12-31', { token })).body.items as Array<{ childId: string }>;
      expect(due.length).toBeGreaterThan(0);
      expect(due.every((i) => own.includes(i.childId)), staffId).toBe(true);
    }
    // A practitioner who holds nothing sees nothing, and a token naming someone not on the staff sees nothing.
    expect(await childIds(await stack.token('practitioner', 'nobody'))).toEqual([]);
    expect(await dueChildIds(await stack.token('practitioner', 'nobody'))).toEqual([]);
  });

  it('managers see their team, leads and admins the council', async () => {
    const own = (ids: string[]) => ids.filter((id) => !id.startsWith('NEW-'));
    expect(own(await childIds(tokens.tm1))).toEqual(['A-1', 'A-2', 'M-1', 'S-1']);
    expect(own(await childIds(tokens.tm2))).toEqual(['B-1', 'B-2']);
    expect(own(await childIds(tokens.lead))).toEqual(['A-1', 'A-2', 'B-1', 'B-2', 'M-1', 'S-1']);
    // A manager's own due dates are the cases they hold themselves, not their team's.
    expect(await dueChildIds(tokens.tm1)).toEqual(['M-1']);
  });

  it("a manager asking for another team's on-time figures gets their own team's", async () => {
    const r = await stack.call('GET', '/reports/on-time?format=json&team=tm-1', { token: tokens.tm2 });
    expect(r.status).toBe(200);
    expect(r.body.scope.team).toBe('tm-2');
  });

  it("a manager cannot open a case for another team's practitioner: 400 naming holderId, nothing stored", async () => {
    const r = await stack.call('POST', '/children', { token: tokens.tm2, body: { id: 'X-TEAM-1', firstName: 'Noor', lastName: 'New', dateOfBirth: '2015-02-03', holderId: 'sw-1' } });
    expect(r.status).toBe(400);
    expect(r.body.problems).toEqual([{ field: 'holderId', message: expect.stringMatching(/not in your team/) }]);
    expect(await stack.store.getChild(stack.councilId, 'X-TEAM-1')).toBeNull();
    // The same manager opens it within their own team.
    const mine = await stack.call('POST', '/children', { token: tokens.tm2, body: { id: 'X-TEAM-1', firstName: 'Noor', lastName: 'New', dateOfBirth: '2015-02-03', holderId: 'sw-3' } });
    expect(mine.status).toBe(201);
  });

  it("another council's token, validly signed, is refused without a word of this council's records", async () => {
    for (const path of ['/children/A-1', '/children', '/staff', '/campaigns']) {
      const r = await stack.call('GET', path, { token: tokens.foreign });
      expect(r.status, path).toBe(401);
      expect(r.body.error, path).toMatch(/another council/);
      expect(r.text, path).not.toMatch(/Kim|Case|2012-09-09|sw-1|matrix/);
    }
    const report = await probe(stack.baseUrl, 'GET', '/reports', { cookie: `kept_session=${tokens.foreign}` });
    expect(report.status).toBe(303);
    expect(report.text).not.toContain('Care leavers (matrix)');
    expect(report.text).not.toContain('Test Borough');
  });
});

describe('malformed cookies count as no session', () => {
  // shared/web/http.ts readCookies once let decodeURIComponent's URIError through on a malformed %-escape,
  // which is not Unauthenticated, so the page handlers answered 503 (or the local server 500).
  it('a malformed session cookie on the leads\' pages is treated as no session (303 to sign in), not a 503', async () => {
    const r = await probe(stack.baseUrl, 'GET', '/reports', { cookie: 'kept_session=%E0%A4%A' });
    expect(r.status).toBe(303);
    expect(r.location).toMatch(/^\/sign-in\?next=/);
    const json = await probe(stack.baseUrl, 'GET', '/reports/on-time?format=json', { cookie: 'kept_session=%' });
    expect(json.status).toBe(401);
  });

  it("a malformed cookie on a child's page is treated as no session, not a 5xx", async () => {
    const r = await probe(stack.baseUrl, 'GET', '/case/A-1', { cookie: 'kept_session=%E0%A4%A' });
    expect(r.status).toBe(303);
  });

  it('a malformed cookie on a survey page still answers the page (404 for an unknown link), not a 503', async () => {
    const r = await probe(stack.baseUrl, 'GET', '/s/not-a-real-survey-link-0000000000', { cookie: 'kept_csrf=%', localAddress: '127.0.0.40' });
    expect(r.status).toBe(404);
  });
});
