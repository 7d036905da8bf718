import type { Campaign, LinkCampaign } from '#domain/surveys/campaign.js';
import type { Answers } from '#domain/surveys/answers.js';
import type { Bands } from '#domain/surveys/bands.js';
import type { ChannelGroup } from '#domain/surveys/responseRates.js';

export type SentGroups = Required<Pick<Invitation, 'team' | 'ageBand' | 'channel'>>;

export interface Invitation {
  childId: string;
  linkHash: string;
  sentAt?: string;
  answered?: boolean;
  reminders: number;
  /** Recorded when it is sent, for the response-rate breakdowns: the team (its manager's id, or `no-team`), the age band, the channels. */
  team?: string;
  ageBand?: string;
  channel?: ChannelGroup;
  /** Sends to them that failed in this campaign (any message, any channel). */
  sendFailures?: number;
  /** After the third failure: not tried again in this campaign, and no longer holding up its steps. */
  notReachable?: boolean;
}

export interface SurveyLink {
  linkHash: string;
  councilId: string;
  campaignId: string;
  /**
   * The young person the link was issued to. Gone once it cannot be answered
   * any more in an anonymous campaign (and never on a link issued after the
   * young person answered), so nothing answered sits beside them.
   */
  childId?: string;
  /** The last day the link works: the day before the campaign closes. */
  lastDay: string;
  /** The young person has answered the campaign (by this link or another): the link opens the "already answered" page. */
  answered?: true;
  /** The day it was answered with (confidential campaigns only: an anonymous answer keeps no day with the young person). */
  usedOn?: string;
  draft: Answers;
  /** A safeguarding alert has been sent for this link (confidential mode). */
  alerted?: boolean;
  /** The sent answers included one that shows who to contact (kept for the thank-you page; confidential campaigns only). */
  worrying?: boolean;
  reference: string;
  /** Started by a worker with the young person (an assisted link): the answer is stored with `assisted: true`. */
  assisted?: true;
  /** The SHA-256 of the link's short code, which opens it too. */
  codeHash?: string;
  /** What sending needs, carried so a submission reads nothing but its link; absent on links issued before it was, and removed once answered. */
  carried?: CarriedOnLink;
}

/**
 * The campaign as the link's pages need it, and the young person's bands as
 * on the day the link was issued (or the invitation's first link, for a
 * reminder's), good until `bandsUntil` (a birthday could change them).
 */
export interface CarriedOnLink {
  campaign: Omit<LinkCampaign, 'id' | 'councilId'>;
  bands?: Bands;
  bandsUntil?: string;
}

export interface StoredResponse {
  responseId: string;
  surveyId: string;
  version: number;
  submittedOn: string;
  answers: Answers;
  bands: Bands;
  /** Confidential mode only. */
  childId?: string;
  reference?: string;
}

export type SubmitOutcome = 'stored' | 'already-answered';

/** `answered`: the young person had answered already, so the link opens the "already answered" page and takes no response. */
export interface IssuedLink {
  answered: boolean;
}

/**
 * Survey campaigns, invitations, single-use links (kept only as hashes,
 * with the answers given so far), responses and the wrong-link counter.
 */
export interface SurveyStore {
  putCampaign(campaign: Campaign): Promise<void>;
  getCampaign(councilId: string, id: string): Promise<Campaign | null>;
  listCampaigns(councilId: string): Promise<Campaign[]>;
  updateCampaign(councilId: string, id: string, changes: Partial<Pick<Campaign, 'state' | 'invited' | 'remindersSent'>>): Promise<void>;
  /** "You said, we did": a lead's reply to what young people said in a campaign. */
  setReply(councilId: string, id: string, text: string): Promise<void>;
  listInvitations(councilId: string, campaignId: string): Promise<Invitation[]>;
  listResponses(councilId: string, campaignId: string): Promise<StoredResponse[]>;
  /** How many responses the campaign has, without reading them. */
  countResponses(councilId: string, campaignId: string): Promise<number>;
  /** How many of the campaign's invitations were sent (have `sentAt`), without reading them. */
  countInvitationsSent(councilId: string, campaignId: string): Promise<number>;
  /**
   * Gives a child a (new) link for a campaign, with its invitation. A
   * replaced link stops working; answers saved on it move over. Once the
   * young person has answered, the new link is born answered (and names no
   * child), and the link they answered with stays as it is.
   */
  issueLink(link: Omit<SurveyLink, 'draft' | 'reference' | 'answered' | 'usedOn'> & { childId: string }, expiresAtEpoch: number): Promise<IssuedLink>;
  /** The young person's invitation to a campaign, if they have one. */
  getInvitation(councilId: string, campaignId: string, childId: string): Promise<Invitation | null>;
  /** The invitation was sent (at `at` and in these groups, unless an earlier send was recorded). */
  markInvitationSent(councilId: string, campaignId: string, childId: string, at: string, groups?: SentGroups): Promise<void>;
  /**
   * Counts a failed send to the young person on their invitation; at `limit`
   * failures they are marked not reachable for the campaign. Returns the
   * invitation's count and mark after this failure.
   */
  countSendFailure(councilId: string, campaignId: string, childId: string, limit: number): Promise<{ failures: number; notReachable: boolean }>;
  /** Reminder `number` was sent (recording it again changes nothing). */
  markReminderSent(councilId: string, campaignId: string, childId: string, number: number): Promise<void>;
  getLink(linkHash: string): Promise<SurveyLink | null>;
  /**
   * The link a token (by its hash) or a short code (by the code's hash) opens,
   * read together with the wrong-link count of `sourceHash` in the current
   * ten-minute window.
   */
  findLink(by: { linkHash: string } | { codeHash: string }, sourceHash: string, nowMs: number): Promise<{ link: SurveyLink | null; misses: number }>;
  /** Saves a section's answers with the link, unless it has been used meanwhile (false). */
  saveDraft(linkHash: string, answers: Answers, alerted?: boolean): Promise<boolean>;
  /**
   * Stores the response, uses up the link and marks the invitation answered
   * together, only while the invitation is not answered: of any two
   * submissions for one young person and campaign (by one link or two),
   * exactly one is stored. A response that names no child (anonymous) leaves
   * the link holding only that it was answered: no child, day, draft or
   * `worrying`.
   */
  submit(link: SurveyLink, response: Omit<StoredResponse, 'responseId'>, today: string, worrying?: boolean): Promise<SubmitOutcome>;
  /** Writes responses directly (the demo's earlier campaigns, benchmarks): no link is involved. */
  putResponses(councilId: string, campaignId: string, responses: ReadonlyArray<Omit<StoredResponse, 'responseId'>>): Promise<void>;
  /** Counts a wrong survey link from one source in a ten-minute window; returns the count so far. */
  countMiss(sourceHash: string, nowMs: number): Promise<number>;
}
