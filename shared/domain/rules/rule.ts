import type { DayNumber } from '#domain/dates.js';
import { birthday } from '#domain/dates.js';
import type { ChildHistory } from '#domain/history.js';
import type { ResolvedPolicy } from '#domain/policy.js';

import type { AnsweredBy } from '#domain/responsibility.js';

export type { AnsweredBy };

/** One obligation's next due date, and the rule that set it. */
export interface Due {
  answeredBy?: AnsweredBy;
  kind: string;
  due: DayNumber;
  /** For deadlines counted in hours: the UTC instant, ISO 8601. */
  dueAt?: string;
  rule: string;
  /** Something about the record the worker should know, such as a recorded fact the rule could not use. */
  note?: string;
}

export type Rule = (history: ChildHistory, policy: ResolvedPolicy) => Due | null;

/** Says whose rule a date comes from: the statute's, or the council's stricter one. */
export function cite(source: string, text: string, tightened: boolean): string {
  return tightened ? `Council policy, stricter than ${source}: ${text}` : `${source}: ${text}`;
}

/**
 * What a rule says depends only on the council's policy, so it is worded once
 * per policy and kept (a resolved policy never changes). The last policy is
 * remembered as well as the rest, as one council's children come together.
 */
export function perPolicy<T>(word: (policy: ResolvedPolicy) => T): (policy: ResolvedPolicy) => T {
  const worded = new WeakMap<ResolvedPolicy, T>();
  let lastPolicy: ResolvedPolicy | null = null;
  let last: T | undefined;
  return (policy) => {
    if (policy !== lastPolicy) {
      last = worded.get(policy);
      if (last === undefined) {
        last = word(policy);
        worded.set(policy, last);
      }
      lastPolicy = policy;
    }
    return last!;
  };
}

export function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

/** Looked-after duties stop when the child stops being looked after. */
export function lookedAfter(h: ChildHistory): boolean {
  return h.lookedAfter;
}

/**
 * On a series of short breaks (CPPCR 2010 reg 48): regs 5, 7 and 9 do not
 * apply (no health assessment, placement plan or PEP), and visits and reviews
 * follow reg 48(3)(c) and (d) instead of regs 28(2) and 33.
 */
export function onShortBreaks(h: ChildHistory): boolean {
  return h.placement?.arrangement === 'short-breaks';
}

/**
 * A care leaver in Kept's sense: a former eligible child who has left care
 * (a relevant or former relevant child) and is under the adviser age limit.
 */
export function careLeaver(h: ChildHistory, untilAge: number): boolean {
  const e = h.episode;
  if (!e || e.end === null || h.eligibleFrom === null || h.eligibleFrom >= e.end) return false;
  if (e.leftReason === 'died' || e.leftReason === 'adopted') return false;
  return h.today < birthday(h.dateOfBirth, untilAge);
}
