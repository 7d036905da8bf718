/**
 * Everything the table holds about one child, found by key, for subject
 * access and erasure (shared/services/subjectAccess.ts decides what to do
 * with it). Audit entries are not here: they are never erased.
 *
 * Where a child's data lives:
 * - the child record, COUNCIL#{c} / CHILD#{id};
 * - facts, obligations and the recompute marker, all in CHILD#{c}#{id};
 * - an invitation per campaign, CAMPAIGN#{c}#{campaign} / INVITE#{id}, which
 *   names the child's current link (SURVEYLINK#{hash}; a replaced link is
 *   deleted when its successor is issued, so the invitation finds them all),
 *   and beside it the markers of the invitation and reminders sent, SEND#{id}#...;
 * - confidential responses, CAMPAIGN#{c}#{campaign} / RESPONSE#..., carrying
 *   `childId` and `reference`. Anonymous responses carry neither.
 */
import { DeleteCommand, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Campaign } from '#domain/surveys/campaign.js';
import type { DueItem, StoredFact } from '../ports/cases.js';
import type { ChildPartition, SubjectRecords } from '../ports/subjects.js';
import type { Invitation, StoredResponse, SurveyLink } from '../ports/surveys.js';
import { keys, surveyKeys } from '../keys.js';
import { type Table, batchWrite, plain, queryAll, writtenIfStill } from './helpers.js';

export function dynamoSubjects(table: Table): SubjectRecords {
  const TableName = table.name;
  const partitionItems = (councilId: string, childId: string) =>
    queryAll(table, { KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': keys.childPartition(councilId, childId) }, ConsistentRead: true });
  const withPrefix = (pk: string, prefix: string, more: { FilterExpression?: string; values?: Record<string, unknown> } = {}) =>
    queryAll(table, {
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
      ...(more.FilterExpression ? { FilterExpression: more.FilterExpression } : {}),
      ExpressionAttributeValues: { ':pk': pk, ':p': prefix, ...more.values },
      ConsistentRead: true,
    });
  const deleteKeys = (items: Array<Record<string, unknown>>) => batchWrite(table, items.map((i) => ({ DeleteRequest: { Key: { pk: i.pk, sk: i.sk } } })));

  return {
    async childPartition(councilId, childId) {
      const out: ChildPartition = { facts: [], obligations: [], refreshOn: null };
      for (const item of await partitionItems(councilId, childId)) {
        const sk = item.sk as string;
        if (sk.startsWith(keys.factPrefix)) out.facts.push(plain<StoredFact>(item));
        else if (sk.startsWith(keys.obligationPrefix)) out.obligations.push(plain<DueItem>(item));
        else if (sk === keys.refresh(councilId, childId).sk) out.refreshOn = item.refreshOn as string;
      }
      return out;
    },

    async campaigns(councilId) {
      return (await withPrefix(keys.council(councilId).pk, surveyKeys.campaignPrefix)).map((i) => plain<Campaign>(i));
    },

    async invitation(councilId, campaignId, childId) {
      const { Item } = await table.db.send(new GetCommand({ TableName, Key: surveyKeys.invitation(councilId, campaignId, childId), ConsistentRead: true }));
      return Item ? plain<Invitation>(Item) : null;
    },

    async link(linkHash) {
      const { Item } = await table.db.send(new GetCommand({ TableName, Key: surveyKeys.link(linkHash), ConsistentRead: true }));
      return Item ? plain<SurveyLink>(Item) : null;
    },

    /** Read through, filtered by child. */
    async linkedResponses(councilId, campaignId, childId) {
      const items = await withPrefix(surveyKeys.campaignPartition(councilId, campaignId), surveyKeys.responsePrefix, {
        FilterExpression: 'childId = :child',
        values: { ':child': childId },
      });
      return items.map((i) => plain<StoredResponse>(i));
    },

    /** The record goes first: a fact being recorded meanwhile then fails its version check and finds no child. */
    async deleteChild(councilId, childId) {
      const { Attributes } = await table.db.send(new DeleteCommand({ TableName, Key: keys.child(councilId, childId), ReturnValues: 'ALL_OLD' }));
      const items = await partitionItems(councilId, childId);
      await deleteKeys(items);
      return { record: Attributes !== undefined, items: items.length };
    },

    async deleteInvitation(councilId, campaignId, childId) {
      const markers = await withPrefix(surveyKeys.campaignPartition(councilId, campaignId), surveyKeys.sendPrefix(childId));
      await deleteKeys([...markers, surveyKeys.invitation(councilId, campaignId, childId)]);
    },

    async deleteLink(linkHash) {
      await table.db.send(new DeleteCommand({ TableName, Key: surveyKeys.link(linkHash) }));
    },

    async unlinkResponse(councilId, campaignId, responseId, childId) {
      return writtenIfStill(
        table.db.send(
          new UpdateCommand({
            TableName,
            Key: surveyKeys.response(councilId, campaignId, responseId),
            UpdateExpression: 'REMOVE childId, #reference',
            ConditionExpression: 'childId = :child',
            ExpressionAttributeNames: { '#reference': 'reference' },
            ExpressionAttributeValues: { ':child': childId },
          }),
        ),
      );
    },
  };
}
