/**
 * A council's settings as the services use them: its name, its statutory
 * policy (validated, tightenings laid over the statute) and its reminder
 * policy. Read from the store and kept for a minute per warm function.
 */
import type { CouncilStore } from '#store/ports/councils.js';
import type { Projector } from '#store/ports/cases.js';
import { effectiveFacts } from '#domain/corrections.js';
import { type ResolvedPolicy, policySchema, resolvePolicy } from '#domain/policy.js';
import { type ReminderPolicy, reminderPolicySchema } from '#domain/reminders.js';
import { parseOrThrow } from '#domain/validation.js';
import { computeObligations, nextRecomputeDate } from '#domain/obligations.js';

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
  };
  held.set(councilId, { at: nowMs, council });
  return council;
}

export function forgetCouncils(): void {
  cache = new WeakMap();
}

/** The projection function the store applies when a child's facts change. */
export function projector(policy: ResolvedPolicy, today: string): Projector {
  return (child, entries) => {
    const subject = { id: child.id, dateOfBirth: child.dateOfBirth };
    return { obligations: computeObligations(subject, effectiveFacts(entries), today, policy), refreshOn: nextRecomputeDate(subject, today, policy) };
  };
}
