/**
 * The import lock in the single table (keys.ts): one item per council,
 * put on the condition that there is none, or that its lease has run out,
 * or that it is the caller's own; deleted on release only if it is still the
 * caller's. It expires by TTL a day after its lease, should a run die
 * holding it (the lease, not the TTL, decides who may take it).
 */
import { DeleteCommand, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { ImportLock } from '../ports/importLock.js';
import { keys } from '../keys.js';
import { type Table, writtenIfStill } from './helpers.js';

const DAY_S = 24 * 60 * 60;

export function dynamoImportLock(table: Table): ImportLock {
  const TableName = table.name;
  return {
    async claim(councilId, holder, { nowMs, leaseMs }) {
      const until = nowMs + leaseMs;
      const claimed = await writtenIfStill(
        table.db.send(
          new PutCommand({
            TableName,
            Item: { ...keys.importLock(councilId), holder, since: new Date(nowMs).toISOString(), leaseUntil: until, expiresAt: Math.ceil(until / 1000) + DAY_S },
            ConditionExpression: 'attribute_not_exists(pk) OR leaseUntil < :now OR holder = :holder',
            ExpressionAttributeValues: { ':now': nowMs, ':holder': holder },
          }),
        ),
      );
      if (claimed) return { claimed: true, until };
      const { Item } = await table.db.send(new GetCommand({ TableName, Key: keys.importLock(councilId), ConsistentRead: true }));
      // Released between the put and the read: say who had it as unknown rather than claim again behind the caller's back.
      return { claimed: false, holder: String(Item?.holder ?? 'another import'), since: String(Item?.since ?? ''), until: Number(Item?.leaseUntil ?? nowMs) };
    },

    async release(councilId, holder) {
      await writtenIfStill(
        table.db.send(
          new DeleteCommand({
            TableName,
            Key: keys.importLock(councilId),
            ConditionExpression: 'holder = :holder',
            ExpressionAttributeValues: { ':holder': holder },
          }),
        ),
      );
    },
  };
}
