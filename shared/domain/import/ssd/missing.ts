/**
 * `ssd_missing`: missing episodes, start and end read as London wall-clock
 * times. Episodes of being away from placement without authorisation (type
 * A) are kept as `absence` facts, which Annex A counts: no return home
 * interview is owed for them.
 *
 * The extract says whether a return interview was offered and accepted, not
 * when it took place, so Kept records no `return-home-interview` from it: the
 * interview stays due until someone records its date (inventing one would
 * make every interview look on time). The report counts the rows that say an
 * interview was accepted; whether one was offered and accepted is kept on the
 * episode for Annex A.
 */
import { MISSING_TYPES } from '../codes903.js';
import { londonDayOf, toIsoDate } from '../../dates.js';
import { addFact, type ExtractPlan, readCode } from '../plan.js';
import type { Table } from '../table.js';

export const MISSING_COLUMNS = ['miss_table_id', 'miss_person_id', 'miss_missing_episode_start_date'] as const;

export function mapMissing(table: Table, plan: ExtractPlan): number {
  let accepted = 0;
  for (const row of table.rows) {
    const id = row.text('miss_table_id', true);
    const person = row.text('miss_person_id', true);
    const start = row.instant('miss_missing_episode_start_date', true);
    const end = row.instant('miss_missing_episode_end_date');
    const type = readCode(plan, row, 'miss_missing_episode_type', MISSING_TYPES);
    const rhiOffered = row.flag('miss_missing_rhi_offered');
    const rhiAccepted = row.flag('miss_missing_rhi_accepted');
    if (row.failed || !id || !person || !start) continue;
    if (type === 'absent') {
      const day = toIsoDate(londonDayOf(Date.parse(start)));
      addFact(plan, person, row, `ssd:ssd_missing:${id}`, { type: 'absence', date: day, start }, { start: 'miss_missing_episode_start_date' });
      continue;
    }
    if (rhiAccepted) accepted += 1;
    const fact: Record<string, unknown> = { type: 'missing-episode', start };
    if (end) fact.returned = end;
    if (rhiOffered !== undefined) fact.interviewOffered = rhiOffered;
    if (rhiAccepted !== undefined) fact.interviewAccepted = rhiAccepted;
    addFact(plan, person, row, `ssd:ssd_missing:${id}`, fact, {
      start: 'miss_missing_episode_start_date',
      returned: 'miss_missing_episode_end_date',
      interviewOffered: 'miss_missing_rhi_offered',
      interviewAccepted: 'miss_missing_rhi_accepted',
    });
  }
  return accepted;
}
