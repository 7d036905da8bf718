/**
 * A manager's view of their team: each member's due work (the same list
 * My work and `GET /me/due` show them) and the children the team holds;
 * and, for every manager, the council's children no one holds yet
 * (Unallocated, from an import) and the staff Kept awaits an email for.
 */
import type { Principal } from '#domain/principal.js';
import { type ChildRecord, isActive, type Staff, UNALLOCATED } from '#domain/people.js';
import { Forbidden } from '#domain/errors.js';
import type { KeptStore } from '#store/ports/stores.js';
import type { DueItem } from '#store/ports/cases.js';
import { dueFor } from './obligations.js';

export interface TeamWork {
  manager: Staff | null;
  members: Array<{ staff: Staff; items: DueItem[] }>;
  children: ChildRecord[];
  unallocated: ChildRecord[];
  awaitingEmail: Staff[];
}

export async function teamWork(store: KeptStore, principal: Principal): Promise<TeamWork> {
  if (principal.role !== 'manager') throw new Forbidden('the team page is for team managers');
  const staff = await store.listStaff(principal.councilId);
  const people = staff.filter((s) => s.managerId === principal.staffId).sort((a, b) => (a.name < b.name ? -1 : 1));
  const holders = [principal.staffId, ...people.map((s) => s.id)];
  const [members, children, unallocated] = await Promise.all([
    Promise.all(people.map(async (s) => ({ staff: s, items: await dueFor(store, principal.councilId, s.id) }))),
    Promise.all(holders.map((id) => store.listChildrenHeldBy(principal.councilId, id))).then((lists) => lists.flat().sort(byId)),
    store.listChildrenHeldBy(principal.councilId, UNALLOCATED).then((list) => list.sort(byId)),
  ]);
  const awaitingEmail = staff.filter((s) => s.awaitingEmail && isActive(s)).sort((a, b) => (a.name < b.name ? -1 : 1));
  return { manager: staff.find((s) => s.id === principal.staffId) ?? null, members, children, unallocated, awaitingEmail };
}

const byId = (a: ChildRecord, b: ChildRecord) => (a.id < b.id ? -1 : 1);
