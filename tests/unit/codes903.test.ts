import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CODE_LIST_YEAR, CODE_LISTS, type CodeList, codesIn, PLACEMENT_TYPES } from '#domain/import/codes903.js';
import { readSsda903 } from '#domain/import/ssda903.js';
import { computeObligations } from '#domain/obligations.js';
import { type Fact, factDate } from '#domain/facts.js';

// The DfE validator's code lists (data-to-insight/csc-validator-be-903, MIT), vendored as data.
const vendored = JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/ssda903-codes/code-lists.json'), 'utf8')) as {
  lists: Record<string, Record<string, string[] | string>>;
};

describe('SSDA903 code lists', () => {
  it(`hold exactly the validator's ${CODE_LIST_YEAR} codes for every list`, () => {
    expect(CODE_LIST_YEAR).toBe('2025-26');
    for (const [field, list] of Object.entries(CODE_LISTS) as Array<[string, CodeList<unknown>]>) {
      const theirs = vendored.lists[field]!['2025-26'] as string[];
      const ours = codesIn(list, '2025-26').filter((c) => field !== 'MISSING' || c.length === 1);
      expect([...ours].sort(), field).toEqual([...theirs].sort());
    }
  });

  it('still read the placement codes of earlier years, marked with the last year they were valid', () => {
    for (const year of ['2024-25', '2022-23']) {
      const theirs = (vendored.lists.PLACE![year] as string[]).filter((c) => c !== 'K3' || year >= '2024-25');
      expect(codesIn(PLACEMENT_TYPES, year).sort()).toEqual(theirs.sort());
    }
    expect(PLACEMENT_TYPES.codes.H5).toMatchObject({ until: '2024-25' });
    expect(PLACEMENT_TYPES.codes.Z11).toMatchObject({ since: '2025-26' });
  });
});

const dir = join(import.meta.dirname, '../fixtures/ssda903-2025-26');
const files = () => new Map(readdirSync(dir).filter((f) => f.endsWith('.csv')).map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
const factsOf = (plan: ReturnType<typeof readSsda903>, id: string): Fact[] => (plan.facts.get(id) ?? []).map((f) => f.fact);

describe('a 2025-26 SSDA903 return', () => {
  it("reads this year's codes, and lists each code it does not know with its file, line and reading", () => {
    const plan = readSsda903(files(), { yearEnding: '2026-03-31' });
    expect(plan.problems).toEqual([]);
    expect(plan.unknownCodes).toEqual([
      { file: 'episodes.csv', line: 5, column: 'PLACE', code: 'Z99', reading: expect.stringContaining('6-weekly') },
      { file: 'reviews.csv', line: 3, column: 'REVIEW_CODE', code: 'PN9', reading: expect.stringContaining('not known') },
      { file: 'missing.csv', line: 2, column: 'MISSING', code: 'X', reading: expect.stringContaining('return home interview is owed') },
    ]);
    const placements = (id: string) => factsOf(plan, id).filter((f) => f.type === 'placement-started');
    expect(placements('Q80001')).toMatchObject([{ arrangement: 'other' }, { arrangement: 'supported-accommodation', date: '2025-11-03' }]);
    expect(placements('Q80002')).toMatchObject([{ arrangement: 'foster' }, { arrangement: 'other', date: '2025-09-01' }]);
    expect(placements('Q80003')).toMatchObject([{ arrangement: 'short-breaks' }]);
    expect(factsOf(plan, 'Q80002').filter((f) => f.type === 'missing-episode')).toHaveLength(1);
  });

  it('dates an unknown placement code at the ordinary 6 weeks, and short breaks by CPPCR reg 48, not the ordinary timescales', () => {
    const plan = readSsda903(files(), { yearEnding: '2026-03-31' });
    const due = (id: string, dob: string, today: string) =>
      Object.fromEntries(computeObligations({ id, dateOfBirth: dob }, factsOf(plan, id).filter((f) => factDate(f) <= today), today).map((o) => [o.kind, o]));
    // Q80002: placed 2025-09-01 under an unknown code, never visited: due within a week, like any placement.
    expect(due('Q80002', '2009-10-02', '2025-09-02')['statutory-visit']).toMatchObject({ dueDate: '2025-09-08' });
    // Q80003: short breaks (V4) from 2025-06-06: first visit and first review within 3 months; no health assessment, PEP or placement plan.
    const sb = due('Q80003', '2015-01-20', '2025-06-10');
    expect(sb['statutory-visit']).toMatchObject({ dueDate: '2025-09-06', rule: expect.stringContaining('reg 48(3)(c)(i)') });
    expect(sb['looked-after-review']).toMatchObject({ dueDate: '2025-09-06', rule: expect.stringContaining('reg 48(3)(d)') });
    for (const kind of ['initial-health-assessment', 'pep', 'placement-plan', 'dental-check']) expect(sb[kind], kind).toBeUndefined();
    // After the review of 2025-09-01, the next is 6 months on.
    expect(due('Q80003', '2015-01-20', '2025-09-02')['looked-after-review']).toMatchObject({ dueDate: '2026-03-01' });
  });
});
