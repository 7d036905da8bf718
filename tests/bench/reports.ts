/**
 * The leads' reports and the workers' pages at a council's scale, through the
 * local stack's HTTP server (the real handlers, DynamoDB Local): councils of
 * 1,000 and then 5,000 young people (REPORTS_SIZES), each page REPORTS_RUNS
 * times (5) after one warm-up; REPORTS_PAGES (words separated by commas)
 * measures only the pages whose names contain one of them (written to
 * reports-chosen.json). Beside each page, its floor: the DynamoDB
 * calls the page made (recorded on the shared client, floor.ts) sent again
 * straight to DynamoDB Local, as concurrently as the page could, with no HTTP,
 * no handler and no rendering. Prints a table and writes
 * bench-results/reports.json. The Annex A lists are measured both as the
 * direct download and as the job a lead asks for from /reports (asked, ready,
 * downloaded: POST, status checks every 100 ms, then the file); the job's
 * floor is the calls the job and the three routes made.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { Agent } from 'node:http';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { ensureTable } from '#local/table.js';
import { signLocalToken } from '#local/issuer.js';
import { dynamoStores } from '#store/dynamo/stores.js';
import { loadCouncil } from '#services/council.js';
import { startBenchStack } from './stack.js';
import { replay, startRecording, stopRecording } from './floor.js';
import { call, percentile } from './tools.js';
import { CAMPAIGN, addResponses, addYoungPeople, childId } from '#tests/support/scaleCouncil.js';

const TODAY = '2027-01-18';
const COUNCIL = 'bench-reports';
const TABLE = 'bench-reports';
/** How many calls a page's floor replays at once: more than any page sends together. */
const FLOOR_CLIENTS = 16;

export interface ReportFigure {
  name: string;
  youngPeople: number;
  /** Null when the page failed. */
  p50Ms: number | null;
  p95Ms: number | null;
  floorMs: number | null;
  /** Why there are no figures: what the page answered instead. */
  failed?: string;
}

const sizes = () => (process.env.REPORTS_SIZES ?? '1000,5000').split(',').map(Number).filter((n) => n > 0).sort((a, b) => a - b);
const chosen = (name: string) => {
  const words = (process.env.REPORTS_PAGES ?? '').split(',').map((w) => w.trim()).filter(Boolean);
  return words.length === 0 || words.some((w) => name.includes(w));
};
const runs = () => Math.max(1, Math.min(50, Number(process.env.REPORTS_RUNS ?? 5)));
const ms = (n: number) => Math.round(n * 10) / 10;

export async function benchReports(): Promise<Array<[string, Record<string, unknown>]>> {
  const { settings, dynamo, ses, server, base } = await startBenchStack(TABLE, COUNCIL, TODAY);
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  // The Annex A job runs in this process and holds its event loop for seconds at a time, past the server's keep-alive
  // timeout: a kept-alive socket could be closed just as a status check is sent on it, so each of the job's calls has its own.
  const fresh = new Agent({ keepAlive: false });
  const figures: ReportFigure[] = [];
  try {
    await ensureTable(TABLE);
    const { store, surveys } = dynamoStores(TABLE);
    await store.putCouncil({ id: COUNCIL, name: 'Bench Borough' });
    const policy = (await loadCouncil(store, COUNCIL)).policy;
    await addResponses(surveys, COUNCIL, TODAY);
    const cookie = async (role: 'lead' | 'manager' | 'practitioner', staffId: string) =>
      `kept_session=${await signLocalToken(settings, { role, staffId, councilId: COUNCIL, ttl: 6 * 3600 })}`;
    let have = 0;
    for (const size of sizes()) {
      const seeding = performance.now();
      const facts = await addYoungPeople(store, COUNCIL, policy, TODAY, have, size);
      have = size;
      process.stdout.write(`\n${size.toLocaleString('en-GB')} young people (${facts.toLocaleString('en-GB')} facts added in ${((performance.now() - seeding) / 1000).toFixed(0)} s), load ${loadavg().map((l) => l.toFixed(2)).join(' ')}\n`);
      const [lead, manager, worker] = [await cookie('lead', 'lead-1'), await cookie('manager', 'tm-0'), await cookie('practitioner', 'sw-0')];
      const bearer = `Bearer ${await signLocalToken(settings, { role: 'lead', staffId: 'lead-1', councilId: COUNCIL, ttl: 6 * 3600 })}`;
      const pages: Array<[string, string, string]> = [
        ['/reports (lead)', '/reports', lead],
        ['/reports/on-time, 12 months, council (lead)', '/reports/on-time', lead],
        ['/reports/on-time, 12 months, one team (lead)', '/reports/on-time?team=tm-0', lead],
        ['survey report, 5,000 answers (lead)', `/reports/surveys/${CAMPAIGN}`, lead],
        ['/reports/review-dates (lead)', '/reports/review-dates', lead],
        ['Annex A list 8, CSV (lead)', '/reports/annex-a/children-in-care?format=csv', lead],
        ['Annex A list 8, XLSX (lead)', '/reports/annex-a/children-in-care?format=xlsx', lead],
        ['Annex A list 9, CSV (lead)', '/reports/annex-a/care-leavers?format=csv', lead],
        ['Annex A list 9, XLSX (lead)', '/reports/annex-a/care-leavers?format=xlsx', lead],
        ['Annex A list 8, CSV, job asked to downloaded (lead)', 'job:children-in-care:csv', bearer],
        ['Annex A list 8, XLSX, job asked to downloaded (lead)', 'job:children-in-care:xlsx', bearer],
        ['Annex A list 9, CSV, job asked to downloaded (lead)', 'job:care-leavers:csv', bearer],
        ['Annex A list 9, XLSX, job asked to downloaded (lead)', 'job:care-leavers:xlsx', bearer],
        ['My work (worker)', '/', worker],
        ['team page (manager)', '/team', manager],
        ['case page (worker)', `/case/${childId(0)}`, worker],
      ];
      for (const [name, path, session] of pages.filter(([name]) => chosen(name))) {
        // A page that fails (the local server answers 500 past the route function's timeout) is reported, not measured.
        let failed: string | undefined;
        const fail = (started: number, r: { status: number; body: string }) => void (failed = `answered ${r.status} after ${Math.round(performance.now() - started)} ms: ${r.body.slice(0, 80)}`);
        const get = async () => {
          const started = performance.now();
          if (path.startsWith('job:')) return void (await viaJob(started, path, session, fail));
          const r = await call(agent, `${base}${path}`, { headers: { cookie: session } }, 120_000);
          if (r.status !== 200) fail(started, r);
        };
        await get();
        const times: number[] = [];
        let floor = Infinity;
        for (let k = 0; k < runs() && !failed; k++) {
          startRecording();
          const started = performance.now();
          await get();
          times.push(performance.now() - started);
          const { commands } = stopRecording();
          // The floor: the same calls, straight to DynamoDB Local; the fastest of the runs.
          floor = Math.min(floor, (await replay(commands, TABLE, TABLE, FLOOR_CLIENTS)).seconds * 1000);
        }
        if (failed) {
          figures.push({ name, youngPeople: size, p50Ms: null, p95Ms: null, floorMs: null, failed });
          process.stdout.write(`  ${name.padEnd(48)} ${failed}\n`);
          continue;
        }
        times.sort((a, b) => a - b);
        const figure = { name, youngPeople: size, p50Ms: ms(percentile(times, 50)), p95Ms: ms(percentile(times, 95)), floorMs: ms(floor) };
        figures.push(figure);
        process.stdout.write(`  ${name.padEnd(48)} p50 ${String(figure.p50Ms).padStart(8)} ms  p95 ${String(figure.p95Ms).padStart(8)} ms  floor ${String(figure.floorMs).padStart(7)} ms  (${(figure.p50Ms / Math.max(figure.floorMs, 1)).toFixed(1)}x)\n`);
      }
    }
    async function viaJob(started: number, path: string, bearer: string, fail: (started: number, r: { status: number; body: string }) => void) {
      const agent = fresh;
      const [, list, format] = path.split(':');
      const headers = { authorization: bearer, accept: 'application/json' };
      const asked = await call(agent, `${base}/reports/annex-a-exports`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify({ list, format }) }, 30_000);
      if (asked.status !== 202) return fail(started, asked);
      // The answer's URLs are on APP_URL; the bench's server is at `base`.
      const local = (url: string) => `${base}${new URL(url).pathname}`;
      const status = JSON.parse(asked.body) as { statusUrl: string };
      for (;;) {
        const now = await call(agent, local(status.statusUrl), { headers }, 30_000);
        const state = now.status === 200 ? (JSON.parse(now.body) as { state: string; fileUrl?: string }) : undefined;
        if (!state || state.state === 'failed') return fail(started, now);
        if (state.state === 'ready') {
          const file = await call(agent, local(state.fileUrl!), { headers: { authorization: bearer } }, 30_000);
          return file.status === 200 ? undefined : fail(started, file);
        }
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    const out = resolve(import.meta.dirname, '../../bench-results');
    mkdirSync(out, { recursive: true });
    // Some rows only (REPORTS_PAGES): kept apart, so the whole table's file stays whole.
    writeFileSync(resolve(out, process.env.REPORTS_PAGES ? 'reports-chosen.json' : 'reports.json'), `${JSON.stringify(figures, null, 2)}\n`);
  } finally {
    agent.destroy();
    fresh.destroy();
    const closed = new Promise((r) => server.close(() => r(undefined)));
    server.closeAllConnections();
    await closed;
    await Promise.all([dynamo.stop(), ses.stop()]);
  }
  return [['Reports at scale (bench-results/reports.json)', { pages: figures.length, load: loadavg().map((l) => l.toFixed(2)).join(' ') }]];
}
