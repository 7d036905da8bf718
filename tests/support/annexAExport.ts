/**
 * An Annex A list as an API client gets it from the job: ask (POST
 * /reports/annex-a-exports with a bearer token, 202), ask again at the
 * status URL until the job is ready, then download the file.
 */
import { expect } from 'vitest';

export interface ExportStatus {
  id: string;
  state: 'preparing' | 'ready' | 'failed';
  statusUrl: string;
  fileUrl?: string;
  rows?: number;
}

export async function askForExport(baseUrl: string, token: string, list: string, format: string): Promise<Response> {
  return fetch(`${baseUrl}/reports/annex-a-exports`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ list, format }),
  });
}

/** Asks at the status URL until the job is no longer preparing (every 50 ms, up to 2,400 times). */
export async function whenSettled(statusUrl: string, token: string): Promise<ExportStatus> {
  for (let i = 0; i < 2400; i++) {
    const res = await fetch(statusUrl, { headers: { authorization: `Bearer ${token}`, accept: 'application/json' } });
    expect(res.status).toBe(200);
    const status = (await res.json()) as ExportStatus;
    if (status.state !== 'preparing') return status;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`the export at ${statusUrl} was still preparing after 2,400 checks`);
}

/** The list through the job, as the file's response. */
export async function exportedFile(baseUrl: string, token: string, list: string, format: 'csv' | 'xlsx'): Promise<Response> {
  const asked = await askForExport(baseUrl, token, list, format);
  expect(asked.status).toBe(202);
  const { statusUrl } = (await asked.json()) as ExportStatus;
  const done = await whenSettled(statusUrl, token);
  expect(done.state).toBe('ready');
  return fetch(done.fileUrl!, { headers: { authorization: `Bearer ${token}` } });
}
