/**
 * `ssd_cla_health`: health assessments and dental checks that took place.
 * The check type is free text in most case systems: "dental" makes a dental
 * check; "health assessment" or "health check" a health assessment, initial
 * or review as the text says ("initial", "IHA", "review", "RHA"). Where it
 * does not say, the first assessment in a period of care is the initial one
 * (`settleHealthKinds`). Only completed checks count (a status of Planned,
 * Refused or Cancelled is skipped; an empty status is taken as completed).
 * Other checks (immunisations, surveillance checks) are skipped.
 */
import type { Fact } from '../../facts.js';
import { addFact, type ExtractPlan, skip, type SourcedFact } from '../plan.js';
import type { Table } from '../table.js';

/** The row id is optional: without one the source is the child, the date and the check's type. */
export const HEALTH_COLUMNS = ['clah_person_id', 'clah_health_check_type', 'clah_health_check_date'] as const;

/** Health assessments whose type text did not say initial or review; settled once the child's facts are known. */
const UNSETTLED = new WeakSet<SourcedFact>();

type Kind = 'dental' | 'initial' | 'review' | 'unsettled';

export function healthKind(text: string): Kind | null {
  const t = text.toLowerCase();
  if (/dent|teeth/.test(t)) return 'dental';
  if (/\b(iha|initial)\b/.test(t)) return 'initial';
  if (/\b(rha|review)\b/.test(t)) return 'review';
  if (/health (assessment|check)/.test(t)) return 'unsettled';
  return null;
}

export function mapHealth(table: Table, plan: ExtractPlan): void {
  for (const row of table.rows) {
    const person = row.text('clah_person_id', true);
    const type = row.text('clah_health_check_type', true);
    const date = row.date('clah_health_check_date');
    const id = row.text('clah_health_check_id') ?? `${person}:${date ?? ''}:${type?.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
    const status = row.text('clah_health_check_status')?.toLowerCase();
    if (row.failed || !id || !person || !type) continue;
    const kind = healthKind(type);
    if (kind === null) {
      skip(plan, row, `"${type}" is not a health assessment or dental check`);
      continue;
    }
    if (status !== undefined && status !== 'completed' && status !== 'complete') {
      skip(plan, row, `the check is ${status}, not completed`);
      continue;
    }
    if (!date) {
      row.problem('clah_health_check_date', 'is required for a completed check');
      continue;
    }
    const source = `ssd:ssd_cla_health:${id}`;
    const columns = { date: 'clah_health_check_date' };
    if (kind === 'dental') addFact(plan, person, row, source, { type: 'dental-check', date }, columns);
    else addFact(plan, person, row, source, { type: 'health-assessment', date, kind: kind === 'unsettled' ? 'review' : kind }, columns);
    if (kind === 'unsettled') {
      const added = plan.facts.get(person)?.at(-1);
      if (added?.source === source) UNSETTLED.add(added);
    }
  }
}

/**
 * Makes each unsettled health assessment initial when it is the first
 * health assessment since the child last entered care, review otherwise.
 */
export function settleHealthKinds(facts: SourcedFact[]): void {
  const byDate = [...facts].sort((a, b) => dateOf(a.fact).localeCompare(dateOf(b.fact)));
  let seenSinceEntry = false;
  for (const f of byDate) {
    if (f.fact.type === 'entered-care') seenSinceEntry = false;
    if (f.fact.type !== 'health-assessment') continue;
    if (UNSETTLED.has(f)) f.fact = { ...f.fact, kind: seenSinceEntry ? 'review' : 'initial' };
    seenSinceEntry = true;
  }
}

const dateOf = (fact: Fact) => ('date' in fact ? fact.date : fact.start.slice(0, 10));
