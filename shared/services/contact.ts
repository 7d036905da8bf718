/**
 * Changing a young person's own contact details for surveys (email, UK
 * mobile, preferred channel, language) after their case is open: the social
 * worker, their manager or an admin, as for recording (canRecordFor). Each
 * field given replaces the one held, `null` removes it; an address or number
 * that changes loses its unreachable mark in the same write, so surveys use
 * it again. The audit entry is written in the same transaction. Nothing here
 * logs an address or a number.
 */
import * as z from 'zod/mini';
import type { Principal } from '#domain/principal.js';
import { canRecordFor } from '#domain/access.js';
import { type ContactChange, contactChangeSchema, planContactChange } from '#domain/contact.js';
import { withUkMobile } from '#domain/mobileInput.js';
import type { ChildRecord, Staff } from '#domain/people.js';
import { ConcurrentChange, Forbidden, InvalidInput, NotFound, StaleVersion } from '#domain/errors.js';
import { problemsOf } from '#domain/validation.js';
import type { KeptStore } from '#store/ports/stores.js';
import { auditEntryFor } from './audit.js';

export interface ContactDeps {
  store: Pick<KeptStore, 'getChild' | 'listStaff' | 'setContact'>;
}

const ATTEMPTS = 5;

/** The change as sent, with a typed mobile number (07700 900123) written in E.164 before it is checked. */
export const contactInput = z.pipe(z.transform(withUkMobile), contactChangeSchema);

/** Checks a change as sent (JSON or a form's fields): the change, or InvalidInput naming each field. */
export function parseContactChange(input: unknown): ContactChange {
  const parsed = contactInput.safeParse(input);
  if (!parsed.success) throw new InvalidInput(problemsOf(parsed.error));
  return parsed.data;
}

/**
 * PUT /children/{id}/contact and the case page's form. With `version`, the
 * change is refused (StaleVersion, 409) if the record has changed since that
 * version was read; without, a change that meets a concurrent write is
 * worked out again on the fresh record.
 */
export async function changeContact(deps: ContactDeps, principal: Principal, childId: string, input: unknown, route: string): Promise<ChildRecord> {
  const { store } = deps;
  if (principal.role === 'lead') throw new Forbidden('a lead cannot change a young person’s contact details');
  let staff: Staff[] | undefined;
  let checked = false;
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const child = await store.getChild(principal.councilId, childId);
    if (!child) throw new NotFound(`no child with case reference ${childId}`);
    if (!checked) {
      staff ??= principal.role === 'manager' ? await store.listStaff(principal.councilId) : [];
      if (!canRecordFor(principal, child, staff)) throw new Forbidden(`case ${childId} is not held by you or your team`);
      checked = true;
    }
    // Checked after access, so that someone who may not change the record learns nothing from the answer.
    const change = parseContactChange(input);
    if (change.version !== undefined && change.version !== child.version) throw stale(childId);
    const { after, write, problem } = planContactChange(child, change);
    if (problem) throw new InvalidInput([problem]);
    const audit = auditEntryFor(principal, 'change-contact', child.id, route);
    if (await store.setContact(principal.councilId, child.id, write, child.version, audit)) return { ...after, version: child.version + 1 };
    if (change.version !== undefined) throw stale(childId);
    // The holder may have changed meanwhile: check access again on the fresh record.
    checked = false;
  }
  throw new ConcurrentChange(`the record of ${childId} kept changing while we changed its contact details; try again`);
}

const stale = (childId: string) =>
  new StaleVersion(`the record of ${childId} has changed since you opened it; nothing was changed: read it again and make the change again`);
