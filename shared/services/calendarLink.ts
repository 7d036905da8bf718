/**
 * A person's private calendar link (`/calendar/{token}.ics`): a new one
 * replaces the old, which stops working at once. The token is handed back
 * once; Kept keeps only its hash.
 */
import type { Principal } from '#domain/principal.js';
import type { StaffStore } from '#store/ports/staff.js';
import { newToken, tokenHash } from '#platform/tokens.js';

export async function newCalendarLink(store: Pick<StaffStore, 'setCalendarToken'>, principal: Principal, appUrl: string): Promise<string> {
  const token = newToken();
  await store.setCalendarToken(principal.councilId, principal.staffId, tokenHash(token));
  return `${appUrl}/calendar/${token}.ics`;
}
