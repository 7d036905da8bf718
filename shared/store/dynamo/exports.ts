/**
 * Export jobs in the single table: the job item (`itemType` export-job,
 * which the table's stream hands to the job's function when it is inserted)
 * and the prepared file, gzipped and cut into chunks well under DynamoDB's
 * 400 KB item limit, all under one partition that expires by TTL.
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { ExportJob, ExportJobs } from '../ports/exports.js';
import { keys } from '../keys.js';
import { type Table, batchWrite, plain, queryAll, writtenIfStill } from './helpers.js';

/** The item type the stream's filter starts the export job on (infra/topology.ts, EXPORT_JOB_HANDLER). */
export const EXPORT_JOB_ITEM_TYPE = 'export-job';
const CHUNK_BYTES = 350_000;

export function dynamoExports(table: Table): ExportJobs {
  type Stored = ExportJob & { chunks?: number };
  // plain() leaves out `expiresAt` (the TTL attribute), which the job carries.
  const getJob = async (councilId: string, id: string, nowMs = Date.now()): Promise<Stored | undefined> => {
    const item = (await table.db.send(new GetCommand({ TableName: table.name, Key: keys.exportJob(councilId, id), ConsistentRead: true }))).Item;
    if (!item || (item.expiresAt as number) * 1000 <= nowMs) return undefined;
    return { ...plain<Stored>(item), expiresAt: item.expiresAt as number };
  };
  /** A preparing job becomes ready or failed, with `fields`; false when it was no longer preparing. */
  const settle = (councilId: string, id: string, state: 'ready' | 'failed', fields: Record<string, unknown>) => {
    const names = Object.keys(fields);
    return writtenIfStill(
      table.db.send(
        new UpdateCommand({
          TableName: table.name,
          Key: keys.exportJob(councilId, id),
          UpdateExpression: `SET ${['#state = :to', 'finishedAt = :at', ...names.map((_, n) => `#f${n} = :f${n}`)].join(', ')}`,
          ConditionExpression: '#state = :preparing',
          ExpressionAttributeNames: { '#state': 'state', ...Object.fromEntries(names.map((name, n) => [`#f${n}`, name])) },
          ExpressionAttributeValues: { ':to': state, ':preparing': 'preparing', ':at': new Date().toISOString(), ...Object.fromEntries(names.map((name, n) => [`:f${n}`, fields[name]])) },
        }),
      ),
    );
  };

  return {
    async create(job) {
      await table.db.send(
        new PutCommand({
          TableName: table.name,
          Item: { ...keys.exportJob(job.councilId, job.id), itemType: EXPORT_JOB_ITEM_TYPE, ...job },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    },
    async get(councilId, id, nowMs) {
      const job = await getJob(councilId, id, nowMs);
      if (!job) return undefined;
      const { chunks: _c, ...rest } = job;
      return rest;
    },
    async finish(councilId, id, file) {
      const job = await getJob(councilId, id);
      if (!job || job.state !== 'preparing') return false;
      const zipped = gzipSync(file.body);
      const chunks: Buffer[] = [];
      for (let at = 0; at < zipped.length || chunks.length === 0; at += CHUNK_BYTES) chunks.push(zipped.subarray(at, at + CHUNK_BYTES));
      await batchWrite(
        table,
        chunks.map((data, n) => ({ PutRequest: { Item: { ...keys.exportChunk(councilId, id, n), itemType: 'export-chunk', data, expiresAt: job.expiresAt } } })),
      );
      return settle(councilId, id, 'ready', { fileName: file.name, contentType: file.contentType, rows: file.rows, chunks: chunks.length });
    },
    async fail(councilId, id) {
      await settle(councilId, id, 'failed', {});
    },
    async file(councilId, id) {
      const job = await getJob(councilId, id);
      if (job?.state !== 'ready') return undefined;
      const items = await queryAll(table, {
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :chunk)',
        ExpressionAttributeValues: { ':pk': keys.exportPartition(councilId, id), ':chunk': keys.exportChunkPrefix },
        ConsistentRead: true,
      });
      if (items.length !== job.chunks) return undefined;
      return gunzipSync(Buffer.concat(items.map((i) => Buffer.from(i.data as Uint8Array))));
    },
  };
}
