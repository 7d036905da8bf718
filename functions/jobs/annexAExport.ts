/**
 * The Annex A export job. In AWS the table's stream invokes it with the
 * insert of each export job item (its filter passes nothing else); locally
 * the local server sends the same record shape. Each job is prepared, its
 * children audited, and its file stored (shared/services/annexAExports.ts);
 * a job that fails is marked failed and fails the invocation, so the error
 * alarm fires, and a retry finds it failed and leaves it.
 */
import middy from '@middy/core';
import type { Context, DynamoDBStreamEvent } from 'aws-lambda';
import { annexAFile } from '#http/annexAFile.js';
import { today } from '#platform/config.js';
import { log, withLogContext } from '#platform/log.js';
import { prepareAnnexAExport } from '#services/annexAExports.js';
import { auditLog, exportJobs, store } from '#services/context.js';

export const handler = middy<DynamoDBStreamEvent, void, Error, Context>().use(withLogContext()).handler(async (event) => {
  for (const record of event.Records) {
    const image = record.dynamodb?.NewImage;
    const councilId = image?.councilId?.S;
    const id = image?.id?.S;
    if (record.eventName !== 'INSERT' || !councilId || !id) continue;
    const started = Date.now();
    const state = await prepareAnnexAExport({ store: store(), audit: auditLog(), exports: exportJobs() }, { councilId, id }, today(), (table, job, day) =>
      annexAFile(table, job.list, job.format, day),
    );
    log.info('annex A export', { state, ms: Date.now() - started });
  }
});
