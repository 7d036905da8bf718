import { api } from '#http/api.js';
import { json } from '#http/responses.js';
import { store } from '#services/context.js';
import { tokenHash, newToken } from '#platform/tokens.js';
import { config } from '#platform/config.js';

/**
 * POST /me/calendar: a new private calendar link for the caller. The old
 * link stops working. The token is shown once; Kept keeps only its hash.
 */
export const handler = api({ roles: ['practitioner', 'manager', 'lead', 'admin'] }, async ({ principal }) => {
  const token = newToken();
  await store().setCalendarToken(principal.councilId, principal.staffId, tokenHash(token));
  return json(201, { url: `${config.appUrl}/calendar/${token}.ics` });
});
