/**
 * Who a person signing in is in Kept, for Cognito's pre token generation
 * trigger: the member of staff whose address is the verified email the
 * sign-in carries, in this deployment's council, still working here. The
 * council, staff id and role come from Kept's staff list, never from what the
 * council's identity provider claims; anyone else is refused.
 */
import type { Role } from '#domain/principal.js';
import { isActive } from '#domain/people.js';
import type { StaffStore } from '#store/ports/staff.js';

/** Kept refuses this sign-in; Cognito shows the message and sends no token. */
export class SignInRefused extends Error {
  override readonly name = 'SignInRefused';
}

export interface SignedInAs {
  councilId: string;
  staffId: string;
  role: Role;
}

/**
 * `attributes` are the user pool's attributes for the person (Cognito's
 * `request.userAttributes`). A federated person's email was asserted by the
 * council's own directory (their `identities` attribute says so); anyone else's
 * must have been verified by Cognito.
 */
export async function whoSignsIn(staff: Pick<StaffStore, 'findStaffByEmail'>, councilId: string, attributes: Readonly<Record<string, string>>): Promise<SignedInAs> {
  const email = attributes.email?.trim().toLowerCase();
  const federated = typeof attributes.identities === 'string' && attributes.identities.length > 0;
  if (!email || (!federated && attributes.email_verified !== 'true')) {
    throw new SignInRefused('Kept needs your verified work email address to sign you in. Ask your Kept administrator.');
  }
  const member = await staff.findStaffByEmail(email);
  if (!member || member.councilId !== councilId) {
    throw new SignInRefused("Your email address is not on Kept's staff list. Ask your Kept administrator to add you.");
  }
  if (member.awaitingEmail) throw new SignInRefused('Kept does not have your email address yet. Ask your Kept administrator.');
  if (!isActive(member)) throw new SignInRefused('Your access to Kept has ended. If you still work here, ask your Kept administrator.');
  return { councilId: member.councilId, staffId: member.id, role: member.role };
}
