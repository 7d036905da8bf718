/**
 * Complaints (representations) about a child's care: the Children Act 1989
 * Representations Procedure (England) Regulations 2006 (SI 2006/1738).
 * - Stage 1, local resolution: reg 14, a response within 10 working days of
 *   receipt, which may be extended (with the complainant) to 20 in all.
 * - Stage 2, investigation: reg 17, within 25 working days, extendable to 65.
 * - Review panel: reg 19(4), the panel meets within 30 working days of the request.
 * Working days are reg 2's: not a weekend, Christmas Day, Boxing Day, Good
 * Friday or a bank holiday (workingDays.ts). Each stage is answered by the
 * officer the complaint names; a `complaint-response` for that stage closes it.
 * Owed for every child with an open complaint, in care or not.
 */
import { addWorkingDays } from '#domain/workingDays.js';
import { complaintStages } from '#domain/eventDuties.js';
import type { ComplaintStage } from '#domain/facts.js';
import type { ResolvedPolicy } from '#domain/policy.js';
import { STATUTORY } from '#domain/policy.js';
import { type Rule, cite, plural } from './rule.js';

const SOURCE: Record<ComplaintStage, string> = {
  'stage-1': 'Representations Procedure (England) Regulations 2006 reg 14',
  'stage-2': 'Representations Procedure (England) Regulations 2006 reg 17',
  'review-panel': 'Representations Procedure (England) Regulations 2006 reg 19(4)',
};

const WHAT: Record<ComplaintStage, string> = {
  'stage-1': 'stage 1 complaint answered',
  'stage-2': 'stage 2 complaint investigated and answered',
  'review-panel': 'review panel meets',
};

/** The working days a stage has: the council's (never more than the regulations'), or the longer period agreed. */
export function complaintWorkingDays(stage: ComplaintStage, policy: ResolvedPolicy, agreed?: number): { days: number; tightened: boolean; agreed: boolean } {
  const c = policy.complaints;
  const statutory = { 'stage-1': STATUTORY.complaints.stage1WorkingDays, 'stage-2': STATUTORY.complaints.stage2WorkingDays, 'review-panel': STATUTORY.complaints.reviewPanelWorkingDays }[stage];
  const set = { 'stage-1': c.stage1WorkingDays, 'stage-2': c.stage2WorkingDays, 'review-panel': c.reviewPanelWorkingDays }[stage];
  if (agreed !== undefined && agreed > set) return { days: agreed, tightened: false, agreed: true };
  return { days: set, tightened: set < statutory, agreed: false };
}

export const complaintResponse: Rule = (h, p) => {
  if (h.eventFacts.length === 0) return null;
  let best: { due: number; rule: string; officerId: string } | null = null;
  let open = 0;
  for (const s of complaintStages(h.eventFacts)) {
    if (s.answered !== null) continue;
    open += 1;
    const period = complaintWorkingDays(s.stage, p, s.agreedWorkingDays);
    const due = addWorkingDays(s.received, period.days);
    if (best && best.due <= due) continue;
    const words = `${WHAT[s.stage]} within ${plural(period.days, 'working day')} of receipt${period.agreed ? ', as agreed with the complainant' : ''} (complaint ${s.complaintId})`;
    best = { due, rule: cite(SOURCE[s.stage], words, period.tightened), officerId: s.officerId };
  }
  if (!best) return null;
  const due = { kind: 'complaint-response', due: best.due, rule: best.rule, answeredBy: { staffId: best.officerId } };
  return open > 1 ? { ...due, note: `${open} complaint stages are open; this is the soonest due.` } : due;
};
