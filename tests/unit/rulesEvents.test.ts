/**
 * Duties that follow an event: complaints (Children Act 1989 Representations
 * Procedure (England) Regulations 2006 regs 14, 17, 19(4)), IRO alerts (the
 * council's stages), and local rules that start from a fact. Dates counted by hand:
 * March 2027 starts on a Monday; Good Friday is 26 March 2027 and Easter Monday 29 March.
 */
import { describe, expect, it } from 'vitest';
import { managerAbove, managerLookup, responsibleForItem } from '#domain/responsibility.js';
import { type FactInput, DOB, intoCare, listed, problemsFor, review, task } from './policyHelpers.js';

const complaint = (stage: string, date = '2027-03-01', extra: Record<string, unknown> = {}): FactInput =>
  ({ type: 'complaint', date, complaintId: 'CMP-1', stage, officerId: 'cm-1', ...extra });
const answered = (stage: string, date: string): FactInput => ({ type: 'complaint-response', date, complaintId: 'CMP-1', stage });
const alert = (date = '2027-03-01', stage = 1): FactInput => ({ type: 'iro-alert', date, alertId: 'A-1', stage, reason: 'care-plan-drift' });
const alertAnswer = (date: string, outcome: 'resolved' | 'escalated'): FactInput => ({ type: 'iro-alert-response', date, alertId: 'A-1', outcome });

describe('complaints', () => {
  it('stage 1 is due on the 10th working day after receipt, answered by the named officer', () => {
    // Received Mon 1 Mar: 2,3,4,5,8,9,10,11,12,15 -> Mon 15 Mar.
    const o = listed('2027-03-02', DOB, [complaint('stage-1')]).get('complaint-response');
    expect(o).toMatchObject({ dueDate: '2027-03-15', status: 'upcoming', answeredBy: { staffId: 'cm-1' } });
    expect(o?.rule).toBe('Representations Procedure (England) Regulations 2006 reg 14: stage 1 complaint answered within 10 working days of receipt (complaint CMP-1)');
  });

  it('an agreed extension to 20 working days counts over Easter', () => {
    // 15 Mar is the 10th; 16-19 (14), 22-25 (18), Good Friday and Easter Monday skipped, 30 (19), Wed 31 Mar (20).
    const o = listed('2027-03-02', DOB, [complaint('stage-1', '2027-03-01', { agreedWorkingDays: 20 })]).get('complaint-response');
    expect(o?.dueDate).toBe('2027-03-31');
    expect(o?.rule).toMatch(/within 20 working days of receipt, as agreed with the complainant/);
  });

  it('stage 2 in 25 working days and the review panel in 30', () => {
    // ... 31 Mar (20), 1, 2, 5, 6, 7 Apr (25); 8, 9, 12, 13, 14 Apr (30).
    expect(listed('2027-03-02', DOB, [complaint('stage-2')]).get('complaint-response')?.dueDate).toBe('2027-04-07');
    expect(listed('2027-03-02', DOB, [complaint('review-panel')]).get('complaint-response')?.dueDate).toBe('2027-04-14');
  });

  it('the response to the stage closes it; a response to another stage does not', () => {
    expect(listed('2027-03-20', DOB, [complaint('stage-1'), answered('stage-1', '2027-03-10')]).has('complaint-response')).toBe(false);
    const o = listed('2027-03-20', DOB, [complaint('stage-1'), answered('stage-2', '2027-03-10')]).get('complaint-response');
    expect(o).toMatchObject({ dueDate: '2027-03-15', status: 'overdue' });
  });

  it('refuses an extension longer than the regulations allow, naming the field', () => {
    expect(() => listed('2027-03-02', DOB, [complaint('stage-1', '2027-03-01', { agreedWorkingDays: 21 })])).toThrow(/facts\[0\]\.agreedWorkingDays/);
    expect(() => listed('2027-03-02', DOB, [complaint('review-panel', '2027-03-01', { agreedWorkingDays: 40 })])).toThrow(/agreedWorkingDays/);
  });

  it('a council may tighten the stage 1 timescale, not loosen it', () => {
    // 5 working days from Mon 1 Mar: Mon 8 Mar.
    const o = listed('2027-03-02', DOB, [complaint('stage-1')], { complaints: { stage1WorkingDays: 5 } }).get('complaint-response');
    expect(o?.dueDate).toBe('2027-03-08');
    expect(o?.rule).toMatch(/^Council policy, stricter than .*reg 14/);
    expect(problemsFor({ complaints: { stage1WorkingDays: 11 } })[0]).toMatchObject({ field: 'policy.complaints.stage1WorkingDays', message: expect.stringMatching(/cannot be loosened/) });
  });
});

describe('IRO alerts', () => {
  it('stage 1 is answered by the social worker\'s manager within 5 working days', () => {
    const o = listed('2027-03-02', DOB, [alert()]).get('iro-alert-response');
    expect(o).toMatchObject({ dueDate: '2027-03-08', answeredBy: { managerLevel: 1 } });
    expect(o?.rule).toMatch(/IRO Handbook 2010 ch 5 and council policy: IRO alert at stage 1 answered within 5 working days/);
  });

  it('escalated, it goes to the next stage from the response date; resolved, it stops', () => {
    // Escalated Wed 10 Mar: 11, 12, 15, 16, 17 -> Wed 17 Mar, the manager's manager.
    expect(listed('2027-03-11', DOB, [alert(), alertAnswer('2027-03-10', 'escalated')]).get('iro-alert-response')).toMatchObject({
      dueDate: '2027-03-17',
      answeredBy: { managerLevel: 2 },
    });
    expect(listed('2027-03-11', DOB, [alert(), alertAnswer('2027-03-10', 'resolved')]).has('iro-alert-response')).toBe(false);
    // Escalated past the last stage, it leaves Kept's timescales.
    expect(listed('2027-03-11', DOB, [alert('2027-03-01', 3), alertAnswer('2027-03-10', 'escalated')]).has('iro-alert-response')).toBe(false);
  });

  it('follows the council\'s working days per stage', () => {
    // 3 working days from Mon 1 Mar: Thu 4 Mar.
    expect(listed('2027-03-02', DOB, [alert()], { iroAlert: { stageWorkingDays: [3, 10] } }).get('iro-alert-response')?.dueDate).toBe('2027-03-04');
    expect(problemsFor({ iroAlert: { stageWorkingDays: [] } })[0]?.field).toBe('policy.iroAlert.stageWorkingDays');
  });

  it('refuses a reason not on the fixed list', () => {
    expect(() => listed('2027-03-02', DOB, [{ ...alert(), reason: 'the carer shouted' }])).toThrow(/facts\[0\]\.reason/);
  });

  it('walks the manager chain, stopping at the top', () => {
    const managerOf = managerLookup([{ id: 'sw-1', managerId: 'tm-1' }, { id: 'tm-1', managerId: 'hos-1' }, { id: 'hos-1' }]);
    expect(managerAbove('sw-1', 1, managerOf)).toBe('tm-1');
    expect(managerAbove('sw-1', 2, managerOf)).toBe('hos-1');
    expect(managerAbove('sw-1', 3, managerOf)).toBe('hos-1');
    const team = { socialWorker: 'sw-1', iro: 'iro-1' };
    expect(responsibleForItem({ kind: 'iro-alert-response', answeredBy: { managerLevel: 2 } }, team, 10, undefined, managerOf)).toEqual({ responsibleId: 'hos-1' });
    expect(responsibleForItem({ kind: 'complaint-response', answeredBy: { staffId: 'cm-1' } }, team, 10)).toEqual({ responsibleId: 'cm-1' });
    expect(responsibleForItem({ kind: 'looked-after-review' }, team, 10)).toEqual({ responsibleId: 'iro-1' });
  });
});

describe('local rules that start from an event', () => {
  const passport = { kind: 'health-passport', title: 'Health passport within 20 working days of leaving care', appliesTo: 'care-leaver', afterFact: { type: 'left-care', within: { workingDays: 20 } } };
  // Born 1 Jun 2009, in care from 8 Jan 2024 (eligible from the 16th birthday), left care Mon 1 Mar 2027 at 17.
  const leaver: FactInput[] = [...intoCare('2024-01-08'), { type: 'left-care', date: '2027-03-01', reason: 'independent-living' }];

  it('a health passport within 20 working days of leaving care', () => {
    const o = listed('2027-03-02', '2009-06-01', leaver, { localRules: [passport] }).get('health-passport');
    expect(o).toMatchObject({ dueDate: '2027-03-31', rule: 'Local policy: Health passport within 20 working days of leaving care' });
    expect(listed('2027-03-22', '2009-06-01', [...leaver, task('health-passport', '2027-03-20')], { localRules: [passport] }).has('health-passport')).toBe(false);
    // One done while still in care does not count for the leaving.
    expect(listed('2027-03-02', '2009-06-01', [...leaver, task('health-passport', '2026-11-01')], { localRules: [passport] }).has('health-passport')).toBe(true);
  });

  it('an IRO visit midway between reviews', () => {
    // Reviews 30 Jan, 20 Apr, 15 Oct 2026: the next falls due 15 Apr 2027 (6 months), 182 days on; midway is 91 days: 14 Jan 2027.
    const facts = [...intoCare('2026-01-05'), review('2026-01-30'), review('2026-04-20'), review('2026-10-15')];
    const rule = { kind: 'iro-visit', title: 'IRO visit between reviews', betweenFacts: { type: 'review', at: 'midpoint' } };
    const all = listed('2026-11-01', DOB, facts, { localRules: [rule] });
    expect(all.get('looked-after-review')?.dueDate).toBe('2027-04-15');
    expect(all.get('iro-visit')?.dueDate).toBe('2027-01-14');
    // A visit after the last review answers it; one on the day of the review does not.
    expect(listed('2026-12-01', DOB, [...facts, task('iro-visit', '2026-11-30')], { localRules: [rule] }).has('iro-visit')).toBe(false);
    expect(listed('2026-12-01', DOB, [...facts, task('iro-visit', '2026-10-15')], { localRules: [rule] }).has('iro-visit')).toBe(true);
    // Or an interval after each: 3 months after 15 Oct.
    const every = { ...rule, betweenFacts: { type: 'review', at: { months: 3 } } };
    expect(listed('2026-11-01', DOB, facts, { localRules: [every] }).get('iro-visit')?.dueDate).toBe('2027-01-15');
  });

  it('is validated: one start, no "every", a midpoint only where Kept dates the next fact', () => {
    const base = { kind: 'x-task', title: 'A task' };
    expect(problemsFor({ localRules: [{ ...base, afterFact: { type: 'left-care', within: { days: 5 } }, every: { months: 1 } }] })[0]).toMatchObject({ field: 'policy.localRules[0].every' });
    expect(problemsFor({ localRules: [{ ...base, afterFact: { type: 'left-care', within: { days: 5 } }, firstWithin: { days: 5 } }] })[0]?.message).toMatch(/exactly one of firstWithin, byAge, afterFact or betweenFacts/);
    expect(problemsFor({ localRules: [{ ...base, betweenFacts: { type: 'left-care', at: 'midpoint' } }] })[0]).toMatchObject({ field: 'policy.localRules[0].betweenFacts.at' });
    expect(problemsFor({ localRules: [{ ...base, afterFact: { type: 'no-such-fact', within: { days: 5 } } }] })[0]?.field).toBe('policy.localRules[0].afterFact.type');
    expect(problemsFor({ localRules: [{ ...base, kind: 'complaint-response', byAge: 18 }] })[0]?.field).toBe('policy.localRules');
  });
});
