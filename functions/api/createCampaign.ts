import { api } from '#http/api.js';
import { json } from '#http/responses.js';
import { store, surveyStore } from '#services/context.js';
import { startCampaign } from '#services/campaigns.js';
import { campaignInputSchema } from '#domain/surveys/campaign.js';
import { today } from '#platform/config.js';

/** POST /campaigns: a lead or admin sets a survey going to an audience. */
export const handler = api({ roles: ['lead', 'admin'], body: campaignInputSchema }, async ({ principal, body }) => {
  const campaign = await startCampaign(store(), surveyStore(), principal, body, today());
  return json(201, { campaign }, { location: `/campaigns/${campaign.id}` });
});
