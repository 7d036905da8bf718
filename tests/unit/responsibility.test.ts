import { describe, expect, it } from 'vitest';
import { DEFAULT_RESPONSIBILITY, kindsAnsweredBy, responsibleFor } from '#domain/responsibility.js';
import { STATUTORY_KINDS, policySchema, resolvePolicy } from '#domain/policy.js';
import { childInputSchema, staffInputSchema, teamOfChild } from '#domain/people.js';

const full = { socialWorker: 'sw', iro: 'iro', personalAdviser: 'pa', virtualSchool: 'vs', health: 'nurse' };

describe('who answers for each kind', () => {
  it('gives every statutory kind a role, as the law does', () => {
    expect(Object.keys(DEFAULT_RESPONSIBILITY).sort()).toEqual([...STATUTORY_KINDS].sort());
    const byKind = (kind: string) => responsibleFor(kind, full, 12).responsibleId;
    expect(['statutory-visit', 'care-plan', 'placement-plan', 'permanence-plan', 'return-home-interview'].map(byKind)).toEqual(['sw', 'sw', 'sw', 'sw', 'sw']);
    expect(byKind('looked-after-review')).toBe('iro');
    expect(byKind('pep')).toBe('vs');
    expect(['initial-health-assessment', 'review-health-assessment', 'dental-check', 'sdq'].map(byKind)).toEqual(['nurse', 'nurse', 'nurse', 'nurse']);
    expect(['pathway-plan', 'pathway-plan-review', 'personal-adviser-contact'].map(byKind)).toEqual(['pa', 'pa', 'pa']);
    expect(byKind('cse-risk-assessment')).toBe('sw'); // a local rule the map does not name
  });

  it('falls to the social worker, saying so, where the role is not allocated', () => {
    const alone = { socialWorker: 'sw' };
    expect(responsibleFor('looked-after-review', alone, 12)).toEqual({ responsibleId: 'sw', unallocated: 'iro' });
    expect(responsibleFor('pep', alone, 12)).toEqual({ responsibleId: 'sw', unallocated: 'virtual-school' });
    expect(responsibleFor('sdq', alone, 12)).toEqual({ responsibleId: 'sw', unallocated: 'health' });
    expect(responsibleFor('statutory-visit', alone, 12)).toEqual({ responsibleId: 'sw' });
  });

  it('leaves the pathway plan with the social worker until 18 when there is no adviser, then flags the gap', () => {
    const noAdviser = { socialWorker: 'sw', iro: 'iro' };
    expect(responsibleFor('pathway-plan', noAdviser, 16)).toEqual({ responsibleId: 'sw' });
    expect(responsibleFor('personal-adviser-contact', noAdviser, 17)).toEqual({ responsibleId: 'sw' });
    expect(responsibleFor('pathway-plan-review', noAdviser, 18)).toEqual({ responsibleId: 'sw', unallocated: 'personal-adviser' });
  });

  it('follows the council map', () => {
    const policy = resolvePolicy(policySchema.parse({ responsibility: { pep: 'social-worker', 'cse-risk-assessment': 'health' }, localRules: [
      { kind: 'cse-risk-assessment', title: 'CSE risk assessment', fromAge: 11, firstWithin: { workingDays: 20 }, every: { months: 6 } },
    ] }));
    expect(responsibleFor('pep', full, 9, policy.responsibility).responsibleId).toBe('sw');
    expect(responsibleFor('cse-risk-assessment', full, 12, policy.responsibility).responsibleId).toBe('nurse');
    expect(responsibleFor('looked-after-review', full, 12, policy.responsibility).responsibleId).toBe('iro');
  });

  it('refuses a map naming an unknown kind or role, naming the field', () => {
    const unknownKind = policySchema.safeParse({ responsibility: { 'school-run': 'iro' } });
    expect(unknownKind.success).toBe(false);
    expect(unknownKind.error!.issues[0]!.path).toEqual(['responsibility']);
    const unknownRole = policySchema.safeParse({ responsibility: { pep: 'head-teacher' } });
    expect(unknownRole.success).toBe(false);
    expect(unknownRole.error!.issues[0]!.path).toEqual(['responsibility', 'pep']);
  });
});

describe('the kinds a fact answers', () => {
  it('maps each recording to its obligation kinds, and case facts to none', () => {
    expect(kindsAnsweredBy({ type: 'visit', date: '2027-01-01', seenAlone: true })).toEqual(['statutory-visit']);
    expect(kindsAnsweredBy({ type: 'review', date: '2027-01-01' })).toEqual(['looked-after-review']);
    expect(kindsAnsweredBy({ type: 'health-assessment', date: '2027-01-01', kind: 'review' })).toEqual(['review-health-assessment']);
    expect(kindsAnsweredBy({ type: 'pathway-plan', date: '2027-01-01' })).toEqual(['pathway-plan', 'pathway-plan-review']);
    expect(kindsAnsweredBy({ type: 'local-task', date: '2027-01-01', kind: 'cse-risk-assessment' })).toEqual(['cse-risk-assessment']);
    expect(kindsAnsweredBy({ type: 'entered-care', date: '2027-01-01' })).toEqual([]);
  });
});

describe('teams and team roles', () => {
  it('reads a record without a team as its holder alone', () => {
    expect(teamOfChild({ holderId: 'sw' })).toEqual({ socialWorker: 'sw' });
    expect(teamOfChild({ holderId: 'sw', team: { socialWorker: 'sw', iro: 'iro' } })).toEqual({ socialWorker: 'sw', iro: 'iro' });
  });

  it('takes a team role on staff and a team on a child, whose social worker must be the holder', () => {
    const staff = { id: 'iro-1', name: 'I R O', email: 'iro@x.test', role: 'practitioner' };
    expect(staffInputSchema.parse({ ...staff, teamRole: 'iro' }).teamRole).toBe('iro');
    expect(staffInputSchema.safeParse({ ...staff, teamRole: 'wizard' }).error!.issues[0]!.path).toEqual(['teamRole']);
    const child = { id: 'C-1', firstName: 'A', lastName: 'B', dateOfBirth: '2014-01-01', holderId: 'sw' };
    expect(childInputSchema.safeParse({ ...child, team: { socialWorker: 'sw', iro: 'iro-1' } }).success).toBe(true);
    expect(childInputSchema.safeParse({ ...child, team: { socialWorker: 'sw-2' } }).error!.issues[0]!.path).toEqual(['team', 'socialWorker']);
    expect(childInputSchema.safeParse({ ...child, team: { socialWorker: 'sw', nurse: 'x' } }).success).toBe(false);
  });
});
