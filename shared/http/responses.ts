/**
 * What every handler answers with, in API Gateway's payload 2.0 shape: one
 * builder for JSON and one for CSV downloads, used by the JSON API and by
 * the pages' `?format=json` and `?format=csv` alike.
 */
import { stringify } from 'csv-stringify/sync';
import { inertRows } from './inertCells.js';

export interface HttpResult {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
  /** Set-Cookie values (payload 2.0 `cookies`). */
  cookies?: string[];
  /** The body is base64 of bytes (a spreadsheet download). */
  isBase64Encoded?: boolean;
}

/** Sent with every answer: nothing cached, no type sniffing, no referrer. */
export const BASE_HEADERS: Readonly<Record<string, string>> = {
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

export function raw(status: number, contentType: string, body: string, headers: Record<string, string> = {}): HttpResult {
  return { statusCode: status, headers: { ...BASE_HEADERS, 'content-type': contentType, ...headers }, body };
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): HttpResult {
  return raw(status, 'application/json; charset=utf-8', JSON.stringify(body), headers);
}

/** A CSV file to download, `filename` (without a path) in the Content-Disposition; no cell can run as a formula (inertCells.ts). */
export function csvDownload(filename: string, rows: readonly (readonly string[])[], headers: Record<string, string> = {}): HttpResult {
  const safeName = filename.replace(/[^A-Za-z0-9._-]/g, '_');
  return raw(200, 'text/csv; charset=utf-8', stringify(inertRows(rows)), { ...headers, 'content-disposition': `attachment; filename="${safeName}"` });
}

/** A binary file to download, such as a spreadsheet. */
export function fileDownload(filename: string, contentType: string, bytes: Buffer, headers: Record<string, string> = {}): HttpResult {
  const safeName = filename.replace(/[^A-Za-z0-9._-]/g, '_');
  return { ...raw(200, contentType, bytes.toString('base64'), { ...headers, 'content-disposition': `attachment; filename="${safeName}"` }), isBase64Encoded: true };
}
