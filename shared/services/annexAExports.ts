/**
 * A council-wide Annex A list prepared as a job rather than within a
 * request: a lead or admin asks, the job builds the list, writes an `export`
 * audit entry for every child in it (naming the person who asked), and
 * only then stores the file, which that person alone may download for a day.
 */
import { randomBytes } from 'node:crypto';
import { ANNEX_A_LISTS, type AnnexAList, type AnnexATable } from '#domain/annexA.js';
import { Forbidden, NotFound } from '#domain/errors.js';
import type { Principal, Role } from '#domain/principal.js';
import { InvalidInput } from '#domain/validation.js';
import { type JobRef, jobWritten } from '#platform/jobs.js';
import type { AuditLog } from '#store/ports/audit.js';
import { EXPORT_FORMATS, type ExportFile, type ExportFormat, type ExportJob, type ExportJobs } from '#store/ports/exports.js';
import type { KeptStore } from '#store/ports/stores.js';
import { annexATable, auditAnnexAExport, mayExportAnnexA } from './annexA.js';

/** How long a prepared file is kept. */
export const EXPORT_KEPT_HOURS = 24;
/** The route named in the audit entries the job writes: the request that the list was prepared for. */
const EXPORT_AUDIT_ROUTE = 'POST /reports/annex-a-exports';

const ID = /^[0-9a-f]{32}$/;

export interface AnnexAExportJob extends ExportJob {
  list: AnnexAList;
  /** The role of the person who asked, for the audit entries. */
  requestedRole: Role;
}

/** Starts preparing a list; answers at once with the job, `preparing`. */
export async function askForAnnexAExport(exports: ExportJobs, principal: Principal, asked: { list?: string; format?: string }, now = new Date()): Promise<AnnexAExportJob> {
  mayExportAnnexA(principal);
  const problems = [
    ...(ANNEX_A_LISTS.includes(asked.list as AnnexAList) ? [] : [{ field: 'list', message: `must be ${ANNEX_A_LISTS.join(' or ')}` }]),
    ...(EXPORT_FORMATS.includes(asked.format as ExportFormat) ? [] : [{ field: 'format', message: `must be ${EXPORT_FORMATS.join(' or ')}` }]),
  ];
  if (problems.length) throw new InvalidInput(problems);
  const job: AnnexAExportJob = {
    councilId: principal.councilId,
    id: randomBytes(16).toString('hex'),
    list: asked.list as AnnexAList,
    format: asked.format as ExportFormat,
    requestedBy: principal.staffId,
    requestedRole: principal.role,
    requestedAt: now.toISOString(),
    expiresAt: Math.floor(now.getTime() / 1000) + EXPORT_KEPT_HOURS * 3600,
    state: 'preparing',
  };
  await exports.create(job);
  jobWritten(job);
  return job;
}

export type RenderFile = (table: AnnexATable, job: AnnexAExportJob, today: string) => Promise<Omit<ExportFile, 'rows'>>;

/**
 * The job: builds the list, audits every child in it, stores the file. A job
 * not preparing (already done, failed or expired) is left as it is, so a
 * repeated start does nothing. If any step fails the job is marked failed
 * (the person is told to ask again) and the error is thrown.
 */
export async function prepareAnnexAExport(
  deps: { store: KeptStore; audit: AuditLog; exports: ExportJobs },
  ref: JobRef,
  today: string,
  render: RenderFile,
): Promise<ExportJob['state'] | 'gone'> {
  const job = (await deps.exports.get(ref.councilId, ref.id)) as AnnexAExportJob | undefined;
  if (!job) return 'gone';
  if (job.state !== 'preparing') return job.state;
  try {
    const table = await annexATable(deps.store, job.councilId, job.list, today);
    const file = await render(table, job, today);
    await auditAnnexAExport(deps.audit, { councilId: job.councilId, staffId: job.requestedBy, role: job.requestedRole }, table, EXPORT_AUDIT_ROUTE);
    await deps.exports.finish(job.councilId, job.id, { ...file, rows: table.rows.length });
    return 'ready';
  } catch (error) {
    await deps.exports.fail(job.councilId, job.id);
    throw error;
  }
}

/** A job as the person who asked for it may see it: leads and admins, that person only, within the day it is kept. */
export async function annexAExportFor(exports: ExportJobs, principal: Principal, id: string): Promise<AnnexAExportJob> {
  mayExportAnnexA(principal);
  const job = ID.test(id) ? ((await exports.get(principal.councilId, id)) as AnnexAExportJob | undefined) : undefined;
  if (!job) throw new NotFound(`no prepared file ${id}: a file is kept for ${EXPORT_KEPT_HOURS} hours, then you can ask for the list again`);
  if (job.requestedBy !== principal.staffId) throw new Forbidden('only the person who asked for this file can see or download it');
  return job;
}

/** The ready file, for its download. Its children were audited, naming this person, before it became ready. */
export async function annexAExportFile(exports: ExportJobs, principal: Principal, id: string): Promise<{ job: AnnexAExportJob; body: Buffer }> {
  const job = await annexAExportFor(exports, principal, id);
  const body = job.state === 'ready' ? await exports.file(job.councilId, job.id) : undefined;
  if (!body) throw new NotFound(job.state === 'failed' ? 'this file could not be prepared; please ask for the list again' : 'this file is not ready yet');
  return { job, body };
}
