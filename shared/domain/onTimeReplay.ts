/**
 * Replaying the reminder engine over a child's history: every due date an
 * obligation had, and the day the work answering it was done. The on-time
 * figures count these, so a figure can never disagree with the reminders
 * practitioners were sent. How the history is read:
 *
 * - An instance of a duty (one due date of one obligation kind) is on time if
 *   the work was done on or before that date. An instance still open at `to`
 *   with its due date on or before `to` is late (no later record can make it
 *   on time).
 * - The due date a piece of work answers is the engine's due date that
 *   morning, given every earlier fact and the other facts dated the same day:
 *   a visit on the day a placement starts is the new placement's first visit
 *   (the engine counts it so afterwards). If the same-day facts end the duty
 *   altogether (the child left care that day), the work is taken as done first,
 *   and answers the due date in force that morning.
 * - An instance that was already overdue when the engine stopped owing it (a
 *   placement change restarted the clock, the child left care or turned 18)
 *   is counted late: the visit did fall due and was not made. One that was
 *   not yet due when replaced is not counted.
 * - Several pieces of work of the same type on one day answer one instance.
 * - Facts dated after `to` are ignored.
 */
import { type Child, type Fact, type FactType, factDate } from './facts.js';
import { type Obligation, computeObligations, nextRecomputeDate } from './obligations.js';
import { type ResolvedPolicy, STATUTORY_POLICY } from './policy.js';

/** An obligation (one or more kinds owed one at a time) and the fact that discharges it. */
export interface Track {
  kinds: readonly string[];
  completedBy: FactType;
}

/** One due date of a track, and the day the work answering it was done (null: not done by `to`, or dropped while overdue). */
export interface DueInstance {
  due: string;
  doneOn: string | null;
}

export const VISITS: Track = { kinds: ['statutory-visit'], completedBy: 'visit' };
export const REVIEWS: Track = { kinds: ['looked-after-review'], completedBy: 'review' };
export const HEALTH_ASSESSMENTS: Track = {
  kinds: ['initial-health-assessment', 'review-health-assessment'],
  completedBy: 'health-assessment',
};

/** A child's facts up to `to`, in date order (stable), with each one's date. */
export interface Chronology {
  facts: Fact[];
  dates: string[];
}

export function chronology(facts: readonly Fact[], to: string): Chronology {
  const dated: { fact: Fact; date: string; at: number }[] = [];
  facts.forEach((fact, at) => {
    const date = factDate(fact);
    if (date <= to) dated.push({ fact, date, at });
  });
  dated.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.at - b.at));
  return { facts: dated.map((d) => d.fact), dates: dated.map((d) => d.date) };
}

/** The earliest due date among a track's kinds (the engine lists each kind once). */
export function dueOf(obligations: readonly Obligation[], kinds: readonly string[]): string | null {
  let due: string | null = null;
  for (const o of obligations) if (kinds.includes(o.kind) && (due === null || o.dueDate < due)) due = o.dueDate;
  return due;
}

/**
 * What `replay` saw, for keeping (#domain/reportEvents): each instance's day
 * (the day replayed when it was counted, parallel to the instances), and at
 * the end of each day replayed, every track's held due date and the
 * obligations owed that evening. With a trace, the step at `to` is left out.
 */
export interface ReplayTrace {
  countedOn: string[][];
  days: Array<{ day: string; held: (string | null)[]; evening: Obligation[] }>;
}

export function replay(child: Child, dated: Chronology, to: string, policy: ResolvedPolicy, tracks: readonly Track[], trace?: ReplayTrace): DueInstance[][] {
  const { facts, dates } = dated;
  const out: DueInstance[][] = tracks.map(() => []);
  if (trace) trace.countedOn = tracks.map(() => []);
  // The due date each track had at the end of the last day replayed.
  const current: (string | null)[] = tracks.map(() => null);
  let evening: Obligation[] = [];
  let recompute: string | null = null;
  let lastDay: string | null = null;

  for (let i = 0; i < facts.length; ) {
    const day = dates[i]!;
    let j = i;
    while (j < facts.length && dates[j] === day) j += 1;
    // Before the day's facts and after them. The engine's answer moves with time alone only at the
    // birthdays `nextRecomputeDate` names (18 ends looked-after duties); between them the morning is last evening.
    const morning = i === 0 ? [] : recompute !== null && recompute <= day ? computeObligations(child, facts.slice(0, i), day, policy) : evening;
    evening = computeObligations(child, facts.slice(0, j), day, policy);
    recompute = nextRecomputeDate(child, day, policy);

    tracks.forEach((track, t) => {
      const list = out[t]!;
      const before = dueOf(morning, track.kinds);
      const held = current[t]!;
      // Overdue, then dropped by the passing of time alone: it fell due and was not done.
      if (held !== null && held < day && before !== held) list.push({ due: held, doneOn: null });

      let done = false;
      let others = false;
      for (let k = i; k < j; k++) {
        if (facts[k]!.type === track.completedBy) done = true;
        else others = true;
      }
      const after = dueOf(evening, track.kinds);
      if (!done) {
        // Other facts replaced an overdue instance: it fell due and was not done.
        if (before !== null && before < day && after !== before) list.push({ due: before, doneOn: null });
        current[t] = after;
        return;
      }
      // The due date the work answers: the morning's, with the day's other facts applied.
      let answers = before;
      if (others) {
        const prefix = facts.slice(0, i);
        for (let k = i; k < j; k++) if (facts[k]!.type !== track.completedBy) prefix.push(facts[k]!);
        answers = dueOf(computeObligations(child, prefix, day, policy), track.kinds);
        if (answers === null) answers = before; // the day's facts ended the duty: the work came first
        else if (before !== null && before < day && answers !== before) list.push({ due: before, doneOn: null });
      }
      if (answers !== null) list.push({ due: answers, doneOn: day });
      current[t] = after;
    });
    if (trace) {
      tracks.forEach((_, t) => {
        for (let k = trace.countedOn[t]!.length; k < out[t]!.length; k++) trace.countedOn[t]!.push(day);
      });
      trace.days.push({ day, held: [...current], evening });
    }
    lastDay = day;
    i = j;
  }
  if (trace) return out;

  // Still open at `to`: late if due by then; not counted yet if due later.
  const final = lastDay === to || (lastDay !== null && (recompute === null || recompute > to)) ? evening : computeObligations(child, facts, to, policy);
  tracks.forEach((track, t) => {
    const list = out[t]!;
    const pending = dueOf(final, track.kinds);
    const held = current[t]!;
    if (held !== null && held < to && pending !== held) list.push({ due: held, doneOn: null });
    if (pending !== null && pending <= to) list.push({ due: pending, doneOn: null });
  });
  return out;
}

/**
 * Every due instance of each track up to `to`, by replaying the engine over the
 * child's facts (given in any order; those after `to` are ignored). Instances
 * due after `to` appear only if already done. See the module comment for how
 * same-day facts and replaced instances are read.
 */
export function replayDueInstances(
  child: Child,
  facts: readonly Fact[],
  to: string,
  policy: ResolvedPolicy = STATUTORY_POLICY,
  tracks: readonly Track[] = [VISITS],
): DueInstance[][] {
  return replay(child, chronology(facts, to), to, policy, tracks);
}
