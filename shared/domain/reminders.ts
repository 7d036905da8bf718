/**
 * The morning digest: what each person hears about today. Pure: the sweep
 * hands in what is due, the staff list and the council's reminder policy.
 */
import * as z from 'zod/mini';
import type { DayNumber } from './dates.js';
import { toDayNumber, toIsoDate } from './dates.js';
import { addWorkingDays } from './workingDays.js';
import type { Staff } from './people.js';
import { type ObligationStatus, statusOn } from './obligations.js';

export const reminderPolicySchema = z.strictObject({
  /** Items due within this many working days are listed as coming up. */
  horizonWorkingDays: z._default(z.int().check(z.gte(0), z.lte(30)), 10),
  /** An item this many working days overdue goes to the holder's manager too. */
  escalateAfterWorkingDays: z._default(z.int().check(z.gte(1), z.lte(20)), 1),
  /** And again this many days later while it stays overdue. */
  escalateEveryDays: z._default(z.int().check(z.gte(1), z.lte(28)), 7),
});
export type ReminderPolicy = z.output<typeof reminderPolicySchema>;
export const DEFAULT_REMINDER_POLICY: ReminderPolicy = reminderPolicySchema.parse({});

/** What the digest needs to know of one due item. No names, no dates of birth. */
export interface DueEntry {
  childId: string;
  initials: string;
  kind: string;
  dueDate: string;
  dueAt?: string;
  holderId: string;
  escalatedOn?: string;
}

export interface DigestLine extends DueEntry {
  status: ObligationStatus;
}

export interface EscalationLine extends DigestLine {
  holderName: string;
  workingDaysOverdue: number;
}

export interface Digest {
  recipient: Staff;
  date: string;
  overdue: DigestLine[];
  dueToday: DigestLine[];
  comingUp: DigestLine[];
  escalations: EscalationLine[];
}

export interface DigestPlan {
  digests: Digest[];
  /** Items whose holder cannot be emailed (unknown or undeliverable): someone must act. */
  unreachable: DueEntry[];
}

export function horizonEnd(today: string, policy: ReminderPolicy): string {
  return toIsoDate(addWorkingDays(toDayNumber(today), policy.horizonWorkingDays));
}

/** Working days from `due` to `today` (1 on the first working day after it). */
function workingDaysOverdue(due: DayNumber, today: DayNumber): number {
  let n = 0;
  let day = due;
  while (n < 60) {
    const next = addWorkingDays(day, 1);
    if (next > today) break;
    n += 1;
    day = next;
  }
  return n;
}

export function shouldEscalate(entry: DueEntry, today: string, policy: ReminderPolicy): boolean {
  const t = toDayNumber(today);
  const due = toDayNumber(entry.dueDate);
  if (due >= t || addWorkingDays(due, policy.escalateAfterWorkingDays) > t) return false;
  if (!entry.escalatedOn) return true;
  const last = toDayNumber(entry.escalatedOn);
  return last === t || t >= last + policy.escalateEveryDays;
}

function byDue(a: DueEntry, b: DueEntry): number {
  return a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.childId < b.childId ? -1 : a.childId > b.childId ? 1 : a.kind < b.kind ? -1 : 1;
}

export function planDigests(entries: readonly DueEntry[], staff: readonly Staff[], today: string, policy: ReminderPolicy): DigestPlan {
  const end = horizonEnd(today, policy);
  const people = new Map(staff.map((s) => [s.id, s]));
  const digests = new Map<string, Digest>();
  const unreachable: DueEntry[] = [];
  const digestFor = (person: Staff) => {
    let d = digests.get(person.id);
    if (!d) {
      d = { recipient: person, date: today, overdue: [], dueToday: [], comingUp: [], escalations: [] };
      digests.set(person.id, d);
    }
    return d;
  };
  const todayDay = toDayNumber(today);

  for (const entry of [...entries].sort(byDue)) {
    if (entry.dueDate > end) continue;
    const holder = people.get(entry.holderId);
    if (!holder || holder.undeliverable) {
      unreachable.push(entry);
    } else {
      const status = statusOn(entry.dueDate, today);
      const line = { ...entry, status };
      const d = digestFor(holder);
      (status === 'overdue' ? d.overdue : status === 'due-today' ? d.dueToday : d.comingUp).push(line);
    }
    if (shouldEscalate(entry, today, policy)) {
      const manager = holder?.managerId ? people.get(holder.managerId) : undefined;
      if (manager && !manager.undeliverable && manager.id !== entry.holderId) {
        digestFor(manager).escalations.push({
          ...entry,
          status: 'overdue',
          holderName: holder!.name,
          workingDaysOverdue: workingDaysOverdue(toDayNumber(entry.dueDate), todayDay),
        });
      }
    }
  }
  return { digests: [...digests.values()].sort((a, b) => (a.recipient.id < b.recipient.id ? -1 : 1)), unreachable };
}
