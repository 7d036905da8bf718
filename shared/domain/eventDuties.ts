/**
 * Duties that a recorded event opens and a later fact closes: each stage of a
 * complaint (until its response) and each stage of an IRO alert (until it is
 * resolved or escalated). Read from a child's facts, in date order; the rules
 * (rules/complaint.ts, rules/iroAlert.ts) and the on-time figures share them.
 * Pure: no clock, no I/O.
 */
import { type DayNumber, toDayNumber } from './dates.js';
import type { ComplaintStage, Fact, FactOf } from './facts.js';

/** One stage of one complaint. */
export interface ComplaintStageRecord {
  complaintId: string;
  stage: ComplaintStage;
  received: DayNumber;
  officerId: string;
  agreedWorkingDays?: number;
  /** The first response to this stage, or null while none is recorded. */
  answered: DayNumber | null;
}

/** One stage of one IRO alert: open from `from` until answered. */
export interface IroAlertStageRecord {
  alertId: string;
  stage: number;
  reason: FactOf<'iro-alert'>['reason'];
  from: DayNumber;
  /** The day the alert was first raised (the same on each stage it escalates to). */
  raisedOn: DayNumber;
  answered: DayNumber | null;
  outcome: FactOf<'iro-alert-response'>['outcome'] | null;
}

function byDate<T extends Fact>(facts: readonly Fact[], types: readonly T['type'][]): Array<{ fact: T; day: DayNumber; i: number }> {
  const out: Array<{ fact: T; day: DayNumber; i: number }> = [];
  facts.forEach((fact, i) => {
    if ((types as readonly string[]).includes(fact.type)) out.push({ fact: fact as T, day: toDayNumber((fact as { date: string }).date), i });
  });
  // Date order; on the same day, the order given.
  return out.sort((a, b) => a.day - b.day || a.i - b.i);
}

/**
 * Every complaint stage recorded, each with its first response. A stage
 * recorded twice for the same complaint counts once (the first). A response
 * dated before the stage was received answers nothing.
 */
export function complaintStages(facts: readonly Fact[]): ComplaintStageRecord[] {
  const stages = new Map<string, ComplaintStageRecord>();
  for (const { fact, day } of byDate<FactOf<'complaint'> | FactOf<'complaint-response'>>(facts, ['complaint', 'complaint-response'])) {
    const key = `${fact.complaintId}#${fact.stage}`;
    const known = stages.get(key);
    if (fact.type === 'complaint') {
      if (!known) {
        const record: ComplaintStageRecord = { complaintId: fact.complaintId, stage: fact.stage, received: day, officerId: fact.officerId, answered: null };
        if (fact.agreedWorkingDays !== undefined) record.agreedWorkingDays = fact.agreedWorkingDays;
        stages.set(key, record);
      }
    } else if (known && known.answered === null && day >= known.received) known.answered = day;
  }
  return [...stages.values()];
}

/**
 * Every stage each IRO alert has been at. An alert opens at the stage raised;
 * each response answers the stage open then: `resolved` closes the alert,
 * `escalated` opens the next stage from the response's date. Escalated past
 * the council's last stage, the alert leaves Kept's timescales (it has gone
 * beyond the manager chain, to the director or Cafcass). A response with no
 * open alert answers nothing; an alert raised again while open is the same alert.
 */
export function iroAlertStages(facts: readonly Fact[], stageCount: number): IroAlertStageRecord[] {
  const out: IroAlertStageRecord[] = [];
  const open = new Map<string, IroAlertStageRecord>();
  for (const { fact, day } of byDate<FactOf<'iro-alert'> | FactOf<'iro-alert-response'>>(facts, ['iro-alert', 'iro-alert-response'])) {
    const current = open.get(fact.alertId);
    if (fact.type === 'iro-alert') {
      if (current) continue;
      const record: IroAlertStageRecord = { alertId: fact.alertId, stage: Math.min(fact.stage, stageCount), reason: fact.reason, from: day, raisedOn: day, answered: null, outcome: null };
      out.push(record);
      open.set(fact.alertId, record);
      continue;
    }
    if (!current) continue;
    current.answered = day;
    current.outcome = fact.outcome;
    open.delete(fact.alertId);
    if (fact.outcome === 'escalated' && current.stage < stageCount) {
      const next: IroAlertStageRecord = { alertId: current.alertId, stage: current.stage + 1, reason: current.reason, from: day, raisedOn: current.raisedOn, answered: null, outcome: null };
      out.push(next);
      open.set(fact.alertId, next);
    }
  }
  return out;
}
