/** Staff and children as Kept holds them, and the payloads that create them. */
import * as z from 'zod/mini';
import { ROLES } from './principal.js';
import { isoDate } from './validation.js';
import { type ContactState, contactFields, youngPersonEmail } from './contact.js';

const identifier = z.string().check(
  z.regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'must be 1 to 64 letters, digits, dots, dashes or underscores'),
);
const personName = z.string().check(z.trim(), z.minLength(1), z.maxLength(80));

/**
 * What a person does in the team around a child. Not a sign-in role: an IRO
 * signs in as a practitioner, and what they may see follows from the teams
 * they are in. Managers, leads and admins have none.
 */
export const TEAM_ROLES = ['social-worker', 'iro', 'personal-adviser', 'virtual-school', 'health'] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];

/** The team around a child: staff ids, each optional but the social worker (who holds the case). */
export const teamSchema = z.strictObject({
  socialWorker: identifier,
  iro: z.optional(identifier),
  personalAdviser: z.optional(identifier),
  virtualSchool: z.optional(identifier),
  health: z.optional(identifier),
});
export type Team = z.output<typeof teamSchema>;

/** Which member of a team holds each team role. */
export const TEAM_MEMBER: Record<TeamRole, keyof Team> = {
  'social-worker': 'socialWorker',
  iro: 'iro',
  'personal-adviser': 'personalAdviser',
  'virtual-school': 'virtualSchool',
  health: 'health',
};

export const staffInputSchema = z.strictObject({
  id: identifier,
  name: personName,
  email: z.string().check(z.trim(), z.toLowerCase(), z.email('must be an email address'), z.maxLength(254)),
  role: z.enum(ROLES),
  /** The manager this person reports to; their overdue items escalate there. */
  managerId: z.optional(identifier),
  jobTitle: z.optional(z.string().check(z.maxLength(80))),
  /** Their part in children's teams, if any (managers, leads and admins have none). */
  teamRole: z.optional(z.enum(TEAM_ROLES)),
});
export type StaffInput = z.output<typeof staffInputSchema>;

export interface Staff extends StaffInput {
  councilId: string;
  undeliverable?: { since: string; reason: string };
  /** A leaver: their access ended then, by that admin. Their record and history stay; they sign in no more. */
  accessEnded?: { at: string; by: string };
  /**
   * Created by an import from the case system, which knows no email address
   * (`email` is empty meanwhile): no digest, no sign-in, no calendar link
   * until an admin or the staff import gives them an address.
   */
  awaitingEmail?: { since: string };
}

/**
 * The holder of a child the import could not allocate (no current worker in
 * the extract). No member of staff can have this id: ids start with a letter
 * or digit. Managers see these children as Unallocated on the team page.
 */
export const UNALLOCATED = '-unallocated';

/**
 * PUT /staff/{id}: a member of staff's details as they are to be (the id is
 * the path's). A field left out is removed (manager, job title, team role).
 */
export const staffChangeSchema = z.strictObject({
  name: personName,
  email: staffInputSchema.shape.email,
  role: z.enum(ROLES),
  managerId: z.optional(identifier),
  jobTitle: z.optional(z.string().check(z.maxLength(80))),
  teamRole: z.optional(z.enum(TEAM_ROLES)),
});
export type StaffChange = z.output<typeof staffChangeSchema>;

/** Still works here: not a leaver. */
export const isActive = (staff: Pick<Staff, 'accessEnded'>): boolean => !staff.accessEnded;

/** Can be mailed: still works here, has an address, and it has not bounced. */
export const isMailable = (staff: Pick<Staff, 'accessEnded' | 'undeliverable' | 'awaitingEmail'>): boolean =>
  isActive(staff) && !staff.undeliverable && !staff.awaitingEmail;

/** A child's fields, before the checks across them (the import checks its rows field by field). */
export const childFieldsSchema = z.strictObject({
  /** The council's case reference, used in every email and link. */
  id: identifier,
  firstName: personName,
  lastName: personName,
  dateOfBirth: isoDate,
  /** The practitioner who holds the case: the child's social worker. */
  holderId: identifier,
  /** The young person's own email address, for survey invitations (optional). */
  email: z.optional(youngPersonEmail),
  /** The team around the child; its social worker is the holder. Without it the team is the holder alone. */
  team: z.optional(teamSchema),
  /** mobile, preferredChannel, language: see contact.ts. */
  ...contactFields,
});

export const childInputSchema = childFieldsSchema.check(
  z.refine((c) => !c.team || c.team.socialWorker === c.holderId, { message: 'must be the holder (holderId)', path: ['team', 'socialWorker'] }),
);
export type ChildInput = z.output<typeof childInputSchema>;

export interface ChildRecord extends ChildInput, ContactState {
  councilId: string;
  createdAt: string;
  version: number;
}

/**
 * What is wrong with a team, field by field (`prefix` + `iro`, ...): each
 * member must be a practitioner or manager of the council, and a member
 * with a team role must be in the place that role fits.
 */
export function teamProblems(team: Team, staff: ReadonlyMap<string, Staff>, prefix = ''): Array<{ field: string; message: string }> {
  const problems: Array<{ field: string; message: string }> = [];
  for (const [role, key] of Object.entries(TEAM_MEMBER) as Array<[TeamRole, keyof Team]>) {
    const id = team[key];
    if (id === undefined) continue;
    const person = staff.get(id);
    if (!person || (person.role !== 'practitioner' && person.role !== 'manager')) {
      problems.push({ field: `${prefix}${key}`, message: `no practitioner or manager ${id} in your council` });
    } else if (person.teamRole && person.teamRole !== role) {
      problems.push({ field: `${prefix}${key}`, message: `${id} works as ${person.teamRole}, not ${role}` });
    }
  }
  return problems;
}

/** A child's team; a record stored before teams existed has its holder as social worker and nobody else. */
export function teamOfChild(child: Pick<ChildRecord, 'holderId' | 'team'>): Team {
  return { ...child.team, socialWorker: child.holderId };
}

/** The staff ids in a team, each once. */
export function teamMembers(team: Team): string[] {
  return [...new Set(Object.values(team).filter((id): id is string => typeof id === 'string'))];
}

/** "A.B.": how an email names a child, beside the case reference. */
export function initials(firstName: string, lastName: string): string {
  const first = (name: string) => (Array.from(name.trim())[0] ?? '').toLocaleUpperCase('en-GB');
  return `${first(firstName)}.${first(lastName)}.`;
}

