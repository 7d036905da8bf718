/**
 * Changing a young person's own contact details in the browser
 * (`/children/{id}/contact`): their email address, UK mobile number,
 * preferred channel and language on one question page, then the same use
 * case as `PUT /children/{id}/contact`. An empty field removes what was held.
 * The form carries the record's version, so a change made meanwhile by
 * someone else is not written over.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { Principal } from '#domain/principal.js';
import { Forbidden, InvalidInput, NotFound } from '#domain/errors.js';
import { canRecordFor } from '#domain/access.js';
import { type ContactField, CHANNELS, ukMobileText } from '#domain/contact.js';
import { type ChildRecord, initials } from '#domain/people.js';
import { HttpError } from '#http/errors.js';
import type { HttpResult } from '#http/responses.js';
import { routeOf } from '#http/route.js';
import { auditEntryFor, recordAccess } from '#services/audit.js';
import { loadCouncil } from '#services/council.js';
import { changeContact } from '#services/contact.js';
import { csrfMatches, readForm } from '#web/http.js';
import { type Page, pageFor, problemPage } from './page.js';
import { isPrincipal, signedIn, workChrome } from './work.js';
import { CHANNEL_TEXT, unreachableText } from './contactRows.js';
import type { RecordDeps } from './record.js';

// The record pages' CSRF cookie: every form under /children shares it.
const CSRF_COOKIE = 'kept_record_csrf';

type Typed = Partial<Record<ContactField, string>>;

/** What each field's problem says on the page, in GOV.UK's words. */
function messageFor(field: string, message: string): string {
  if (field === 'email' && message.startsWith('must')) return 'Enter an email address in the correct format, like name@example.com';
  if (field === 'mobile' && message.startsWith('must')) return 'Enter a UK mobile number, starting 07 or +44 7';
  if (field === 'language' && message.startsWith('must')) return 'Enter a language tag, such as fa or ps';
  if (field === 'preferredChannel' && message === 'needs a mobile number') return 'Enter a mobile number to send texts, or choose email';
  if (field === 'preferredChannel' && message === 'needs an email address') return 'Enter an email address to send emails, or choose text message';
  if (field === 'email') return `Enter an email address: it ${message}`;
  if (field === 'mobile') return `Enter a mobile number: it ${message}`;
  return message;
}

export async function changeContactPage(event: APIGatewayProxyEventV2, deps: RecordDeps): Promise<HttpResult> {
  const page = pageFor(event, deps.appUrl, { cookie: CSRF_COOKIE, path: '/children' });
  const who = await signedIn(event, page, event.rawPath);
  if (!isPrincipal(who)) return who;
  const council = await loadCouncil(deps.store, who.councilId);
  try {
    return await answer(event, deps, page, who, council.name);
  } catch (error) {
    const shown = problemPage(page, error, council.name, { 403: 'You cannot change these contact details', 404: 'Not found', 409: 'The record has changed' });
    if (!shown) throw error;
    return shown;
  }
}

async function answer(event: APIGatewayProxyEventV2, deps: RecordDeps, page: Page, principal: Principal, councilName: string): Promise<HttpResult> {
  const childId = event.pathParameters?.id ?? '';
  const child = await deps.store.getChild(principal.councilId, childId);
  if (!child) throw new NotFound(`no child with case reference ${childId}`);
  const staff = principal.role === 'manager' ? await deps.store.listStaff(principal.councilId) : [];
  if (!canRecordFor(principal, child, staff)) throw new Forbidden(`case ${child.id} is not held by you or your team`);
  const caseHref = `/case/${encodeURIComponent(child.id)}`;
  const view = async (status: number, typed: Typed, version: number, problems: Array<{ field: string; message: string }> = []) => {
    // The form shows what the record holds: a read, audited before it is shown.
    await recordAccess(deps.audit, auditEntryFor(principal, 'read', child.id, routeOf(event)));
    const error = (field: string) => problems.find((p) => p.field === field)?.message;
    return page.render(status, 'change-contact.njk', {
      ...workChrome(principal, councilName, 'case'),
      title: "Change the young person's contact details",
      childId: child.id,
      initials: initials(child.firstName, child.lastName),
      caseHref,
      action: event.rawPath,
      csrf: page.csrf,
      version,
      errors: problems.map((p) => ({ text: p.message, href: `#${p.field}` })),
      typed,
      fieldErrors: { email: error('email'), mobile: error('mobile'), preferredChannel: error('preferredChannel'), language: error('language') },
      emailMark: typed.email === child.email && child.emailUnreachable ? unreachableText(child.emailUnreachable) : undefined,
      mobileMark: child.mobile && typed.mobile !== undefined && typed.mobile.replace(/\s/g, '') === ukMobileText(child.mobile).replace(/\s/g, '') && child.mobileUnreachable
        ? unreachableText(child.mobileUnreachable)
        : undefined,
      channelItems: CHANNELS.map((value) => ({ value, text: CHANNEL_TEXT[value] })),
    });
  };
  if (event.requestContext.http.method === 'GET') return view(200, heldOf(child), child.version);
  const form = readForm(event);
  if (!csrfMatches(form.csrf, page.cookies[CSRF_COOKIE])) throw new HttpError(403, 'The form had expired. Go back, reload the page and try again.');
  const typed: Typed = {
    email: (form.email ?? '').trim(),
    mobile: (form.mobile ?? '').trim(),
    language: (form.language ?? '').trim(),
    ...(form.preferredChannel ? { preferredChannel: form.preferredChannel } : {}),
  };
  const version = /^\d{1,15}$/.test(form.version ?? '') ? Number(form.version) : child.version;
  const change: Record<ContactField, string | null> & { version: number } = {
    email: typed.email || null,
    mobile: typed.mobile || null,
    preferredChannel: typed.preferredChannel ?? null,
    language: typed.language || null,
    version,
  };
  try {
    await changeContact({ store: deps.store }, principal, child.id, change, routeOf(event));
  } catch (error) {
    if (!(error instanceof InvalidInput)) throw error;
    return view(400, typed, version, error.problems.map((p) => ({ field: p.field, message: messageFor(p.field, p.message) })));
  }
  return page.redirect(`${caseHref}?changed=contact`);
}

/** The form's fields as the record holds them (the mobile number as people write it). */
function heldOf(child: ChildRecord): Typed {
  return {
    email: child.email ?? '',
    mobile: child.mobile ? ukMobileText(child.mobile) : '',
    language: child.language ?? '',
    ...(child.preferredChannel ? { preferredChannel: child.preferredChannel } : {}),
  };
}
