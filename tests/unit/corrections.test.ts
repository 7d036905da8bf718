import { describe, expect, it } from 'vitest';
import { correctionProblem, effectiveFacts, type FactEntry } from '#domain/corrections.js';
import { computeObligations } from '#domain/obligations.js';
import { STATUTORY_POLICY, resolvePolicy } from '#domain/policy.js';

const policy = resolvePolicy(STATUTORY_POLICY);
const child = { id: 'C-1', dateOfBirth: '2015-03-01' };
const history: FactEntry[] = [
  { id: 'a', fact: { type: 'entered-care', date: '2026-09-01' } },
  { id: 'b', fact: { type: 'placement-started', date: '2026-09-01', placementId: 'p1', longTerm: false, arrangement: 'foster' } },
  { id: 'c', fact: { type: 'visit', date: '2026-09-03', seenAlone: true } },
  { id: 'd', fact: { type: 'visit', date: '2026-10-20', seenAlone: false } },
];
const visitDue = (entries: FactEntry[]) =>
  computeObligations(child, effectiveFacts(entries), '2026-11-02', policy).find((o) => o.kind === 'statutory-visit')?.dueDate;

describe('corrections', () => {
  it('leave the withdrawn fact out, so the engine answers as if it was never recorded', () => {
    const corrected = [...history, { id: 'e', fact: { type: 'correction', date: '2026-11-02', factId: 'd', reason: 'recorded-in-error' } } as FactEntry];
    expect(effectiveFacts(corrected).map((f) => f.type)).toEqual(['entered-care', 'placement-started', 'visit']);
    expect(visitDue(corrected)).toBe(visitDue(history.slice(0, 3)));
    expect(visitDue(history)).toMatch(/^2026-/);
    expect(visitDue(corrected)).not.toBe(visitDue(history));
  });

  it('pass every fact through when nothing was corrected', () => {
    expect(effectiveFacts(history)).toEqual(history.map((e) => e.fact));
  });

  it('say why a fact cannot be withdrawn: unknown, a correction, or withdrawn already', () => {
    const corrected = [...history, { id: 'e', fact: { type: 'correction', date: '2026-11-02', factId: 'd', reason: 'recorded-in-error' } } as FactEntry];
    expect(correctionProblem(history, 'c')).toBeNull();
    expect(correctionProblem(history, 'zz')).toMatch(/not a fact recorded/);
    expect(correctionProblem(corrected, 'd')).toMatch(/already been withdrawn/);
    expect(correctionProblem(corrected, 'e')).toMatch(/itself a correction/);
  });
});
