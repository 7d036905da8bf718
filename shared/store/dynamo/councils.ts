/** Council settings in the single table. */
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { CouncilSettings, CouncilStore } from '../ports/councils.js';
import { keys } from '../keys.js';
import { type Table, plain } from './helpers.js';

export function dynamoCouncils(table: Table): CouncilStore {
  return {
    async getCouncil(councilId) {
      const { Item } = await table.db.send(new GetCommand({ TableName: table.name, Key: keys.council(councilId) }));
      return Item ? plain<CouncilSettings>(Item) : null;
    },

    async putCouncil(council) {
      await table.db.send(new PutCommand({ TableName: table.name, Item: { ...keys.council(council.id), ...council } }));
    },
  };
}
