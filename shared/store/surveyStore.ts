/**
 * Surveys in the single table: campaigns, invitations, single-use links
 * (kept only as hashes, with the answers given so far), and responses.
 * An anonymous response is written with no child id: only coarse bands.
 */
import { randomBytes } from 'node:crypto';
import { type DynamoDBDocumentClient, BatchWriteCommand, GetCommand, PutCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from './client.js';
import { surveyKeys as k } from './keys.js';
import { isConditionFailure, plain } from './keptStore.js';
import type { Campaign } from '#domain/surveys/campaign.js';
import type { Answers } from '#domain/surveys/answers.js';
import type { Bands } from '#domain/surveys/bands.js';

export interface Invitation {
  childId: string;
  linkHash: string;
  sentAt?: string;
  answered?: boolean;
  reminders: number;
}

export interface SurveyLink {
  linkHash: string;
  councilId: string;
  campaignId: string;
  childId: string;
  /** The last day the link works: the day before the campaign closes. */
  lastDay: string;
  usedOn?: string;
  draft: Answers;
  /** A safeguarding alert has been sent for this link (confidential mode). */
  alerted?: boolean;
  /** The sent answers included one that shows who to contact (kept for the thank-you page). */
  worrying?: boolean;
  reference: string;
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

function isTransactionConflict(error: unknown): boolean {
  const reasons = (error as { CancellationReasons?: Array<{ Code?: string }> }).CancellationReasons;
  return (error as Error)?.name === 'TransactionConflictException' || (reasons ?? []).some((r) => r.Code === 'TransactionConflict');
}

export class SurveyStore {
  constructor(
    readonly tableName: string,
    private readonly db: DynamoDBDocumentClient = documentClient(),
  ) {}

  async putCampaign(campaign: Campaign): Promise<void> {
    await this.db.send(
      new PutCommand({ TableName: this.tableName, Item: { ...k.campaign(campaign.councilId, campaign.id), itemType: 'campaign', ...campaign } }),
    );
  }

  async getCampaign(councilId: string, id: string): Promise<Campaign | null> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: k.campaign(councilId, id), ConsistentRead: true }));
    return Item ? plain<Campaign>(Item) : null;
  }

  async listCampaigns(councilId: string): Promise<Campaign[]> {
    return (await this.query({ pk: `COUNCIL#${councilId}`, prefix: k.campaignPrefix })).map((i) => plain<Campaign>(i));
  }

  async updateCampaign(councilId: string, id: string, changes: Partial<Pick<Campaign, 'state' | 'invited' | 'remindersSent'>>): Promise<void> {
    const names: Record<string, string> = {};
    const values: Record<string, unknown> = {};
    const sets = Object.entries(changes).map(([key, value], i) => {
      names[`#f${i}`] = key;
      values[`:v${i}`] = value;
      return `#f${i} = :v${i}`;
    });
    await this.db.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: k.campaign(councilId, id),
        UpdateExpression: `SET ${sets.join(', ')}`,
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      }),
    );
  }

  private async query(opts: { pk: string; prefix: string; consistent?: boolean }): Promise<Record<string, unknown>[]> {
    const items: Record<string, unknown>[] = [];
    let ExclusiveStartKey: Record<string, unknown> | undefined;
    do {
      const page = await this.db.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
          ExpressionAttributeValues: { ':pk': opts.pk, ':p': opts.prefix },
          ConsistentRead: opts.consistent ?? true,
          ExclusiveStartKey,
        }),
      );
      items.push(...((page.Items ?? []) as Record<string, unknown>[]));
      ExclusiveStartKey = page.LastEvaluatedKey;
    } while (ExclusiveStartKey);
    return items;
  }

  /** "You said, we did": a lead's reply to what young people said in a campaign. */
  async setReply(councilId: string, id: string, text: string): Promise<void> {
    await this.db.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: k.campaign(councilId, id),
        UpdateExpression: 'SET youSaidWeDid = :t',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':t': text },
      }),
    );
  }

  async listInvitations(councilId: string, campaignId: string): Promise<Invitation[]> {
    return (await this.query({ pk: k.campaignPartition(councilId, campaignId), prefix: k.invitationPrefix })).map((i) => plain<Invitation>(i));
  }

  async listResponses(councilId: string, campaignId: string): Promise<StoredResponse[]> {
    return (await this.query({ pk: k.campaignPartition(councilId, campaignId), prefix: k.responsePrefix })).map((i) => plain<StoredResponse>(i));
  }

  /**
   * Gives a child a (new) link for a campaign: the invitation and the link in
   * one transaction. A replaced link stops working; answers saved on it move over.
   */
  async issueLink(link: Omit<SurveyLink, 'draft' | 'reference'>, expiresAtEpoch: number): Promise<void> {
    const invitationKey = k.invitation(link.councilId, link.campaignId, link.childId);
    const { Item: previous } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: invitationKey, ConsistentRead: true }));
    let draft: Answers = {};
    let reference = `K-${randomBytes(4).toString('hex').toUpperCase()}`;
    let alerted = false;
    const oldHash = previous?.linkHash as string | undefined;
    if (oldHash) {
      const old = await this.getLink(oldHash);
      if (old) {
        draft = old.draft;
        reference = old.reference;
        alerted = old.alerted ?? false;
      }
    }
    await this.db.send(
      new TransactWriteCommand({
        TransactItems: [
          ...(oldHash ? [{ Delete: { TableName: this.tableName, Key: k.link(oldHash) } }] : []),
          {
            Put: {
              TableName: this.tableName,
              Item: { ...k.link(link.linkHash), itemType: 'survey-link', ...link, draft, reference, alerted, expiresAt: expiresAtEpoch },
            },
          },
          {
            Put: {
              TableName: this.tableName,
              Item: {
                ...invitationKey,
                itemType: 'invitation',
                childId: link.childId,
                linkHash: link.linkHash,
                answered: previous?.answered ?? false,
                reminders: previous?.reminders ?? 0,
                ...(previous?.sentAt ? { sentAt: previous.sentAt } : {}),
              },
              ...(oldHash ? { ConditionExpression: 'linkHash = :old', ExpressionAttributeValues: { ':old': oldHash } } : { ConditionExpression: 'attribute_not_exists(pk)' }),
            },
          },
        ],
      }),
    );
  }

  async markInvitationSent(councilId: string, campaignId: string, childId: string, at: string, reminder: boolean): Promise<void> {
    await this.db.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: k.invitation(councilId, campaignId, childId),
        UpdateExpression: reminder ? 'SET reminders = reminders + :one' : 'SET sentAt = :at',
        ExpressionAttributeValues: reminder ? { ':one': 1 } : { ':at': at },
      }),
    );
  }

  async getLink(linkHash: string): Promise<SurveyLink | null> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: k.link(linkHash), ConsistentRead: true }));
    return Item ? plain<SurveyLink>(Item) : null;
  }

  /** Saves a section's answers with the link, unless it has been used meanwhile. */
  async saveDraft(linkHash: string, answers: Answers, alerted?: boolean): Promise<boolean> {
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: k.link(linkHash),
          UpdateExpression: alerted ? 'SET draft = :d, alerted = :a' : 'SET draft = :d',
          ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(usedOn)',
          ExpressionAttributeValues: { ':d': answers, ...(alerted ? { ':a': true } : {}) },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  /**
   * Stores the response and uses up the link in one transaction: of two
   * submissions of the same link, exactly one is stored.
   */
  async submit(link: SurveyLink, response: Omit<StoredResponse, 'responseId'>, today: string, worrying = false): Promise<SubmitOutcome> {
    // Concurrent submissions of one link collide inside DynamoDB (TransactionConflict); the
    // loser looks again: if the link is used it was answered, otherwise it tries once more.
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.submitOnce(link, response, today, worrying);
      } catch (error) {
        if (!isTransactionConflict(error) || attempt >= 8) throw error;
        await new Promise((r) => setTimeout(r, 10 * 2 ** attempt * Math.random()));
        const now = await this.getLink(link.linkHash);
        if (!now || now.usedOn) return 'already-answered';
      }
    }
  }

  private async submitOnce(link: SurveyLink, response: Omit<StoredResponse, 'responseId'>, today: string, worrying: boolean): Promise<SubmitOutcome> {
    const responseId = randomBytes(16).toString('hex');
    try {
      await this.db.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName: this.tableName,
                Key: k.link(link.linkHash),
                UpdateExpression: 'SET usedOn = :today, worrying = :w REMOVE draft',
                ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(usedOn)',
                ExpressionAttributeValues: { ':today': today, ':w': worrying },
              },
            },
            {
              Put: {
                TableName: this.tableName,
                Item: { ...k.response(link.councilId, link.campaignId, responseId), itemType: 'response', responseId, ...response },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
            {
              Update: {
                TableName: this.tableName,
                Key: k.invitation(link.councilId, link.campaignId, link.childId),
                UpdateExpression: 'SET answered = :yes',
                ExpressionAttributeValues: { ':yes': true },
              },
            },
          ],
        }),
      );
      return 'stored';
    } catch (error) {
      if (isConditionFailure(error)) return 'already-answered';
      throw error;
    }
  }

  /** Writes responses directly (the demo's earlier campaigns, benchmarks): no link is involved. */
  async putResponses(councilId: string, campaignId: string, responses: ReadonlyArray<Omit<StoredResponse, 'responseId'>>): Promise<void> {
    for (let i = 0; i < responses.length; i += 25) {
      const batch = responses.slice(i, i + 25).map((r) => {
        const responseId = randomBytes(16).toString('hex');
        return { PutRequest: { Item: { ...k.response(councilId, campaignId, responseId), itemType: 'response', responseId, ...r } } };
      });
      let pending: typeof batch = batch;
      for (let attempt = 0; pending.length; attempt++) {
        const out = await this.db.send(new BatchWriteCommand({ RequestItems: { [this.tableName]: pending } }));
        pending = (out.UnprocessedItems?.[this.tableName] ?? []) as typeof batch;
        if (pending.length) await new Promise((r) => setTimeout(r, 50 * 2 ** Math.min(attempt, 5)));
      }
    }
  }

  /**
   * Counts a wrong survey link from one address (kept only as a hash) in a
   * ten-minute window; returns the count so far. Entries expire by TTL.
   */
  async countMiss(sourceHash: string, nowMs: number): Promise<number> {
    const window = Math.floor(nowMs / 600_000);
    const out = await this.db.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: k.miss(sourceHash, window),
        UpdateExpression: 'ADD misses :one SET expiresAt = :exp',
        ExpressionAttributeValues: { ':one': 1, ':exp': Math.floor(nowMs / 1000) + 3600 },
        ReturnValues: 'UPDATED_NEW',
      }),
    );
    return Number(out.Attributes?.misses ?? 0);
  }

  async missesSoFar(sourceHash: string, nowMs: number): Promise<number> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: k.miss(sourceHash, Math.floor(nowMs / 600_000)) }));
    return Number(Item?.misses ?? 0);
  }
}
