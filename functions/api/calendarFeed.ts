import * as z from 'zod/mini';
import { api } from '#http/api.js';
import { raw } from '#http/responses.js';
import { NotFound } from '#domain/errors.js';
import { store } from '#services/context.js';
import { tokenHash } from '#platform/tokens.js';
import { calendarFeed } from '#calendar/feed.js';
import { loadCouncil } from '#services/council.js';
import { config } from '#platform/config.js';

const path = z.object({ token: z.string().check(z.regex(/^[A-Za-z0-9_-]{20,100}(\.ics)?$/, 'is not a calendar link')) });

/** GET /calendar/{token}.ics: the holder's due dates; the unguessable token is the only key. */
export const handler = api({ roles: 'public', params: path }, async ({ params }) => {
  const s = store();
  const owner = await s.findCalendarToken(tokenHash(params.token.replace(/\.ics$/, '')));
  // A leaver's link is deleted when their access ends; the staff record is checked too, in case a link was made meanwhile.
  const member = owner ? await s.getStaff(owner.councilId, owner.staffId) : null;
  if (!owner || member?.accessEnded) throw new NotFound('this calendar link is not valid; ask Kept for a new one');
  const [items, council, staff] = await Promise.all([s.dueForHolder(owner.councilId, owner.staffId), loadCouncil(s, owner.councilId), s.listStaff(owner.councilId)]);
  const names = new Map(staff.map((m) => [m.id, m.name]));
  const body = calendarFeed(items, { appUrl: config.appUrl, councilName: council.name, titles: council.titles, names });
  return raw(200, 'text/calendar; charset=utf-8', body, { 'content-disposition': 'inline; filename="kept.ics"' });
});
