/**
 * Council policy: local rules a council adds of its own (due dates, ages,
 * care leavers) and the bad local rules that are rejected.
 */
import { describe, expect, it } from 'vitest';
import { intoCare, listed, problemsFor, task } from './policyHelpers.js';

describe('local rules', () => {
  const cse = {
    kind: 'cse-risk-assessment',
    title: 'CSE risk assessment',
    fromAge: 11,
    firstWithin: { workingDays: 10 },
    every: { months: 6 },
  };
  const passport = { kind: 'health-passport', title: 'Health passport', byAge: 18 };

  describe('CSE risk assessment from age 11, every 6 months', () => {
    it('is due 10 working days after entering care for a child already 11, and says it is local policy', () => {
      // 12-year-old entering care Friday 18 Dec 2026 -> 6 January 2027 (as the care plan).
      const o = listed('2026-12-18', '2014-06-01', intoCare('2026-12-18'), { localRules: [cse] }).get('cse-risk-assessment');
      expect(o?.dueDate).toBe('2027-01-06');
      expect(o?.rule).toBe('Local policy: CSE risk assessment');
      expect(o?.status).toBe('upcoming');
    });

    it('for a younger child counts from the 11th birthday', () => {
      // 11 on Sunday 14 March 2027: 15-19 Mar (5), 22-25 Mar (9), 26 and 29 Mar Easter, 30 March (10).
      expect(listed('2026-12-18', '2016-03-14', intoCare('2026-12-18'), { localRules: [cse] }).get('cse-risk-assessment')?.dueDate).toBe('2027-03-30');
    });

    it('an assessment done before 11 does not count', () => {
      // Born 15 June 2018, assessed at 7 (1 June 2026): the first is still due 10 working days after the
      // 11th birthday, Friday 15 June 2029 -> 18-22, 25-29 June -> 29 June 2029 (not 1 Dec 2026, at 8).
      const facts = [...intoCare('2025-01-06'), task('cse-risk-assessment', '2026-06-01')];
      expect(listed('2026-06-02', '2018-06-15', facts, { localRules: [cse] }).get('cse-risk-assessment')?.dueDate).toBe('2029-06-29');
    });

    it('then 6 months after the last one, recorded as a local-task fact', () => {
      const facts = [...intoCare('2026-12-18'), task('cse-risk-assessment', '2027-01-05'), task('other-task', '2027-06-01')];
      expect(listed('2027-01-06', '2014-06-01', facts, { localRules: [cse] }).get('cse-risk-assessment')?.dueDate).toBe('2027-07-05');
    });

    it('an assessment from before this care episode does not count', () => {
      const facts = [...intoCare('2025-01-06'), task('cse-risk-assessment', '2025-02-01'), { type: 'left-care', date: '2025-06-30', reason: 'returned-home' }, ...intoCare('2026-12-18')];
      expect(listed('2026-12-19', '2013-06-01', facts, { localRules: [cse] }).get('cse-risk-assessment')?.dueDate).toBe('2027-01-06');
    });

    it('is not listed without the policy, nor for a child not in care', () => {
      expect(listed('2026-12-18', '2014-06-01', intoCare('2026-12-18')).has('cse-risk-assessment')).toBe(false);
      expect(listed('2026-12-18', '2014-06-01', [], { localRules: [cse] }).size).toBe(0);
    });
  });

  describe('health passport by 18', () => {
    it('is due on the 18th birthday and done once', () => {
      const facts = intoCare('2023-01-09');
      const o = listed('2027-01-01', '2009-09-20', facts, { localRules: [passport] }).get('health-passport');
      expect(o?.dueDate).toBe('2027-09-20');
      expect(o?.rule).toBe('Local policy: Health passport');
      expect(listed('2027-05-02', '2009-09-20', [...facts, task('health-passport', '2027-05-01')], { localRules: [passport] }).has('health-passport')).toBe(false);
    });
  });

  it('a care-leaver rule runs from leaving care', () => {
    const survey = { kind: 'leaver-survey', title: 'Care leaver survey', appliesTo: 'care-leaver', firstWithin: { days: 28 }, every: { months: 12 } };
    const facts = [...intoCare('2024-05-01'), { type: 'left-care', date: '2027-06-04', reason: 'independent-living' }];
    // Not while looked after; after leaving on 4 June 2027: + 28 days = 2 July 2027.
    expect(listed('2027-06-01', '2010-01-10', facts.slice(0, 2), { localRules: [survey] }).has('leaver-survey')).toBe(false);
    expect(listed('2027-06-05', '2010-01-10', facts, { localRules: [survey] }).get('leaver-survey')?.dueDate).toBe('2027-07-02');
    expect(listed('2027-07-02', '2010-01-10', [...facts, task('leaver-survey', '2027-07-01')], { localRules: [survey] }).get('leaver-survey')?.dueDate).toBe(
      '2028-07-01',
    );
  });

  it('stops at its untilAge', () => {
    const rule = { kind: 'school-check', title: 'School check', untilAge: 16, firstWithin: { days: 14 }, every: { months: 6 } };
    // Born 1 Sep 2010, 16 on 1 Sep 2026. Last check 1 Mar 2026 -> 1 Sep 2026: on the birthday, so none.
    const facts = [...intoCare('2025-01-06'), task('school-check', '2026-03-01')];
    expect(listed('2026-03-02', '2010-09-01', facts, { localRules: [rule] }).has('school-check')).toBe(false);
    expect(listed('2026-03-02', '2010-09-02', facts, { localRules: [rule] }).get('school-check')?.dueDate).toBe('2026-09-01');
  });

  describe('bad local rules are rejected', () => {
    const bad: Array<[string, unknown, RegExp]> = [
      ['neither firstWithin nor byAge', { kind: 'cse-risk-assessment', title: 'CSE risk assessment', every: { months: 6 } }, /exactly one of firstWithin, byAge, afterFact or betweenFacts/],
      ['both firstWithin and byAge', { ...passport, firstWithin: { days: 5 } }, /exactly one of firstWithin, byAge, afterFact or betweenFacts/],
      ['a kind that is not lower-case-with-dashes', { ...cse, kind: 'CSE Risk' }, /lower-case-with-dashes/],
      ['an interval with two units', { ...cse, every: { months: 6, days: 10 } }, /exactly one of days, workingDays or months/],
      ['an empty interval', { ...cse, firstWithin: {} }, /exactly one of days, workingDays or months/],
      ['a zero interval', { ...cse, every: { days: 0 } }, /at least 1/],
      ['a short title', { ...cse, title: 'X' }, /at least 3 characters/],
      ['an unknown field', { ...cse, priority: 'high' }, /unknown field "priority"/],
      ['an unknown status', { ...cse, appliesTo: 'adopted' }, /must be one of/],
    ];
    for (const [name, rule, message] of bad) {
      it(name, () => {
        const problems = problemsFor({ localRules: [rule] });
        expect(problems.length).toBeGreaterThan(0);
        expect(problems.map((p) => p.field).every((f) => f.startsWith('policy.localRules[0]'))).toBe(true);
        expect(problems.map((p) => p.message).join('\n')).toMatch(message);
      });
    }

    it('a kind that is already a statutory kind', () => {
      const problems = problemsFor({ localRules: [{ ...cse, kind: 'statutory-visit' }] });
      expect(problems).toEqual([{ field: 'policy.localRules', message: expect.stringMatching(/different from the statutory kinds/) }]);
    });

    it('two rules of the same kind', () => {
      const problems = problemsFor({ localRules: [cse, { ...cse, title: 'Another CSE rule' }] });
      expect(problems).toEqual([{ field: 'policy.localRules', message: expect.stringMatching(/its own kind/) }]);
    });
  });
});
