import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CODE_LIST_YEAR, CODE_LISTS, type CodeList, codesIn, PLACEMENT_TYPES } from '#domain/import/codes903.js';
import { readSsda903 } from '#domain/import/ssda903.js';
import { computeObligations } from '#domain/obligations.js';
import { type Fact, factDate } from '#domain/facts.js';
import { birthdayReturns } from '#domain/careLeaverFigures.js';

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
      { file: 'oc3.csv', line: 5, column: 'IN_TOUCH', code: 'MAYB', reading: 'not kept' },
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

  it("makes OC3's in touch, activity and accommodation a care leaver status dated the birthday in the year, which the on-time figures count", () => {
    const plan = readSsda903(files(), { yearEnding: '2026-03-31' });
    const status = (id: string) => factsOf(plan, id).filter((f) => f.type === 'care-leaver-status');
    // Q80004's 19th birthday, 12/08/2025: in touch, an apprenticeship (F4), semi-independent and suitable (D1).
    expect(status('Q80004')).toEqual([{ type: 'care-leaver-status', date: '2025-08-12', inTouch: 'YES', activity: 'F4', accommodation: 'D', accommodationSuitable: true }]);
    // Q80005's 18th, 03/02/2026: not in EET (G5), independent living not suitable (U2).
    expect(status('Q80005')).toEqual([{ type: 'care-leaver-status', date: '2026-02-03', inTouch: 'YES', activity: 'G5', accommodation: 'U', accommodationSuitable: false }]);
    // Q80006's 21st, 20/06/2025: not in touch, ACTIV and ACCOM 0 (not known) left out.
    expect(status('Q80006')).toEqual([{ type: 'care-leaver-status', date: '2025-06-20', inTouch: 'NO' }]);
    // An unknown IN_TOUCH is listed (above) and skipped; Q80002's birthday in the year is the 16th.
    expect(status('Q80007')).toEqual([]);
    expect(status('Q80002')).toEqual([]);
    expect(plan.skipped.filter((s) => s.file === 'oc3.csv').map((s) => [s.line, s.reason])).toEqual([
      [5, expect.stringContaining('IN_TOUCH is a code Kept does not know')],
      [6, expect.stringContaining('16th')],
    ]);
    expect(plan.facts.get('Q80004')?.find((f) => f.fact.type === 'care-leaver-status')?.source).toBe('ssda903:oc3:Q80004:2025-08-12');
    // With Kept's own record of the period of care (left at 18), the figures read the status in the birthday's window.
    const lived: Fact[] = [{ type: 'entered-care', date: '2020-01-06' }, { type: 'left-care', date: '2024-08-12', reason: 'age-18' }, ...status('Q80004')];
    expect(birthdayReturns({ id: 'Q80004', dateOfBirth: '2006-08-12' }, lived, '2025-04-01', '2026-03-31')).toEqual([
      { age: 19, birthday: '2025-08-12', inTouch: true, inEducationEmploymentOrTraining: true, suitablyHoused: true },
    ]);
  });

  it('without --year-ending OC3 cannot be dated: a note, and no status', () => {
    const plan = readSsda903(files());
    expect([...plan.facts.values()].flat().filter((f) => f.fact.type === 'care-leaver-status')).toEqual([]);
    expect(plan.notes.join('\n')).toMatch(/oc3: .*without --year-ending/);
  });
});
