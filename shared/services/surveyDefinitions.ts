import type { SurveyDefinition } from '#domain/surveys/schema.js';
import { pledgeSurvey, surveyById } from '#domain/surveys/definitions.js';
import type { Council } from './council.js';

/** The questions a campaign asks: a fixed survey at its version, or the council's pledge. */
export function definitionFor(campaign: { surveyId: string; version?: number }, council: Pick<Council, 'name' | 'pledge'>): SurveyDefinition | undefined {
  if (campaign.surveyId === 'pledge') return council.pledge.length ? pledgeSurvey({ name: council.name, pledge: council.pledge }) : undefined;
  return surveyById(campaign.surveyId, campaign.version);
}
