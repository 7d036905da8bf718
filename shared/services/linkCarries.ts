/**
 * What a survey link is issued carrying, so that sending the answers reads
 * nothing but the link: the campaign as its pages need it and, when the
 * issuer has the young person's record at hand, their bands as on the day it
 * is issued (good until a birthday could change them).
 */
import type { Campaign } from '#domain/surveys/campaign.js';
import type { ChildHistory } from '#domain/history.js';
import { bandsHoldUntil, personOf } from '#domain/surveys/bands.js';
import type { CarriedOnLink } from '#store/ports/surveys.js';

export function carriedOnLink(campaign: Campaign, youngPerson?: { history: ChildHistory; careLeaverUntilAge: number }): CarriedOnLink {
  const { surveyId, version, mode, opens, closes } = campaign;
  const carried: CarriedOnLink = { campaign: { surveyId, version, mode, opens, closes } };
  if (!youngPerson) return carried;
  const { history, careLeaverUntilAge } = youngPerson;
  return { ...carried, bands: personOf(history, careLeaverUntilAge).bands, bandsUntil: bandsHoldUntil(history, careLeaverUntilAge) };
}
