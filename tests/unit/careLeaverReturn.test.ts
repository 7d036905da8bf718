/**
 * The care leaver's birthday return (DfE SSDA903 OC3): owed for each birthday
 * from the 17th to the 21st after leaving care, due on the birthday, answered
 * by a status recorded from 3 months before it to 1 month after. Each date
 * counted by hand.
 */
import { describe, expect, it } from 'vitest';
import { answerDueRequest, nextRecomputeDate } from '#domain/obligations.js';
import { factSchema } from '#domain/facts.js';
import { byKind, intoCare, kinds, leftCare, one, pathwayPlan } from '#tests/unit/ruleScenarios.js';

// Born 20 July 2008; in care from 2020, left care on the 18th birthday, 20 July 2026.
const dob = '2008-07-20';
const leaver = [...intoCare('2020-03-02'), pathwayPlan('2026-05-01'), leftCare('2026-07-20', 'age-18')];
const status = (date: string, extra: Record<string, unknown> = { inTouch: 'YES', activity: 'F2', accommodation: 'U', accommodationSuitable: true }) => ({ type: 'care-leaver-status', date, ...extra });

describe('care leaver birthday return (SSDA903 OC3)', () => {
  it('leaving on the 18th birthday owes the 18th birthday return, due that day, its window open to 20 August', () => {
    const o = one({ today: '2026-07-21', dob, facts: leaver }, 'care-leaver-return');
    expect(o.dueDate).toBe('2026-07-20');
    expect(o.status).toBe('overdue');
    expect(o.rule).toMatch(/SSDA903 OC3.*18th birthday.*3 months before it to 1 month after/);
    // 20 August is the window's last day; the day after, the 19th birthday's is next (20 July 2027).
    expect(one({ today: '2026-08-20', dob, facts: leaver }, 'care-leaver-return').dueDate).toBe('2026-07-20');
    expect(one({ today: '2026-08-21', dob, facts: leaver }, 'care-leaver-return').dueDate).toBe('2027-07-20');
  });

  it('a status recorded in the window answers it; one recorded before the window opens does not', () => {
    // The 19th birthday's window opens 20 April 2027.
    const early = [...leaver, status('2026-08-01'), status('2027-04-19')];
    expect(one({ today: '2027-05-01', dob, facts: early }, 'care-leaver-return').dueDate).toBe('2027-07-20');
    const inWindow = [...leaver, status('2026-08-01'), status('2027-04-20')];
    expect(one({ today: '2027-05-01', dob, facts: inWindow }, 'care-leaver-return').dueDate).toBe('2028-07-20');
  });

  it('not in touch answers the return too, and a status in touch is also adviser contact (8 weeks on)', () => {
    const notInTouch = [...leaver, status('2026-08-03', { inTouch: 'NO' })];
    expect(one({ today: '2026-08-04', dob, facts: notInTouch }, 'care-leaver-return').dueDate).toBe('2027-07-20');
    const inTouch = byKind({ today: '2026-08-04', dob, facts: [...leaver, status('2026-08-03')] });
    // 3 August + 56 days = 28 September.
    expect(inTouch.get('personal-adviser-contact')?.dueDate).toBe('2026-09-28');
    const noContact = byKind({ today: '2026-08-04', dob, facts: notInTouch });
    // Not in touch is no contact: left at 18, so 8 weeks from leaving, 20 July + 56 days = 14 September.
    expect(noContact.get('personal-adviser-contact')?.dueDate).toBe('2026-09-14');
  });

  it('a relevant child who left at 17 owes the 18th; the 17th birthday fell while looked after', () => {
    const facts = [...intoCare('2020-03-02'), pathwayPlan('2025-09-01'), leftCare('2025-10-01', 'independent-living')];
    expect(one({ today: '2025-10-02', dob, facts }, 'care-leaver-return').dueDate).toBe('2026-07-20');
  });

  it('nothing for a child still looked after, never eligible, or past the 21st window', () => {
    expect(kinds({ today: '2026-07-01', dob, facts: intoCare('2020-03-02') })).not.toContain('care-leaver-return');
    // In care from 1 June to 20 July 2026, 7 weeks: never an eligible child (13 weeks since 14).
    const shortStay = [...intoCare('2026-06-01'), leftCare('2026-07-20', 'age-18')];
    expect(kinds({ today: '2026-07-21', dob, facts: shortStay })).not.toContain('care-leaver-return');
    // 21st birthday 20 July 2029: window closes 20 August 2029.
    expect(one({ today: '2029-08-20', dob, facts: leaver }, 'care-leaver-return').dueDate).toBe('2029-07-20');
    expect(kinds({ today: '2029-08-21', dob, facts: leaver })).not.toContain('care-leaver-return');
  });

  it('the sweep recomputes the day after a window closes', () => {
    expect(nextRecomputeDate({ id: 'C', dateOfBirth: dob }, '2026-07-21')).toBe('2026-08-21');
  });

  it('a status is checked: in touch needs activity and accommodation, suitability goes with accommodation', () => {
    const problems = (input: unknown) => {
      const r = factSchema.safeParse(input);
      return r.success ? [] : r.error.issues.map((i) => i.path.join('.'));
    };
    expect(problems(status('2026-08-01', { inTouch: 'YES' }))).toEqual(['activity', 'accommodation']);
    expect(problems(status('2026-08-01', { inTouch: 'NO', accommodation: 'U' }))).toEqual(['accommodationSuitable']);
    expect(problems(status('2026-08-01', { inTouch: 'MAYBE' }))).toEqual(['inTouch']);
    expect(problems(status('2026-08-01', { inTouch: 'YES', activity: 'Q9', accommodation: 'U', accommodationSuitable: true }))).toEqual(['activity']);
    expect(() => answerDueRequest({ today: '2026-08-01', child: { id: 'C', dateOfBirth: dob }, facts: [status('2026-08-01', { inTouch: 'YES' })] })).toThrow(/activity/);
  });
});
