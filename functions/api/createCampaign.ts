import { randomBytes } from 'node:crypto';
import { api } from '#http/api.js';
import { HttpError } from '#http/errors.js';
import { json } from '#http/responses.js';
import { store, surveyStore } from '#services/context.js';
import { audienceMismatch, campaignInputSchema, type Campaign } from '#domain/surveys/campaign.js';
import { loadCouncil } from '#services/council.js';
import { definitionFor } from '#services/surveyDefinitions.js';
import { today } from '#platform/config.js';

const bad = (field: string, message: string) => new HttpError(400, `${field}: ${message}`, [{ field, message }]);

/** POST /campaigns: a lead or admin sets a survey going to an audience. */
export const handler = api({ roles: ['lead', 'admin'], body: campaignInputSchema }, async ({ principal, body }) => {
  const council = await loadCouncil(store(), principal.councilId);
  const definition = definitionFor(body, council);
  if (!definition) {
    throw bad('surveyId', body.surveyId === 'pledge' ? 'the council has no pledge set up yet' : `no survey ${body.surveyId}${body.version ? ` version ${body.version}` : ''}`);
  }
  const mismatch = audienceMismatch(body.audience, definition);
  if (mismatch) throw bad('audience', mismatch);
  if (body.closes <= today()) throw bad('closes', 'must be in the future');
  const campaign: Campaign = {
    ...body,
    id: `cmp-${randomBytes(6).toString('hex')}`,
    councilId: principal.councilId,
    version: definition.version,
    state: 'scheduled',
    createdBy: principal.staffId,
    createdAt: new Date().toISOString(),
    invited: 0,
    remindersSent: 0,
  };
  await surveyStore().putCampaign(campaign);
  return json(201, { campaign }, { location: `/campaigns/${campaign.id}` });
});
