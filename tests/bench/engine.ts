/**
 * Obligations computed per second for synthetic children with realistic
 * histories, on one core, beside the time it takes just to JSON.parse the same
 * children's facts (one JSON text a child, as the store hands them over): the
 * engine can hardly be cheaper than reading its input. Each is timed three
 * times in turns and the best kept, since other work on a shared machine only
 * ever makes a run slower; the load average says how busy the machine was.
 */
import { cpus, loadavg } from 'node:os';
import { computeObligations } from '#domain/obligations.js';
import { STATUTORY_POLICY } from '#domain/policy.js';
import { makeRng, syntheticChild } from '#local/histories.js';

const ROUNDS = 3;

function seconds(run: () => void): number {
  const started = process.hrtime.bigint();
  run();
  return Number(process.hrtime.bigint() - started) / 1e9;
}

export function benchEngine(children = 100_000, today = '2027-01-18'): Record<string, number | string> {
  const rng = makeRng(42);
  const histories = Array.from({ length: children }, (_, i) => ({ child: { id: `C-${i}`, dateOfBirth: '' }, ...syntheticChild(rng, today) }));
  for (const h of histories) h.child.dateOfBirth = h.dateOfBirth;
  const texts = histories.map((h) => JSON.stringify(h.facts));
  const facts = histories.reduce((n, h) => n + h.facts.length, 0);
  const megabytes = texts.reduce((n, t) => n + t.length, 0) / 1e6;
  // Warm up the JIT and the holiday cache.
  for (let i = 0; i < 2000; i++) computeObligations(histories[i]!.child, histories[i]!.facts, today, STATUTORY_POLICY);

  let obligations = 0;
  let parsed = 0;
  let engine = Number.POSITIVE_INFINITY;
  let parse = Number.POSITIVE_INFINITY;
  const load = loadavg()[0]!;
  for (let round = 0; round < ROUNDS; round++) {
    obligations = 0;
    engine = Math.min(engine, seconds(() => {
      for (const h of histories) obligations += computeObligations(h.child, h.facts, today, STATUTORY_POLICY).length;
    }));
    parsed = 0;
    parse = Math.min(parse, seconds(() => {
      for (const text of texts) parsed += (JSON.parse(text) as unknown[]).length;
    }));
  }
  if (parsed !== facts) throw new Error(`parsed ${parsed} facts, expected ${facts}`);
  return {
    machine: `${cpus()[0]?.model ?? 'unknown CPU'} (${cpus().length} cores), Node ${process.version}, one core`,
    'load average at start (1 min)': Number(load.toFixed(2)),
    children,
    facts,
    obligations,
    'engine seconds (best of 3)': Number(engine.toFixed(3)),
    childrenPerSecond: Math.round(children / engine),
    obligationsPerSecond: Math.round(obligations / engine),
    'ratio to 1,000,000/s target': Number((obligations / engine / 1_000_000).toFixed(2)),
    'facts as JSON (MB)': Number(megabytes.toFixed(1)),
    'JSON.parse seconds (best of 3)': Number(parse.toFixed(3)),
    'engine time / JSON.parse time': Number((engine / parse).toFixed(2)),
  };
}
