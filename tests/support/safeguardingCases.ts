/**
 * What the killed-process and redrive safeguarding tests share: young people
 * with a link in a confidential placement campaign, held by sw-1 (worker and
 * manager are told) or sw-9, who has no manager (worker and the safeguarding
 * inbox are told), and how many emails about one each recipient has had.
 */
import type { ChildRecord } from '#domain/people.js';
import type { KillPoint } from './dying.js';
import type { SafeguardingCall } from './safeguardingCall.js';
import type { TestStack } from './stack.js';
import { dispatchSurveys, inCareSince, scheduledCampaign, surveyLinkTo, writeChild } from './records.js';

/** [what, killed at, around which email, whose young person (sw-1: worker and manager; sw-9, no manager: worker and the safeguarding inbox)] */
export type KilledCase = readonly [SafeguardingCall, KillPoint, 1 | 2, 'sw-1' | 'sw-9'];

export const staffAddress = (stack: TestStack, who: string) => `${who}@${stack.councilId}.test`;
const addressOf = (stack: TestStack, id: string) => `young-${id.toLowerCase()}@${stack.councilId}.test`;

/** sw-9 (no manager), the young people (id and holder), and their invitations to the confidential campaign `c-conf`, sent. */
export async function withConfidentialLinks(stack: TestStack, today: string, youngPeople: ReadonlyArray<readonly [string, string]>): Promise<void> {
  await stack.store.createStaff({ councilId: stack.councilId, id: 'sw-9', name: 'Nia Solo', email: staffAddress(stack, 'sw-9'), role: 'practitioner' });
  for (const [id, holderId] of youngPeople) {
    const child: ChildRecord = { councilId: stack.councilId, id, firstName: 'Wren', lastName: 'Hollis', dateOfBirth: '2013-05-05', holderId, createdAt: today, version: 0, email: addressOf(stack, id) };
    await writeChild(stack, child, inCareSince(), today);
  }
  await stack.surveys.putCampaign(scheduledCampaign(stack, today, { id: 'c-conf', name: 'Confidential', surveyId: 'placement-11-17', mode: 'confidential', audience: { status: 'looked-after', ageFrom: 11, ageTo: 18 } }));
  await dispatchSurveys(stack, today);
}

/** The token of the survey link the young person was sent. */
export const tokenOf = async (stack: TestStack, childId: string) => (await surveyLinkTo(stack, addressOf(stack, childId))).split('/').at(-1)!;

/** How many emails naming the young person each recipient (a staff id, or `safeguarding`) has had. */
export async function receivedBy(stack: TestStack, childId: string, recipients: readonly string[]): Promise<number[]> {
  const inbox = await stack.inbox();
  return recipients.map((r) => inbox.filter((m) => m.destination.to[0] === staffAddress(stack, r) && m.subject.includes(childId)).length);
}
