/**
 * The opening step: invite everyone in the campaign's audience who can be
 * reached. Complete when every invitation is sent, now or by an earlier run
 * (those already recorded sent, or who have answered, are not claimed
 * again). Someone found not
 * reachable for the campaign (deliver.ts) is left out.
 */
import { buildHistory } from '#domain/history.js';
import { inAudience, personOf } from '#domain/surveys/bands.js';
import { channelsFor } from '#domain/contact.js';
import { managerTeamOf } from '#domain/access.js';
import { carriedOnLink } from '../linkCarries.js';
import { deliver } from './deliver.js';
import { tally } from './tally.js';
import { type CampaignRun, emptyStep, type StepResult } from './run.js';

export async function invite(r: CampaignRun): Promise<StepResult> {
  const { o, campaign } = r;
  const step = emptyStep();
  const existing = new Map((await o.surveys.listInvitations(o.councilId, campaign.id)).map((i) => [i.childId, i]));
  const staff = await o.store.listStaff(o.councilId);
  for (const child of await o.store.listChildren(o.councilId)) {
    if (channelsFor(child, Boolean(o.sendText)).length === 0) continue;
    const invitation = existing.get(child.id);
    if (invitation?.notReachable) continue;
    // Answered already (by email while the text failed, say): reached, and sent nothing more.
    if (invitation?.sentAt || invitation?.answered) {
      step.reached += 1;
      continue;
    }
    if (o.signal?.aborted) return { ...step, complete: false, stoppedEarly: true };
    const { facts } = await o.store.getChildHistory(o.councilId, child.id);
    const careLeaverUntilAge = r.council.policy.personalAdviser.untilAge;
    const person = personOf(buildHistory({ id: child.id, dateOfBirth: child.dateOfBirth }, facts.map((f) => f.fact), campaign.opens), careLeaverUntilAge);
    if (!inAudience(person, campaign.audience)) continue;
    const groups = { team: managerTeamOf(child.holderId, staff), ageBand: person.bands.ageBand };
    // The link carries the bands the answers will be stored with, as they are today.
    const carried = carriedOnLink(campaign, { history: buildHistory({ id: child.id, dateOfBirth: child.dateOfBirth }, facts.map((f) => f.fact), o.today), careLeaverUntilAge });
    const delivery = await deliver(r, child, { kind: 'invitation', groups, carried });
    tally(step, delivery);
    if (delivery.outcome === 'sent' || delivery.outcome === 'sent-before') step.reached += 1;
  }
  return step;
}
