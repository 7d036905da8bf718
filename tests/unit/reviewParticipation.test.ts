/** The review fact's SSDA903 participation code, and the yes/no older records carry. */
import { describe, expect, it } from 'vitest';
import { factSchema, participatedBy, reviewParticipated } from '#domain/facts.js';
import { computeOnTime } from '#domain/onTime.js';
import type { Fact } from '#domain/facts.js';

describe('review participation', () => {
  it('reads PN1 to PN6 as taking part, PN7 as not, PN0 (under 4) as neither', () => {
    expect(['PN1', 'PN2', 'PN3', 'PN4', 'PN5', 'PN6'].map((c) => participatedBy(c as 'PN1'))).toEqual([true, true, true, true, true, true]);
    expect(participatedBy('PN7')).toBe(false);
    expect(participatedBy('PN0')).toBeUndefined();
  });

  it('prefers the code to the yes/no, and keeps the yes/no of older records', () => {
    expect(reviewParticipated({ participation: 'PN7' })).toBe(false);
    expect(reviewParticipated({ childParticipated: true })).toBe(true);
    expect(reviewParticipated({})).toBeUndefined();
  });

  it('accepts a code alone, or with a yes/no that agrees, and names the field that does not', () => {
    expect(factSchema.safeParse({ type: 'review', date: '2027-01-04', participation: 'PN2' }).success).toBe(true);
    expect(factSchema.safeParse({ type: 'review', date: '2027-01-04', participation: 'PN2', childParticipated: true }).success).toBe(true);
    const wrong = factSchema.safeParse({ type: 'review', date: '2027-01-04', participation: 'PN7', childParticipated: true });
    expect(wrong.success).toBe(false);
    expect(wrong.error!.issues[0]!.path).toEqual(['childParticipated']);
    const unknown = factSchema.safeParse({ type: 'review', date: '2027-01-04', participation: 'PN9' });
    expect(unknown.success).toBe(false);
    expect(unknown.error!.issues[0]!.path).toEqual(['participation']);
  });

  it('counts coded reviews in the on-time participation share, leaving PN0 out', () => {
    const facts = (code: 'PN0' | 'PN1' | 'PN7'): Fact[] => [
      { type: 'entered-care', date: '2026-01-05' },
      { type: 'placement-started', date: '2026-01-05', placementId: 'p1', longTerm: false },
      { type: 'review', date: '2026-02-02', participation: code },
    ];
    const children = (['PN0', 'PN1', 'PN7'] as const).map((code, i) => ({ child: { id: `c${i}`, dateOfBirth: '2015-06-01' }, facts: facts(code), team: 'North' }));
    const { numerator, denominator } = computeOnTime(children, '2026-01-01', '2026-03-31').council.figures['reviews-participation'];
    expect({ numerator, denominator }).toEqual({ numerator: 1, denominator: 2 });
  });
});
