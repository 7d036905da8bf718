import type { Campaign } from '#domain/surveys/campaign.js';
import type { DueItem, StoredFact } from './cases.js';
import type { Invitation, StoredResponse, SurveyLink } from './surveys.js';

export interface ChildPartition {
  facts: StoredFact[];
  obligations: DueItem[];
  /** The recompute marker's date, if the child has one. */
  refreshOn: string | null;
}

/**
 * Everything held about one child, found by key, for subject access and
 * erasure. The audit trail is not here: it is never erased.
 */
export interface SubjectRecords {
  /** The child's facts, obligations and recompute marker. */
  childPartition(councilId: string, childId: string): Promise<ChildPartition>;
  campaigns(councilId: string): Promise<Campaign[]>;
  invitation(councilId: string, campaignId: string, childId: string): Promise<Invitation | null>;
  link(linkHash: string): Promise<SurveyLink | null>;
  /** A campaign's responses that name this child (confidential mode). */
  linkedResponses(councilId: string, campaignId: string, childId: string): Promise<StoredResponse[]>;
  /**
   * Deletes the child record, then everything in the child's partition
   * (facts, obligations, recompute marker); returns what it deleted.
   */
  deleteChild(councilId: string, childId: string): Promise<{ record: boolean; items: number }>;
  /** Deletes the invitation and the markers of the messages sent for it. */
  deleteInvitation(councilId: string, campaignId: string, childId: string): Promise<void>;
  deleteLink(linkHash: string): Promise<void>;
  /** Takes the person off a confidential response, if it still names this child; the answers and bands stay. */
  unlinkResponse(councilId: string, campaignId: string, responseId: string, childId: string): Promise<boolean>;
}
