import type { DueItem } from '#store/ports/cases.js';
import type { KeptStore } from '#store/ports/stores.js';
import { statusOn } from '#domain/obligations.js';

/** The projection as people read it: soonest first, each with today's status and who answers for it. */
export function withStatus(items: readonly DueItem[], today: string) {
  return [...items]
    .sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.kind < b.kind ? -1 : 1))
    .map((o) => ({
      childId: o.childId,
      initials: o.initials,
      kind: o.kind,
      dueDate: o.dueDate,
      ...(o.dueAt ? { dueAt: o.dueAt } : {}),
      status: statusOn(o.dueDate, today),
      rule: o.rule,
      ...(o.note ? { note: o.note } : {}),
      responsibleId: o.responsibleId,
      ...(o.unallocated ? { unallocated: o.unallocated } : {}),
    }));
}

/**
 * What a member of staff has to do: the one list behind `GET /me/due`, the
 * My work page and the team page (today the cases they hold).
 */
export function dueFor(store: Pick<KeptStore, 'dueForHolder'>, councilId: string, staffId: string): Promise<DueItem[]> {
  return store.dueForHolder(councilId, staffId);
}
