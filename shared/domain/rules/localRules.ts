/**
 * A council's own rules (not statutory), from its policy: for example a CSE
 * risk assessment for every child from 11, or a health passport by 18.
 * Work done under one is recorded as a `local-task` fact of the same kind.
 */
import { type DayNumber, addMonths, birthday } from '#domain/dates.js';
import { addWorkingDays } from '#domain/workingDays.js';
import type { ChildHistory } from '#domain/history.js';
import type { Interval, LocalRule, ResolvedPolicy } from '#domain/policy.js';
import { type Due, careLeaver, lookedAfter, perPolicy } from './rule.js';

const says = perPolicy((p) => new Map(p.localRules.map((r) => [r, `Local policy: ${r.title}`])));

function after(day: DayNumber, i: Interval): DayNumber {
  if (i.days !== undefined) return day + i.days;
  if (i.workingDays !== undefined) return addWorkingDays(day, i.workingDays);
  return addMonths(day, i.months!);
}

export function localRuleDue(rule: LocalRule, h: ChildHistory, policy: ResolvedPolicy): Due | null {
  const forLeavers = rule.appliesTo === 'care-leaver';
  const active = forLeavers ? careLeaver(h, policy.personalAdviser.untilAge) : lookedAfter(h);
  if (!active || !h.episode) return null;
  const statusFrom = forLeavers ? h.episode.end! : h.episode.start;
  const from = Math.max(statusFrom, birthday(h.dateOfBirth, rule.fromAge ?? 0));
  const last = h.localTasks.get(rule.kind);
  let due: DayNumber;
  // Work done before the rule applies (before entering that status, or before
  // `fromAge`) does not count: a task done at 7 under a rule "from age 11"
  // used to put the next one due at 7 and a half.
  if (last === undefined || last < from) {
    due = rule.byAge !== undefined ? birthday(h.dateOfBirth, rule.byAge) : after(from, rule.firstWithin!);
  } else if (rule.every) {
    due = after(last, rule.every);
  } else {
    return null;
  }
  if (rule.untilAge !== undefined && due >= birthday(h.dateOfBirth, rule.untilAge)) return null;
  return { kind: rule.kind, due, rule: says(policy).get(rule) ?? `Local policy: ${rule.title}` };
}
