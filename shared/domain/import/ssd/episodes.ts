/**
 * `ssd_cla_episodes`: entering and leaving care. An episode that starts a
 * period of care (start reason S, or where the reason is not given, the
 * period's first episode) gives `entered-care`; an episode ceased for any
 * reason but X1 gives `left-care` with the SSDA903 reason mapped to Kept's.
 * Also tells the other tables which child each period of care (clae_cla_id)
 * belongs to: reviews reach their child only that way. The period's category
 * of need (clae_cla_primary_need_code) goes with `entered-care`, for Annex A,
 * and the IRO's last visit or contact (clae_cla_last_iro_contact_date, optional)
 * is an `iro-contact`.
 */
import { REASON_CEASED } from '../codes903.js';
import { addFact, type ExtractPlan, readCode } from '../plan.js';
import type { Row, Table } from '../table.js';
import { annexAValue } from './annexAValue.js';

export const EPISODE_COLUMNS = [
  'clae_cla_episode_id', 'clae_person_id', 'clae_cla_episode_start_date', 'clae_cla_episode_ceased_date', 'clae_cla_episode_ceased_reason', 'clae_cla_id',
] as const;

const T = 'ssd_cla_episodes';

/** Maps the episodes; returns each period of care's child (clae_cla_id to clae_person_id). */
export function mapEpisodes(table: Table, plan: ExtractPlan): Map<string, string> {
  const periods = new Map<string, string>();
  const read: Array<{ row: Row; id: string; person: string; period: string; start: string; reason?: string; need?: string; ceased?: string; left?: string | null; iro?: string }> = [];
  for (const row of table.rows) {
    const id = row.text('clae_cla_episode_id', true);
    const person = row.text('clae_person_id', true);
    const start = row.date('clae_cla_episode_start_date', true);
    const reason = row.text('clae_cla_episode_start_reason');
    const need = annexAValue(plan, row, 'clae_cla_primary_need_code', 'needCode');
    const ceased = row.date('clae_cla_episode_ceased_date');
    const iro = row.date('clae_cla_last_iro_contact_date');
    const left = readCode(plan, row, 'clae_cla_episode_ceased_reason', REASON_CEASED);
    if (ceased && left === undefined && !row.failed) row.problem('clae_cla_episode_ceased_reason', 'is required when the episode has ceased');
    if (ceased && start && ceased < start) row.problem('clae_cla_episode_ceased_date', 'must not be before clae_cla_episode_start_date');
    const period = row.text('clae_cla_id') ?? `person:${person}`;
    if (row.failed || !id || !person || !start) continue;
    const owner = periods.get(period);
    if (owner !== undefined && owner !== person) {
      row.problem('clae_cla_id', `period of care ${period} belongs to ${owner} on another row, not ${person}`);
      continue;
    }
    periods.set(period, person);
    read.push({ row, id, person, period, start, reason: reason?.toUpperCase(), need, ceased, left, iro });
  }
  const firstOfPeriod = new Map<string, string>();
  for (const e of read) {
    const first = firstOfPeriod.get(e.period);
    if (first === undefined || e.start < first) firstOfPeriod.set(e.period, e.start);
  }
  for (const e of read) {
    const starts = e.reason !== undefined ? e.reason === 'S' : firstOfPeriod.get(e.period) === e.start;
    if (starts) addFact(plan, e.person, e.row, `ssd:${T}:${e.id}:entered`, { type: 'entered-care', date: e.start, ...(e.need ? { needCode: e.need } : {}) }, { date: 'clae_cla_episode_start_date', needCode: 'clae_cla_primary_need_code' });
    if (e.iro) addFact(plan, e.person, e.row, `ssd:${T}:${e.id}:iro-contact`, { type: 'iro-contact', date: e.iro }, { date: 'clae_cla_last_iro_contact_date' });
    if (e.ceased && e.left) {
      addFact(plan, e.person, e.row, `ssd:${T}:${e.id}:left`, { type: 'left-care', date: e.ceased, reason: e.left }, { date: 'clae_cla_episode_ceased_date' });
    }
  }
  return periods;
}
