/**
 * A reminder step: reminder `number` to everyone invited who has not
 * answered and is still reachable. Complete when every one is sent.
 */
import { channelsFor } from '#domain/contact.js';
import { deliver } from './deliver.js';
import { tally } from './tally.js';
import { type CampaignRun, emptyStep, type StepResult } from './run.js';

export async function remind(r: CampaignRun, number: number): Promise<StepResult> {
  const { o, campaign } = r;
  const step = emptyStep();
  const children = new Map((await o.store.listChildren(o.councilId)).map((c) => [c.id, c]));
  for (const inv of await o.surveys.listInvitations(o.councilId, campaign.id)) {
    const child = children.get(inv.childId);
    if (inv.answered || !inv.sentAt || inv.notReachable || inv.reminders >= number || !child || channelsFor(child, Boolean(o.sendText)).length === 0) continue;
    if (o.signal?.aborted) return { ...step, complete: false, stoppedEarly: true };
    const delivery = await deliver(r, child, { kind: 'reminder', number });
    tally(step, delivery);
    if (delivery.outcome === 'sent') step.reached += 1;
  }
  return step;
}
