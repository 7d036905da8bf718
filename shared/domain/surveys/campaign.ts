/**
 * Survey campaigns: who is asked, when, and how the answers are held.
 * Pure: the daily dispatch asks `nextStep` what to do today.
 */
import * as z from 'zod/mini';
import { isoDate } from '#domain/validation.js';
import { PLACEMENT_ARRANGEMENTS } from '#domain/facts.js';
import { addDaysIso } from '#domain/dates.js';
import type { SurveyDefinition } from './schema.js';
import { DEFAULT_TARGET_RATE } from './responseRates.js';

export const CAMPAIGN_MODES = ['anonymous', 'confidential'] as const;
export type CampaignMode = (typeof CAMPAIGN_MODES)[number];

export const audienceSchema = z.strictObject({
  status: z.enum(['looked-after', 'care-leaver']),
  /** Ages in whole years on the day the campaign opens: from (inclusive) to (exclusive). */
  ageFrom: z.int().check(z.gte(4), z.lte(25)),
  ageTo: z.int().check(z.gte(5), z.lte(26)),
  /** Only children placed in these ways (looked-after campaigns); all when absent. */
  placementTypes: z.optional(z.array(z.enum(PLACEMENT_ARRANGEMENTS)).check(z.minLength(1))),
});
export type Audience = z.output<typeof audienceSchema>;

export const campaignInputSchema = z
  .strictObject({
    surveyId: z.string().check(z.regex(/^[a-z][a-z0-9-]{1,63}$/, 'must be a survey id such as care-leaver')),
    version: z.optional(z.int().check(z.gte(1))),
    name: z.string().check(z.trim(), z.minLength(3), z.maxLength(100)),
    audience: audienceSchema,
    opens: isoDate,
    closes: isoDate,
    mode: z.enum(CAMPAIGN_MODES),
    /** Up to two reminders to those who have not answered, this many days after opening. */
    reminderDays: z._default(z.array(z.int().check(z.gte(1), z.lte(90))).check(z.maxLength(2)), []),
    /** The response rate aimed for, in percent (0 to 100, e.g. 30 or 37.5); 30 when not given. */
    targetRate: z._default(z.number().check(z.gte(0), z.lte(100)), DEFAULT_TARGET_RATE),
  })
  .check(
    z.refine((c) => c.opens < c.closes, { message: 'must be after opens', path: ['closes'] }),
    z.refine((c) => c.audience.ageFrom < c.audience.ageTo, { message: 'must be more than ageFrom', path: ['audience', 'ageTo'] }),
    z.refine((c) => new Set(c.reminderDays).size === c.reminderDays.length, { message: 'must not repeat a day', path: ['reminderDays'] }),
  );
export type CampaignInput = z.output<typeof campaignInputSchema>;

export interface Campaign extends Omit<CampaignInput, 'targetRate'> {
  /** Absent on campaigns started before targets were set: DEFAULT_TARGET_RATE applies. */
  targetRate?: number;
  id: string;
  councilId: string;
  version: number;
  state: 'scheduled' | 'open' | 'closed';
  createdBy: string;
  createdAt: string;
  invited: number;
  /** Reminders sent so far (0 to 2). */
  remindersSent: number;
  /** A lead's reply to what young people said, shown when the next campaign of the survey is answered. */
  youSaidWeDid?: string;
}

/** What a survey link's pages and its sending need of the campaign (carried on the link, so a submission need not read the campaign). */
export type LinkCampaign = Pick<Campaign, 'id' | 'councilId' | 'surveyId' | 'version' | 'mode' | 'opens' | 'closes'>;

/** Why an audience cannot be asked a survey: ages outside those it was written for (null when it can). */
export function audienceMismatch(audience: Audience, definition: Pick<SurveyDefinition, 'title' | 'ages'>): string | null {
  if (audience.ageFrom >= definition.ages.from && audience.ageTo <= definition.ages.to) return null;
  return `the ${definition.title} is written for ages ${definition.ages.from} to ${definition.ages.to - 1}`;
}

export type Step = { action: 'open' } | { action: 'remind'; number: number } | { action: 'close' } | { action: 'none' };


/** What the daily dispatch should do for a campaign today; one step a day, in order. */
export function nextStep(campaign: Campaign, today: string): Step {
  if (campaign.state === 'closed') return { action: 'none' };
  if (today >= campaign.closes) return { action: 'close' };
  if (campaign.state === 'scheduled') return today >= campaign.opens ? { action: 'open' } : { action: 'none' };
  const days = [...campaign.reminderDays].sort((a, b) => a - b);
  const due = days.filter((d) => addDaysIso(campaign.opens, d) <= today).length;
  return due > campaign.remindersSent ? { action: 'remind', number: campaign.remindersSent + 1 } : { action: 'none' };
}
