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

/**
 * Who answers for an item when the fact that opened it says so, rather than
 * the team map: a named member of staff (a complaint's investigating
 * officer), or the manager `managerLevel` steps above the child's social
 * worker (1: their manager; an IRO alert's stage).
 */
export type AnsweredBy = { staffId: string } | { managerLevel: number };

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
  'care-leaver-return': 'personal-adviser',
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

/** Each staff member's manager (their `managerId`), for walking up the line of management. */
export type ManagerOf = (staffId: string) => string | undefined;

/** The staff list as a `ManagerOf`. */
export function managerLookup(staff: ReadonlyArray<{ id: string; managerId?: string | undefined }>): ManagerOf {
  const byId = new Map(staff.map((s) => [s.id, s.managerId]));
  return (id) => byId.get(id);
}

/**
 * The manager `levels` steps above `staffId`; where the line stops short
 * (nobody above), the highest manager there is, and with no manager at all
 * the person themselves. A loop in the data stops the walk.
 */
export function managerAbove(staffId: string, levels: number, managerOf: ManagerOf): string {
  let at = staffId;
  const seen = new Set([at]);
  for (let step = 0; step < levels; step++) {
    const up = managerOf(at);
    if (up === undefined || seen.has(up)) break;
    seen.add(up);
    at = up;
  }
  return at;
}

/**
 * Who answers for an obligation: the person its fact names (a complaint's
 * officer, the manager an IRO alert's stage reaches), or else the team map
 * (`responsibleFor`). Without the staff list the manager chain cannot be
 * walked and the social worker answers.
 */
export function responsibleForItem(
  item: { kind: string; answeredBy?: AnsweredBy },
  team: Team,
  ageOnDay: number,
  map: ResponsibilityMap = DEFAULT_RESPONSIBILITY,
  managerOf: ManagerOf = () => undefined,
): Responsibility {
  const by = item.answeredBy;
  if (by && 'staffId' in by) return { responsibleId: by.staffId };
  if (by) return { responsibleId: managerAbove(team.socialWorker, by.managerLevel, managerOf) };
  return responsibleFor(item.kind, team, ageOnDay, map);
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
    case 'complaint-response':
    case 'iro-alert-response':
      return [fact.type];
    case 'care-leaver-status':
      return fact.inTouch === 'YES' ? ['care-leaver-return', 'personal-adviser-contact'] : ['care-leaver-return'];
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
