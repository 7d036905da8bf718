/**
 * IRO alerts: the dispute resolution process the IRO Handbook 2010 (chapter 5)
 * asks every council to have, with the IRO able to take a concern about a
 * child's plan up the line of management. Each stage is answered by the
 * manager that many steps above the child's social worker (stage 1: their
 * manager), within the council's working days for that stage (policy
 * `iroAlert.stageWorkingDays`, 5 a stage by default). An `iro-alert-response`
 * resolves the alert, or escalates it to the next stage from its date.
 * Unanswered past its date, the item is overdue, and the reminder sweep
 * takes it to the responsible manager's own manager, as it does any item.
 */
import { addWorkingDays } from '#domain/workingDays.js';
import { iroAlertStages } from '#domain/eventDuties.js';
import { type Rule, perPolicy, plural } from './rule.js';

const SOURCE = 'IRO Handbook 2010 ch 5 and council policy';

const says = perPolicy(({ iroAlert: { stageWorkingDays } }) =>
  stageWorkingDays.map((days, i) => `${SOURCE}: IRO alert at stage ${i + 1} answered within ${plural(days, 'working day')}`),
);

export const iroAlertResponse: Rule = (h, p) => {
  if (h.eventFacts.length === 0) return null;
  const stages = p.iroAlert.stageWorkingDays;
  let best: { due: number; stage: number; alertId: string } | null = null;
  let open = 0;
  for (const s of iroAlertStages(h.eventFacts, stages.length)) {
    if (s.answered !== null) continue;
    open += 1;
    const due = addWorkingDays(s.from, stages[s.stage - 1]!);
    if (!best || due < best.due) best = { due, stage: s.stage, alertId: s.alertId };
  }
  if (!best) return null;
  const due = { kind: 'iro-alert-response', due: best.due, rule: `${says(p)[best.stage - 1]!} (alert ${best.alertId})`, answeredBy: { managerLevel: best.stage } };
  return open > 1 ? { ...due, note: `${open} IRO alerts are open; this is the soonest due.` } : due;
};
