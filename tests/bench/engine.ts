/** Obligations computed per second for synthetic children with realistic histories, on one core. */
import { cpus } from 'node:os';
import { computeObligations } from '#domain/obligations.js';
import { STATUTORY_POLICY } from '#domain/policy.js';
import { makeRng, syntheticChild } from '#local/histories.js';

export function benchEngine(children = 100_000, today = '2027-01-18'): Record<string, number | string> {
  const rng = makeRng(42);
  const histories = Array.from({ length: children }, (_, i) => ({ id: `C-${i}`, ...syntheticChild(rng, today) }));
  const facts = histories.reduce((n, h) => n + h.facts.length, 0);
  // Warm up the JIT and the holiday cache.
  for (let i = 0; i < 2000; i++) computeObligations({ id: histories[i]!.id, dateOfBirth: histories[i]!.dateOfBirth }, histories[i]!.facts, today, STATUTORY_POLICY);
  let obligations = 0;
  const started = process.hrtime.bigint();
  for (const h of histories) obligations += computeObligations({ id: h.id, dateOfBirth: h.dateOfBirth }, h.facts, today, STATUTORY_POLICY).length;
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return {
    machine: `${cpus()[0]?.model ?? 'unknown CPU'} (${cpus().length} cores), Node ${process.version}, one core`,
    children,
    facts,
    obligations,
    seconds: Number(seconds.toFixed(3)),
    childrenPerSecond: Math.round(children / seconds),
    obligationsPerSecond: Math.round(obligations / seconds),
    'ratio to 1,000,000/s target': Number((obligations / seconds / 1_000_000).toFixed(2)),
  };
}
