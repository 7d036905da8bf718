import { api } from '#http/api.js';
import { json } from '#http/responses.js';
import { surveyStore } from '#services/context.js';
import { campaignsWithCounts } from '#services/campaigns.js';

/** GET /campaigns: every survey campaign with how many were invited and have answered. */
export const handler = api({ roles: ['manager', 'lead', 'admin'] }, async ({ principal }) => {
  const listed = await campaignsWithCounts(surveyStore(), principal.councilId);
  return json(200, { campaigns: listed.map(({ campaign, counts }) => ({ ...campaign, ...counts })) });
});
