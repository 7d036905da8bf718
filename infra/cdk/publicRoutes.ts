/**
 * Why each route without a bearer token is public: cdk-nag (AwsSolutions-APIG4)
 * is acknowledged for these route keys and no others, so a new `auth: false`
 * route in topology.ts fails the synth until someone writes down why here.
 */
export const PUBLIC_ROUTE_REASONS: Readonly<Record<string, string>> = {
  'GET /health': 'a health check for uptime monitors; it reads nothing and answers only "ok" and the date',
  'GET /calendar/{token}':
    'a calendar client cannot send a bearer token, so the handler checks the unguessable calendar token in the path, which is stored only as a hash',
  'GET /s': 'the form a young person types the short code a worker gave them into; it only redirects to /s/{code}, where wrong codes are slowed down as wrong links are',
  'GET /s/{token}':
    'a young person or care leaver answers without a staff account: the unguessable single-use link emailed to them is the key (stored only as a hash, closes on its last day, spent once submitted)',
  'GET /s/{token}/{page}':
    'a survey section page: the unguessable single-use link in the path is the key, as for GET /s/{token}',
  'POST /s/{token}/{page}':
    'saves a survey answer: the unguessable single-use link is the key, and the form must also carry the CSRF token from its SameSite=Strict cookie',
  'GET /privacy': "the privacy notice young people must be able to read before and while answering a survey (UK GDPR arts 12-13); the same for everyone, only the council's name and contacts from its settings",
  'GET /privacy/young': 'the privacy notice for the youngest survey bands, as GET /privacy',
  'GET /accessibility': 'the accessibility statement public sector bodies must publish (Accessibility Regulations 2018); no data beyond the council\'s name and contacts',
  'GET /cookies': 'the list of cookies Kept sets, for anyone who visits; no data beyond the council\'s name',
  'GET /assets/{file+}':
    'the stylesheet and scripts the survey pages load: public static files from a fixed list, no data; a browser sends no bearer token for them',
  'GET /reports':
    "the leads' pages are opened in a browser, which carries the signed-in user's Cognito ID token in an HttpOnly session cookie rather than a bearer header; the handler verifies that token (or a bearer token) exactly as the authorizer would, and checks the role, before showing anything",
  'GET /reports/surveys/{campaign}': "a leads' page: the handler verifies the session cookie or bearer token and the role, as for GET /reports",
  'POST /reports/surveys/{campaign}/reply':
    "publishes a lead's reply: the handler verifies the session cookie and role, and the form must carry the CSRF token from its SameSite=Strict cookie",
  'GET /reports/on-time': "a leads' page: the handler verifies the session cookie or bearer token and the role, as for GET /reports",
  'POST /reports/annex-a-exports':
    "asks for an Annex A list to be prepared: the handler verifies the session cookie or bearer token and allows leads and admins only; a browser's form must carry the CSRF token from its SameSite=Strict cookie",
  'GET /reports/annex-a-exports/{id}':
    "whether a prepared Annex A list is ready: the handler verifies the session cookie or bearer token, and shows the job only to the lead or admin who asked for it",
  'GET /reports/annex-a-exports/{id}/file':
    'downloads a prepared Annex A list: the handler verifies the session cookie or bearer token, and hands the file only to the lead or admin who asked for it, whose export of every child in it is already audited',
  'GET /reports/review-dates':
    "a leads' page: the handler verifies the session cookie or bearer token as for GET /reports, allows leads and admins only, and audits every child listed before answering",
  'GET /reports/annex-a/{list}':
    "an Annex A download linked from the leads' pages, so the browser sends the session cookie: the handler verifies it (or a bearer token) as for GET /reports, allows leads and admins only, and audits every child listed before answering",
  'GET /case/{id}':
    "a child's page opened from a reminder email in the browser, which carries the Cognito ID token in an HttpOnly session cookie; the handler verifies it as the authorizer would and shows the case only to its holder, their manager, leads and admins",
  'GET /': "a practitioner's My work page, opened in the browser (often from the morning email), which carries the Cognito ID token in an HttpOnly session cookie; the handler verifies it as the authorizer would and lists only what that person is responsible for",
  'POST /calendar-link':
    "My work's \"Get your calendar link\" form, posted from the browser with the Cognito ID token in an HttpOnly session cookie and a CSRF value; the handler verifies both and replaces only the signed-in person's own calendar link",
  'GET /team': "a manager's team page in the browser: the handler verifies the session cookie as for GET /, and shows managers their own team only",
  'GET /children/{id}/record/{kind}':
    'a record question page opened from the morning email or the case page: the handler verifies the session cookie as for GET / and applies the API\'s rule for who may record that kind for that child',
  'POST /children/{id}/record/{kind}':
    'checks a record form: the session cookie is verified as for GET /, the form must carry the CSRF token from its SameSite=Strict cookie, and nothing is stored until it is confirmed',
  'POST /children/{id}/record/{kind}/confirm':
    "records the fact: the session cookie and the CSRF token are checked as for the question page, and the fact goes through the same use case and authorisation as POST /children/{id}/facts",
  'GET /children/{id}/record/{kind}/done': 'the confirmation after recording: the session cookie is verified and the child must be one the caller may read, as for GET /case/{id}',
  'GET /children/{id}/facts/{factId}/recorded-in-error':
    'asks a practitioner to confirm that a fact was recorded in error: the session cookie is verified as for GET /, and only those who may record for the child see it',
  'POST /children/{id}/facts/{factId}/recorded-in-error':
    'records the correction: the session cookie and the CSRF token from its SameSite=Strict cookie are checked, and the correction goes through the same use case and authorisation as POST /children/{id}/facts',
  'GET /children/{id}/team':
    "the change-team form, opened from a manager's team page: the handler verifies the session cookie as for GET / and shows it only to the manager of the social worker's team or an admin",
  'POST /children/{id}/team':
    'saves a new team: the session cookie and the CSRF token from its SameSite=Strict cookie are checked, and the change goes through the same use case and authorisation as PUT /children/{id}/team',
  'GET /children/{id}/contact':
    "the form for a young person's contact details, opened from the case page: the handler verifies the session cookie as for GET / and shows it only to the child's social worker, their manager or an admin",
  'POST /children/{id}/contact':
    'saves the contact details: the session cookie and the CSRF token from its SameSite=Strict cookie are checked, and the change goes through the same use case and authorisation as PUT /children/{id}/contact',
  'POST /children/{id}/start-survey':
    'starts a survey from the case page: the session cookie and the CSRF token from its SameSite=Strict cookie are checked, and the link is made by the same use case and authorisation as POST /children/{id}/survey-links',
  'GET /admin/staff':
    "the admin's staff list in the browser, which carries the Cognito ID token in an HttpOnly session cookie: the handler verifies it as for GET / and shows it to the council's admins only",
  'GET /admin/staff/{id}': 'the change page for a member of staff: the session cookie is verified as for GET /admin/staff, admins only',
  'POST /admin/staff/{id}':
    'saves a member of staff\'s details: the session cookie and the CSRF token from its SameSite=Strict cookie are checked, and the change goes through the same use case and authorisation as PUT /staff/{id}',
  'GET /admin/staff/{id}/end-access': 'asks an admin to confirm ending a leaver\'s access: the session cookie is verified as for GET /admin/staff, admins only',
  'POST /admin/staff/{id}/end-access':
    'ends a leaver\'s access: the session cookie and the CSRF token from its SameSite=Strict cookie are checked, and the change goes through the same use case and authorisation as DELETE /staff/{id}',
  'GET /admin/staff/{id}/handover': 'lists the children a member of staff holds or is in the team of, by case reference and initials: the session cookie is verified, admins only',
  'POST /admin/staff/{id}/handover':
    'moves a leaver\'s children to a colleague: the session cookie and the CSRF token from its SameSite=Strict cookie are checked, and each move goes through the same use case and authorisation as PUT /children/{id}/team',
  'GET /sign-in': 'starts sign-in: it only redirects the browser to the Cognito hosted sign-in page (OAuth 2 code flow with PKCE); no data',
  'GET /auth/callback':
    'where Cognito returns the browser after sign-in: the handler checks the state and PKCE verifier, exchanges the code with Cognito and verifies the ID token before setting the session cookie',
  'GET /sign-out': 'clears the session cookie and sends the browser to Cognito to end its session; no data',
};
