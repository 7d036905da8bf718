/**
 * A council's settings as the services use them: its name, its statutory
 * policy (validated, tightenings laid over the statute) and its reminder
 * policy. Read from the store and kept for a minute per warm function.
 */
import type { CouncilSettings, CouncilStore } from '#store/ports/councils.js';
import type { Projector } from '#store/ports/cases.js';
import { effectiveFacts } from '#domain/corrections.js';
import { type ResolvedPolicy, policySchema, resolvePolicy } from '#domain/policy.js';
import { type ReminderPolicy, reminderPolicySchema } from '#domain/reminders.js';
import { parseOrThrow } from '#domain/validation.js';
import { computeObligations, nextRecomputeDate } from '#domain/obligations.js';
import { managerLookup, responsibleForItem } from '#domain/responsibility.js';
import { type Staff, teamOfChild } from '#domain/people.js';
import { ageOn, toDayNumber } from '#domain/dates.js';
import { reportSummary } from '#domain/reportSummary.js';
import { reportEvents } from '#domain/reportEvents.js';

export interface Council {
  id: string;
  name: string;
  policy: ResolvedPolicy;
  reminders: ReminderPolicy;
  /** Local rule titles by kind, for labels in email and calendars. */
  titles: Map<string, string>;
  outOfHoursPhone?: string;
  pledge: Array<{ id: string; text: string }>;
  dataProtection?: CouncilSettings['dataProtection'];
  accessibilityContact?: CouncilSettings['accessibilityContact'];
}

/** Per store (a warm function's, or each test's), per council. */
let cache = new WeakMap<object, Map<string, { at: number; council: Council }>>();

export async function loadCouncil(councils: Pick<CouncilStore, 'getCouncil'>, councilId: string, nowMs = Date.now()): Promise<Council> {
  let held = cache.get(councils);
  if (!held) cache.set(councils, (held = new Map<string, { at: number; council: Council }>()));
  const hit = held.get(councilId);
  if (hit && nowMs - hit.at < 60_000) return hit.council;
  const settings = await councils.getCouncil(councilId);
  const policy = resolvePolicy(parseOrThrow(policySchema, settings?.policy ?? {}, 'policy'));
  const council: Council = {
    id: councilId,
    name: settings?.name ?? councilId,
    policy,
    reminders: parseOrThrow(reminderPolicySchema, settings?.reminders ?? {}, 'reminders'),
    titles: new Map(policy.localRules.map((r) => [r.kind, r.title])),
    outOfHoursPhone: settings?.outOfHoursPhone,
    pledge: settings?.pledge ?? [],
    dataProtection: settings?.dataProtection,
    accessibilityContact: settings?.accessibilityContact,
  };
  held.set(councilId, { at: nowMs, council });
  return council;
}

export function forgetCouncils(): void {
  cache = new WeakMap();
}

/**
 * The projection function the store applies when a child's facts or team
 * change: what is due, and who answers for each item. `staff` (the
 * council's) lets an item that goes up the line of management (an IRO
 * alert) reach the right manager; without it the social worker answers.
 * With them, the child's report summary and report events, written in the
 * same transaction.
 */
export function projector(policy: ResolvedPolicy, today: string, staff: ReadonlyArray<Pick<Staff, 'id' | 'managerId'>> = []): Projector {
  const day = toDayNumber(today);
  const managerOf = managerLookup(staff);
  return (child, entries) => {
    const subject = { id: child.id, dateOfBirth: child.dateOfBirth };
    const team = teamOfChild(child);
    const age = ageOn(toDayNumber(child.dateOfBirth), day);
    const obligations = computeObligations(subject, effectiveFacts(entries), today, policy).map((o) => ({
      ...o,
      ...responsibleForItem(o, team, age, policy.responsibility, managerOf),
    }));
    const summary = reportSummary(entries);
    return { obligations, refreshOn: nextRecomputeDate(subject, today, policy), summary, events: reportEvents(subject, summary.facts, policy) };
  };
}
