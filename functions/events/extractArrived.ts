/**
 * The nightly import. S3 publishes "Object Created" events to EventBridge; the
 * stack's rule sends this function only those for a key ending `/_complete`
 * in the extract bucket, so the folder it closes is a whole extract. It is
 * imported all or nothing and its report written beside it (`_report.json`).
 * A refused or failed import fails the invocation: the function's error
 * alarm fires, Lambda retries twice (harmless: the import is idempotent) and
 * the event lands in the alarmed failed-runs queue. Only counts and the
 * folder are logged.
 *
 * One import at a time (issue 12): an import that finds another running (two
 * extracts uploaded close together, or the same marker's event delivered
 * twice) imports nothing, logs who holds the lock, and fails like a refused
 * one, so Lambda's retries a minute or two later import it once the other
 * has finished (a redelivered extract then adds nothing), and an extract
 * still blocked after them waits in the failed-runs queue, alarmed, to be
 * sent again.
 *
 * An extract older than the newest imported (a failed run redriven after the
 * next night's, say) is refused and changes nothing, and the run ends done,
 * not failed: retrying it could only be refused again.
 */
import middy from '@middy/core';
import type { Context, S3ObjectCreatedNotificationEvent } from 'aws-lambda';
import { extractOfMarker } from '#domain/import/manifest.js';
import { config, today } from '#platform/config.js';
import { log, withLogContext } from '#platform/log.js';
import { importLock, store } from '#services/context.js';
import { ImportInProgress } from '#services/importLock.js';
import { importArrivedExtract } from '#services/nightlyImport.js';
import { s3Files } from '#store/extracts/s3.js';

export interface ExtractArrivedResult {
  imported: string | null;
  /** An extract older than the newest imported: refused, and done with (not a failure to retry). */
  older?: true;
}

export const handler = middy<S3ObjectCreatedNotificationEvent, ExtractArrivedResult, Error, Context>().use(withLogContext()).handler(async (event, context) => {
  const bucket = event.detail.bucket.name;
  const key = event.detail.object.key;
  const extract = extractOfMarker(key);
  if (!extract) {
    // Not a marker of a folder Kept reads (the rule lets through only `*/_complete`): nothing to do.
    log.warn('extract marker not understood', { bucket, key });
    return { imported: null };
  }
  const lock = { holder: `nightly import of ${extract.folder} (request ${context.awsRequestId})` };
  let report;
  try {
    report = await importArrivedExtract(store(), importLock(), config.councilId, s3Files(bucket, extract.folder), extract.system, { today: today(), importedBy: 'nightly-import', lock });
  } catch (error) {
    if (error instanceof ImportInProgress) {
      log.warn('extract not imported: another import is running', { folder: extract.folder, heldBy: error.holder, since: error.since, until: error.until });
    }
    throw error;
  }
  if (report.olderThan !== undefined) {
    log.warn('extract older than the newest imported: refused, nothing changed', { folder: extract.folder, newest: report.olderThan });
    return { imported: null, older: true };
  }
  const f = report.facts;
  log[report.ok ? 'info' : 'error'](report.ok ? 'extract imported' : 'extract not imported', {
    folder: extract.folder, ok: report.ok, problems: report.problems.length, files: report.files.length,
    factsCreated: f.created, factsReplaced: f.replaced, factsUnchanged: f.unchanged,
    childrenCreated: report.childrenCreated, childrenUpdated: report.childrenUpdated, staffCreated: report.staffCreated, skipped: report.skipped.length,
    withdrawn: report.withdrawn.length, staffAwaitingEmail: report.staffAwaitingEmail.length, unallocated: report.unallocated.length, leavers: report.leavers.length,
  });
  if (!report.ok) throw new Error(`${extract.folder} was not imported and nothing was written: ${report.problems.length} problem(s), listed in ${extract.folder}/_report.json`);
  return { imported: extract.folder };
});
