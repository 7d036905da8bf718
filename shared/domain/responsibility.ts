/**
 * Who in the team around a child answers for each kind of work. A council
 * may change the map (in its policy, `responsibility`); its defaults follow
 * the law: the IRO chairs looked-after reviews, the virtual school leads the
 * PEP, the looked-after children's nurse sees to health, the personal
 * adviser to the pathway plan and keeping in touch, the social worker to the
 * rest. Pure: no clock, no I/O.
 */
import * as z from 'zod/mini';
import type { Fact } from './facts.js';
import { TEAM_MEMBER, TEAM_ROLES, type Team, type TeamRole } from './people.js';

export const DEFAULT_RESPONSIBILITY: Readonly<Record<string, TeamRole>> = Object.freeze({
  'statutory-visit': 'social-worker',
  'care-plan': 'social-worker',
  'placement-plan': 'social-worker',
  'permanence-plan': 'social-worker',
  'return-home-interview': 'social-worker',
  'looked-after-review': 'iro',
  pep: 'virtual-school',
  'initial-health-assessment': 'health',
  'review-health-assessment': 'health',
  'dental-check': 'health',
  sdq: 'health',
  'pathway-plan': 'personal-adviser',
  'pathway-plan-review': 'personal-adviser',
  'personal-adviser-contact': 'personal-adviser',
});

/** A council's changes to the map: kind to team role. Which kinds it may name is checked with the policy (policy.ts). */
export const responsibilitySchema = z.record(
  z.string().check(z.regex(/^[a-z][a-z0-9-]{1,47}$/, 'must be an obligation kind in lower-case-with-dashes')),
  z.enum(TEAM_ROLES),
);
export type ResponsibilityMap = Readonly<Record<string, TeamRole>>;

export function resolveResponsibility(input: Record<string, TeamRole> | undefined): ResponsibilityMap {
  return Object.freeze({ ...DEFAULT_RESPONSIBILITY, ...input });
}

/** The age from which a young person with no personal adviser is owed one, and the item says so. */
const ADVISER_DUE_FROM_AGE = 18;

export interface Responsibility {
  /** The staff member who answers for this item. */
  responsibleId: string;
  /** The team role that should answer for it but is not allocated: the social worker answers meanwhile. */
  unallocated?: TeamRole;
}

/**
 * Who answers for an item of `kind` in this team, for a child of `ageOnDay`.
 * Kinds the map does not name (a local rule's, unless mapped) fall to the
 * social worker. With no personal adviser, the social worker keeps the
 * pathway plan and keeping in touch until the child is 18 as a matter of
 * course; from 18 the missing adviser is flagged.
 */
export function responsibleFor(kind: string, team: Team, ageOnDay: number, map: ResponsibilityMap = DEFAULT_RESPONSIBILITY): Responsibility {
  const role = map[kind] ?? 'social-worker';
  const member = team[TEAM_MEMBER[role]];
  if (member) return { responsibleId: member };
  if (role === 'personal-adviser' && ageOnDay < ADVISER_DUE_FROM_AGE) return { responsibleId: team.socialWorker };
  return { responsibleId: team.socialWorker, unallocated: role };
}

/** The obligation kinds a fact answers (empty for facts about the case itself, such as a placement). */
export function kindsAnsweredBy(fact: Fact): string[] {
  switch (fact.type) {
    case 'visit':
      return ['statutory-visit'];
    case 'review':
      return ['looked-after-review'];
    case 'health-assessment':
      return [fact.kind === 'initial' ? 'initial-health-assessment' : 'review-health-assessment'];
    case 'pathway-plan':
      return ['pathway-plan', 'pathway-plan-review'];
    case 'local-task':
      return [fact.kind];
    case 'care-plan':
    case 'placement-plan':
    case 'permanence-plan':
    case 'pep':
    case 'dental-check':
    case 'sdq':
    case 'return-home-interview':
    case 'personal-adviser-contact':
      return [fact.type];
    default:
      return [];
  }
}
