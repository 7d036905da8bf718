/**
 * `ssd_cla_reviews`: looked-after reviews, with the participation code (PN0 to
 * PN7). A review reaches its child through the period of care (clar_cla_id to
 * ssd_cla_episodes' clae_cla_id). A held review becomes a `review` fact.
 * The case system's own due date (clar_cla_review_due_date) becomes a
 * `case-system-review-due` fact, held or not, so leads can compare it with
 * the statutory date Kept works out. Cancelled reviews are skipped.
 */
import { PARTICIPATION } from '../codes903.js';
import { addFact, type ExtractPlan, readCode, skip } from '../plan.js';
import type { Table } from '../table.js';

export const REVIEW_COLUMNS = ['clar_cla_review_id', 'clar_cla_id', 'clar_cla_review_date'] as const;

export function mapReviews(table: Table, plan: ExtractPlan, periods: ReadonlyMap<string, string>): void {
  for (const row of table.rows) {
    const id = row.text('clar_cla_review_id', true);
    const period = row.text('clar_cla_id', true);
    const date = row.date('clar_cla_review_date');
    const due = row.date('clar_cla_review_due_date');
    const cancelled = row.flag('clar_cla_review_cancelled');
    const participation = readCode(plan, row, 'clar_cla_review_participation', PARTICIPATION);
    const person = period === undefined ? undefined : periods.get(period);
    if (period !== undefined && person === undefined) row.problem('clar_cla_id', `${period} matches no clae_cla_id in ssd_cla_episodes`);
    if (row.failed || !id || !person) continue;
    if (cancelled) {
      skip(plan, row, 'the review was cancelled');
      continue;
    }
    if (due) {
      addFact(plan, person, row, `ssd:ssd_cla_reviews:${id}:due`, { type: 'case-system-review-due', date: due, ...(date ? { held: date } : {}) }, { date: 'clar_cla_review_due_date', held: 'clar_cla_review_date' });
    }
    if (!date) {
      if (!due) skip(plan, row, 'the review has not been held and has no due date (no clar_cla_review_date or clar_cla_review_due_date)');
      continue;
    }
    const fact: Record<string, unknown> = { type: 'review', date };
    if (participation !== undefined && participation !== null) fact.childParticipated = participation;
    addFact(plan, person, row, `ssd:ssd_cla_reviews:${id}`, fact, { date: 'clar_cla_review_date' });
  }
}
