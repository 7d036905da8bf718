/**
 * Send markers in the single table: a digest's under its day, a survey
 * message's in its campaign's partition (keys.ts). A marker is `sending`
 * while claimed, with a lease and its run's id (`owner`), then `sent` with the
 * message id, marked by the run that sent it or by the provider's send event
 * (`confirmSent`), whichever comes first; it expires by TTL once nothing
 * could send the message again. A safeguarding claim given its alert is also
 * on byDueDate under REDRIVE#{council}, by its lease's end, until marked sent
 * (keys.ts): a claim given back stays there, its lease ended.
 */
import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { RedriveAlert, RedriveEntry, SafeguardingKey, SendClaims, SendKey } from '../ports/sendClaims.js';
import { keys, surveyKeys } from '../keys.js';
import { queryAll, type Table, writtenIfStill } from './helpers.js';

function keyOf(key: SendKey): { pk: string; sk: string } {
  switch (key.kind) {
    case 'digest':
      return keys.digest(key.councilId, key.date, key.staffId);
    case 'invitation':
      return surveyKeys.invitationSent(key.councilId, key.campaignId, key.childId, key.channel ? '#TEXT' : '');
    case 'reminder':
      return surveyKeys.reminderSent(key.councilId, key.campaignId, key.childId, key.number, key.channel ? '#TEXT' : '');
    case 'help-request':
      return surveyKeys.helpRequestSent(key.councilId, key.campaignId, key.childId, key.requestId, key.to);
    case 'worrying-alert':
      return surveyKeys.worryingAlertSent(key.councilId, key.campaignId, key.childId, key.to);
  }
}

const STATE = { '#state': 'state' };

const isSafeguarding = (key: SendKey): key is SafeguardingKey => key.kind === 'help-request' || key.kind === 'worrying-alert';

/** A safeguarding claim's redrive: on byDueDate under its lease's end, with what it takes to tell them again. */
function redriveOf(key: SendKey, leaseUntil: number, alert: RedriveAlert | undefined) {
  if (!alert || !isSafeguarding(key)) return {};
  return { ...keys.redriveIndex(key.councilId, new Date(leaseUntil).toISOString(), keyOf(key).sk), redrive: { key, alert } };
}

export function dynamoSendClaims(table: Table): SendClaims {
  const TableName = table.name;
  /** Marks the claim sent with the provider's message id, if `condition` holds (none: whatever it is). */
  const sent = (key: SendKey, messageId: string, when: { condition?: string; values?: Record<string, unknown> }) =>
    writtenIfStill(
      table.db.send(
        new UpdateCommand({
          TableName,
          Key: keyOf(key),
          // Sent: off the redrive index too (nothing there for other kinds).
          UpdateExpression: 'SET #state = :sent, messageId = :m REMOVE #owner, leaseUntil, duePk, dueSk, redrive',
          ...(when.condition ? { ConditionExpression: when.condition } : {}),
          ExpressionAttributeNames: { ...STATE, '#owner': 'owner' },
          ExpressionAttributeValues: { ':sent': 'sent', ':m': messageId, ...when.values },
        }),
      ),
    );

  return {
    /**
     * Fails if the message was sent, or if another run holds an unexpired
     * lease on it; a lease left by a run that died before sending can be
     * taken over once it expires.
     */
    async claim(key, { nowMs, leaseMs, expiresAt, owner, redrive }) {
      const claimed = await writtenIfStill(
        table.db.send(
          new PutCommand({
            TableName,
            Item: { ...keyOf(key), state: 'sending', leaseUntil: nowMs + leaseMs, expiresAt, ...(owner ? { owner } : {}), ...redriveOf(key, nowMs + leaseMs, redrive) },
            ConditionExpression: 'attribute_not_exists(pk) OR (#state = :sending AND leaseUntil < :now)',
            ExpressionAttributeNames: STATE,
            ExpressionAttributeValues: { ':sending': 'sending', ':now': nowMs },
          }),
        ),
      );
      if (claimed) return 'claimed';
      const { Item } = await table.db.send(new GetCommand({ TableName, Key: keyOf(key), ConsistentRead: true }));
      return Item?.state === 'sent' ? 'sent' : 'held';
    },

    async markSent(key, messageId, owner) {
      // With an owner: that run's claim, or the provider's send event got there first with this very message.
      return sent(key, messageId, owner ? { condition: '(#state = :sending AND #owner = :owner) OR (#state = :sent AND messageId = :m)', values: { ':sending': 'sending', ':owner': owner } } : {});
    },

    async confirmSent(key, messageId) {
      return sent(key, messageId, { condition: '#state = :sending', values: { ':sending': 'sending' } });
    },

    async release(key, owner) {
      const condition = owner ? '#state = :sending AND #owner = :owner' : '#state = :sending';
      const names = { ...STATE, '#owner': 'owner' };
      const values = owner ? { ':sending': 'sending', ':owner': owner } : { ':sending': 'sending' };
      if (isSafeguarding(key)) {
        // Kept, lease ended and owner gone: anyone may take it now, and the redrive still finds it.
        await writtenIfStill(
          table.db.send(
            new UpdateCommand({ TableName, Key: keyOf(key), UpdateExpression: 'SET leaseUntil = :ended REMOVE #owner', ConditionExpression: condition, ExpressionAttributeNames: names, ExpressionAttributeValues: { ...values, ':ended': 0 } }),
          ),
        );
        return;
      }
      await writtenIfStill(
        table.db.send(
          new DeleteCommand({
            TableName,
            Key: keyOf(key),
            ConditionExpression: condition,
            // Only the names the condition uses: DynamoDB refuses an unused one.
            ExpressionAttributeNames: owner ? names : STATE,
            ExpressionAttributeValues: values,
          }),
        ),
      );
    },

    async redriveDue(councilId, nowMs) {
      // A lease-end ISO instant sorts as its time; `iso#sk` < now's ISO exactly when that lease ended before now.
      const found = await queryAll(table, {
        IndexName: 'byDueDate',
        KeyConditionExpression: 'duePk = :p AND dueSk < :now',
        FilterExpression: '#state = :sending',
        ExpressionAttributeNames: STATE,
        ExpressionAttributeValues: { ':p': keys.redrivePartition(councilId), ':now': new Date(nowMs).toISOString(), ':sending': 'sending' },
      });
      return found.map((item): RedriveEntry => {
        const { key, alert } = item.redrive as { key: SafeguardingKey; alert: RedriveAlert };
        return { key, alert, expiresAt: item.expiresAt as number };
      });
    },

    async dropRedrive(key) {
      await writtenIfStill(
        table.db.send(
          new UpdateCommand({ TableName, Key: keyOf(key), UpdateExpression: 'REMOVE duePk, dueSk, redrive', ConditionExpression: 'attribute_exists(pk)' }),
        ),
      );
    },
  };
}
