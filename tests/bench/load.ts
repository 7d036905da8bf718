/**
 * A mixed load against the local stack (the real HTTP server and handlers,
 * DynamoDB Local, the SES emulator): LOAD_CLIENTS clients (200) for
 * LOAD_SECONDS seconds (60), each sending one request after another: fact
 * writes as the holding practitioner (40%), due lists (40%) and survey
 * submissions, each link used once (20%). Then it checks that every
 * acknowledged write can be read back: each child has its facts from before
 * plus exactly the acknowledged ones, its version and projection agree with
 * them, and the campaigns hold exactly one response per acknowledged submission.
 * And it holds Kept against the floor (floor.ts): the run's TransactWriteItems
 * sent straight to DynamoDB Local from as many clients, and every DynamoDB
 * call of the run, likewise.
 */
import { fork } from 'node:child_process';
import { Agent } from 'node:http';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { ensureTable } from '#local/table.js';
import { signLocalToken } from '#local/issuer.js';
import { type Rng, between, makeRng, pick, syntheticChild } from '#local/histories.js';
import type { NewChild, StoredFact } from '#store/ports/cases.js';
import { dynamoStores } from '#store/dynamo/stores.js';
import { loadCouncil, projector } from '#services/council.js';
import { factDate, type Fact } from '#domain/facts.js';
import type { ChildRecord, Staff } from '#domain/people.js';
import { CARE_LEAVER_SURVEY } from '#domain/surveys/definitions.js';
import { answersFor } from '#tests/support/surveyClient.js';
import { newToken, tokenHash } from '#platform/tokens.js';
import { startBenchStack } from './stack.js';
import { copyTable, describeTimings, refusedText, replay, startRecording, stopRecording } from './floor.js';
import { type Answer, call, cpuOf, cpuSeconds, inParallel, percentile, whole } from './tools.js';

const TODAY = '2027-01-18';
const COUNCIL = 'load';
const TABLE = 'bench-load';
const CHILDREN = 1_000;
const PRACTITIONERS = 40;
/** Each client stops after this many requests even if time is left. */
const MAX_REQUESTS_PER_CLIENT = 100_000;
const REQUEST_TIMEOUT_MS = 30_000;
const MIX = { fact: 0.4, due: 0.4, submit: 0.2 } as const;

type Kind = keyof typeof MIX;
type Figures = Record<string, number | string>;

const ms = (n: number) => Number(n.toFixed(1));
const plusDays = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** Object keys sorted, so a fact read back from DynamoDB compares equal to the one acknowledged. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
const factKey = (f: StoredFact) => `${f.recordedAt}|${f.recordedBy}|${canonical(f.fact)}`;

interface Tally {
  latencies: number[];
  ok: number;
  retryLater: number;
  errors: number;
  /** "status: first part of the body" -> how many times. */
  samples: Map<string, number>;
}
const tally = (): Tally => ({ latencies: [], ok: 0, retryLater: 0, errors: 0, samples: new Map() });

/** A fact the holder might record today: recent, and of a kind that fits a child in care or a care leaver. */
function factFor(rng: Rng, careLeaver: boolean): Fact {
  const date = plusDays(TODAY, -between(rng, 0, 6));
  if (careLeaver) return rng() < 0.8 ? { type: 'personal-adviser-contact', date } : { type: 'pathway-plan', date };
  const r = rng();
  if (r < 0.55) return { type: 'visit', date, seenAlone: rng() < 0.8 };
  if (r < 0.75) return { type: 'review', date, childParticipated: rng() < 0.75 };
  if (r < 0.85) return { type: 'pep', date };
  if (r < 0.93) return { type: 'dental-check', date };
  return { type: 'health-assessment', date, kind: 'review' };
}

/**
 * Runs in a process of its own: the other benchmarks leave module state behind (the shared
 * DynamoDB client keeps the endpoint of the DynamoDB Local they started and stopped), and this
 * one's figures should not depend on what ran before it.
 */
export function benchLoad(): Promise<Array<[string, Figures]>> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(import.meta.url), [], { execArgv: process.execArgv, env: { ...process.env, KEPT_LOAD_CHILD: '1' }, stdio: 'inherit' });
    let results: Array<[string, Figures]> | undefined;
    child.on('message', (m) => (results = m as Array<[string, Figures]>));
    child.on('error', reject);
    child.on('exit', (code) => (results && code === 0 ? resolve(results) : reject(new Error(`the load run failed (exit code ${code})`))));
  });
}

async function runLoad(): Promise<Array<[string, Figures]>> {
  const clients = whole('LOAD_CLIENTS', 200, 5_000);
  const seconds = whole('LOAD_SECONDS', 60, 3_600);
  // Enough single-use links for the submissions the run can make; a shortfall is reported, not hidden.
  const linkCount = whole('LOAD_LINKS', Math.max(1_000, 60 * seconds), 100_000);
  const runStarted = performance.now();

  const { settings, dynamo, ses, server, base } = await startBenchStack(TABLE, COUNCIL, TODAY);
  const agent = new Agent({ keepAlive: true, maxSockets: clients });
  try {
    // Seed: a council, 40 practitioners under 4 managers, 1,000 children with synthetic histories.
    const setupStarted = performance.now();
    await ensureTable(TABLE);
    const { store, surveys } = dynamoStores(TABLE);
    await store.putCouncil({ id: COUNCIL, name: 'Load Borough' });
    const staff: Staff[] = Array.from({ length: PRACTITIONERS }, (_, i) => ({
      councilId: COUNCIL, id: `sw-${i}`, name: `Worker ${i}`, email: `sw-${i}@load.test`, role: 'practitioner' as const, managerId: `tm-${i % 4}`,
    }));
    for (let m = 0; m < 4; m++) staff.push({ councilId: COUNCIL, id: `tm-${m}`, name: `Manager ${m}`, email: `tm-${m}@load.test`, role: 'manager' });
    for (const s of staff) await store.createStaff(s);
    const policy = (await loadCouncil(store, COUNCIL)).policy;
    const project = projector(policy, TODAY);
    const rng = makeRng(20_270_118);
    const children: Array<{ child: ChildRecord; careLeaver: boolean }> = [];
    const entries: NewChild[] = [];
    for (let i = 0; i < CHILDREN; i++) {
      const careLeaver = rng() < 0.15;
      const h = syntheticChild(rng, TODAY, careLeaver);
      const holderId = `sw-${i % PRACTITIONERS}`;
      const child: ChildRecord = { councilId: COUNCIL, id: `C-${i}`, firstName: 'Load', lastName: 'Test', dateOfBirth: h.dateOfBirth, holderId, createdAt: TODAY, version: 0 };
      const facts: StoredFact[] = h.facts.map((fact) => ({ fact, recordedBy: holderId, recordedAt: `${factDate(fact)}T${String(between(rng, 9, 17)).padStart(2, '0')}:00:00.000Z` }));
      entries.push({ child, facts, projection: project(child, facts) });
      children.push({ child, careLeaver });
    }
    await inParallel(Array.from({ length: Math.ceil(entries.length / 250) }, (_, i) => entries.slice(i * 250, i * 250 + 250)), 4, async (chunk) => {
      await store.writeChildren(chunk);
    });
    const before = new Map<string, StoredFact[]>();
    await inParallel(children, 25, async ({ child }) => {
      before.set(child.id, (await store.getChildHistory(COUNCIL, child.id)).facts);
    });
    const factsBefore = [...before.values()].reduce((n, f) => n + f.length, 0);

    // Survey links: anonymous care-leaver campaigns, one link per child per campaign, every answer saved.
    const campaignIds = Array.from({ length: Math.ceil(linkCount / CHILDREN) }, (_, i) => `load-${i}`);
    for (const id of campaignIds) {
      await surveys.putCampaign({
        id, councilId: COUNCIL, surveyId: 'care-leaver', version: 1, name: `Load ${id}`, mode: 'anonymous', state: 'open',
        audience: { status: 'care-leaver', ageFrom: 16, ageTo: 26 }, opens: TODAY, closes: '2027-03-01', reminderDays: [],
        createdBy: 'tm-0', createdAt: TODAY, invited: CHILDREN, remindersSent: 0,
      });
    }
    const seedSeconds = (performance.now() - setupStarted) / 1000;
    const draft = Object.assign({}, ...Object.values(answersFor(CARE_LEAVER_SURVEY))) as Record<string, string>;
    const typed = Object.fromEntries(Object.entries(draft).map(([k, v]) => [k, /^\d+$/.test(v) ? Number(v) : v]));
    const links = Array.from({ length: linkCount }, () => newToken());
    await inParallel(links, 50, async (token, j) => {
      const linkHash = tokenHash(token);
      await surveys.issueLink({ linkHash, councilId: COUNCIL, campaignId: campaignIds[Math.floor(j / CHILDREN)]!, childId: `C-${j % CHILDREN}`, lastDay: '2027-02-28' }, 2_000_000_000);
      if (!(await surveys.saveDraft(linkHash, typed))) throw new Error('could not save a draft on a new link');
    });
    const tokens = new Map<string, string>();
    for (const s of staff) if (s.role === 'practitioner') tokens.set(s.id, await signLocalToken(settings, { role: 'practitioner', staffId: s.id, councilId: COUNCIL, ttl: seconds + 3_600 }));
    const setupSeconds = (performance.now() - setupStarted) / 1000;

    // The load.
    let tallies: Record<Kind, Tally> = { fact: tally(), due: tally(), submit: tally() };
    const acknowledged = new Map<string, StoredFact[]>();
    const factsAttempted = new Map<string, number>();
    const attemptedLinks: string[] = [];
    let acknowledgedSubmits = 0;
    let nextLink = 0;
    let linksRanOut = 0;
    const csrf = 'c'.repeat(40);
    const send = async (kind: Kind, url: string, init: Parameters<typeof call>[2], accept: (r: Answer) => boolean): Promise<string | null> => {
      const t = tallies[kind];
      const started = performance.now();
      let status = 0;
      let body = '';
      let fine = false;
      try {
        const r = await call(agent, url, init, REQUEST_TIMEOUT_MS);
        body = r.body;
        status = r.status;
        fine = accept(r);
      } catch (error) {
        body = `${(error as Error).name}: ${(error as Error).message}`;
      }
      t.latencies.push(performance.now() - started);
      if (fine) {
        t.ok++;
        return body;
      }
      if (status === 409 || status === 503) t.retryLater++;
      else t.errors++;
      const sample = `${status || 'no answer'} ${body.replace(/\s+/g, ' ').slice(0, 100)}`;
      t.samples.set(sample, (t.samples.get(sample) ?? 0) + 1);
      return null;
    };

    const factWrite = async (rng: Rng) => {
      const { child, careLeaver } = pick(rng, children);
      const fact = factFor(rng, careLeaver);
      factsAttempted.set(child.id, (factsAttempted.get(child.id) ?? 0) + 1);
      const body = await send(
        'fact',
        `${base}/children/${child.id}/facts`,
        { method: 'POST', headers: { authorization: `Bearer ${tokens.get(child.holderId)}`, 'content-type': 'application/json' }, body: JSON.stringify(fact) },
        (r) => r.status === 201,
      );
      if (body !== null) {
        const stored = (JSON.parse(body) as { fact: StoredFact }).fact;
        const list = acknowledged.get(child.id) ?? [];
        list.push(stored);
        acknowledged.set(child.id, list);
      }
    };
    const dueList = async (rng: Rng) => {
      const staffId = `sw-${between(rng, 0, PRACTITIONERS - 1)}`;
      await send('due', `${base}/me/due`, { headers: { authorization: `Bearer ${tokens.get(staffId)}` } }, (r) => r.status === 200 && Array.isArray((JSON.parse(r.body) as { items?: unknown }).items));
    };
    const submit = async (rng: Rng) => {
      if (nextLink >= links.length) {
        linksRanOut++;
        return rng() < 0.5 ? factWrite(rng) : dueList(rng);
      }
      const token = links[nextLink++]!;
      attemptedLinks.push(token);
      const body = await send(
        'submit',
        `${base}/s/${token}/check`,
        { method: 'POST', headers: { cookie: `kept_csrf=${csrf}`, 'content-type': 'application/x-www-form-urlencoded' }, body: `csrf=${csrf}` },
        (r) => r.status === 303 && r.location.endsWith(`/s/${token}/done`),
      );
      if (body !== null) acknowledgedSubmits++;
    };

    // Warm-up, outside the figures. First every client opens its connection: the local server shares
    // one event loop with the clients and, busy, accepts about one new connection per turn of it, so
    // connections opened under full load can wait in the kernel's accept queue for most of the run.
    // Then a few requests of each kind (their writes are checked with the rest) load each route's
    // handler and warm the JIT, so that the first second does not measure module loading.
    const opened = await Promise.all(Array.from({ length: clients }, async () => (await call(agent, `${base}/health`, {}, REQUEST_TIMEOUT_MS)).status === 200));
    if (!opened.every(Boolean)) throw new Error('GET /health failed during the warm-up');
    const warmUp = makeRng(999);
    await inParallel(Array.from({ length: 30 }, (_, i) => i), 10, async (i) => {
      await (i % 3 === 0 ? factWrite(warmUp) : i % 3 === 1 ? dueList(warmUp) : submit(warmUp));
    });
    const warmUpProblems = Object.values(tallies).reduce((n, t) => n + t.errors + t.retryLater, 0);
    tallies = { fact: tally(), due: tally(), submit: tally() };
    // The table as the load finds it, twice: one copy for each floor.
    const floorTables = { writes: `${TABLE}-floor-writes`, all: `${TABLE}-floor-all` };
    const copyStarted = performance.now();
    const copied = await copyTable(TABLE, floorTables.writes);
    await copyTable(TABLE, floorTables.all);
    const copySeconds = (performance.now() - copyStarted) / 1000;

    const loadAverageBefore = loadavg()[0]!;
    const cpuBefore = { dynamo: cpuSeconds(dynamo.process.pid), self: process.cpuUsage() };
    startRecording();
    const loadStarted = performance.now();
    const deadline = loadStarted + seconds * 1000;
    await Promise.all(
      Array.from({ length: clients }, async (_, c) => {
        const r = makeRng(1_000 + c);
        for (let n = 0; n < MAX_REQUESTS_PER_CLIENT && performance.now() < deadline; n++) {
          const x = r();
          if (x < MIX.fact) await factWrite(r);
          else if (x < MIX.fact + MIX.due) await dueList(r);
          else await submit(r);
        }
      }),
    );
    const loadSeconds = (performance.now() - loadStarted) / 1000;
    const calls = stopRecording();
    const selfCpu = process.cpuUsage(cpuBefore.self);
    const dynamoCpu = cpuOf(cpuBefore.dynamo, cpuSeconds(dynamo.process.pid));
    const loadAverageAfter = loadavg()[0]!;

    // The floor: the same work straight to DynamoDB Local from as many clients, nothing else running.
    const writes = calls.commands.filter((c) => c.name === 'TransactWriteItemsCommand');
    const floorWrites = await replay(writes, TABLE, floorTables.writes, clients);
    const floorAll = await replay(calls.commands, TABLE, floorTables.all, clients);

    // Read everything back.
    const verifyStarted = performance.now();
    let childrenChecked = 0;
    let countMismatches = 0;
    let acknowledgedMissing = 0;
    let storedUnacknowledged = 0;
    let versionMismatches = 0;
    let projectionMismatches = 0;
    let factsAfter = 0;
    const mismatchSamples: string[] = [];
    await inParallel(children, 25, async ({ child }) => {
      const [record, history] = await Promise.all([store.getChild(COUNCIL, child.id), store.getChildHistory(COUNCIL, child.id)]);
      const old = before.get(child.id)!;
      const acked = acknowledged.get(child.id) ?? [];
      childrenChecked++;
      factsAfter += history.facts.length;
      if (history.facts.length !== old.length + acked.length) {
        countMismatches++;
        if (mismatchSamples.length < 5) mismatchSamples.push(`${child.id}: ${old.length} before + ${acked.length} acknowledged, ${history.facts.length} after (${factsAttempted.get(child.id) ?? 0} attempted)`);
      }
      const unseen = new Map<string, number>();
      for (const f of history.facts) unseen.set(factKey(f), (unseen.get(factKey(f)) ?? 0) + 1);
      for (const f of [...old, ...acked]) {
        const n = unseen.get(factKey(f)) ?? 0;
        if (n === 0) acknowledgedMissing++;
        else unseen.set(factKey(f), n - 1);
      }
      for (const n of unseen.values()) storedUnacknowledged += n;
      if (!record || record.version !== acked.length) versionMismatches++;
      if (record) {
        const expected = project(record, history.facts).obligations;
        const want = expected.map((o) => `${o.kind}|${o.dueDate}|${o.dueAt ?? ''}|${o.rule}`).sort().join('\n');
        const have = history.obligations.map((o) => `${o.kind}|${o.dueDate}|${o.dueAt ?? ''}|${o.rule}`).sort().join('\n');
        if (want !== have) projectionMismatches++;
      }
    });
    let responsesStored = 0;
    for (const id of campaignIds) responsesStored += (await surveys.listResponses(COUNCIL, id)).length;
    let linksUsed = 0;
    await inParallel(attemptedLinks, 25, async (token) => {
      if ((await surveys.getLink(tokenHash(token)))?.answered) linksUsed++;
    });
    const verifySeconds = (performance.now() - verifyStarted) / 1000;

    const acknowledgedFacts = [...acknowledged.values()].reduce((n, f) => n + f.length, 0);
    const cpu = cpus();
    const results: Array<[string, Figures]> = [
      [`Load: ${clients.toLocaleString('en-GB')} clients for ${seconds} s against the local stack`, {
        machine: `${cpu[0]?.model ?? 'unknown'}, ${cpu.length} cores, Node ${process.version}`,
        mix: `${MIX.fact * 100}% fact writes, ${MIX.due * 100}% due lists, ${MIX.submit * 100}% survey submissions`,
        seeded: `${CHILDREN.toLocaleString('en-GB')} children (${factsBefore.toLocaleString('en-GB')} facts), ${PRACTITIONERS} practitioners, ${linkCount.toLocaleString('en-GB')} survey links`,
        'setup, s': `${setupSeconds.toFixed(1)} (children ${seedSeconds.toFixed(1)}, links ${(setupSeconds - seedSeconds).toFixed(1)})`,
        'load, s': Number(loadSeconds.toFixed(1)),
        'CPU s, server + clients': Number(((selfCpu.user + selfCpu.system) / 1e6).toFixed(1)),
        'CPU s, DynamoDB Local': dynamoCpu,
        'machine load average (1 min)': `${loadAverageBefore.toFixed(1)} before, ${loadAverageAfter.toFixed(1)} after`,
        'warm-up (not in the figures)': `30 requests, ${warmUpProblems} not as expected`,
        requests: tallies.fact.latencies.length + tallies.due.latencies.length + tallies.submit.latencies.length,
        'throughput, req/s': Math.round((tallies.fact.latencies.length + tallies.due.latencies.length + tallies.submit.latencies.length) / loadSeconds),
      }],
    ];
    const requests = tallies.fact.latencies.length + tallies.due.latencies.length + tallies.submit.latencies.length;
    const keptWrites = (tallies.fact.latencies.length + tallies.submit.latencies.length) / loadSeconds;
    results.push([`Load: against the floor, the same DynamoDB work straight to DynamoDB Local from ${clients.toLocaleString('en-GB')} clients`, {
      'table copied for the floors': `${copied.toLocaleString('en-GB')} items, twice, in ${copySeconds.toFixed(1)} s (before the load, not in the figures)`,
      'DynamoDB calls a request (mean time)': describeTimings(calls.timings, requests),
      'floor: the run\'s TransactWriteItems, per s': `${Math.round(floorWrites.perSecond)} (${floorWrites.commands.toLocaleString('en-GB')} in ${floorWrites.seconds.toFixed(1)} s; refused: ${refusedText(floorWrites)})`,
      'Kept: fact writes and submissions, per s': `${Math.round(keptWrites)} (and ${Math.round(tallies.due.latencies.length / loadSeconds)} due lists/s beside them)`,
      'Kept ÷ floor (writes)': Number((keptWrites / floorWrites.perSecond).toFixed(2)),
      'floor: every DynamoDB call of the run, s': `${floorAll.seconds.toFixed(1)} for ${floorAll.commands.toLocaleString('en-GB')} calls (Kept: ${loadSeconds.toFixed(1)} s; refused: ${refusedText(floorAll)})`,
      'Kept ÷ its own DynamoDB calls alone': Number((floorAll.seconds / loadSeconds).toFixed(2)),
    }]);
    const titles: Record<Kind, string> = {
      fact: 'Load: fact writes (POST /children/{id}/facts, 201)',
      due: 'Load: due lists (GET /me/due, 200)',
      submit: 'Load: survey submissions (POST /s/{token}/check, 303)',
    };
    for (const kind of ['fact', 'due', 'submit'] as const) {
      const t = tallies[kind];
      const sorted = [...t.latencies].sort((a, b) => a - b);
      const figures: Figures = {
        requests: sorted.length,
        'throughput, req/s': Math.round(sorted.length / loadSeconds),
        'p50, ms': ms(percentile(sorted, 50)),
        'p95, ms': ms(percentile(sorted, 95)),
        'p99, ms': ms(percentile(sorted, 99)),
        'max, ms': ms(sorted.at(-1) ?? 0),
        errors: t.errors,
        'retry-later (409/503)': t.retryLater,
      };
      if (kind === 'submit' && linksRanOut) figures['links ran out, sent other'] = linksRanOut;
      [...t.samples].sort((a, b) => b[1] - a[1]).slice(0, 5).forEach(([sample, n], i) => (figures[`answer ${i + 1} (x${n})`] = sample));
      results.push([titles[kind], figures]);
    }
    results.push(['Load: every acknowledged write read back (warm-up included)', {
      'children checked': childrenChecked,
      'facts before': factsBefore,
      'fact writes answered 201': acknowledgedFacts,
      'facts after': factsAfter,
      'children whose count is off': countMismatches,
      'seeded or acknowledged, missing': acknowledgedMissing,
      'facts stored without a 201': storedUnacknowledged,
      'children whose version is off': versionMismatches,
      'children whose projection is stale': projectionMismatches,
      ...Object.fromEntries(mismatchSamples.map((s, i) => [`count off ${i + 1}`, s])),
      'submissions answered 303': acknowledgedSubmits,
      'responses stored': responsesStored,
      'links used up (of those tried)': `${linksUsed.toLocaleString('en-GB')} of ${attemptedLinks.length.toLocaleString('en-GB')}`,
      'verification, s': Number(verifySeconds.toFixed(1)),
      'run time in all, s': Number(((performance.now() - runStarted) / 1000).toFixed(1)),
    }]);
    return results;
  } finally {
    const closed = new Promise((r) => server.close(() => r(undefined)));
    agent.destroy();
    server.closeAllConnections();
    await closed;
    await Promise.all([dynamo.stop(), ses.stop()]);
  }
}

if (process.env.KEPT_LOAD_CHILD === '1' && process.send) {
  const results = await runLoad();
  process.send(results, () => process.exit(0));
}
