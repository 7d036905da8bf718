/**
 * Bearer token verification, the same in AWS and locally: a JWT signed by
 * the configured issuer (Cognito in AWS, the local issuer on this machine),
 * checked against its published keys, naming a council, a staff member and
 * a Cognito group that gives the role. A stack serves one council: a token
 * naming any other (COUNCIL_ID) is refused like a token that is not valid.
 * A leaver's token is refused as soon as an admin ends their access: every
 * verification reads the staff record.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type JSONWebKeySet, type JWTVerifyGetKey, createLocalJWKSet, createRemoteJWKSet, jwtVerify } from 'jose';
import { type Principal, strongestRole } from '#domain/principal.js';
import { config } from '#platform/config.js';
import { store } from '#services/context.js';
import type { StaffStore } from '#store/ports/staff.js';

export type { Principal };

export class Unauthenticated extends Error {}

/** A valid token for someone whose access has ended (a leaver). */
export class AccessEnded extends Unauthenticated {}

/** Claim names: Cognito's group claim, and the user pool's custom attributes. */
export const CLAIMS = { groups: 'cognito:groups', council: 'custom:council', staffId: 'custom:staff_id' } as const;

const keySets = new Map<string, JWTVerifyGetKey>();

function keySet(url: string): JWTVerifyGetKey {
  let set = keySets.get(url);
  if (!set) {
    set = url.startsWith('file:')
      ? createLocalJWKSet(JSON.parse(readFileSync(fileURLToPath(url), 'utf8')) as JSONWebKeySet)
      : createRemoteJWKSet(new URL(url));
    keySets.set(url, set);
  }
  return set;
}

export async function verifyBearer(authorization: string | undefined, staff: Pick<StaffStore, 'getStaff'> = store()): Promise<Principal> {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
  if (!match) throw new Unauthenticated('sign in first: send an Authorization: Bearer token');
  let payload: Record<string, unknown>;
  try {
    ({ payload } = await jwtVerify(match[1]!, keySet(config.authJwksUrl), {
      issuer: config.authIssuer,
      audience: config.authAudience,
    }));
  } catch {
    throw new Unauthenticated('the sign-in token is not valid or has expired; sign in again');
  }
  const groups = payload[CLAIMS.groups];
  const role = strongestRole(Array.isArray(groups) ? groups.map(String) : []);
  const councilId = payload[CLAIMS.council];
  const staffId = payload[CLAIMS.staffId];
  if (!role || typeof councilId !== 'string' || typeof staffId !== 'string' || typeof payload.sub !== 'string') {
    throw new Unauthenticated('the sign-in token does not say who you are in which council');
  }
  if (councilId !== config.councilId) throw new Unauthenticated("the sign-in token is for another council's Kept; sign in here");
  const member = await staff.getStaff(councilId, staffId);
  if (member?.accessEnded) throw new AccessEnded('your access to Kept has ended; sign in again, and ask your Kept administrator if you still work here');
  return { subject: payload.sub, councilId, staffId, role };
}
