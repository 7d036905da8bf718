/**
 * A child's report summary: what the council-wide reports (on-time figures,
 * review dates, Annex A) read of the child, kept up to date with each write
 * of the child's projection, so a report is one paged read of these instead
 * of a replay of every history read one child at a time.
 *
 * Version 1 holds the effective facts (corrections applied, withdrawn facts
 * and the corrections left out), in the order the store keeps the history,
 * without who recorded them or when: the figures then come from the same
 * pure functions as before, over the same facts, so a report read from
 * summaries is the report read from histories. What the figures compute
 * depends on the period asked for and on today (an obligation open today may
 * be late tomorrow), so the facts are kept rather than figures worked out on
 * the day of the write. A figure that can be kept whole (a per-child count
 * that does not move with the day) is a new field, with a new version:
 * summaries of an older version are read as missing, and the report reads
 * that child's history instead until the child's projection is written again.
 */
import { effectiveFacts } from './corrections.js';
import type { Fact } from './facts.js';

export const REPORT_SUMMARY_VERSION = 1;

export interface ReportSummary {
  version: number;
  facts: Fact[];
}

/** A fact as the store holds it; `recordedAt` orders the history as the store reads it back. */
export interface SummaryEntry {
  id?: string;
  recordedAt?: string;
  fact: Fact;
}

/**
 * Pure: the summary of a child's facts given in any order. Entries are put
 * in the history's order (by `recordedAt`, then as given: the store's sort
 * key is the time recorded, then the order written), so the facts are those a
 * later read of the history gives, in the same order.
 */
export function reportSummary(entries: ReadonlyArray<SummaryEntry>): ReportSummary {
  const ordered = entries
    .map((entry, at) => ({ entry, at }))
    .sort((a, b) => {
      const x = a.entry.recordedAt ?? '';
      const y = b.entry.recordedAt ?? '';
      return x < y ? -1 : x > y ? 1 : a.at - b.at;
    })
    .map((o) => o.entry);
  return { version: REPORT_SUMMARY_VERSION, facts: effectiveFacts(ordered) };
}

/** A summary written by this code: any other version is read as missing. */
export function currentSummary(summary: ReportSummary | undefined): summary is ReportSummary {
  return summary?.version === REPORT_SUMMARY_VERSION && Array.isArray(summary.facts);
}
