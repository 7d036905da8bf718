/**
 * The due-date engine: a child's facts, the council's policy and today's
 * date in; each obligation's next due date, and the rule behind it, out.
 * Pure: no clock, no I/O.
 */
import * as z from 'zod/mini';
import { type DayNumber, addMonths, birthday, toDayNumber, toIsoDate } from './dates.js';
import { type Child, type Fact, childSchema, factSchema } from './facts.js';
import { type ChildHistory, foldHistory } from './history.js';
import { type ResolvedPolicy, STATUTORY_POLICY, policySchema, resolvePolicy } from './policy.js';
import { isoDate, parseOrThrow } from './validation.js';
import type { AnsweredBy, Due } from './rules/rule.js';
import { complaintResponse } from './rules/complaint.js';
import { iroAlertResponse } from './rules/iroAlert.js';
import { statutoryVisit } from './rules/statutoryVisit.js';
import { lookedAfterReview } from './rules/lookedAfterReview.js';
import { carePlan } from './rules/carePlan.js';
import { placementPlan } from './rules/placementPlan.js';
import { permanencePlan } from './rules/permanencePlan.js';
import { pep } from './rules/pep.js';
import { initialHealthAssessment, reviewHealthAssessment } from './rules/healthAssessment.js';
import { dentalCheck } from './rules/dentalCheck.js';
import { sdq } from './rules/sdq.js';
import { returnHomeInterview } from './rules/returnHomeInterview.js';
import { pathwayPlan, pathwayPlanReview } from './rules/pathwayPlan.js';
import { personalAdviserContact } from './rules/personalAdviserContact.js';
import { RETURN_AGES, careLeaverReturn } from './rules/careLeaverReturn.js';
import { localRuleDue } from './rules/localRules.js';

/** Kinds owed only while a child is looked after (the pathway plan carries on after care). */
const LOOKED_AFTER_ONLY = new Set([
  'statutory-visit', 'looked-after-review', 'care-plan', 'placement-plan', 'permanence-plan', 'pep',
  'initial-health-assessment', 'review-health-assessment', 'dental-check', 'sdq', 'return-home-interview',
]);

export type ObligationStatus = 'overdue' | 'due-today' | 'upcoming';

export interface Obligation {
  kind: string;
  dueDate: string;
  dueAt?: string;
  status: ObligationStatus;
  rule: string;
  /** Something about the record the worker should know, such as a recorded fact the rule could not use. */
  note?: string;
  /** Who answers for it when the fact that opened it says so (a complaint's officer, an IRO alert's stage); else the team map decides. */
  answeredBy?: AnsweredBy;
}

export type { AnsweredBy };

export function statusOn(dueDate: string, today: string): ObligationStatus {
  return dueDate < today ? 'overdue' : dueDate === today ? 'due-today' : 'upcoming';
}

function keep(found: Due[], h: ChildHistory, due: Due | null): void {
  // No one is looked after past 18: a looked-after duty falling due later will never be owed.
  if (due !== null && !(h.lookedAfter && due.due >= h.eighteenth && LOOKED_AFTER_ONLY.has(due.kind))) found.push(due);
}

/** Soonest first, then by kind: an insertion sort, as a child has a dozen obligations at most. */
function sortDue(found: Due[]): void {
  for (let k = 1; k < found.length; k++) {
    const d = found[k]!;
    let j = k - 1;
    while (j >= 0 && (found[j]!.due > d.due || (found[j]!.due === d.due && found[j]!.kind > d.kind))) {
      found[j + 1] = found[j]!;
      j -= 1;
    }
    found[j + 1] = d;
  }
}

function statusOfDay(due: DayNumber, today: DayNumber): ObligationStatus {
  return due < today ? 'overdue' : due === today ? 'due-today' : 'upcoming';
}

/** Every obligation that is still to do, soonest first, each kind once. */
export function computeObligations(
  child: Child,
  facts: readonly Fact[],
  today: string,
  policy: ResolvedPolicy = STATUTORY_POLICY,
): Obligation[] {
  const h = foldHistory(child, facts, today, policy.localRules.length > 0);
  // Each rule called by name, so every call site sees one function.
  const found: Due[] = [];
  const p = policy;
  keep(found, h, statutoryVisit(h, p));
  keep(found, h, lookedAfterReview(h, p));
  keep(found, h, carePlan(h, p));
  keep(found, h, placementPlan(h, p));
  keep(found, h, permanencePlan(h, p));
  keep(found, h, pep(h, p));
  keep(found, h, initialHealthAssessment(h, p));
  keep(found, h, reviewHealthAssessment(h, p));
  keep(found, h, dentalCheck(h, p));
  keep(found, h, sdq(h, p));
  keep(found, h, returnHomeInterview(h, p));
  keep(found, h, pathwayPlan(h, p));
  keep(found, h, pathwayPlanReview(h, p));
  keep(found, h, personalAdviserContact(h, p));
  keep(found, h, careLeaverReturn(h, p));
  keep(found, h, complaintResponse(h, p));
  keep(found, h, iroAlertResponse(h, p));
  if (policy.localRules.length > 0) {
    const statutory = found.slice();
    const nextDue = (kind: string) => statutory.find((d) => d.kind === kind)?.due ?? null;
    for (const local of policy.localRules) {
      const due = localRuleDue(local, h, policy, nextDue);
      if (due) found.push(due);
    }
  }
  sortDue(found);
  const out = new Array<Obligation>(found.length);
  for (let i = 0; i < found.length; i++) {
    const d = found[i]!;
    const dueDate = toIsoDate(d.due);
    const status = statusOfDay(d.due, h.today);
    const o: Obligation = d.dueAt ? { kind: d.kind, dueDate, dueAt: d.dueAt, status, rule: d.rule } : { kind: d.kind, dueDate, status, rule: d.rule };
    if (d.note !== undefined) o.note = d.note;
    if (d.answeredBy !== undefined) o.answeredBy = d.answeredBy;
    out[i] = o;
  }
  return out;
}

/** What the `due` command reads. */
export const dueRequestSchema = z.strictObject({
  today: isoDate,
  child: childSchema,
  policy: z.optional(policySchema),
  facts: z.array(factSchema),
});
export type DueRequest = z.output<typeof dueRequestSchema>;

export interface DueReport {
  childId: string;
  today: string;
  obligations: Obligation[];
}

/** Validates a request (throwing `InvalidInput` naming each bad field) and answers it. */
export function answerDueRequest(input: unknown): DueReport {
  const request = parseOrThrow(dueRequestSchema, input);
  const policy = request.policy ? resolvePolicy(request.policy) : STATUTORY_POLICY;
  return {
    childId: request.child.id,
    today: request.today,
    obligations: computeObligations(request.child, request.facts, request.today, policy),
  };
}

/**
 * The engine's answer changes with the passing of time, not only with new
 * facts, at a few birthdays: 14 (the pathway-plan count starts), 18 (no one
 * is looked after past it), the end of the adviser duty, and the day after
 * each birthday return's window closes (17 to 21). The store keeps
 * this date so a morning sweep can recompute a child whose answer has moved.
 */
export function nextRecomputeDate(child: Child, today: string, policy: ResolvedPolicy = STATUTORY_POLICY): string | null {
  const dob = toDayNumber(child.dateOfBirth);
  const todayDay = toDayNumber(today);
  const windowsClosed = RETURN_AGES.map((age) => addMonths(birthday(dob, age), 1) + 1);
  const thresholds = [...[14, 18, policy.personalAdviser.untilAge].map((age) => birthday(dob, age)), ...windowsClosed].filter((d) => d > todayDay);
  return thresholds.length ? toIsoDate(Math.min(...thresholds)) : null;
}
