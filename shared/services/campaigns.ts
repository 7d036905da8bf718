/** Survey campaigns: starting one, and listing them with how many were invited and have answered. */
import type { Principal } from '#domain/principal.js';
import { InvalidInput } from '#domain/errors.js';
import { type Campaign, type CampaignInput, audienceMismatch } from '#domain/surveys/campaign.js';
import { type ResponseCounts, responseCounts } from '#domain/surveys/responseCounts.js';
import { randomId } from '#platform/tokens.js';
import type { KeptStore } from '#store/ports/stores.js';
import type { SurveyStore } from '#store/ports/surveys.js';
import { loadCouncil } from './council.js';
import { definitionFor } from './surveyDefinitions.js';

/** Every campaign of the council, newest first, with its counts (counted as everywhere else: responseCounts). */
export async function campaignsWithCounts(surveys: SurveyStore, councilId: string): Promise<Array<{ campaign: Campaign; counts: ResponseCounts }>> {
  const campaigns = await surveys.listCampaigns(councilId);
  campaigns.sort((a, b) => (a.opens < b.opens ? 1 : -1));
  return Promise.all(
    campaigns.map(async (campaign) => {
      const [sent, responses] = await Promise.all([surveys.countInvitationsSent(councilId, campaign.id), surveys.countResponses(councilId, campaign.id)]);
      return { campaign, counts: responseCounts(campaign, sent, responses) };
    }),
  );
}

/** A lead or admin sets a survey going to an audience: checked against the survey it asks and today. */
export async function startCampaign(store: KeptStore, surveys: SurveyStore, principal: Principal, input: CampaignInput, today: string): Promise<Campaign> {
  const council = await loadCouncil(store, principal.councilId);
  const definition = definitionFor(input, council);
  const bad = (field: string, message: string) => new InvalidInput([{ field, message }]);
  if (!definition) {
    throw bad('surveyId', input.surveyId === 'pledge' ? 'the council has no pledge set up yet' : `no survey ${input.surveyId}${input.version ? ` version ${input.version}` : ''}`);
  }
  const mismatch = audienceMismatch(input.audience, definition);
  if (mismatch) throw bad('audience', mismatch);
  if (input.closes <= today) throw bad('closes', 'must be in the future');
  const campaign: Campaign = {
    ...input,
    id: `cmp-${randomId(6)}`,
    councilId: principal.councilId,
    version: definition.version,
    state: 'scheduled',
    createdBy: principal.staffId,
    createdAt: new Date().toISOString(),
    invited: 0,
    remindersSent: 0,
  };
  await surveys.putCampaign(campaign);
  return campaign;
}
