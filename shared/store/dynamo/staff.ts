/** Staff, the owner of each email address, and calendar feed tokens, in the single table. */
import { GetCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Staff } from '#domain/people.js';
import { AlreadyExists, NotFound } from '#domain/errors.js';
import type { StaffStore } from '../ports/staff.js';
import { keys } from '../keys.js';
import { type Table, isConditionFailure, plain, queryAll } from './helpers.js';

export function dynamoStaff(table: Table): StaffStore {
  const TableName = table.name;

  async function getStaff(councilId: string, staffId: string): Promise<Staff | null> {
    const { Item } = await table.db.send(new GetCommand({ TableName, Key: keys.staff(councilId, staffId) }));
    return Item ? plain<Staff>(Item) : null;
  }

  return {
    getStaff,

    async listStaff(councilId) {
      const items = await queryAll(table, {
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': keys.council(councilId).pk, ':prefix': keys.staffPrefix },
      });
      return items.map((i) => plain<Staff>(i));
    },

    async createStaff(staff) {
      try {
        await table.db.send(
          new TransactWriteCommand({
            TransactItems: [
              { Put: { TableName, Item: { ...keys.staff(staff.councilId, staff.id), ...staff }, ConditionExpression: 'attribute_not_exists(pk)' } },
              {
                Put: {
                  TableName,
                  Item: { ...keys.email(staff.email), councilId: staff.councilId, staffId: staff.id },
                  ConditionExpression: 'attribute_not_exists(pk)',
                },
              },
            ],
          }),
        );
      } catch (error) {
        if (isConditionFailure(error)) throw new AlreadyExists(`staff ${staff.id} or the address ${staff.email} is already registered`);
        throw error;
      }
    },

    async findStaffByEmail(address) {
      const { Item } = await table.db.send(new GetCommand({ TableName, Key: keys.email(address) }));
      return Item ? getStaff(Item.councilId as string, Item.staffId as string) : null;
    },

    async markUndeliverable(councilId, staffId, since, reason) {
      await table.db.send(
        new UpdateCommand({
          TableName,
          Key: keys.staff(councilId, staffId),
          UpdateExpression: 'SET undeliverable = :u',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':u': { since, reason } },
        }),
      );
    },

    async setCalendarToken(councilId, staffId, tokenHash) {
      const staffKey = keys.staff(councilId, staffId);
      const { Item } = await table.db.send(new GetCommand({ TableName, Key: staffKey }));
      if (!Item) throw new NotFound(`no staff member ${staffId}`);
      const previous = Item.calendarTokenHash as string | undefined;
      await table.db.send(
        new TransactWriteCommand({
          TransactItems: [
            ...(previous ? [{ Delete: { TableName, Key: keys.calendar(previous) } }] : []),
            { Put: { TableName, Item: { ...keys.calendar(tokenHash), councilId, staffId } } },
            {
              Update: {
                TableName,
                Key: staffKey,
                UpdateExpression: 'SET calendarTokenHash = :h',
                ConditionExpression: previous ? 'calendarTokenHash = :p' : 'attribute_not_exists(calendarTokenHash)',
                ExpressionAttributeValues: { ':h': tokenHash, ...(previous ? { ':p': previous } : {}) },
              },
            },
          ],
        }),
      );
    },

    async findCalendarToken(tokenHash) {
      const { Item } = await table.db.send(new GetCommand({ TableName, Key: keys.calendar(tokenHash) }));
      return Item ? { councilId: Item.councilId as string, staffId: Item.staffId as string } : null;
    },
  };
}
