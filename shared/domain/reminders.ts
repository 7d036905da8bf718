/**
 * The morning digest: what each person hears about today. Pure: the sweep
 * hands in what is due, the staff list and the council's reminder policy.
 */
import * as z from 'zod/mini';
import type { DayNumber } from './dates.js';
import { toDayNumber, toIsoDate } from './dates.js';
import { addWorkingDays, workingDaysBetween } from './workingDays.js';
import { type Staff, isMailable } from './people.js';
import { type ObligationStatus, statusOn } from './obligations.js';

export const reminderPolicySchema = z.strictObject({
  /** Items due within this many working days are listed as coming up. */
  horizonWorkingDays: z._default(z.int().check(z.gte(0), z.lte(30)), 10),
  /** An item this many working days overdue goes to the responsible person's manager too. */
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
  /** Who answers for the item and gets it in their digest; the holder when not given. */
  responsibleId?: string;
  escalatedOn?: string;
}

export interface DigestLine extends DueEntry {
  status: ObligationStatus;
  /** Working days since the due date, counted exactly (0 for an item not yet overdue). */
  workingDaysOverdue: number;
}

export interface EscalationLine extends DigestLine {
  /** The person responsible for the overdue item. */
  responsibleName: string;
}

/** One child's lines in a digest, most urgent first. */
export interface ChildLines {
  childId: string;
  initials: string;
  lines: DigestLine[];
  /** Whether anything of the child's is overdue or due today. */
  urgent: boolean;
}

export interface Digest {
  recipient: Staff;
  date: string;
  /** The reminder horizon: "coming up" means within this many working days. */
  horizonWorkingDays: number;
  overdue: DigestLine[];
  dueToday: DigestLine[];
  comingUp: DigestLine[];
  escalations: EscalationLine[];
}

export interface DigestPlan {
  digests: Digest[];
  /** Items whose responsible person cannot be emailed (unknown or undeliverable): someone must act. */
  unreachable: DueEntry[];
}

/** Who an item's digest goes to. */
export const responsibleOf = (entry: DueEntry): string => entry.responsibleId ?? entry.holderId;

/** A digest's own items grouped by child: children with something overdue or due today first, then by their soonest item. */
export function byChild(digest: Pick<Digest, 'overdue' | 'dueToday' | 'comingUp'>): ChildLines[] {
  const children = new Map<string, ChildLines>();
  for (const line of [...digest.overdue, ...digest.dueToday, ...digest.comingUp].sort(byDue)) {
    let c = children.get(line.childId);
    if (!c) children.set(line.childId, (c = { childId: line.childId, initials: line.initials, lines: [], urgent: false }));
    c.lines.push(line);
    if (line.status !== 'upcoming') c.urgent = true;
  }
  const all = [...children.values()];
  return [...all.filter((c) => c.urgent), ...all.filter((c) => !c.urgent)];
}

export function horizonEnd(today: string, policy: ReminderPolicy): string {
  return toIsoDate(addWorkingDays(toDayNumber(today), policy.horizonWorkingDays));
}

/** Working days from `due` to `today` (1 on the first working day after it), however many. */
function workingDaysOverdue(due: DayNumber, today: DayNumber): number {
  return workingDaysBetween(due, today);
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
      d = { recipient: person, date: today, horizonWorkingDays: policy.horizonWorkingDays, overdue: [], dueToday: [], comingUp: [], escalations: [] };
      digests.set(person.id, d);
    }
    return d;
  };
  const todayDay = toDayNumber(today);

  for (const entry of [...entries].sort(byDue)) {
    if (entry.dueDate > end) continue;
    const responsibleId = responsibleOf(entry);
    const responsible = people.get(responsibleId);
    const status = statusOn(entry.dueDate, today);
    const line: DigestLine = { ...entry, status, workingDaysOverdue: workingDaysOverdue(toDayNumber(entry.dueDate), todayDay) };
    if (!responsible || !isMailable(responsible)) {
      unreachable.push(entry);
    } else {
      const d = digestFor(responsible);
      (status === 'overdue' ? d.overdue : status === 'due-today' ? d.dueToday : d.comingUp).push(line);
    }
    if (shouldEscalate(entry, today, policy)) {
      const manager = responsible?.managerId ? people.get(responsible.managerId) : undefined;
      if (manager && isMailable(manager) && manager.id !== responsibleId) {
        digestFor(manager).escalations.push({ ...line, status: 'overdue', responsibleName: responsible!.name });
      }
    }
  }
  return { digests: [...digests.values()].sort((a, b) => (a.recipient.id < b.recipient.id ? -1 : 1)), unreachable };
}
