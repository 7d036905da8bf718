/** Staff, the owner of each email address, and calendar feed tokens, in the single table. */
import { GetCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Staff, StaffChange } from '#domain/people.js';
import { AlreadyExists, NotFound, StaleVersion } from '#domain/errors.js';
import type { StaffStore } from '../ports/staff.js';
import { keys } from '../keys.js';
import { type Table, isConditionFailure, plain, queryAll } from './helpers.js';
import { auditPuts } from './audit.js';

/** The optional fields a change sets, or removes when it leaves them out. */
const OPTIONAL = ['managerId', 'jobTitle', 'teamRole'] as const;

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
              // Someone awaiting an email owns no address yet.
              ...(staff.awaitingEmail
                ? []
                : [
                    {
                      Put: {
                        TableName,
                        Item: { ...keys.email(staff.email), councilId: staff.councilId, staffId: staff.id },
                        ConditionExpression: 'attribute_not_exists(pk)',
                      },
                    },
                  ]),
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

    async revertStaff(after, before) {
      const owns = (s: Staff) => !s.awaitingEmail && s.email !== '';
      // Only an address this person owns is taken back from them.
      const dropAddress = (s: Staff) => ({
        Delete: { TableName, Key: keys.email(s.email), ConditionExpression: 'attribute_not_exists(pk) OR staffId = :id', ExpressionAttributeValues: { ':id': s.id } },
      });
      const items: NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']> = [];
      if (before === null) {
        items.push({ Delete: { TableName, Key: keys.staff(after.councilId, after.id) } });
        if (owns(after)) items.push(dropAddress(after));
      } else {
        items.push({ Put: { TableName, Item: { ...keys.staff(before.councilId, before.id), ...before } } });
        if (after.email.toLowerCase() !== before.email.toLowerCase()) {
          if (owns(after)) items.push(dropAddress(after));
          if (owns(before)) items.push({ Put: { TableName, Item: { ...keys.email(before.email), councilId: before.councilId, staffId: before.id } } });
        }
      }
      await table.db.send(new TransactWriteCommand({ TransactItems: items }));
    },

    async changeStaff(councilId, staffId, change: StaffChange, audit) {
      const before = await getStaff(councilId, staffId);
      if (!before) throw new NotFound(`no staff member ${staffId}`);
      const newAddress = change.email.toLowerCase() !== before.email.toLowerCase();
      const set: string[] = ['#name = :name', 'email = :email', '#role = :role'];
      const remove: string[] = newAddress ? ['undeliverable', 'awaitingEmail'] : [];
      const values: Record<string, unknown> = { ':name': change.name, ':email': change.email, ':role': change.role, ':was': before.email };
      for (const field of OPTIONAL) {
        if (change[field] === undefined) remove.push(field);
        else {
          set.push(`${field} = :${field}`);
          values[`:${field}`] = change[field];
        }
      }
      const update = {
        TableName,
        Key: keys.staff(councilId, staffId),
        UpdateExpression: `SET ${set.join(', ')}${remove.length ? ` REMOVE ${remove.join(', ')}` : ''}`,
        // Guarded by the address read above, so two changes at once cannot leave an address owned twice.
        ConditionExpression: 'attribute_exists(pk) AND email = :was',
        ExpressionAttributeNames: { '#name': 'name', '#role': 'role' },
        ExpressionAttributeValues: values,
      };
      const moveAddress = newAddress
        ? [
            ...(before.awaitingEmail ? [] : [{ Delete: { TableName, Key: keys.email(before.email) } }]),
            { Put: { TableName, Item: { ...keys.email(change.email), councilId, staffId }, ConditionExpression: 'attribute_not_exists(pk)' } },
          ]
        : [];
      try {
        await table.db.send(new TransactWriteCommand({ TransactItems: [{ Update: update }, ...moveAddress, ...auditPuts(TableName, audit)] }));
      } catch (error) {
        if (isConditionFailure(error)) {
          if (newAddress && (await table.db.send(new GetCommand({ TableName, Key: keys.email(change.email) }))).Item) {
            throw new AlreadyExists(`the address ${change.email} is already registered`);
          }
          throw new StaleVersion(`staff member ${staffId} was changed meanwhile; look again and retry`);
        }
        throw error;
      }
      return (await getStaff(councilId, staffId))!;
    },

    async endAccess(councilId, staffId, audit) {
      const before = await getStaff(councilId, staffId);
      if (!before) throw new NotFound(`no staff member ${staffId}`);
      const previous = (before as Staff & { calendarTokenHash?: string }).calendarTokenHash;
      const accessEnded = before.accessEnded ?? { at: audit.at, by: audit.staffId };
      await table.db.send(
        new TransactWriteCommand({
          TransactItems: [
            ...(previous ? [{ Delete: { TableName, Key: keys.calendar(previous) } }] : []),
            {
              Update: {
                TableName,
                Key: keys.staff(councilId, staffId),
                UpdateExpression: 'SET accessEnded = :ended REMOVE calendarTokenHash',
                ConditionExpression: 'attribute_exists(pk)',
                ExpressionAttributeValues: { ':ended': accessEnded },
              },
            },
            ...auditPuts(TableName, audit),
          ],
        }),
      );
      return { ...before, accessEnded };
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
