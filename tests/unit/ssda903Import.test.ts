import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
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

  it('an SDQ score without --year-ending, an unknown placement code and a bad date are named', () => {
    const files = new Map([
      ['oc2.csv', 'CHILD,DOB,SDQ_SCORE\nX1,01/01/2012,12'],
      ['episodes.csv', 'CHILD,DECOM,RNE,LS,PLACE,DEC,REC\nX1,01/01/2025,S,C2,Q9,,\nX1,31/02/2025,P,C2,U4,,'],
    ]);
    const plan = readSsda903(files);
    expect(plan.problems).toEqual([
      { file: 'episodes.csv', line: 2, column: 'PLACE', message: expect.stringContaining('Q9 is not a code Kept knows') },
      { file: 'episodes.csv', line: 3, column: 'DECOM', message: '31/02/2025 is not a real date' },
      { file: 'oc2.csv', line: 2, column: 'SDQ_SCORE', message: expect.stringContaining('--year-ending') },
    ]);
  });

  it("reads the public SSDA903 validator's fake return, where its mirror is on this machine, and otherwise this project's own set", () => {
    const mirror = '/work/.mirror/data-to-insight+csc-validator-be-903/repo';
    const names = ['header', 'episodes', 'reviews', 'missing', 'oc2', 'oc3'];
    const files = existsSync(mirror)
      ? new Map(names.map((n) => [`${n}.csv`, execFileSync('git', ['-C', mirror, 'show', `HEAD:tests/fake_data/${n}.csv`], { encoding: 'utf8' })]))
      : fixture();
    const plan = readSsda903(files, { yearEnding: '2018-03-31' });
    expect(plan.problems).toEqual([]);
    expect(plan.facts.size).toBe(plan.rowsRead.header === 3 ? 2 : 2675); // our set has one child with no episodes
  });
});
