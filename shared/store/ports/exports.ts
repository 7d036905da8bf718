/**
 * Files prepared by a job for one member of staff to download later (a
 * council-wide Annex A list): the request, its state, and the file once
 * ready. Everything about a job expires a day after it was asked for.
 */
export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export type ExportState = 'preparing' | 'ready' | 'failed';

export interface ExportJob {
  councilId: string;
  /** 128 random bits, hex. */
  id: string;
  /** What is prepared: an Annex A list's name (children-in-care, care-leavers). */
  list: string;
  format: ExportFormat;
  /** Who asked: the only person who may download it. */
  requestedBy: string;
  /** ISO UTC instant. */
  requestedAt: string;
  /** Seconds since the epoch; gone after it (DynamoDB TTL, and never read after it). */
  expiresAt: number;
  state: ExportState;
  /** When ready: the file's name, its type and how many rows it lists. */
  fileName?: string;
  contentType?: string;
  rows?: number;
  /** ISO UTC instant it became ready or failed. */
  finishedAt?: string;
}

export interface ExportFile {
  name: string;
  contentType: string;
  body: Buffer;
  rows: number;
}

export interface ExportJobs {
  /** Stores a new job, `preparing`; where the table streams, writing it starts the job. */
  create(job: ExportJob): Promise<void>;
  /** The job, or undefined if there is none or it has expired. */
  get(councilId: string, id: string, nowMs?: number): Promise<ExportJob | undefined>;
  /** Stores the file, then marks the job ready; only a job still preparing becomes ready (false otherwise). */
  finish(councilId: string, id: string, file: ExportFile): Promise<boolean>;
  /** Marks a job still preparing as failed. */
  fail(councilId: string, id: string): Promise<void>;
  /** The ready job's file bytes. */
  file(councilId: string, id: string): Promise<Buffer | undefined>;
}
