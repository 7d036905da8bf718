/**
 * Council policy: a council may tighten any statutory timescale, never loosen
 * one (its own local rules are in policyLocalRules.test.ts). Expected dates are
 * counted by hand (see the calendar notes in tests/unit/ruleScenarios.ts).
 */
import { describe, expect, it } from 'vitest';
import { answerDueRequest } from '#domain/obligations.js';
import { STATUTORY, policySchema } from '#domain/policy.js';
import { CASES } from './policyCases.js';
import { DOB, intoCare, listed, problemsFor } from './policyHelpers.js';

describe('tightening a statutory timescale', () => {
  for (const c of CASES) {
    it(`${c.name}: brings the date earlier and says it is council policy`, () => {
      const statutory = listed(c.today, c.dob, c.facts).get(c.kind);
      const council = listed(c.today, c.dob, c.facts, c.policy).get(c.kind);
      expect(statutory?.dueDate ?? null).toBe(c.statutory);
      expect(statutory?.rule ?? '').not.toMatch(/Council policy/);
      expect(council?.dueDate).toBe(c.tightened);
      expect(council?.rule).toMatch(/^Council policy, stricter than /);
      if (c.dueAt) expect(council?.dueAt).toBe(c.dueAt);
    });
  }

  it('covers every statutory setting', () => {
    const tried = new Set(CASES.flatMap((c) => Object.entries(c.policy).flatMap(([s, v]) => Object.keys(v as object).map((k) => `${s}.${k}`))));
    const all = Object.entries(STATUTORY).flatMap(([s, v]) => Object.keys(v).map((k) => `${s}.${k}`));
    // personalAdviser.untilAge is tested on its own below.
    expect(all.filter((f) => !tried.has(f))).toEqual(['personalAdviser.untilAge']);
  });

  it('PEPs from age 4: a PEP at 4 counts, and is never later than the statutory reading', () => {
    // Born 15 June 2023, in care since 6 Jan 2025, PEP on 10 May 2028 (aged 4, summer term).
    // Statutory (school age from 5): it stands for the initial PEP, next by the end of autumn 2028 -> 15 Dec 2028.
    // From 4: a PEP in the summer term, next by the end of autumn -> 15 Dec 2028 as well.
    const facts = [...intoCare('2025-01-06'), { type: 'pep', date: '2028-05-10' }];
    expect(listed('2028-05-11', '2023-06-15', facts).get('pep')?.dueDate).toBe('2028-12-15');
    expect(listed('2028-05-11', '2023-06-15', facts, { pep: { fromAge: 4 } }).get('pep')?.dueDate).toBe('2028-12-15');
    // A PEP at 2 (1 June 2026, summer term): from age 2 it counts -> 15 Dec 2026; statutory ignores it -> 29 June 2028.
    const early = [...intoCare('2025-01-06'), { type: 'pep', date: '2026-06-01' }];
    expect(listed('2026-06-02', '2023-06-15', early, { pep: { fromAge: 2 } }).get('pep')?.dueDate).toBe('2026-12-15');
    expect(listed('2026-06-02', '2023-06-15', early).get('pep')?.dueDate).toBe('2028-06-29');
  });

  it('"pathway plan by the 16th birthday" is worded as such', () => {
    const o = listed('2026-06-01', '2011-01-10', intoCare('2025-03-01'), { pathwayPlan: { monthsAfterSixteenthBirthday: 0 } }).get('pathway-plan');
    expect(o?.rule).toMatch(/by the 16th birthday/);
  });

  it('keeps adviser contact going to 25 when the council says so', () => {
    // Born 10 Jan 2006, left care at 18; last contact 1 Dec 2026 -> next 26 Jan 2027, after the 21st birthday.
    const facts = [...intoCare('2020-03-02'), { type: 'pathway-plan', date: '2023-11-01' }, { type: 'left-care', date: '2024-01-10', reason: 'age-18' }, { type: 'personal-adviser-contact', date: '2026-12-01' }];
    expect(listed('2027-01-02', '2006-01-10', facts).has('personal-adviser-contact')).toBe(false);
    expect(listed('2027-01-02', '2006-01-10', facts, { personalAdviser: { untilAge: 25 } }).get('personal-adviser-contact')?.dueDate).toBe('2027-01-26');
  });

  it('leaves the other rules citing the statute', () => {
    const all = listed('2026-12-18', DOB, intoCare('2026-12-18'), { dentalCheck: { everyMonths: 6 } });
    for (const [kind, o] of all) {
      if (kind === 'dental-check') expect(o.rule).toMatch(/^Council policy/);
      else expect(o.rule).not.toMatch(/Council policy/);
    }
  });

  it('accepts the statutory values themselves, which change nothing', () => {
    const statutoryPolicy = Object.fromEntries(Object.entries(STATUTORY).map(([s, v]) => [s, { ...v }]));
    const facts = intoCare('2026-12-18');
    const plain = [...listed('2026-12-18', DOB, facts).values()];
    const explicit = [...listed('2026-12-18', DOB, facts, statutoryPolicy).values()];
    expect(explicit).toEqual(plain);
  });
});

describe('loosening a statutory timescale is rejected', () => {
  const looser = (field: string, value: number) => (field === 'untilAge' ? value - 1 : value + 1);
  for (const [section, settings] of Object.entries(STATUTORY)) {
    for (const [field, value] of Object.entries(settings)) {
      it(`${section}.${field}: ${looser(field, value)} instead of ${value}`, () => {
        const policy = { [section]: { [field]: looser(field, value) } };
        const problems = problemsFor(policy);
        expect(problems).toHaveLength(1);
        expect(problems[0]!.field).toBe(`policy.${section}.${field}`);
        expect(problems[0]!.message).toMatch(/cannot be loosened/);
        expect(policySchema.safeParse(policy).success).toBe(false);
      });
    }
  }

  it('names the field and the regulation in the message the due command prints', () => {
    expect(() =>
      answerDueRequest({ today: '2027-01-01', child: { id: 'c', dateOfBirth: DOB }, policy: { lookedAfterReview: { thenEveryMonths: 7 } }, facts: [] }),
    ).toThrow(/policy\.lookedAfterReview\.thenEveryMonths: cannot be loosened: CPPCR reg 33\(3\) sets at most 6 months/);
  });

  it('rejects a negative timescale and an unknown setting', () => {
    expect(problemsFor({ carePlan: { withinWorkingDays: -1 } })[0]?.field).toBe('policy.carePlan.withinWorkingDays');
    expect(problemsFor({ carePlan: { withinDays: 5 } })[0]).toMatchObject({ field: 'policy.carePlan', message: expect.stringMatching(/withinDays/) });
    expect(problemsFor({ reviews: {} })[0]?.message).toMatch(/reviews/);
  });

  it('rejects school terms that end before they start', () => {
    const problems = problemsFor({ pep: { terms: [{ name: 'Autumn', start: '2026-12-18', end: '2026-09-03' }] } });
    expect(problems[0]).toMatchObject({ field: 'policy.pep.terms[0].end', message: 'must not be before start' });
  });
});
