import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSsda903 } from '#domain/import/ssda903.js';

const folder = join(import.meta.dirname, '../fixtures/ssda903');
const fixture = () => new Map(readdirSync(folder).map((f) => [f, readFileSync(join(folder, f), 'utf8')]));
const facts = (plan: ReturnType<typeof readSsda903>, id: string) => (plan.facts.get(id) ?? []).map((f) => ({ source: f.source, ...f.fact }));

describe('SSDA903 mapping', () => {
  it('episodes: entering care, a placement kept across a legal status change, a care order, a new long-term placement', () => {
    const plan = readSsda903(fixture(), { yearEnding: '2026-03-31' });
    expect(plan.problems).toEqual([]);
    expect(facts(plan, 'P70003').filter((f) => f.source.includes(':episodes:'))).toEqual([
      { source: 'ssda903:episodes:P70003:2024-06-10:entered', type: 'entered-care', date: '2024-06-10' },
      { source: 'ssda903:episodes:P70003:2024-06-10:placement', type: 'placement-started', date: '2024-06-10', placementId: 'P70003-2024-06-10', longTerm: false, arrangement: 'residential' },
      { source: 'ssda903:episodes:P70003:2025-09-01:care-order', type: 'care-order', date: '2025-09-01' },
      { source: 'ssda903:episodes:P70003:2024-06-10:ended', type: 'placement-ended', date: '2026-02-01', placementId: 'P70003-2024-06-10' },
      { source: 'ssda903:episodes:P70003:2026-02-01:placement', type: 'placement-started', date: '2026-02-01', placementId: 'P70003-2026-02-01', longTerm: true, arrangement: 'foster' },
    ]);
  });

  it('episodes: P1 under an interim care order, and leaving care with the reason mapped', () => {
    const plan = readSsda903(fixture(), { yearEnding: '2026-03-31' });
    expect(facts(plan, 'P70009')).toEqual([
      { source: 'ssda903:episodes:P70009:2025-05-05:entered', type: 'entered-care', date: '2025-05-05' },
      { source: 'ssda903:episodes:P70009:2025-05-05:placement', type: 'placement-started', date: '2025-05-05', placementId: 'P70009-2025-05-05', longTerm: false, arrangement: 'parent-interim-care-order' },
      { source: 'ssda903:episodes:P70009:2025-05-05:ended', type: 'placement-ended', date: '2025-12-20', placementId: 'P70009-2025-05-05' },
      { source: 'ssda903:episodes:P70009:2025-05-05:left', type: 'left-care', date: '2025-12-20', reason: 'returned-home' },
    ]);
  });

  it('reviews with participation, missing (absences skipped), SDQ dated at the year end', () => {
    const plan = readSsda903(fixture(), { yearEnding: '2026-03-31' });
    const rest = facts(plan, 'P70003').filter((f) => !f.source.includes(':episodes:'));
    expect(rest).toEqual([
      { source: 'ssda903:reviews:P70003:2024-07-04', type: 'review', date: '2024-07-04', childParticipated: true },
      { source: 'ssda903:reviews:P70003:2024-12-20', type: 'review', date: '2024-12-20', childParticipated: false },
      { source: 'ssda903:missing:P70003:2026-03-14T00:00:00.000Z', type: 'missing-episode', start: '2026-03-14T00:00:00.000Z', returned: '2026-03-15T00:00:00.000Z' },
      { source: 'ssda903:oc2:P70003:2026-03-31:sdq', type: 'sdq', date: '2026-03-31', score: 19 },
    ]);
    expect(plan.skipped).toEqual([{ file: 'missing.csv', line: 3, reason: expect.stringContaining('not missing') }]);
  });

  it('an SDQ score without --year-ending and a bad date are named; an unknown placement code is read and listed, not refused', () => {
    const files = new Map([
      ['oc2.csv', 'CHILD,DOB,SDQ_SCORE\nX1,01/01/2012,12'],
      ['episodes.csv', 'CHILD,DECOM,RNE,LS,PLACE,DEC,REC\nX1,01/01/2025,S,C2,Q9,,\nX1,31/02/2025,P,C2,U4,,'],
    ]);
    const plan = readSsda903(files);
    expect(plan.unknownCodes).toEqual([{ file: 'episodes.csv', line: 2, column: 'PLACE', code: 'Q9', reading: expect.stringContaining('ordinary') }]);
    expect(plan.facts.get('X1')?.map((f) => f.fact)).toContainEqual(expect.objectContaining({ type: 'placement-started', arrangement: 'other' }));
    expect(plan.problems).toEqual([
      { file: 'episodes.csv', line: 3, column: 'DECOM', message: '31/02/2025 is not a real date' },
      { file: 'oc2.csv', line: 2, column: 'SDQ_SCORE', message: expect.stringContaining('--year-ending') },
    ]);
  });

  // OC3 with the DfE's columns (CHILD, DOB, IN_TOUCH, ACTIV, ACCOM, as data-to-insight/csc-validator-be-903's config names
  // them, plus the LA and YEAR that its pan-London tools append), saved as Excel saves CSV: BOM, CRLF, DD/MM/YYYY.
  it('an OC3 saved from Excel (BOM, CRLF, DD/MM/YYYY, LA and YEAR appended) makes the same statuses', () => {
    const oc3 = '\uFEFFCHILD,DOB,IN_TOUCH,ACTIV,ACCOM,LA,YEAR\r\n'
      + 'A1,15/06/2007,YES,F2,D1,Barsetshire,2026\r\n'
      + 'A2,02/02/2005,NO,0,0,Barsetshire,2026\r\n'
      + 'A3,20/11/2009,YES,G5,U2,Barsetshire,2026\r\n';
    const plan = readSsda903(new Map([['oc3.csv', oc3]]), { yearEnding: '2026-03-31' });
    expect(plan.problems).toEqual([]);
    expect(plan.unknownCodes).toEqual([]);
    expect(plan.rowsRead).toEqual({ oc3: 3 });
    expect(facts(plan, 'A1')).toEqual([
      { source: 'ssda903:oc3:A1:2025-06-15', type: 'care-leaver-status', date: '2025-06-15', inTouch: 'YES', activity: 'F2', accommodation: 'D', accommodationSuitable: true },
    ]);
    expect(facts(plan, 'A2')).toEqual([{ source: 'ssda903:oc3:A2:2026-02-02', type: 'care-leaver-status', date: '2026-02-02', inTouch: 'NO' }]);
    // A3's birthday in the year is the 16th.
    expect(plan.skipped).toEqual([{ file: 'oc3.csv', line: 4, reason: expect.stringContaining('the 16th') }]);
  });

  // 238 children of the public validator's fake return (data-to-insight/csc-validator-be-903, tests/fake_data, MIT;
  // the first 150 in header.csv and everyone in missing.csv and oc3.csv), as its repository wrote them.
  it("reads the public SSDA903 validator's fake return without a problem; one child hand-checked", () => {
    const dir = join(import.meta.dirname, '../fixtures/ssda903-validator');
    const files = new Map(readdirSync(dir).filter((f) => f.endsWith('.csv')).map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
    const plan = readSsda903(files, { yearEnding: '2018-03-31' });
    expect(plan.problems).toEqual([]);
    expect(plan.rowsRead).toEqual({ header: 238, episodes: 459, reviews: 1091, missing: 43, oc2: 238, oc3: 53 });
    expect(plan.facts.size).toBe(238);
    // 92296: episodes 12/01/2017 (RNE L, a legal status change, so not a new entry) in K2, ended 17/12/2017; then U5
    // from 17/12/2017; missing 21/11/2017 to 04/01/2018; eight reviews; an SDQ of 10 for the year ending 31/03/2018.
    const child = facts(plan, '92296');
    expect(child.filter((f) => f.type !== 'review')).toEqual([
      { source: 'ssda903:episodes:92296:2017-01-12:placement', type: 'placement-started', date: '2017-01-12', placementId: '92296-2017-01-12', longTerm: false, arrangement: 'residential' },
      { source: 'ssda903:episodes:92296:2017-01-12:ended', type: 'placement-ended', date: '2017-12-17', placementId: '92296-2017-01-12' },
      { source: 'ssda903:episodes:92296:2017-12-17:placement', type: 'placement-started', date: '2017-12-17', placementId: '92296-2017-12-17', longTerm: false, arrangement: 'foster' },
      { source: 'ssda903:missing:92296:2017-11-21T00:00:00.000Z', type: 'missing-episode', start: '2017-11-21T00:00:00.000Z', returned: '2018-01-04T00:00:00.000Z' },
      { source: 'ssda903:oc2:92296:2018-03-31:sdq', type: 'sdq', date: '2018-03-31', score: 10 },
    ]);
    expect(child.filter((f) => f.type === 'review')).toHaveLength(8);
    expect(new Set(plan.skipped.map((s) => s.reason))).toEqual(new Set([
      'away from placement without authorisation, not missing: no return interview is owed',
      // oc3.csv: three whose birthday in the year is the 16th; one in touch with activity or accommodation unknown.
      'the birthday in the year ending 2018-03-31 is the 16th, not the 17th to the 21st: no care leaver status',
      'in touch, but ACTIV or ACCOM is not known: no care leaver status',
    ]));
    // The other 49 OC3 rows are statuses dated the 17th birthday: 880820 (01/02/2001) in touch, F1, K1.
    expect([...plan.facts.values()].flat().filter((f) => f.fact.type === 'care-leaver-status')).toHaveLength(49);
    expect(facts(plan, '880820').filter((f) => f.type === 'care-leaver-status')).toEqual([
      { source: 'ssda903:oc3:880820:2018-02-01', type: 'care-leaver-status', date: '2018-02-01', inTouch: 'YES', activity: 'F1', accommodation: 'K', accommodationSuitable: true },
    ]);
  });
});
