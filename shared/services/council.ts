/**
 * A council's settings as the services use them: its name, its statutory
 * policy (validated, tightenings laid over the statute) and its reminder
 * policy. Read from the store and kept for a minute per warm function.
 */
import type { KeptStore } from '#store/keptStore.js';
import { type ResolvedPolicy, policySchema, resolvePolicy } from '#domain/policy.js';
import { type ReminderPolicy, reminderPolicySchema } from '#domain/reminders.js';
import { parseOrThrow } from '#domain/validation.js';
import { computeObligations, nextRecomputeDate } from '#domain/obligations.js';
import type { ChildRecord } from '#domain/people.js';
import type { Fact } from '#domain/facts.js';
import type { Projection } from '#store/keptStore.js';

export interface Council {
  id: string;
  name: string;
  policy: ResolvedPolicy;
  reminders: ReminderPolicy;
  /** Local rule titles by kind, for labels in email and calendars. */
  titles: Map<string, string>;
  outOfHoursPhone?: string;
  pledge: Array<{ id: string; text: string }>;
}

const cache = new Map<string, { at: number; council: Council }>();

export async function loadCouncil(store: KeptStore, councilId: string, nowMs = Date.now()): Promise<Council> {
  const hit = cache.get(`${store.tableName}/${councilId}`);
  if (hit && nowMs - hit.at < 60_000) return hit.council;
  const settings = await store.getCouncil(councilId);
  const policy = resolvePolicy(parseOrThrow(policySchema, settings?.policy ?? {}, 'policy'));
  const council: Council = {
    id: councilId,
    name: settings?.name ?? councilId,
    policy,
    reminders: parseOrThrow(reminderPolicySchema, settings?.reminders ?? {}, 'reminders'),
    titles: new Map(policy.localRules.map((r) => [r.kind, r.title])),
    outOfHoursPhone: settings?.outOfHoursPhone,
    pledge: settings?.pledge ?? [],
  };
  cache.set(`${store.tableName}/${councilId}`, { at: nowMs, council });
  return council;
}

export function forgetCouncils(): void {
  cache.clear();
}

/** The projection function the store applies when a child's facts change. */
export function projector(policy: ResolvedPolicy, today: string) {
  return (child: ChildRecord, facts: Fact[]): Projection => {
    const subject = { id: child.id, dateOfBirth: child.dateOfBirth };
    return { obligations: computeObligations(subject, facts, today, policy), refreshOn: nextRecomputeDate(subject, today, policy) };
  };
}
