import * as z from 'zod/mini';
import { api } from '#http/api.js';
import { json } from '#http/responses.js';
import { routeOf } from '#http/route.js';
import { auditLog, store, surveyStore } from '#services/context.js';
import { startAssistedSurvey } from '#services/assistedLinks.js';
import { config, today } from '#platform/config.js';
import { childPath } from './params.js';

const body = z.strictObject({ campaignId: z.string().check(z.regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'must be a campaign id')) });

/** POST /children/{id}/survey-links: a worker starts a survey with the young person (a fresh link, its QR code and short code). */
export const handler = api({ roles: ['practitioner', 'manager', 'admin'], params: childPath, body }, async ({ event, principal, params, body }) => {
  const link = await startAssistedSurvey(
    { store: store(), surveys: surveyStore(), audit: auditLog(), appUrl: config.appUrl, today: today() },
    principal, params.id, body.campaignId, routeOf(event),
  );
  return json(201, { url: link.url, code: link.code, qrSvg: link.qrSvg, lastDay: link.lastDay });
});
