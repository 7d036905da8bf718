/**
 * One declaration of what Kept is made of: the table, the HTTP routes and the
 * schedules. The CDK stack (infra/cdk) and the local stack (infra/local) both
 * read it, so the product on this machine and in AWS cannot drift apart.
 * Plain data only: no aws-cdk-lib, no AWS SDK.
 */

export { ROLES, type Role } from '#domain/principal.js';

export const TABLE = {
  /** Logical name; the deployed table's physical name comes from the environment (TABLE_NAME). */
  name: 'kept',
  partitionKey: 'pk',
  sortKey: 'sk',
  timeToLiveAttribute: 'expiresAt',
  indexes: [
    /** Obligations by due date within a council: the morning sweep reads only what is due. */
    { name: 'byDueDate', partitionKey: 'duePk', sortKey: 'dueSk' },
    /** Children by the practitioner who holds them: a caseload in one query. */
    { name: 'byHolder', partitionKey: 'holderPk', sortKey: 'holderSk' },
    /** Each child's report summary, by council (in shards): a council-wide report in one paged read per shard. */
    { name: 'byReport', partitionKey: 'reportPk', sortKey: 'reportSk' },
  ],
} as const;

export interface RouteDeclaration {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** API Gateway HTTP API path syntax; `{token}` style parameters. */
  path: string;
  /** Handler module under functions/, without extension; it exports `handler`. */
  handler: string;
  /** false: no bearer token (health, calendar feed with its own token). */
  auth: boolean;
  /** Which AWS clients the handler uses, for least-privilege grants and bundling. */
  uses: {
    table?: 'read' | 'write';
    email?: boolean;
    /** needs the page templates and assets beside its bundle */
    web?: boolean;
    /** sends texts (AWS End User Messaging SMS) */
    text?: boolean;
    /** reads the secret that keys the survey pages' wrong-link counter (SURVEY_SOURCE_SECRET) */
    surveySourceSecret?: boolean;
    /** reads extracts from the extract bucket and writes each one's report beside it */
    extracts?: boolean;
  };
}

export const ROUTES: readonly RouteDeclaration[] = [
  { method: 'GET', path: '/health', handler: 'api/health', auth: false, uses: {} },
  { method: 'GET', path: '/children', handler: 'api/listChildren', auth: true, uses: { table: 'read' } },
  { method: 'POST', path: '/children', handler: 'api/createChild', auth: true, uses: { table: 'write' } },
  // Reading a child's record writes its audit entry first, so these reads need write access.
  { method: 'GET', path: '/children/{id}', handler: 'api/getChild', auth: true, uses: { table: 'write' } },
  { method: 'POST', path: '/children/{id}/facts', handler: 'api/recordFact', auth: true, uses: { table: 'write' } },
  { method: 'PUT', path: '/children/{id}/team', handler: 'api/setTeam', auth: true, uses: { table: 'write' } },
  // The young person's own contact details for surveys (the social worker, their manager, admins).
  { method: 'PUT', path: '/children/{id}/contact', handler: 'api/setContact', auth: true, uses: { table: 'write' } },
  { method: 'GET', path: '/children/{id}/obligations', handler: 'api/childObligations', auth: true, uses: { table: 'write' } },
  // A worker starts a survey with the young person: a fresh link, its QR code and a short code.
  { method: 'POST', path: '/children/{id}/survey-links', handler: 'api/startSurveyLink', auth: true, uses: { table: 'write' } },
  // The audit trail: admins only.
  { method: 'GET', path: '/children/{id}/audit', handler: 'api/childAudit', auth: true, uses: { table: 'read' } },
  { method: 'GET', path: '/audit', handler: 'api/auditDay', auth: true, uses: { table: 'read' } },
  { method: 'GET', path: '/me/due', handler: 'api/myDue', auth: true, uses: { table: 'read' } },
  { method: 'POST', path: '/me/calendar', handler: 'api/issueCalendarLink', auth: true, uses: { table: 'write' } },
  { method: 'GET', path: '/staff', handler: 'api/listStaff', auth: true, uses: { table: 'read' } },
  { method: 'POST', path: '/staff', handler: 'api/createStaff', auth: true, uses: { table: 'write' } },
  // Staff who change and leave (admins): a leaver's access ends, never their history.
  { method: 'PUT', path: '/staff/{id}', handler: 'api/changeStaff', auth: true, uses: { table: 'write' } },
  { method: 'DELETE', path: '/staff/{id}', handler: 'api/endStaffAccess', auth: true, uses: { table: 'write' } },
  { method: 'GET', path: '/calendar/{token}', handler: 'api/calendarFeed', auth: false, uses: { table: 'read' } },
  { method: 'GET', path: '/campaigns', handler: 'api/listCampaigns', auth: true, uses: { table: 'read' } },
  { method: 'POST', path: '/campaigns', handler: 'api/createCampaign', auth: true, uses: { table: 'write' } },
  // Survey pages: the single-use link is the key, so no bearer token. The handler also sends safeguarding alerts.
  // The form where a young person types the short code a worker gave them (a GET form: it changes nothing).
  { method: 'GET', path: '/s', handler: 'web/survey', auth: false, uses: { table: 'write', email: true, web: true, surveySourceSecret: true } },
  { method: 'GET', path: '/s/{token}', handler: 'web/survey', auth: false, uses: { table: 'write', email: true, web: true, surveySourceSecret: true } },
  { method: 'GET', path: '/s/{token}/{page}', handler: 'web/survey', auth: false, uses: { table: 'write', email: true, web: true, surveySourceSecret: true } },
  { method: 'POST', path: '/s/{token}/{page}', handler: 'web/survey', auth: false, uses: { table: 'write', email: true, web: true, surveySourceSecret: true } },
  // What every footer links to: the privacy notices, the accessibility statement and the cookies page.
  { method: 'GET', path: '/privacy', handler: 'web/legal', auth: false, uses: { table: 'read', web: true } },
  { method: 'GET', path: '/privacy/young', handler: 'web/legal', auth: false, uses: { table: 'read', web: true } },
  { method: 'GET', path: '/accessibility', handler: 'web/legal', auth: false, uses: { table: 'read', web: true } },
  { method: 'GET', path: '/cookies', handler: 'web/legal', auth: false, uses: { table: 'read', web: true } },
  { method: 'GET', path: '/assets/{file+}', handler: 'web/assets', auth: false, uses: { web: true } },
  // Leads' pages: signed in with the session cookie (or a bearer token for JSON and CSV); the handler checks.
  { method: 'GET', path: '/reports', handler: 'web/reports', auth: false, uses: { table: 'read', web: true } },
  { method: 'GET', path: '/reports/surveys/{campaign}', handler: 'web/reports', auth: false, uses: { table: 'read', web: true } },
  { method: 'POST', path: '/reports/surveys/{campaign}/reply', handler: 'web/reports', auth: false, uses: { table: 'write', web: true } },
  { method: 'GET', path: '/reports/on-time', handler: 'web/reports', auth: false, uses: { table: 'read', web: true } },
  // Where the case system's review dates differ from the statutory ones; an audit entry per child listed.
  { method: 'GET', path: '/reports/review-dates', handler: 'web/reports', auth: false, uses: { table: 'write', web: true } },
  // Each download writes an export audit entry per child listed.
  { method: 'GET', path: '/reports/annex-a/{list}', handler: 'api/annexA', auth: false, uses: { table: 'write' } },
  // A council-wide Annex A list as a job (EXPORT_JOB_HANDLER): asked for, then its "being prepared" page, then the file.
  { method: 'POST', path: '/reports/annex-a-exports', handler: 'web/annexAExports', auth: false, uses: { table: 'write', web: true } },
  { method: 'GET', path: '/reports/annex-a-exports/{id}', handler: 'web/annexAExports', auth: false, uses: { table: 'read', web: true } },
  { method: 'GET', path: '/reports/annex-a-exports/{id}/file', handler: 'web/annexAExports', auth: false, uses: { table: 'read', web: true } },
  // A child's page in the browser, where reminder emails link; the handler checks the session and the case.
  { method: 'GET', path: '/case/{id}', handler: 'web/childPage', auth: false, uses: { table: 'write', web: true } },
  // A practitioner's own work, and a manager's team, in the browser (session cookie).
  { method: 'GET', path: '/', handler: 'web/myWork', auth: false, uses: { table: 'read', web: true } },
  // "Add to your calendar" on My work: a new private calendar link, shown once (the old one stops working).
  { method: 'POST', path: '/calendar-link', handler: 'web/myWork', auth: false, uses: { table: 'write', web: true } },
  { method: 'GET', path: '/team', handler: 'web/team', auth: false, uses: { table: 'read', web: true } },
  // Recording work in the browser: question, check your answers, record, confirmation (session cookie, CSRF).
  { method: 'GET', path: '/children/{id}/record/{kind}', handler: 'web/record', auth: false, uses: { table: 'write', web: true } },
  { method: 'POST', path: '/children/{id}/record/{kind}', handler: 'web/record', auth: false, uses: { table: 'write', web: true } },
  { method: 'POST', path: '/children/{id}/record/{kind}/confirm', handler: 'web/record', auth: false, uses: { table: 'write', web: true } },
  { method: 'GET', path: '/children/{id}/record/{kind}/done', handler: 'web/record', auth: false, uses: { table: 'write', web: true } },
  // Changing the team around a child, in the browser (the same use case as PUT /children/{id}/team).
  { method: 'GET', path: '/children/{id}/team', handler: 'web/changeTeam', auth: false, uses: { table: 'write', web: true } },
  { method: 'POST', path: '/children/{id}/team', handler: 'web/changeTeam', auth: false, uses: { table: 'write', web: true } },
  // Changing the young person's contact details, in the browser (the same use case as PUT /children/{id}/contact).
  { method: 'GET', path: '/children/{id}/contact', handler: 'web/changeContact', auth: false, uses: { table: 'write', web: true } },
  { method: 'POST', path: '/children/{id}/contact', handler: 'web/changeContact', auth: false, uses: { table: 'write', web: true } },
  // "Start a survey with this young person" from the case page: the page with the QR code, the code and the letter to print.
  { method: 'POST', path: '/children/{id}/start-survey', handler: 'web/startSurvey', auth: false, uses: { table: 'write', web: true } },
  // "Recorded in error": a correction fact, after a question page that confirms it.
  { method: 'GET', path: '/children/{id}/facts/{factId}/recorded-in-error', handler: 'web/correction', auth: false, uses: { table: 'write', web: true } },
  { method: 'POST', path: '/children/{id}/facts/{factId}/recorded-in-error', handler: 'web/correction', auth: false, uses: { table: 'write', web: true } },
  // The admin's staff pages: change a member of staff, end a leaver's access, hand over their children (session cookie, CSRF).
  { method: 'GET', path: '/admin/staff', handler: 'web/adminStaff', auth: false, uses: { table: 'read', web: true } },
  { method: 'GET', path: '/admin/staff/{id}', handler: 'web/adminStaff', auth: false, uses: { table: 'write', web: true } },
  { method: 'POST', path: '/admin/staff/{id}', handler: 'web/adminStaff', auth: false, uses: { table: 'write', web: true } },
  { method: 'GET', path: '/admin/staff/{id}/end-access', handler: 'web/adminStaff', auth: false, uses: { table: 'write', web: true } },
  { method: 'POST', path: '/admin/staff/{id}/end-access', handler: 'web/adminStaff', auth: false, uses: { table: 'write', web: true } },
  { method: 'GET', path: '/admin/staff/{id}/handover', handler: 'web/adminStaff', auth: false, uses: { table: 'write', web: true } },
  { method: 'POST', path: '/admin/staff/{id}/handover', handler: 'web/adminStaff', auth: false, uses: { table: 'write', web: true } },
  // Browser sign-in through Cognito's hosted page (OAuth 2 code flow with PKCE); a failed sign-in is a page.
  { method: 'GET', path: '/sign-in', handler: 'web/signIn', auth: false, uses: { web: true } },
  { method: 'GET', path: '/auth/callback', handler: 'web/signIn', auth: false, uses: { web: true } },
  { method: 'GET', path: '/sign-out', handler: 'web/signIn', auth: false, uses: { web: true } },
];

export interface ScheduleDeclaration {
  name: string;
  handler: string;
  /** EventBridge Scheduler cron: minutes hours day-of-month month day-of-week year. */
  cron: string;
  timezone: string;
  uses: RouteDeclaration['uses'];
}

export const SCHEDULES: readonly ScheduleDeclaration[] = [
  {
    name: 'reminder-sweep',
    handler: 'scheduled/reminderSweep',
    cron: 'cron(0 7 ? * MON-FRI *)',
    timezone: 'Europe/London',
    uses: { table: 'write', email: true },
  },
  {
    name: 'survey-dispatch',
    handler: 'scheduled/surveyDispatch',
    cron: 'cron(0 9 * * ? *)',
    timezone: 'Europe/London',
    uses: { table: 'write', email: true, text: true },
  },
  {
    // Safeguarding emails left unsent after their lease (a run killed mid-send, a send given back).
    name: 'safeguarding-redrive',
    handler: 'scheduled/safeguardingRedrive',
    cron: 'cron(0/5 * * * ? *)',
    timezone: 'Europe/London',
    uses: { table: 'write', email: true },
  },
];

/** SES bounce and complaint notifications arrive through SNS to this handler. */
export const EMAIL_EVENTS_HANDLER = { handler: 'events/emailEvents', uses: { table: 'write', email: true } } as const;

/** Permanent text delivery failures (AWS End User Messaging SMS events) arrive through SNS to this handler. */
export const TEXT_EVENTS_HANDLER = { handler: 'events/textEvents', uses: { table: 'write' } } as const;

/**
 * Cognito's pre token generation trigger, where staff sign in through the
 * council's own identity provider: who the person is comes from the staff list.
 */
export const SIGN_IN_CHECK_HANDLER = { handler: 'events/signInCheck', uses: { table: 'read' } } as const;

/**
 * The nightly import: an extract's `_complete` marker landing in the extract
 * bucket (`ssd/<folder>/_complete`, `ssda903/<folder>/_complete`; see
 * shared/domain/import/manifest.ts) starts this handler, through EventBridge.
 */
export const EXTRACT_IMPORT_HANDLER = { handler: 'events/extractArrived', uses: { table: 'write', extracts: true } } as const;

/**
 * Exports prepared as jobs (a council-wide Annex A list): the table's stream
 * starts this handler with each inserted item of `streamItemType` (the export
 * job, shared/store/dynamo/exports.ts); the local server does the same for
 * jobs its handlers write. Up to `timeoutMinutes` a run.
 */
export const EXPORT_JOB_HANDLER = { handler: 'jobs/annexAExport', uses: { table: 'write' }, streamItemType: 'export-job', timeoutMinutes: 5 } as const;

export { ACCEPTED_TEXT_EVENTS, UNREACHABLE_TEXT_EVENTS } from '#domain/contact.js';

/** Environment variables every function reads (see shared/config.ts). */
export const ENVIRONMENT_KEYS = [
  'TABLE_NAME',
  'COUNCIL_ID',
  'APP_URL',
  'MAIL_FROM',
  'MAIL_REPLY_TO',
  'MAIL_CONFIGURATION_SET',
  'MAIL_RATE_PER_SECOND',
  'SMS_ORIGINATION_IDENTITY',
  'SMS_CONFIGURATION_SET',
  'SMS_RATE_PER_SECOND',
  /** The council's safeguarding inbox (CDK context safeguardingEmail, required). */
  'SAFEGUARDING_EMAIL',
  'AUTH_ISSUER',
  'AUTH_AUDIENCE',
  'AUTH_JWKS_URL',
  /** Cognito's hosted sign-in, e.g. https://kept-camden.auth.eu-west-2.amazoncognito.com */
  'AUTH_DOMAIN',
] as const;
