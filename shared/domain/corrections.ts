/**
 * Corrections: a fact is never changed or deleted; a later `correction` fact
 * withdraws it. Everything that reasons about a child's history (the engine,
 * the on-time figures) reads the effective facts: the withdrawn ones and the
 * corrections themselves left out.
 */
import type { Fact } from './facts.js';

/** A fact as the store holds it: `id` is the store's, present once written. */
export interface FactEntry {
  id?: string;
  fact: Fact;
}

/** The ids some correction in `entries` withdraws. */
export function withdrawnIds(entries: ReadonlyArray<FactEntry>): Set<string> {
  const out = new Set<string>();
  for (const e of entries) if (e.fact.type === 'correction') out.add(e.fact.factId);
  return out;
}

/** The facts that still stand, in the order given. */
export function effectiveFacts(entries: ReadonlyArray<FactEntry>): Fact[] {
  let anyCorrection = false;
  for (const e of entries) if (e.fact.type === 'correction') anyCorrection = true;
  if (!anyCorrection) return entries.map((e) => e.fact);
  const withdrawn = withdrawnIds(entries);
  const out: Fact[] = [];
  for (const e of entries) if (e.fact.type !== 'correction' && !(e.id !== undefined && withdrawn.has(e.id))) out.push(e.fact);
  return out;
}

/** Why `factId` cannot be withdrawn from this history, or null when it can. */
export function correctionProblem(entries: ReadonlyArray<FactEntry>, factId: string): string | null {
  const target = entries.find((e) => e.id === factId);
  if (!target) return `is not a fact recorded for this child`;
  if (target.fact.type === 'correction') return 'is itself a correction; a correction cannot be withdrawn';
  if (withdrawnIds(entries).has(factId)) return 'has already been withdrawn';
  return null;
}
