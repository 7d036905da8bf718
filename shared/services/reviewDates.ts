/**
 * The leads' list of children whose case-system review dates differ from the
 * statutory ones Kept works out (see #domain/reviewDates). Leads and admins
 * only; every child listed gets an audit entry before the list is shown.
 */
import { addDaysIso } from '#domain/dates.js';
import { Forbidden } from '#domain/errors.js';
import type { Principal } from '#domain/principal.js';
import { teamOfChild } from '#domain/people.js';
import { type ReviewDateDifference, reviewDateDifferences, reviewDateDifferencesFromEvents } from '#domain/reviewDates.js';
import type { AuditLog } from '#store/ports/audit.js';
import type { KeptStore } from '#store/ports/stores.js';
import { recordListAccess } from './audit.js';
import { loadCouncil } from './council.js';
import { childrenWithReviewEvents, factsOf } from './children.js';

export interface ReviewDateRow extends ReviewDateDifference {
  childId: string;
  socialWorker: string;
  iro: string | null;
}

export interface ReviewDateList {
  councilName: string;
  /** Held reviews are compared from this day (a year before today). */
  since: string;
  /** Children with at least one case-system review date, to say how many were compared. */
  childrenCompared: number;
  rows: ReviewDateRow[];
}

export async function reviewDateList(
  store: KeptStore,
  audit: AuditLog,
  principal: Principal,
  today: string,
  route: string,
  action: 'read' | 'export',
): Promise<ReviewDateList> {
  if (principal.role !== 'lead' && principal.role !== 'admin') throw new Forbidden('the review dates list is for leads and admins');
  const [council, people] = await Promise.all([loadCouncil(store, principal.councilId), store.listStaff(principal.councilId)]);
  const staff = new Map(people.map((s) => [s.id, s.name]));
  const since = addDaysIso(today, -365);
  const rows: ReviewDateRow[] = [];
  let childrenCompared = 0;
  for await (const read of childrenWithReviewEvents(store, principal.councilId, council.policy)) {
    const { child } = read;
    if ('events' in read ? read.events.caseSystem.length === 0 : !read.facts.some((f) => f.type === 'case-system-review-due')) continue;
    childrenCompared += 1;
    const team = teamOfChild(child);
    const name = (id: string | undefined) => (id ? (staff.get(id) ?? id) : null);
    // From the events, unless the child has facts dated after today: then from its facts.
    const kept = 'events' in read ? reviewDateDifferencesFromEvents(read.events, today, since) : null;
    const differences = kept ?? reviewDateDifferences(child, 'facts' in read ? read.facts : await factsOf(store, principal.councilId, child.id), council.policy, today, since);
    for (const d of differences) {
      rows.push({ childId: child.id, socialWorker: name(team.socialWorker)!, iro: name(team.iro), ...d });
    }
  }
  await recordListAccess(audit, principal, action, route, rows.map((r) => r.childId));
  return { councilName: council.name, since, childrenCompared, rows };
}
