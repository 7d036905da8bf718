/**
 * A council's own rules (not statutory), from its policy: for example a CSE
 * risk assessment for every child from 11, or a health passport by 18.
 * Work done under one is recorded as a `local-task` fact of the same kind.
 *
 * A rule may instead start from an event: `afterFact` (a health passport
 * within 20 working days of leaving care: due that long after the latest
 * fact of the type, until a task is recorded on or after that fact's day) or
 * `betweenFacts` (an IRO visit between reviews: after each fact of the type,
 * a task falls due midway to the next one's due date, or an interval after
 * it; a task recorded after that fact answers it).
 */
import { type DayNumber, addMonths, birthday } from '#domain/dates.js';
import { addWorkingDays } from '#domain/workingDays.js';
import type { ChildHistory } from '#domain/history.js';
import { type Interval, type LocalRule, NEXT_DUE_OF, type ResolvedPolicy } from '#domain/policy.js';
import { type Due, careLeaver, lookedAfter, perPolicy } from './rule.js';

const says = perPolicy((p) => new Map(p.localRules.map((r) => [r, `Local policy: ${r.title}`])));

function after(day: DayNumber, i: Interval): DayNumber {
  if (i.days !== undefined) return day + i.days;
  if (i.workingDays !== undefined) return addWorkingDays(day, i.workingDays);
  return addMonths(day, i.months!);
}

/** The due date of a statutory kind, from the engine's answer for the same child and day. */
export type NextDue = (kind: string) => DayNumber | null;

/** A rule that starts from an event: its due day, or null when nothing is owed. */
function fromEvent(rule: LocalRule, h: ChildHistory, nextDue: NextDue): DayNumber | null {
  const last = h.localTasks.get(rule.kind);
  if (rule.afterFact) {
    const event = h.lastFactOn.get(rule.afterFact.type);
    if (event === undefined || (last !== undefined && last >= event)) return null;
    return after(event, rule.afterFact.within);
  }
  const between = rule.betweenFacts!;
  const event = h.lastFactOn.get(between.type);
  if (event === undefined || (last !== undefined && last > event)) return null;
  if (between.at !== 'midpoint') return after(event, between.at);
  const next = nextDue(NEXT_DUE_OF[between.type]!);
  // With no next one dated (the duty has ended), there is no gap to visit in.
  if (next === null || next <= event) return null;
  return event + Math.floor((next - event) / 2);
}

export function localRuleDue(rule: LocalRule, h: ChildHistory, policy: ResolvedPolicy, nextDue: NextDue = () => null): Due | null {
  const forLeavers = rule.appliesTo === 'care-leaver';
  const active = forLeavers ? careLeaver(h, policy.personalAdviser.untilAge) : lookedAfter(h);
  if (!active || !h.episode) return null;
  if (rule.afterFact || rule.betweenFacts) {
    const due = fromEvent(rule, h, nextDue);
    if (due === null) return null;
    if (rule.fromAge !== undefined && due < birthday(h.dateOfBirth, rule.fromAge)) return null;
    if (rule.untilAge !== undefined && due >= birthday(h.dateOfBirth, rule.untilAge)) return null;
    return { kind: rule.kind, due, rule: says(policy).get(rule) ?? `Local policy: ${rule.title}` };
  }
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
