/**
 * Surveys in the single table: campaigns, invitations, single-use links
 * (kept only as hashes, with the answers given so far), responses and the
 * wrong-link counter. An anonymous response is written with no child id:
 * only coarse bands.
 */
import { randomBytes } from 'node:crypto';
import { GetCommand, PutCommand, TransactWriteCommand, UpdateCommand, paginateQuery } from '@aws-sdk/lib-dynamodb';
import type { Campaign } from '#domain/surveys/campaign.js';
import type { Answers } from '#domain/surveys/answers.js';
import type { Invitation, StoredResponse, SubmitOutcome, SurveyLink, SurveyStore } from '../ports/surveys.js';
import { surveyKeys as k } from '../keys.js';
import { type Table, batchGet, batchWrite, isConditionFailure, plain, queryAll } from './helpers.js';

function isTransactionConflict(error: unknown): boolean {
  const reasons = (error as { CancellationReasons?: Array<{ Code?: string }> }).CancellationReasons;
  return (error as Error)?.name === 'TransactionConflictException' || (reasons ?? []).some((r) => r.Code === 'TransactionConflict');
}

const MISS_WINDOW_MS = 600_000;

export function dynamoSurveys(table: Table): SurveyStore {
  const TableName = table.name;

  const query = (pk: string, prefix: string) =>
    queryAll(table, {
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
      ExpressionAttributeValues: { ':pk': pk, ':p': prefix },
      ConsistentRead: true,
    });

  /** Items of a partition under a prefix (and matching `filter`), counted by DynamoDB. */
  async function count(pk: string, prefix: string, filter?: string): Promise<number> {
    let n = 0;
    const pages = paginateQuery(
      { client: table.db },
      {
        TableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
        ...(filter ? { FilterExpression: filter } : {}),
        ExpressionAttributeValues: { ':pk': pk, ':p': prefix },
        Select: 'COUNT',
        ConsistentRead: true,
      },
    );
    for await (const page of pages) n += page.Count ?? 0;
    return n;
  }

  async function getLink(linkHash: string): Promise<SurveyLink | null> {
    const { Item } = await table.db.send(new GetCommand({ TableName, Key: k.link(linkHash), ConsistentRead: true }));
    return Item ? plain<SurveyLink>(Item) : null;
  }

  /** Ignores a condition failure: the item is gone or already says as much. */
  async function updateIfStill(update: UpdateCommand): Promise<void> {
    try {
      await table.db.send(update);
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
  }

  /**
   * An anonymous answer leaves the link saying only that it was answered (the
   * invitation already says as much); a confidential one keeps the day and
   * whether it was worrying, as the response itself names the young person.
   */
  function usedUp(response: Omit<StoredResponse, 'responseId'>, today: string, worrying: boolean) {
    return response.childId === undefined
      ? { UpdateExpression: 'SET answered = :yes REMOVE draft, childId, #reference, alerted, assisted, carried', ExpressionAttributeNames: { '#reference': 'reference' }, ExpressionAttributeValues: { ':yes': true } }
      : { UpdateExpression: 'SET answered = :yes, usedOn = :today, worrying = :w REMOVE draft, carried', ExpressionAttributeValues: { ':yes': true, ':today': today, ':w': worrying } };
  }

  async function submitOnce(link: SurveyLink, response: Omit<StoredResponse, 'responseId'>, today: string, worrying: boolean): Promise<SubmitOutcome> {
    if (!link.childId) return 'already-answered';
    const responseId = randomBytes(16).toString('hex');
    const linkUpdate = usedUp(response, today, worrying);
    try {
      await table.db.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName,
                Key: k.link(link.linkHash),
                ...linkUpdate,
                ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(usedOn) AND attribute_not_exists(answered)',
              },
            },
            {
              Put: {
                TableName,
                Item: { ...k.response(link.councilId, link.campaignId, responseId), itemType: 'response', responseId, ...response },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
            {
              // The young person's, whichever of their links this is: one answer per campaign.
              Update: {
                TableName,
                Key: k.invitation(link.councilId, link.campaignId, link.childId),
                UpdateExpression: 'SET answered = :yes',
                ConditionExpression: 'attribute_exists(pk) AND (attribute_not_exists(answered) OR answered = :no)',
                ExpressionAttributeValues: { ':yes': true, ':no': false },
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

  type PreviousInvitation = Partial<Invitation> & { linkHash?: string };

  /** One try at issuing; false when the invitation changed since it was read (another link, or an answer). */
  async function issueOnce(link: Parameters<SurveyStore['issueLink']>[0], expiresAtEpoch: number): Promise<{ answered: boolean } | false> {
    const invitationKey = k.invitation(link.councilId, link.campaignId, link.childId);
    const previous = (await table.db.send(new GetCommand({ TableName, Key: invitationKey, ConsistentRead: true }))).Item as PreviousInvitation | undefined;
    const code = link.codeHash ? [{ Put: { TableName, Item: { ...k.code(link.codeHash), itemType: 'survey-code', linkHash: link.linkHash, expiresAt: expiresAtEpoch } } }] : [];
    if (previous?.answered) {
      // Born answered and naming no one; the link they answered with, and the invitation, stay as they are.
      const { childId: _child, assisted: _assisted, carried: _carried, ...rest } = link;
      await table.db.send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName, Item: { ...k.link(link.linkHash), itemType: 'survey-link', ...rest, answered: true, draft: {}, reference: '', expiresAt: expiresAtEpoch } } },
            ...code,
            { ConditionCheck: { TableName, Key: invitationKey, ConditionExpression: 'answered = :yes', ExpressionAttributeValues: { ':yes': true } } },
          ],
        }),
      );
      return { answered: true };
    }
    let draft: Answers = {};
    let reference = `K-${randomBytes(4).toString('hex').toUpperCase()}`;
    let alerted = false;
    let carried = link.carried;
    const oldHash = previous?.linkHash;
    if (oldHash) {
      const old = await getLink(oldHash);
      if (old) {
        draft = old.draft ?? {};
        reference = old.reference;
        alerted = old.alerted ?? false;
        // A reminder's link keeps the bands the invitation's link was given (the reminder does not read the young person's record).
        if (carried && !carried.bands && old.carried?.bands) carried = { ...carried, bands: old.carried.bands, ...(old.carried.bandsUntil ? { bandsUntil: old.carried.bandsUntil } : {}) };
      }
    }
    try {
      await table.db.send(
        new TransactWriteCommand({
          TransactItems: [
            ...(oldHash ? [{ Delete: { TableName, Key: k.link(oldHash) } }] : []),
            { Put: { TableName, Item: { ...k.link(link.linkHash), itemType: 'survey-link', ...link, ...(carried ? { carried } : {}), draft, reference, alerted, expiresAt: expiresAtEpoch } } },
            ...code,
            {
              Put: {
                TableName,
                Item: {
                  ...invitationKey,
                  itemType: 'invitation',
                  childId: link.childId,
                  linkHash: link.linkHash,
                  answered: false,
                  reminders: previous?.reminders ?? 0,
                  ...(previous?.sentAt ? { sentAt: previous.sentAt } : {}),
                  ...(previous?.team ? { team: previous.team } : {}),
                  ...(previous?.ageBand ? { ageBand: previous.ageBand } : {}),
                  ...(previous?.channel ? { channel: previous.channel } : {}),
                  ...(previous?.sendFailures ? { sendFailures: previous.sendFailures } : {}),
                  ...(previous?.notReachable ? { notReachable: true } : {}),
                },
                // Unchanged since it was read: not replaced by another run, not answered meanwhile.
                ...(oldHash
                  ? { ConditionExpression: 'linkHash = :old AND (attribute_not_exists(answered) OR answered = :no)', ExpressionAttributeValues: { ':old': oldHash, ':no': false } }
                  : { ConditionExpression: 'attribute_not_exists(pk)' }),
              },
            },
          ],
        }),
      );
    } catch (error) {
      if (isConditionFailure(error) || isTransactionConflict(error)) return false;
      throw error;
    }
    return { answered: false };
  }

  return {
    getLink,

    async findLink(by, sourceHash, nowMs) {
      const wanted = 'linkHash' in by ? k.link(by.linkHash) : k.code(by.codeHash);
      const missKey = k.miss(sourceHash, Math.floor(nowMs / MISS_WINDOW_MS));
      const items = await batchGet(table, [wanted, missKey]);
      const misses = Number(items.find((i) => i.pk === missKey.pk)?.misses ?? 0);
      const found = items.find((i) => i.pk === wanted.pk);
      if ('linkHash' in by) return { link: found ? plain<SurveyLink>(found) : null, misses };
      // A code names its link: found only when that link is still there.
      return { link: typeof found?.linkHash === 'string' ? await getLink(found.linkHash) : null, misses };
    },

    async putCampaign(campaign) {
      await table.db.send(new PutCommand({ TableName, Item: { ...k.campaign(campaign.councilId, campaign.id), itemType: 'campaign', ...campaign } }));
    },

    async getCampaign(councilId, id) {
      const { Item } = await table.db.send(new GetCommand({ TableName, Key: k.campaign(councilId, id), ConsistentRead: true }));
      return Item ? plain<Campaign>(Item) : null;
    },

    async listCampaigns(councilId) {
      return (await query(`COUNCIL#${councilId}`, k.campaignPrefix)).map((i) => plain<Campaign>(i));
    },

    async updateCampaign(councilId, id, changes) {
      const names: Record<string, string> = {};
      const values: Record<string, unknown> = {};
      const sets = Object.entries(changes).map(([key, value], i) => {
        names[`#f${i}`] = key;
        values[`:v${i}`] = value;
        return `#f${i} = :v${i}`;
      });
      await table.db.send(
        new UpdateCommand({ TableName, Key: k.campaign(councilId, id), UpdateExpression: `SET ${sets.join(', ')}`, ExpressionAttributeNames: names, ExpressionAttributeValues: values }),
      );
    },

    async setReply(councilId, id, text) {
      await table.db.send(
        new UpdateCommand({
          TableName,
          Key: k.campaign(councilId, id),
          UpdateExpression: 'SET youSaidWeDid = :t',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':t': text },
        }),
      );
    },

    async listInvitations(councilId, campaignId) {
      return (await query(k.campaignPartition(councilId, campaignId), k.invitationPrefix)).map((i) => plain<Invitation>(i));
    },

    async listResponses(councilId, campaignId) {
      return (await query(k.campaignPartition(councilId, campaignId), k.responsePrefix)).map((i) => plain<StoredResponse>(i));
    },

    /** Counted by DynamoDB (Select COUNT): the answers stay in the table. */
    async countResponses(councilId, campaignId) {
      return count(k.campaignPartition(councilId, campaignId), k.responsePrefix);
    },

    /** Counted by DynamoDB (Select COUNT, sent ones only): the invitations stay in the table. */
    async countInvitationsSent(councilId, campaignId) {
      return count(k.campaignPartition(councilId, campaignId), k.invitationPrefix, 'attribute_exists(sentAt)');
    },

    /**
     * The invitation and the link in one transaction, read again and retried
     * when another run replaced the link or the young person answered meanwhile.
     */
    async issueLink(link, expiresAtEpoch) {
      for (let attempt = 0; attempt < 8; attempt++) {
        const issued = await issueOnce(link, expiresAtEpoch);
        if (issued) return issued;
        await new Promise((r) => setTimeout(r, 10 * 2 ** attempt * Math.random()));
      }
      throw new Error(`could not issue a survey link for campaign ${link.campaignId}: its invitation kept changing`);
    },

    async getInvitation(councilId, campaignId, childId) {
      const { Item } = await table.db.send(new GetCommand({ TableName, Key: k.invitation(councilId, campaignId, childId), ConsistentRead: true }));
      return Item ? plain<Invitation>(Item) : null;
    },

    async markInvitationSent(councilId, campaignId, childId, at, groups) {
      const sets = ['sentAt = if_not_exists(sentAt, :at)'];
      const values: Record<string, unknown> = { ':at': at };
      const names: Record<string, string> = {};
      if (groups) {
        // As they were when it was first sent: a later run finishing the send changes nothing.
        for (const [name, value] of Object.entries(groups)) {
          sets.push(`#${name} = if_not_exists(#${name}, :${name})`);
          names[`#${name}`] = name;
          values[`:${name}`] = value;
        }
      }
      await updateIfStill(
        new UpdateCommand({
          TableName,
          Key: k.invitation(councilId, campaignId, childId),
          UpdateExpression: `SET ${sets.join(', ')}`,
          ConditionExpression: 'attribute_exists(pk)',
          ...(groups ? { ExpressionAttributeNames: names } : {}),
          ExpressionAttributeValues: values,
        }),
      );
    },

    async countSendFailure(councilId, campaignId, childId, limit) {
      const Key = k.invitation(councilId, campaignId, childId);
      const { Attributes } = await table.db.send(
        new UpdateCommand({
          TableName,
          Key,
          UpdateExpression: 'ADD sendFailures :one',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':one': 1 },
          ReturnValues: 'ALL_NEW',
        }),
      );
      const failures = Number(Attributes?.sendFailures ?? 1);
      if (failures < limit && !Attributes?.notReachable) return { failures, notReachable: false };
      await updateIfStill(new UpdateCommand({ TableName, Key, UpdateExpression: 'SET notReachable = :t', ConditionExpression: 'attribute_exists(pk)', ExpressionAttributeValues: { ':t': true } }));
      return { failures, notReachable: true };
    },

    async markReminderSent(councilId, campaignId, childId, number) {
      await updateIfStill(
        new UpdateCommand({
          TableName,
          Key: k.invitation(councilId, campaignId, childId),
          UpdateExpression: 'SET reminders = :n',
          ConditionExpression: 'reminders < :n',
          ExpressionAttributeValues: { ':n': number },
        }),
      );
    },

    async saveDraft(linkHash, answers, alerted) {
      try {
        await table.db.send(
          new UpdateCommand({
            TableName,
            Key: k.link(linkHash),
            UpdateExpression: alerted ? 'SET draft = :d, alerted = :a' : 'SET draft = :d',
            ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(usedOn) AND attribute_not_exists(answered)',
            ExpressionAttributeValues: { ':d': answers, ...(alerted ? { ':a': true } : {}) },
          }),
        );
        return true;
      } catch (error) {
        if (isConditionFailure(error)) return false;
        throw error;
      }
    },

    async submit(link, response, today, worrying = false) {
      // Concurrent submissions of one link collide inside DynamoDB (TransactionConflict); the
      // loser looks again: if the link is used it was answered, otherwise it tries once more.
      for (let attempt = 0; ; attempt++) {
        try {
          return await submitOnce(link, response, today, worrying);
        } catch (error) {
          if (!isTransactionConflict(error) || attempt >= 8) throw error;
          await new Promise((r) => setTimeout(r, 10 * 2 ** attempt * Math.random()));
          const now = await getLink(link.linkHash);
          if (!now || now.usedOn || now.answered) return 'already-answered';
        }
      }
    },

    async putResponses(councilId, campaignId, responses) {
      await batchWrite(
        table,
        responses.map((r) => {
          const responseId = randomBytes(16).toString('hex');
          return { PutRequest: { Item: { ...k.response(councilId, campaignId, responseId), itemType: 'response', responseId, ...r } } };
        }),
      );
    },

    /** Entries are keyed by the source's hash and a ten-minute window, and expire by TTL. */
    async countMiss(sourceHash, nowMs) {
      const out = await table.db.send(
        new UpdateCommand({
          TableName,
          Key: k.miss(sourceHash, Math.floor(nowMs / MISS_WINDOW_MS)),
          UpdateExpression: 'ADD misses :one SET expiresAt = :exp',
          ExpressionAttributeValues: { ':one': 1, ':exp': Math.floor(nowMs / 1000) + 3600 },
          ReturnValues: 'UPDATED_NEW',
        }),
      );
      return Number(out.Attributes?.misses ?? 0);
    },
  };
}
