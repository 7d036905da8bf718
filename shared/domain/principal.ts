/**
 * Who is acting: the sign-in roles Kept knows and the signed-in person a
 * request runs for. Sign-in roles decide which doors open; what a person may
 * see of a child follows from them and from the cases they work on.
 */

/** Sign-in roles, weakest first. A person in several groups gets the strongest (`strongestRole`). */
export const ROLES = ['practitioner', 'manager', 'lead', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface Principal {
  /** The identity provider's subject (Cognito's `sub`, or the local issuer's). */
  subject: string;
  councilId: string;
  staffId: string;
  role: Role;
}

/** The role that wins when a person is in several Cognito groups. */
export function strongestRole(groups: readonly string[]): Role | null {
  for (const role of [...ROLES].reverse()) if (groups.includes(role)) return role;
  return null;
}
