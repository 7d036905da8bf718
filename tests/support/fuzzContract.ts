/**
 * What every fuzzed answer must be: never a 5xx; a 4xx answers JSON with an
 * `error`, and a 400 lists `problems` ({field, message}) naming the field that
 * was wrong (or the error names it). `TableWatch` counts the table around each
 * case: a rejected request must store nothing.
 */
import { type Answer, countItems, deleteAllBut, scanKeys } from '#tests/support/probe.js';
import { table } from '#tests/support/fuzzStack.js';
import { fieldOf, type Mutation, pathText, type Shape } from '#tests/support/fuzzNearValid.js';

export class Broken extends Error {}
export function fail(why: string, r: Answer): never {
  throw new Broken(`${why}\n  answered ${r.status} ${r.contentType}: ${r.text.slice(0, 400)}`);
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** `a` and `b` name the same field, or one is inside the other (`audience` / `audience.ageFrom`). */
const related = (a: string, b: string) =>
  a === b || a.startsWith(`${b}.`) || a.startsWith(`${b}[`) || b.startsWith(`${a}.`) || b.startsWith(`${a}[`);

/** The 400 names `field` in a problem, or its last segment appears as a word in the error. */
function namesField(r: Answer, field: string): boolean {
  const problems: Array<{ field: string }> = Array.isArray(r.body?.problems) ? r.body.problems : [];
  if (problems.some((p) => related(p.field, field))) return true;
  const last = field.replace(/\[\d+\]$/, '').split('.').pop()!;
  return new RegExp(`(^|[^A-Za-z])${escapeRe(last)}([^A-Za-z]|$)`).test(String(r.body?.error ?? ''));
}

export interface Contract {
  /** The field the input got wrong, when there is one. */
  field?: string;
  /** Fields any of which a 400 may name (when the input got several wrong). */
  anyOf?: string[];
  /** The statuses this request may answer. */
  allowed?: readonly number[];
}

export function checkJson(r: Answer, c: Contract = {}): void {
  if (r.status >= 500 || r.status < 200) fail('a server error', r);
  if (c.allowed && !c.allowed.includes(r.status)) fail(`expected one of ${c.allowed.join(', ')}`, r);
  if (r.status < 400) return;
  if (!/^application\/json/.test(r.contentType)) fail('a 4xx must answer JSON', r);
  if (typeof r.body?.error !== 'string' || !r.body.error.trim()) fail('a 4xx must carry an error message', r);
  if (r.status !== 400) return;
  const problems = r.body.problems;
  if (!Array.isArray(problems) || problems.length === 0) fail('a 400 must list its problems', r);
  for (const p of problems) {
    if (typeof p?.field !== 'string' || !p.field || typeof p?.message !== 'string' || !p.message.trim()) fail('each problem needs a field and a message', r);
  }
  if (c.field && !namesField(r, c.field)) fail(`the 400 does not name ${c.field}`, r);
  if (c.anyOf && !c.anyOf.some((f) => namesField(r, f))) fail(`the 400 names none of ${c.anyOf.join(', ')}`, r);
}

/**
 * Counts the table around each case: a rejected request must leave it as it
 * was; a 201 must have stored something. When accepted requests have grown
 * the table by more than `slack` items, it goes back to how it started, so
 * that counting stays cheap.
 */
export class TableWatch {
  private known = -1;
  private baseline = new Set<string>();
  private baseCount = 0;
  constructor(private readonly slack = 120) {}
  async start(): Promise<void> {
    const keys = await scanKeys(table);
    this.baseline = new Set(keys.map((k) => `${k.pk}|${k.sk}`));
    this.baseCount = keys.length;
    this.known = keys.length;
  }
  /**
   * `grows`: a 201 must leave more items (not so for a fact, whose projection may shrink).
   * Returns true when the table was put back as it started.
   */
  async after(r: Answer | { status: number; text?: string }, grows = true): Promise<boolean> {
    const now = await countItems(table);
    const was = this.known;
    this.known = now;
    if (r.status >= 400 && now !== was) throw new Broken(`rejected with ${r.status}, yet the table went from ${was} to ${now} items: ${String(r.text ?? '').slice(0, 300)}`);
    if (grows && r.status === 201 && now <= was) throw new Broken(`answered 201, yet the table did not grow (${was} items)`);
    if (now <= this.baseCount + this.slack) return false;
    await deleteAllBut(table, this.baseline);
    this.known = await countItems(table);
    return true;
  }
}

/** What a mutated body should have been answered with, for the checks. */
export function contractFor(m: Mutation, shape: Shape, allowed: readonly number[]): Contract {
  const field = fieldOf(m);
  if (m.op === 'delete' && shape.fields[pathText(m.path)]?.optional) return { allowed }; // still valid
  return { allowed, ...(field ? { field } : {}) };
}
