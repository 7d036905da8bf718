/** Survey campaigns with how many were invited and have answered, counted as everywhere else (responseCounts). */
import type { Campaign } from '#domain/surveys/campaign.js';
import { type ResponseCounts, responseCounts } from '#domain/surveys/responseCounts.js';
import type { SurveyStore } from '#store/surveyStore.js';

/** Every campaign of the council, newest first, with its counts. */
export async function campaignsWithCounts(surveys: SurveyStore, councilId: string): Promise<Array<{ campaign: Campaign; counts: ResponseCounts }>> {
  const campaigns = await surveys.listCampaigns(councilId);
  campaigns.sort((a, b) => (a.opens < b.opens ? 1 : -1));
  return Promise.all(
    campaigns.map(async (campaign) => {
      const [invitations, responses] = await Promise.all([surveys.listInvitations(councilId, campaign.id), surveys.listResponses(councilId, campaign.id)]);
      return { campaign, counts: responseCounts(campaign, invitations, responses.length) };
    }),
  );
}
