/** Council settings, and the day of the newest extract imported (with the tables imported), in the single table. */
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { CouncilSettings, CouncilStore } from '../ports/councils.js';
import { keys } from '../keys.js';
import { type Table, isConditionFailure, plain } from './helpers.js';

export function dynamoCouncils(table: Table): CouncilStore {
  return {
    async getCouncil(councilId) {
      const { Item } = await table.db.send(new GetCommand({ TableName: table.name, Key: keys.council(councilId) }));
      return Item ? plain<CouncilSettings>(Item) : null;
    },

    async putCouncil(council) {
      await table.db.send(new PutCommand({ TableName: table.name, Item: { ...keys.council(council.id), ...council } }));
    },

    async newestExtract(councilId, system) {
      const { Item } = await table.db.send(new GetCommand({ TableName: table.name, Key: keys.extract(councilId, system) }));
      return (Item?.takenOn as string | undefined) ?? null;
    },

    async importedTables(councilId, system) {
      const { Item } = await table.db.send(new GetCommand({ TableName: table.name, Key: keys.extract(councilId, system) }));
      return Item?.tables instanceof Set ? [...(Item.tables as Set<string>)].sort() : [];
    },

    async noteExtract(councilId, system, takenOn, tables) {
      if (tables.length > 0) {
        await table.db.send(
          new UpdateCommand({ TableName: table.name, Key: keys.extract(councilId, system), UpdateExpression: 'ADD tables :s', ExpressionAttributeValues: { ':s': new Set(tables) } }),
        );
      }
      if (takenOn === undefined) return;
      try {
        await table.db.send(
          new UpdateCommand({
            TableName: table.name,
            Key: keys.extract(councilId, system),
            UpdateExpression: 'SET takenOn = :t',
            ConditionExpression: 'attribute_not_exists(takenOn) OR takenOn < :t',
            ExpressionAttributeValues: { ':t': takenOn },
          }),
        );
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
      }
    },
  };
}
