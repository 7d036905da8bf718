/**
 * Where the case system's review dates and Kept's statutory ones disagree.
 * The case system's date comes from `case-system-review-due` facts (the SSD
 * import writes one per review row); Kept's is the engine's, replayed:
 *
 * - A held review is compared with the due date Kept's replay says that
 *   review answered (the review held that day). Only reviews held on or
 *   after `since` are compared, so an old disagreement does not fill the list.
 * - The next review is the case system's earliest unheld review due after the
 *   last review held, compared with the looked-after review Kept owes today.
 *   A child the case system gives no next date for is not listed: a council
 *   whose extract leaves scheduled reviews out would otherwise see everyone.
 * - A held review with no earlier review on record in its period of care is
 *   marked `firstOnRecord`: Kept counts it as the first review (20 working
 *   days from coming into care), so when an extract starts after the child
 *   came into care the difference says more about the extract than the date.
 */
import type { Child, Fact, FactOf } from './facts.js';
import { toDayNumber, toIsoDate } from './dates.js';
import { computeObligations } from './obligations.js';
import { REVIEWS, dueOf, replayDueInstances } from './onTimeReplay.js';
import type { ResolvedPolicy } from './policy.js';
import { EVENT_TRACKS, type ReportEvents, owedOn } from './reportEvents.js';

/** The reviews' place among the tracks the report events keep. */
const REVIEW_TRACK = EVENT_TRACKS.indexOf(REVIEWS);

export interface ReviewDateDifference {
  /** The day the review was held, or null for the next review. */
  held: string | null;
  caseSystemDue: string;
  /** Kept's statutory date; null when Kept has no review due (for example, not looked after that day). */
  keptDue: string | null;
  /** Calendar days from Kept's date to the case system's: positive when the case system's is later. */
  daysLater: number | null;
  /** A held review with no earlier review on record since the child last came into care. */
  firstOnRecord: boolean;
}

export function reviewDateDifferences(child: Child, facts: readonly Fact[], policy: ResolvedPolicy, today: string, since: string): ReviewDateDifference[] {
  const caseSystem = facts.filter((f): f is FactOf<'case-system-review-due'> => f.type === 'case-system-review-due');
  if (caseSystem.length === 0) return [];
  const out: ReviewDateDifference[] = [];

  const heldRows = caseSystem.filter((f) => f.held !== undefined && f.held >= since && f.held <= today);
  if (heldRows.length > 0) {
    const [instances] = replayDueInstances(child, facts, today, policy, [REVIEWS]) as [{ due: string; doneOn: string | null }[]];
    for (const row of heldRows) {
      const answered = instances.find((i) => i.doneOn === row.held);
      const keptDue = answered?.due ?? null;
      if (keptDue !== row.date) out.push(difference(row.held!, row.date, keptDue, firstOnRecord(facts, row.held!)));
    }
  }

  const next = caseSystemNextReview(facts, today);
  if (next !== null) {
    const keptDue = dueOf(computeObligations(child, facts, today, policy), REVIEWS.kinds);
    if (keptDue !== next) out.push(difference(null, next, keptDue, false));
  }
  // Held reviews in date order, then the next one.
  return out.sort((a, b) => (a.held ?? '9999-12-31').localeCompare(b.held ?? '9999-12-31'));
}

/**
 * The same, from the child's report events (#domain/reportEvents), or null
 * when they cannot say: the child has facts dated after `today`, which Kept's
 * date for the next review reads, so the list reads the facts instead.
 */
export function reviewDateDifferencesFromEvents(events: ReportEvents, today: string, since: string): ReviewDateDifference[] | null {
  if (events.caseSystem.length === 0) return [];
  const end = toDayNumber(today);
  const start = toDayNumber(since);
  if (events.lastDate !== null && events.lastDate > end) return null;
  const iso = (day: number | null) => (day === null ? null : toIsoDate(day));
  const out: ReviewDateDifference[] = [];
  const reviews = events.instances[REVIEW_TRACK]!;
  for (const [due, held] of events.caseSystem) {
    if (held === null || held < start || held > end) continue;
    const keptDue = reviews.find(([, doneOn]) => doneOn === held)?.[0] ?? null;
    if (keptDue === due) continue;
    let cameIntoCare = -Infinity;
    for (const d of events.cameIntoCare) if (d <= held && d > cameIntoCare) cameIntoCare = d;
    out.push(difference(iso(held), iso(due)!, iso(keptDue), !events.reviews.some((d) => d < held && d >= cameIntoCare)));
  }
  let lastHeld = -Infinity;
  for (const d of events.reviews) if (d <= end && d > lastHeld) lastHeld = d;
  let next: number | null = null;
  for (const [due, held] of events.caseSystem) if (held === null && due > lastHeld && (next === null || due < next)) next = due;
  if (next !== null) {
    const keptDue = owedOn(events, REVIEW_TRACK, end);
    if (keptDue !== next) out.push(difference(null, iso(next)!, iso(keptDue), false));
  }
  return out.sort((a, b) => (a.held ?? '9999-12-31').localeCompare(b.held ?? '9999-12-31'));
}

/** The case system's date for the next review: its earliest unheld review due after the last review held, or null. */
export function caseSystemNextReview(facts: readonly Fact[], today: string): string | null {
  let lastHeld = '';
  for (const f of facts) if (f.type === 'review' && f.date <= today && f.date > lastHeld) lastHeld = f.date;
  let next: string | null = null;
  for (const f of facts) if (f.type === 'case-system-review-due' && f.held === undefined && f.date > lastHeld && (next === null || f.date < next)) next = f.date;
  return next;
}

function difference(held: string | null, caseSystemDue: string, keptDue: string | null, first: boolean): ReviewDateDifference {
  return { held, caseSystemDue, keptDue, daysLater: keptDue === null ? null : toDayNumber(caseSystemDue) - toDayNumber(keptDue), firstOnRecord: first };
}

function firstOnRecord(facts: readonly Fact[], held: string): boolean {
  let cameIntoCare = '';
  for (const f of facts) if (f.type === 'entered-care' && f.date <= held && f.date > cameIntoCare) cameIntoCare = f.date;
  return !facts.some((f) => f.type === 'review' && f.date < held && f.date >= cameIntoCare);
}
