/**
 * The leads' view: survey summaries and on-time figures, checked by role.
 * Leads and admins see the council; managers their team's figures and the
 * survey summaries without free text; practitioners none of it.
 */
import type { Principal } from '#domain/principal.js';
import { Forbidden, InvalidInput, NotFound } from '#domain/errors.js';
import type { KeptStore } from '#store/ports/stores.js';
import type { Invitation, SurveyStore } from '#store/ports/surveys.js';
import { type ResponseRates, responseRates } from '#domain/surveys/responseRates.js';
import type { Campaign } from '#domain/surveys/campaign.js';
import { type PublishedCounts, publishCounts, responseCounts } from '#domain/surveys/responseCounts.js';
import { summariseSurvey, type SurveySummary } from '#domain/surveySummary.js';
import type { SurveyDefinition } from '#domain/surveys/schema.js';
import { loadCouncil, type Council } from './council.js';
import { definitionFor } from './surveyDefinitions.js';
import { campaignsWithCounts } from './campaigns.js';

export function canSeeReports(principal: Principal): boolean {
  return principal.role === 'lead' || principal.role === 'admin' || principal.role === 'manager';
}

export function requireReports(principal: Principal): void {
  if (!canSeeReports(principal)) throw new Forbidden('reports are for managers, leads and admins');
}

/** Leads and admins see young people's own words and reply to them; managers do not. */
export function canSeeComments(principal: Principal): boolean {
  return principal.role === 'lead' || principal.role === 'admin';
}

export interface CampaignListing {
  campaign: Campaign;
  surveyTitle: string;
  /** Published like the survey report's: a count of 1 to 5 shows as `c`. */
  counts: PublishedCounts;
}

/** Every campaign of the council, newest first, with how many were invited and answered. */
export async function campaignList(store: KeptStore, surveys: SurveyStore, principal: Principal): Promise<{ council: Council; campaigns: CampaignListing[] }> {
  requireReports(principal);
  const council = await loadCouncil(store, principal.councilId);
  const listed = await campaignsWithCounts(surveys, principal.councilId);
  const campaigns = listed.map(({ campaign, counts }) => ({ campaign, surveyTitle: definitionFor(campaign, council)?.title ?? campaign.surveyId, counts: publishCounts(counts) }));
  return { council, campaigns };
}

/** The longest "You said, we did" reply, in characters. */
export const REPLY_MAX = 1000;

/** A lead's "You said, we did" reply, which young people see when they open the next campaign of the survey. */
export async function publishReply(surveys: SurveyStore, principal: Principal, campaignId: string, reply: string): Promise<void> {
  requireReports(principal);
  if (!canSeeComments(principal)) throw new Forbidden('only leads and admins publish a reply');
  const text = reply.trim();
  if (!text) throw new InvalidInput([{ field: 'youSaidWeDid', message: 'Write what you are doing about what young people said' }]);
  if ([...text].length > REPLY_MAX) throw new InvalidInput([{ field: 'youSaidWeDid', message: `Write ${REPLY_MAX} characters or fewer` }]);
  const campaign = await surveys.getCampaign(principal.councilId, campaignId);
  if (!campaign) throw new NotFound(`no survey campaign ${campaignId}`);
  await surveys.setReply(principal.councilId, campaign.id, text);
}

/** The campaign of the same survey that closed most recently before this one opened. */
export function previousCampaign(campaign: Pick<Campaign, 'id' | 'surveyId' | 'opens'>, all: readonly Campaign[]): Campaign | null {
  return (
    all
      .filter((c) => c.id !== campaign.id && c.surveyId === campaign.surveyId && c.closes <= campaign.opens)
      .sort((a, b) => (a.closes < b.closes ? 1 : -1))[0] ?? null
  );
}

export interface SurveyReport {
  council: Council;
  campaign: Campaign;
  definition: SurveyDefinition;
  previous: Campaign | null;
  summary: SurveySummary;
  rates: ResponseRates;
}

/**
 * The campaign's response rates: the invitations with the emailFailed and
 * textFailed flags from the young people's records (their address or number
 * found unreachable since the campaign opened), the team names from the staff.
 */
async function ratesFor(store: KeptStore, campaign: Campaign, invitations: readonly Invitation[], responses: ReadonlyArray<{ bands: { assisted?: true } }>): Promise<ResponseRates> {
  // The records are read only for the invitations' marks: none once the invitations have gone by TTL after the campaign closed.
  const [children, staff] = await Promise.all([invitations.length ? store.listChildren(campaign.councilId) : [], store.listStaff(campaign.councilId)]);
  const byId = new Map(children.map((c) => [c.id, c]));
  const since = (mark: { since: string } | undefined) => (mark?.since ?? '') >= campaign.opens;
  const names = new Map(staff.map((s) => [s.id, s.name]));
  return responseRates({
    totals: responseCounts(campaign, invitations, responses.length),
    invitations: invitations.map((i) => {
      const child = byId.get(i.childId);
      return { ...i, emailFailed: since(child?.emailUnreachable), textFailed: since(child?.mobileUnreachable) };
    }),
    assistedAnswers: responses.filter((r) => r.bands.assisted).length,
    targetRate: campaign.targetRate,
    teamName: (team) => (team === 'no-team' ? 'No team' : `${names.get(team) ?? team}'s team`),
  });
}

export async function surveyReport(store: KeptStore, surveys: SurveyStore, principal: Principal, campaignId: string): Promise<SurveyReport> {
  requireReports(principal);
  const council = await loadCouncil(store, principal.councilId);
  const all = await surveys.listCampaigns(principal.councilId);
  const campaign = all.find((c) => c.id === campaignId);
  if (!campaign) throw new NotFound(`no survey campaign ${campaignId}`);
  const definition = definitionFor(campaign, council);
  if (!definition) throw new NotFound(`campaign ${campaignId} has no survey definition`);
  const [responses, invitations] = await Promise.all([surveys.listResponses(principal.councilId, campaign.id), surveys.listInvitations(principal.councilId, campaign.id)]);
  const previous = previousCampaign(campaign, all);
  const previousDefinition = previous ? definitionFor(previous, council) : undefined;
  const summary = summariseSurvey({
    definition,
    invited: responseCounts(campaign, invitations, responses.length).invited,
    responses,
    previous: previous && previousDefinition ? { definition: previousDefinition, responses: await surveys.listResponses(principal.councilId, previous.id) } : null,
    includeComments: canSeeComments(principal),
  });
  return { council, campaign, definition, previous, summary, rates: await ratesFor(store, campaign, invitations, responses) };
}
