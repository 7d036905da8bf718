/** Small helpers of the load benchmark: settings from the environment, percentiles, CPU time, concurrency, HTTP. */
import { readFileSync } from 'node:fs';
import { type Agent, request } from 'node:http';

/** A whole-number setting from the environment, 1 to `max`. */
export function whole(name: string, fallback: number, max: number): number {
  const raw = process.env[name];
  const value = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > max) throw new Error(`${name} must be a whole number from 1 to ${max}, not ${raw}`);
  return value;
}

/** The p-th percentile of sorted values (0 for none). */
export const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : 0);
/** CPU seconds a process has used so far (Linux /proc; null elsewhere), to show where the time goes. */
export function cpuSeconds(pid: number | undefined): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime, in USER_HZ (100 on Linux)
  } catch {
    return null;
  }
}
/** CPU seconds between two readings, or n/a. */
export const cpuOf = (a: number | null, b: number | null) => (a === null || b === null ? 'n/a' : Number((b - a).toFixed(1)));

/** Runs `work` over `items`, `width` at a time. */
export async function inParallel<T>(items: readonly T[], width: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(width, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        await work(items[i]!, i);
      }
    }),
  );
}

export interface Answer {
  status: number;
  location: string;
  body: string;
}

/**
 * One HTTP request over a keep-alive agent that holds at most one connection per client, so that
 * the run opens its connections once, in the warm-up, and never waits for new ones under load
 * (fetch's pool kept opening extra connections mid-run, and each waited seconds to be accepted).
 */
export function call(
  agent: Agent,
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
  timeoutMs = 30_000,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent, method: init.method ?? 'GET', headers: init.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, location: String(res.headers.location ?? ''), body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`no answer within ${timeoutMs / 1000} s`)));
    req.on('error', reject);
    req.end(init.body);
  });
}
