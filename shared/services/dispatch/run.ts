/**
 * What the survey dispatch is given, what it reports, and what each of its
 * steps (invite, remind: see invite.ts, remind.ts) has at hand for one campaign.
 */
import type { Campaign } from '#domain/surveys/campaign.js';
import type { SurveyDefinition } from '#domain/surveys/schema.js';
import type { SendEmail } from '#email/sender.js';
import type { SendText } from '#email/textSender.js';
import type { KeptStore } from '#store/ports/stores.js';
import type { SurveyStore } from '#store/ports/surveys.js';
import type { SendClaims } from '#store/ports/sendClaims.js';
import type { Council } from '../council.js';

export interface DispatchOptions {
  store: Pick<KeptStore, 'getCouncil' | 'listChildren' | 'getChildHistory' | 'markMobileUnreachable' | 'listStaff'>;
  surveys: SurveyStore;
  claims: SendClaims;
  councilId: string;
  today: string;
  send: SendEmail;
  /** Texts go only when this is given (an origination identity is configured). */
  sendText?: SendText;
  appUrl: string;
  nowMs?: () => number;
  /** How long a claimed, unsent message is left alone before another run may send it. */
  leaseMs?: number;
  /** Stops between messages when aborted, as a Lambda about to time out would. */
  signal?: AbortSignal;
  /** This run's id, recorded on every claim it makes (a fresh UUID when not given). */
  runId?: string;
}

/** One campaign's step, as the dispatch runs it. */
export interface CampaignRun {
  o: DispatchOptions;
  council: Council;
  campaign: Campaign;
  definition: SurveyDefinition;
  /** The run's id: its claims are its own (markSent and release act only on them). */
  owner: string;
}

/** What happened to the messages a step or a whole run tried to send. */
export interface DeliveryCounts {
  /** Messages this run sent, by any channel. */
  sent: number;
  /** Texts among them (a message to someone who wants both counts once in `sent`). */
  texts: number;
  /** Messages an earlier run had sent. */
  alreadyClaimed: number;
  /** Messages another run held within its lease: neither sent by this run nor known to be sent. */
  held: number;
  /** Messages sent whose claim had meanwhile passed to another run (this run overran its lease). */
  claimsLost: number;
  /** Messages whose send failed; they are given back for the next run. */
  failed: number;
  /** Young people whose send failed for the third time in the campaign: marked not reachable, and skipped from now on. */
  notReachable: number;
  stoppedEarly: boolean;
}

/** What a step (inviting, or sending one reminder) did. */
export interface StepResult extends DeliveryCounts {
  /** Every message of the step is sent: the campaign may move on. */
  complete: boolean;
  /** Recipients this step has now reached, now or by earlier runs (invitations), or now (reminders). */
  reached: number;
}

export const emptyStep = (): StepResult => ({ complete: true, reached: 0, sent: 0, texts: 0, alreadyClaimed: 0, held: 0, claimsLost: 0, failed: 0, notReachable: 0, stoppedEarly: false });
