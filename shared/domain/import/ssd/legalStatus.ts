/**
 * `ssd_legal_status`: each legal status and the day it began, a
 * `legal-status` fact for Annex A's legal status and its date (the latest
 * wins). Case systems may write a description instead of the SSDA903 code
 * (SystemC's script does): such a value is left out and listed, as an
 * unknown code is.
 */
import { addFact, type ExtractPlan } from '../plan.js';
import type { Table } from '../table.js';
import { annexAValue } from './annexAValue.js';

export const LEGAL_STATUS_COLUMNS = ['lega_legal_status_id', 'lega_person_id', 'lega_legal_status_start_date'] as const;

export function mapLegalStatuses(table: Table, plan: ExtractPlan): void {
  for (const row of table.rows) {
    const id = row.text('lega_legal_status_id', true);
    const person = row.text('lega_person_id', true);
    const start = row.date('lega_legal_status_start_date', true);
    const end = row.date('lega_legal_status_end_date');
    if (start && end && end < start) row.problem('lega_legal_status_end_date', 'must not be before lega_legal_status_start_date');
    if (row.failed || !id || !person || !start) continue;
    const code = annexAValue(plan, row, 'lega_legal_status', 'legalStatus');
    if (code) addFact(plan, person, row, `ssd:ssd_legal_status:${id}`, { type: 'legal-status', date: start, code }, { date: 'lega_legal_status_start_date', code: 'lega_legal_status' });
  }
}
