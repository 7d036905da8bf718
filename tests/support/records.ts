/**
 * What the integration tests put in a council's table before they start: a
 * child's record with its facts and its projection, as an import writes
 * them, and the day's survey dispatch with its invitations in the file's
 * inbox.
 */
import { STATUTORY_POLICY } from '#domain/policy.js';
import type { ChildRecord } from '#domain/people.js';
import type { Fact } from '#domain/facts.js';
import type { Campaign } from '#domain/surveys/campaign.js';
import { projector } from '#services/council.js';
import { runSurveyDispatch } from '#services/surveyDispatch.js';
import { sesSender } from '#email/sender.js';
import type { TestStack } from './stack.js';

/**
 * A child's record as writeChildren takes it: the facts recorded at
 * `recordedAt` (08:00 on `today` unless given) by `recordedBy` (the holder
 * unless given), and the projection under the statutory policy on `today`.
 */
export function childEntry(child: ChildRecord, facts: Fact[], today: string, recorded: { at?: string; by?: string } = {}) {
  const recordedAt = recorded.at ?? `${today}T08:00:00Z`;
  const recordedBy = recorded.by ?? child.holderId;
  return { child, facts: facts.map((fact) => ({ fact, recordedAt, recordedBy })), projection: projector(STATUTORY_POLICY, today)(child, facts.map((fact) => ({ fact }))) };
}

/** Writes one child's record, as childEntry makes it. */
export async function writeChild(stack: TestStack, child: ChildRecord, facts: Fact[], today: string, recorded: { at?: string; by?: string } = {}): Promise<void> {
  await stack.store.writeChildren([childEntry(child, facts, today, recorded)]);
}

/** The day's survey dispatch for the file's council, mailing through the SES emulator with no rate limit. */
export function dispatchSurveys(stack: TestStack, today: string, surveys = stack.surveys) {
  return runSurveyDispatch({ store: stack.store, surveys, claims: stack.claims, councilId: stack.councilId, today, send: sesSender({ ratePerSecond: 0 }), appUrl: stack.baseUrl });
}

/** The path of the survey link in the newest invitation mailed to `address`. */
export async function surveyLinkTo(stack: TestStack, address: string): Promise<string> {
  const mail = (await stack.inbox()).filter((e) => e.destination.to[0] === address).at(-1)!;
  // The first web address in the text, whatever language (and direction marks) surround it.
  return new URL(/(https?:\/\/[^\s\u202a-\u202e]+)/.exec(mail.body.text!)![1]!).pathname;
}

/** In care since `date` (2025-01-01 unless given): entered care and placed in a short-term foster placement, P1, that day. */
export function inCareSince(date = '2025-01-01'): Fact[] {
  return [
    { type: 'entered-care', date },
    { type: 'placement-started', date, placementId: 'P1', longTerm: false, arrangement: 'foster' },
  ];
}

/**
 * A campaign a lead (lead-1) scheduled on `today` for the file's council,
 * open from that day to 15 February 2027 with no reminders, before anyone is
 * invited: `fields` say which survey, for whom, and anything else that differs.
 */
export function scheduledCampaign(stack: TestStack, today: string, fields: Pick<Campaign, 'id' | 'name' | 'surveyId' | 'mode' | 'audience'> & Partial<Campaign>): Campaign {
  return { councilId: stack.councilId, state: 'scheduled', createdBy: 'lead-1', createdAt: today, invited: 0, remindersSent: 0, opens: today, closes: '2027-02-15', reminderDays: [], version: 1, ...fields };
}

/** A care leaver: in care from 1 May 2020, in a long-term foster placement, until leaving care at 18 on 1 March 2024. */
export const CARE_LEAVER_FACTS: readonly Fact[] = [
  { type: 'entered-care', date: '2020-05-01' },
  { type: 'placement-started', date: '2020-05-01', placementId: 'P1', longTerm: true, arrangement: 'foster' },
  { type: 'left-care', date: '2024-03-01', reason: 'age-18' },
];
