/**
 * `ssd_cla_placement`: each placement's start and end, with the SSDA903
 * placement type mapped to Kept's arrangement and long-term flag (U1 and U4:
 * long-term fostering), and its distance from home in miles where
 * clap_cla_placement_distance gives it; for Annex A, the type as given, the
 * provider, postcode and URN (clap_cla_placement_provider, _postcode, _urn).
 * The child is clap_person_id, or the period of care's.
 */
import { ANNEX_A_VALUES } from '../../facts.js';
import { PLACEMENT_TYPES } from '../codes903.js';
import { addFact, type ExtractPlan, readCode } from '../plan.js';
import type { Table } from '../table.js';
import { annexAValue } from './annexAValue.js';

export const PLACEMENT_COLUMNS = ['clap_cla_placement_id', 'clap_cla_placement_start_date', 'clap_cla_placement_type', 'clap_cla_placement_end_date'] as const;

const T = 'ssd_cla_placement';
const PLACEMENT_CODE = ANNEX_A_VALUES.placementCode.pattern;
const DETAIL_COLUMNS = { code: 'clap_cla_placement_type', provider: 'clap_cla_placement_provider', postcode: 'clap_cla_placement_postcode', urn: 'clap_cla_placement_urn' };

export function mapPlacements(table: Table, plan: ExtractPlan, periods: ReadonlyMap<string, string>): void {
  for (const row of table.rows) {
    const id = row.text('clap_cla_placement_id', true);
    const start = row.date('clap_cla_placement_start_date', true);
    const end = row.date('clap_cla_placement_end_date');
    const type = readCode(plan, row, 'clap_cla_placement_type', PLACEMENT_TYPES, true);
    const period = row.text('clap_cla_id');
    let person = row.text('clap_person_id');
    if (person === undefined && period !== undefined) person = periods.get(period);
    if (person === undefined) row.problem(period ? 'clap_cla_id' : 'clap_person_id', period ? `${period} matches no clae_cla_id in ssd_cla_episodes` : 'is required');
    if (start && end && end < start) row.problem('clap_cla_placement_end_date', 'must not be before clap_cla_placement_start_date');
    if (row.failed || !id || !start || !type || !person) continue;
    const columns = { date: 'clap_cla_placement_start_date', placementId: 'clap_cla_placement_id' };
    const distance = row.text('clap_cla_placement_distance');
    const distanceMiles = distance === undefined ? undefined : Number(distance);
    if (distanceMiles !== undefined && !(Number.isFinite(distanceMiles) && distanceMiles >= 0)) {
      row.problem('clap_cla_placement_distance', 'must be a distance in miles, such as 3.2');
      continue;
    }
    const typeText = row.text('clap_cla_placement_type')?.trim().toUpperCase();
    const given = {
      // An unknown type is already listed by readCode; one that is not even code-shaped is simply left out.
      code: typeText && PLACEMENT_CODE.test(typeText) ? typeText : undefined,
      provider: annexAValue(plan, row, 'clap_cla_placement_provider', 'provider'),
      postcode: annexAValue(plan, row, 'clap_cla_placement_postcode', 'postcode'),
      urn: annexAValue(plan, row, 'clap_cla_placement_urn', 'urn'),
    };
    const details = Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined));
    const started = { type: 'placement-started', date: start, placementId: id, longTerm: type.longTerm, arrangement: type.arrangement, ...(distanceMiles === undefined ? {} : { distanceMiles }), ...details };
    addFact(plan, person, row, `ssd:${T}:${id}:started`, started, { ...columns, distanceMiles: 'clap_cla_placement_distance', ...DETAIL_COLUMNS });
    if (end) addFact(plan, person, row, `ssd:${T}:${id}:ended`, { type: 'placement-ended', date: end, placementId: id }, { ...columns, date: 'clap_cla_placement_end_date' });
  }
}
