import { api } from '#http/api.js';
import { json } from '#http/responses.js';
import { surveyStore } from '#services/context.js';

/** GET /campaigns: every survey campaign with how many were invited and have answered. */
export const handler = api({ roles: ['manager', 'lead', 'admin'] }, async ({ principal }) => {
  const s = surveyStore();
  const campaigns = await s.listCampaigns(principal.councilId);
  const withCounts = await Promise.all(
    campaigns.map(async (c) => {
      const invitations = await s.listInvitations(principal.councilId, c.id);
      const answered = invitations.filter((i) => i.answered).length;
      return { ...c, invited: invitations.filter((i) => i.sentAt).length, answered };
    }),
  );
  withCounts.sort((a, b) => (a.opens < b.opens ? 1 : -1));
  return json(200, { campaigns: withCounts });
});
