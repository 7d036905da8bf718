/**
 * Worked examples for readings of the law the engine once missed: each date
 * is counted by hand from the regulation cited beside it. Calendar: see the
 * notes at the top of ruleScenarios.ts (England bank holidays 2026 and 2027).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type FactInput, entered, placed } from '#tests/support/factInputs.js';
import { answerDueRequest, type Obligation } from '#domain/obligations.js';
import { parseImport } from '#domain/csvImport.js';
import { londonDayOf, toDayNumber, toIsoDate } from '#domain/dates.js';
import { historyArb } from './generators.js';


function listed(today: string, dob: string, facts: FactInput[], policy?: unknown): Map<string, Obligation> {
  const report = answerDueRequest({ today, child: { id: 'c', dateOfBirth: dob }, ...(policy === undefined ? {} : { policy }), facts });
  return new Map(report.obligations.map((o) => [o.kind, o]));
}

function one(today: string, dob: string, facts: FactInput[], kind: string): Obligation {
  const found = listed(today, dob, facts).get(kind);
  if (!found) throw new Error(`expected a ${kind} obligation on ${today}`);
  return found;
}

const intoCare = (date: string, placementId = 'p1', longTerm = false, arrangement?: string) => [entered(date), placed(date, placementId, longTerm, arrangement)];
const leftCare = (date: string, reason = 'returned-home'): FactInput => ({ type: 'left-care', date, reason });
const ended = (date: string, placementId = 'p1'): FactInput => ({ type: 'placement-ended', date, placementId });
const visit = (date: string): FactInput => ({ type: 'visit', date, seenAlone: true });
const review = (date: string): FactInput => ({ type: 'review', date });
const health = (date: string): FactInput => ({ type: 'health-assessment', date, kind: 'initial' });
const pep = (date: string): FactInput => ({ type: 'pep', date });
const fewerVisits = (date: string, placementId = 'p1'): FactInput => ({ type: 'fewer-visits-agreed', date, placementId });
const careOrder = (date: string): FactInput => ({ type: 'care-order', date });
const missing = (start: string, returned?: string): FactInput => ({ type: 'missing-episode', start, ...(returned ? { returned } : {}) });
const interview = (date: string): FactInput => ({ type: 'return-home-interview', date });

/** A school-age child (11 in January 2027). */
const DOB = '2015-05-01';

describe('eligibility that starts inside a care episode (Children Act 1989 Sch 2 para 19B, CPPCR reg 40)', () => {
  // Born 10 May 2010: 14 on 10 May 2024, 16 on 10 May 2026.
  const dob = '2010-05-10';

  it('a young person with 13 weeks in care since 14 who comes back into care at 16 is eligible the day they come back', () => {
    // In care 3 June 2024 to 6 January 2025 (217 days, well over 91), then home, and home on the 16th birthday.
    // Back in care on Monday 14 September 2026, aged 16: eligible that day, not on 10 May 2026 when they were at home.
    // Needs assessment within 3 months: 14 December 2026.
    const facts = [...intoCare('2024-06-03'), leftCare('2025-01-06'), ...intoCare('2026-09-14', 'p2')];
    const plan = one('2026-09-15', dob, facts, 'pathway-plan');
    expect(plan.dueDate).toBe('2026-12-14');
    expect(plan.rule).toMatch(/within 3 months of becoming eligible/);
  });

  it('with fewer than 13 weeks before, eligibility comes when the days in care add up to 91', () => {
    // 3 June to 1 August 2024 is 60 days in care (28 in June, 31 in July, 1 in August). Back in care 14 September 2026:
    // 31 more days are needed, so the 31st day, 14 October 2026, is the first eligible day -> due 14 January 2027.
    const facts = [...intoCare('2024-06-03'), leftCare('2024-08-02'), ...intoCare('2026-09-14', 'p2')];
    expect(one('2026-09-15', dob, facts, 'pathway-plan').dueDate).toBe('2027-01-14');
  });

  it('someone at home after 16 is not an eligible child, whatever came before', () => {
    const facts = [...intoCare('2024-06-03'), leftCare('2025-01-06')];
    expect(listed('2026-06-01', dob, facts).has('pathway-plan')).toBe(false);
  });
});

describe('initial health assessment and PEP by the first review (CPPCR reg 7(1); PEP statutory guidance)', () => {
  // Entered care Monday 4 January 2027. 20th working day: 5-8 Jan (4), 11-15 (9), 18-22 (14), 25-29 (19), 1 Feb (20).
  // 10th working day: 5-8 Jan (4), 11-15 (9), 18 Jan (10).
  const start = intoCare('2027-01-04');

  it('a first review held early, on Thursday 14 January, brings both to that day; held without them, they are overdue', () => {
    const due = listed('2027-01-15', DOB, [...start, review('2027-01-14')]);
    expect(due.get('initial-health-assessment')).toMatchObject({ dueDate: '2027-01-14', status: 'overdue' });
    expect(due.get('initial-health-assessment')?.rule).toMatch(/^CPPCR reg 7\(1\): .*by the day of the first review/);
    expect(due.get('pep')).toMatchObject({ dueDate: '2027-01-14', status: 'overdue' });
    expect(due.get('pep')?.rule).toMatch(/in place by the day of the first review/);
  });

  it('without a review yet they stay at 20 and 10 working days', () => {
    const due = listed('2027-01-05', DOB, start);
    expect(due.get('initial-health-assessment')?.dueDate).toBe('2027-02-01');
    expect(due.get('pep')?.dueDate).toBe('2027-01-18');
  });

  it('a review after the 10th working day leaves the PEP at 18 January but brings the health assessment to 28 January', () => {
    const due = listed('2027-01-29', DOB, [...start, review('2027-01-28')]);
    expect(due.get('pep')?.dueDate).toBe('2027-01-18');
    expect(due.get('initial-health-assessment')?.dueDate).toBe('2027-01-28');
  });

  it('done on the day of the review, or before it, they are not listed', () => {
    const due = listed('2027-01-15', DOB, [...start, health('2027-01-14'), pep('2027-01-13'), review('2027-01-14')]);
    expect(due.has('initial-health-assessment')).toBe(false);
    expect(due.get('pep')?.rule).toMatch(/every school term/);
  });

  it('a review before the 5th birthday does not bring the first PEP forward', () => {
    // Born 10 February 2022: 5 on Wednesday 10 February 2027; PEP within 10 working days of it: 11, 12, 15-19, 22, 23, 24 Feb.
    const due = listed('2027-01-15', '2022-02-10', [...start, review('2027-01-14')]);
    expect(due.get('pep')?.dueDate).toBe('2027-02-24');
    expect(due.get('initial-health-assessment')?.dueDate).toBe('2027-01-14');
  });

  it('property: with no health assessment in the episode, the initial one is never due after the first review held', () => {
    let checked = 0;
    fc.assert(
      fc.property(historyArb, (m) => {
        if (m.end !== null) return;
        const inEpisode = (f: FactInput) => typeof f.date === 'string' && toDayNumber(f.date) >= m.entry;
        if (m.facts.some((f) => f.type === 'health-assessment' && inEpisode(f))) return;
        const reviews = m.facts.filter((f) => f.type === 'review' && inEpisode(f)).map((f) => toDayNumber(f.date!));
        if (!reviews.length) return;
        const o = listed(toIsoDate(m.today), toIsoDate(m.dob), m.facts).get('initial-health-assessment');
        if (!o) return; // falls due after the 18th birthday
        checked += 1;
        expect(toDayNumber(o.dueDate)).toBeLessThanOrEqual(Math.min(...reviews));
      }),
      { numRuns: 2000 },
    );
    expect(checked).toBeGreaterThan(20);
  });
});

describe('weekly visits until the first review after a placement with a parent (CPPCR reg 28(3), (4) and 19(b))', () => {
  // In foster care from Monday 4 January 2027, first review Thursday 28 January; then home to a parent on Monday 1 March.
  const before = [...intoCare('2027-01-04', 'p1', false, 'foster'), visit('2027-01-08'), review('2027-01-28'), ended('2027-03-01')];
  const home = (arrangement: string) => [...before, placed('2027-03-01', 'p2', false, arrangement)];

  it('reg 28(3): weekly from a visit on Friday 5 March, though the episode had its first review in January', () => {
    const o = one('2027-03-06', DOB, [...home('parent-pending-assessment'), visit('2027-03-05')], 'statutory-visit');
    expect(o.dueDate).toBe('2027-03-12'); // 5 March + 7, not + 42 (16 April)
    expect(o.rule).toMatch(/reg 28\(3\).*until the first review/);
  });

  it('reg 19(b): the case is reviewed within 10 working days of the placement: 2-5 March (4), 8-12 (9), 15 March (10)', () => {
    const o = one('2027-03-06', DOB, [...home('parent-pending-assessment'), visit('2027-03-05')], 'looked-after-review');
    expect(o.dueDate).toBe('2027-03-15'); // not the second review's 28 April
    expect(o.rule).toMatch(/^CPPCR reg 19\(b\): review within 10 working days/);
  });

  it('once that review is held, 6-weekly from the next visit, and the review cycle carries on', () => {
    const held = [...home('parent-pending-assessment'), visit('2027-03-05'), review('2027-03-12'), visit('2027-03-12')];
    // A visit on the day of the review still counts as before it: 12 March + 7.
    expect(one('2027-03-13', DOB, held, 'statutory-visit').dueDate).toBe('2027-03-19');
    const after = listed('2027-03-16', DOB, [...held, visit('2027-03-15')]);
    expect(after.get('statutory-visit')?.dueDate).toBe('2027-04-26'); // 15 March + 42
    expect(after.get('looked-after-review')?.dueDate).toBe('2027-09-12'); // third review: 12 March + 6 months
  });

  it('a review on the day the placement starts is taken as before it', () => {
    const facts = [...home('parent-pending-assessment'), review('2027-03-01'), visit('2027-03-05')];
    expect(one('2027-03-06', DOB, facts, 'statutory-visit').dueDate).toBe('2027-03-12');
    expect(one('2027-03-06', DOB, facts, 'looked-after-review').dueDate).toBe('2027-03-15');
  });

  it('reg 28(4): an interim care order at home is weekly until the next review too, with no reg 19(b) review', () => {
    const due = listed('2027-03-06', DOB, [...home('parent-interim-care-order'), visit('2027-03-05')]);
    expect(due.get('statutory-visit')).toMatchObject({ dueDate: '2027-03-12' });
    expect(due.get('statutory-visit')?.rule).toMatch(/reg 28\(4\)/);
    expect(due.get('looked-after-review')?.dueDate).toBe('2027-04-28'); // 28 January + 3 months
  });
});

describe('fewer visits only in a long-term foster placement (CPPCR reg 28(3A))', () => {
  // Placed 2 June 2025, so the first year ended 1 June 2026; agreement 15 June 2026, last visit 1 July 2026.
  const agreed = (longTerm: boolean, arrangement?: string) => [...intoCare('2025-06-02', 'p1', longTerm, arrangement), fewerVisits('2026-06-15'), visit('2026-07-01')];

  it('a long-term residential placement stays 3-monthly, and the obligation says the agreement was not used', () => {
    const o = one('2026-07-02', DOB, agreed(true, 'residential'), 'statutory-visit');
    expect(o.dueDate).toBe('2026-10-01'); // 1 July + 3 months, not + 6 (1 January 2027)
    expect(o.rule).toMatch(/^CPPCR reg 28\(2\)\(c\)/);
    expect(o.note).toMatch(/fewer-visits agreement .*not used.*reg 28\(3A\).*long-term foster placement.*residential/);
  });

  it('a foster placement not recorded as long-term: 6-weekly, with the note', () => {
    const o = one('2026-07-02', DOB, agreed(false, 'foster'), 'statutory-visit');
    expect(o.dueDate).toBe('2026-08-12'); // 1 July + 42
    expect(o.note).toMatch(/not recorded as long-term/);
  });

  it('a long-term placement whose arrangement is not recorded is not taken to be foster', () => {
    const o = one('2026-07-02', DOB, agreed(true), 'statutory-visit');
    expect(o.dueDate).toBe('2026-10-01');
    expect(o.note).toMatch(/not recorded as a foster placement/);
  });

  it('long-term foster, with carers or approved connected persons: 6-monthly and no note', () => {
    for (const arrangement of ['foster', 'connected-person']) {
      const o = one('2026-07-02', DOB, agreed(true, arrangement), 'statutory-visit');
      expect(o.dueDate).toBe('2027-01-01');
      expect(o.rule).toMatch(/reg 28\(3A\)/);
      expect(o.note).toBeUndefined();
    }
  });
});

describe('return home interviews for care leavers under 18 (missing children statutory guidance 2014)', () => {
  // Born 10 January 2010; in care from 1 May 2024 (aged 14), so eligible at 16; left care at 16 on 4 June 2026.
  const dob = '2010-01-10';
  const leaver = [...intoCare('2024-05-01'), leftCare('2026-06-04', 'independent-living')];
  // Missing 20:00 BST Sunday 20 September 2026, back 09:30 BST Monday 21 September (08:30 UTC).
  const away = missing('2026-09-20T19:00:00Z', '2026-09-21T08:30:00Z');

  it('a relevant child back from a missing episode is owed an interview within 72 hours, and their adviser is told', () => {
    const o = one('2026-09-21', dob, [...leaver, away], 'return-home-interview');
    expect(o.dueAt).toBe('2026-09-24T08:30:00.000Z');
    expect(o.dueDate).toBe('2026-09-24');
    expect(o.rule).toMatch(/within 72 hours of return, for a care leaver under 18: tell their personal adviser/);
  });

  it('is not listed once the interview is recorded, nor after the 18th birthday', () => {
    expect(listed('2026-09-24', dob, [...leaver, away, interview('2026-09-23')]).has('return-home-interview')).toBe(false);
    expect(listed('2028-01-10', dob, [...leaver, away]).has('return-home-interview')).toBe(false);
  });

  it('a young person who left care at 18 is not a child, so is not owed one', () => {
    const adult = [...intoCare('2022-05-03'), leftCare('2026-02-01', 'age-18')];
    expect(listed('2026-09-21', '2008-02-01', [...adult, away]).has('return-home-interview')).toBe(false);
  });

  it('property: every return after leaving care and before 18 is owed an interview until one is recorded on or after it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 700 }), fc.integer({ min: 0, max: 72 * 60 }), fc.boolean(), (after, minutes, interviewed) => {
        const left = toDayNumber('2026-06-04');
        const back = (left + after) * 86_400_000 + 10 * 3_600_000 + minutes * 60_000;
        const facts = [...leaver, missing(new Date(back - 3_600_000).toISOString(), new Date(back).toISOString())];
        const returnedOn = toIsoDate(londonDayOf(back));
        if (interviewed) facts.push(interview(returnedOn));
        const today = returnedOn;
        const o = listed(today, dob, facts).get('return-home-interview');
        if (interviewed || today >= '2028-01-10') expect(o).toBeUndefined();
        else expect(o?.dueAt).toBe(new Date(back + 72 * 3_600_000).toISOString());
      }),
      { numRuns: 500 },
    );
  });
});

describe('a care order (CPPCR reg 28(5))', () => {
  // At home under an interim care order from Monday 4 January 2027; first review Thursday 28 January.
  const interim = [...intoCare('2027-01-04', 'p1', false, 'parent-interim-care-order'), visit('2027-01-07'), visit('2027-01-14'), visit('2027-01-21'), review('2027-01-28'), visit('2027-01-29')];

  it('made on Wednesday 10 February while the child lives with a parent: a visit within a week of it', () => {
    // Under the interim order the next visit would be 29 January + 28 days = 26 February.
    expect(one('2027-02-01', DOB, interim, 'statutory-visit').dueDate).toBe('2027-02-26');
    const o = one('2027-02-11', DOB, [...interim, careOrder('2027-02-10')], 'statutory-visit');
    expect(o.dueDate).toBe('2027-02-17');
    expect(o.rule).toMatch(/^CPPCR reg 28\(5\): visit within 7 days of the care order/);
  });

  it('then not more than 6 weeks apart: the interim order\'s 4 weeks no longer apply', () => {
    const o = one('2027-02-16', DOB, [...interim, careOrder('2027-02-10'), visit('2027-02-15')], 'statutory-visit');
    expect(o.dueDate).toBe('2027-03-29'); // 15 February + 42
    expect(o.rule).toMatch(/reg 28\(5\)/);
  });

  it('is not a new placement: the placement plan and the first year of the placement are unchanged', () => {
    const facts = [...interim, { type: 'placement-plan', date: '2027-01-05', placementId: 'p1' }, careOrder('2027-02-10')];
    expect(listed('2027-02-11', DOB, facts).has('placement-plan')).toBe(false);
  });

  it('makes a child looked after: alone it starts the care episode', () => {
    const due = listed('2027-02-11', DOB, [careOrder('2027-02-10')]);
    expect(due.get('looked-after-review')?.dueDate).toBe('2027-03-10'); // 20 working days after 10 February
    expect(due.get('statutory-visit')?.dueDate).toBe('2027-02-17');
  });

  it('for a child in foster care it changes nothing about visits', () => {
    const foster = [...intoCare('2027-01-04', 'p1', false, 'foster'), visit('2027-01-29')];
    expect(one('2027-02-11', DOB, [...foster, careOrder('2027-02-10')], 'statutory-visit').dueDate).toBe('2027-03-12'); // 29 Jan + 42
  });

  it('comes in from a CSV import as fact_type care-order with a date', () => {
    const csv = 'child_id,first_name,last_name,date_of_birth,holder_id,fact_type,date\nC-1,Ann,Lee,2015-05-01,sw-01,care-order,2027-02-10\n';
    const parsed = parseImport(csv);
    expect(parsed.problems).toEqual([]);
    expect(parsed.children.get('C-1')?.facts.map((f) => f.fact)).toEqual([{ type: 'care-order', date: '2027-02-10' }]);
    const bad = parseImport('child_id,fact_type\nC-1,care-order\n');
    expect(bad.problems).toEqual([{ line: 2, field: 'date', message: 'is required' }]);
  });
});
