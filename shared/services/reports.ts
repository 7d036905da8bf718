/**
 * The leads' view: survey summaries and on-time figures, checked by role.
 * Leads and admins see the council; managers their team's figures and the
 * survey summaries without free text; practitioners none of it.
 */
import type { Principal } from '#domain/principal.js';
import { Forbidden, NotFound } from '#domain/errors.js';
import type { KeptStore } from '#store/keptStore.js';
import type { SurveyStore } from '#store/surveyStore.js';
import type { Campaign } from '#domain/surveys/campaign.js';
import { summariseSurvey, type SurveySummary } from '#domain/surveySummary.js';
import type { SurveyDefinition } from '#domain/surveys/schema.js';
import { loadCouncil, type Council } from './council.js';
import { definitionFor } from './surveyDefinitions.js';

export function canSeeReports(principal: Principal): boolean {
  return principal.role === 'lead' || principal.role === 'admin' || principal.role === 'manager';
}

export function requireReports(principal: Principal): void {
  if (!canSeeReports(principal)) throw new Forbidden('reports are for managers, leads and admins');
}

/** The campaign of the same survey that closed most recently before this one opened. */
export function previousCampaign(campaign: Campaign, all: readonly Campaign[]): Campaign | null {
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
    invited: Math.max(invitations.filter((i) => i.sentAt).length, campaign.invited ?? 0),
    responses,
    previous: previous && previousDefinition ? { definition: previousDefinition, responses: await surveys.listResponses(principal.councilId, previous.id) } : null,
    includeComments: principal.role === 'lead' || principal.role === 'admin',
  });
  return { council, campaign, definition, previous, summary };
}
