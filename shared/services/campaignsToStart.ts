/**
 * Which open survey campaigns a worker could start with a young person: the
 * case page asks this on every view, so it lives apart from
 * assistedLinks.ts, which starts one and draws its QR code (the case page's
 * function does not carry the QR library).
 */
import { addDaysIso } from '#domain/dates.js';
import { buildHistory } from '#domain/history.js';
import { inAudience, personOf } from '#domain/surveys/bands.js';
import type { ChildRecord } from '#domain/people.js';
import type { Campaign } from '#domain/surveys/campaign.js';
import type { KeptStore } from '#store/ports/stores.js';
import type { SurveyStore } from '#store/ports/surveys.js';
import type { StoredFact } from '#store/ports/cases.js';
import { type Council, loadCouncil } from './council.js';

/** Whether the young person is in the campaign's audience (as they were the day it opened). */
export function inCampaign(child: ChildRecord, facts: readonly StoredFact[], campaign: Campaign, council: Council): boolean {
  const person = personOf(buildHistory({ id: child.id, dateOfBirth: child.dateOfBirth }, facts.map((f) => f.fact), campaign.opens), council.policy.personalAdviser.untilAge);
  return inAudience(person, campaign.audience);
}

/** The open campaigns a worker could start with this young person today (the case page offers each). */
export async function campaignsToStart(
  deps: { store: Pick<KeptStore, 'getCouncil'>; surveys: SurveyStore; today: string },
  child: ChildRecord,
  facts: readonly StoredFact[],
): Promise<Campaign[]> {
  const council = await loadCouncil(deps.store, child.councilId);
  const open = (await deps.surveys.listCampaigns(child.councilId)).filter((c) => c.state === 'open' && deps.today <= addDaysIso(c.closes, -1));
  return open.filter((c) => inCampaign(child, facts, c, council)).sort((a, b) => a.name.localeCompare(b.name));
}
