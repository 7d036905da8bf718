/**
 * Everything the table holds about one child, found by key, for subject
 * access and erasure (shared/services/subjectAccess.ts decides what to do
 * with it). Audit entries are not here: they are never erased (auditStore.ts).
 *
 * Where a child's data lives:
 * - the child record, COUNCIL#{c} / CHILD#{id};
 * - facts, obligations and the recompute marker, all in CHILD#{c}#{id};
 * - an invitation per campaign, CAMPAIGN#{c}#{campaign} / INVITE#{id}, which
 *   names the child's current link (SURVEYLINK#{hash}; a replaced link is
 *   deleted when its successor is issued, so the invitation finds them all);
 * - confidential responses, CAMPAIGN#{c}#{campaign} / RESPONSE#..., carrying
 *   `childId` and `reference`. Anonymous responses carry neither.
 */
import { BatchWriteCommand, DeleteCommand, type DynamoDBDocumentClient, GetCommand, QueryCommand, type QueryCommandInput, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Campaign } from '#domain/surveys/campaign.js';
import { documentClient } from './client.js';
import { keys, surveyKeys } from './keys.js';
import { type DueItem, type StoredFact, isConditionFailure, plain } from './keptStore.js';
import type { Invitation, StoredResponse, SurveyLink } from './surveyStore.js';

export interface ChildPartition {
  facts: StoredFact[];
  obligations: DueItem[];
  /** The recompute marker's date, if the child has one. */
  refreshOn: string | null;
}

export class SubjectStore {
  constructor(
    readonly tableName: string,
    private readonly db: DynamoDBDocumentClient = documentClient(),
  ) {}

  private async queryAll(input: Omit<QueryCommandInput, 'TableName'>): Promise<Record<string, unknown>[]> {
    const items: Record<string, unknown>[] = [];
    let ExclusiveStartKey: Record<string, unknown> | undefined;
    do {
      const page = await this.db.send(new QueryCommand({ TableName: this.tableName, ConsistentRead: true, ...input, ExclusiveStartKey }));
      items.push(...((page.Items ?? []) as Record<string, unknown>[]));
      ExclusiveStartKey = page.LastEvaluatedKey;
    } while (ExclusiveStartKey);
    return items;
  }

  private partitionItems(councilId: string, childId: string) {
    return this.queryAll({ KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': keys.childPartition(councilId, childId) } });
  }

  /** The child's facts, obligations and recompute marker. */
  async childPartition(councilId: string, childId: string): Promise<ChildPartition> {
    const out: ChildPartition = { facts: [], obligations: [], refreshOn: null };
    for (const item of await this.partitionItems(councilId, childId)) {
      const sk = item.sk as string;
      if (sk.startsWith(keys.factPrefix)) out.facts.push(plain<StoredFact>(item));
      else if (sk.startsWith(keys.obligationPrefix)) out.obligations.push(plain<DueItem>(item));
      else if (sk === keys.refresh(councilId, childId).sk) out.refreshOn = item.refreshOn as string;
    }
    return out;
  }

  async campaigns(councilId: string): Promise<Campaign[]> {
    const items = await this.queryAll({
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
      ExpressionAttributeValues: { ':pk': keys.council(councilId).pk, ':p': surveyKeys.campaignPrefix },
    });
    return items.map((i) => plain<Campaign>(i));
  }

  async invitation(councilId: string, campaignId: string, childId: string): Promise<Invitation | null> {
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: surveyKeys.invitation(councilId, campaignId, childId), ConsistentRead: true }),
    );
    return Item ? plain<Invitation>(Item) : null;
  }

  async link(linkHash: string): Promise<SurveyLink | null> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: surveyKeys.link(linkHash), ConsistentRead: true }));
    return Item ? plain<SurveyLink>(Item) : null;
  }

  /** A campaign's responses that name this child (confidential mode); read through, filtered by child. */
  async linkedResponses(councilId: string, campaignId: string, childId: string): Promise<StoredResponse[]> {
    const items = await this.queryAll({
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
      FilterExpression: 'childId = :child',
      ExpressionAttributeValues: { ':pk': surveyKeys.campaignPartition(councilId, campaignId), ':p': surveyKeys.responsePrefix, ':child': childId },
    });
    return items.map((i) => plain<StoredResponse>(i));
  }

  /**
   * Deletes the child record, then every item of the child's partition
   * (facts, obligations, recompute marker). The record goes first: a fact
   * being recorded meanwhile then fails its version check and finds no child.
   * Returns how many items were deleted.
   */
  async deleteChild(councilId: string, childId: string): Promise<{ record: boolean; items: number }> {
    const { Attributes } = await this.db.send(
      new DeleteCommand({ TableName: this.tableName, Key: keys.child(councilId, childId), ReturnValues: 'ALL_OLD' }),
    );
    const items = await this.partitionItems(councilId, childId);
    const requests = items.map((i) => ({ DeleteRequest: { Key: { pk: i.pk, sk: i.sk } } }));
    for (let i = 0; i < requests.length; i += 25) {
      let pending = requests.slice(i, i + 25);
      for (let attempt = 0; pending.length > 0; attempt++) {
        if (attempt > 8) throw new Error('DynamoDB kept refusing a batch delete');
        if (attempt > 0) await new Promise((r) => setTimeout(r, Math.min(2000, 50 * 2 ** attempt)));
        const out = await this.db.send(new BatchWriteCommand({ RequestItems: { [this.tableName]: pending } }));
        pending = (out.UnprocessedItems?.[this.tableName] ?? []) as typeof pending;
      }
    }
    return { record: Attributes !== undefined, items: items.length };
  }

  async deleteInvitation(councilId: string, campaignId: string, childId: string): Promise<void> {
    await this.db.send(new DeleteCommand({ TableName: this.tableName, Key: surveyKeys.invitation(councilId, campaignId, childId) }));
  }

  async deleteLink(linkHash: string): Promise<void> {
    await this.db.send(new DeleteCommand({ TableName: this.tableName, Key: surveyKeys.link(linkHash) }));
  }

  /**
   * Takes the person off a confidential response: its case reference and
   * survey reference go, its answers and bands stay, as an anonymous
   * response has them. Only if it still names this child.
   */
  async unlinkResponse(councilId: string, campaignId: string, responseId: string, childId: string): Promise<boolean> {
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: surveyKeys.response(councilId, campaignId, responseId),
          UpdateExpression: 'REMOVE childId, #reference',
          ConditionExpression: 'childId = :child',
          ExpressionAttributeNames: { '#reference': 'reference' },
          ExpressionAttributeValues: { ':child': childId },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }
}
