/**
 * Near-valid inputs for the fuzz tests: a valid object with one thing changed
 * (a field set to an odd value, a field deleted, an extra key slipped in, or
 * the whole body replaced), and the field that change got wrong.
 */
import fc from 'fast-check';
import { deeplyNested, FIELD_VALUES, type FieldKind } from '#tests/support/fuzzArbitraries.js';

export type Path = Array<string | number>;
export type Mutation =
  | { op: 'none' }
  | { op: 'set'; path: Path; value: unknown }
  | { op: 'delete'; path: Path }
  | { op: 'extra'; path: Path; key: string; value: unknown }
  | { op: 'replace'; value: unknown };

export const pathText = (path: Path) => path.reduce<string>((out, part) => (typeof part === 'number' ? `${out}[${part}]` : out ? `${out}.${part}` : part), '');

function at(root: unknown, path: Path): any {
  return path.reduce<any>((v, k) => (v == null ? undefined : v[k]), root);
}

export function mutate(base: unknown, m: Mutation): unknown {
  if (m.op === 'none') return base;
  if (m.op === 'replace') return m.value;
  const copy = structuredClone(base) as Record<string, unknown>;
  const parentPath = m.op === 'extra' ? m.path : m.path.slice(0, -1);
  const parent = parentPath.length ? at(copy, parentPath) : copy;
  if (parent == null || typeof parent !== 'object') return copy;
  if (m.op === 'extra') {
    // defineProperty, so that "__proto__" becomes an own key that JSON.stringify sends.
    Object.defineProperty(parent, m.key, { value: m.value, enumerable: true, writable: true, configurable: true });
  } else {
    const key = m.path.at(-1)!;
    if (m.op === 'delete') {
      if (Array.isArray(parent) && typeof key === 'number') parent.splice(key, 1);
      else delete (parent as Record<string | number, unknown>)[key];
    } else (parent as Record<string | number, unknown>)[key] = m.value;
  }
  return copy;
}

/** The field a mutation got wrong, if any. */
export function fieldOf(m: Mutation): string | undefined {
  if (m.op === 'set' || m.op === 'delete') return pathText(m.path);
  if (m.op === 'extra') return m.key;
  return undefined;
}

const EXTRA_KEYS = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'pk', 'sk', 'councilId', 'version', 'createdAt', 'holderPk', 'duePk', 'itemType', 'Id', 'ID', 'id ', 'role', 'admin'),
  fc.string({ minLength: 1, maxLength: 12 }),
);

export interface Shape {
  /** Each field of the valid object, its kind, and whether it may be left out. */
  fields: Record<string, { kind: FieldKind; optional?: boolean }>;
  /** Objects inside the valid object where an extra key can be slipped in. */
  objects?: Path[];
}

function mutationFor(shape: Shape): fc.Arbitrary<Mutation> {
  const paths = Object.keys(shape.fields);
  const split = (p: string): Path => p.split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s));
  return fc.oneof(
    { weight: 1, arbitrary: fc.constant<Mutation>({ op: 'none' }) },
    {
      weight: 12,
      arbitrary: fc.constantFrom(...paths).chain((p) => FIELD_VALUES[shape.fields[p]!.kind].map((value): Mutation => ({ op: 'set', path: split(p), value }))),
    },
    { weight: 2, arbitrary: fc.constantFrom(...paths).map((p): Mutation => ({ op: 'delete', path: split(p) })) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(fc.constantFrom<Path>([], ...(shape.objects ?? [])), EXTRA_KEYS, fc.jsonValue({ maxDepth: 2 }))
        .filter(([path, key]) => !paths.includes([...path, key].join('.')))
        .map(([path, key, value]): Mutation => ({ op: 'extra', path, key, value })),
    },
    { weight: 1, arbitrary: fc.oneof(fc.jsonValue({ maxDepth: 3 }), deeplyNested, fc.array(fc.constant({}), { maxLength: 3 })).map((value): Mutation => ({ op: 'replace', value })) },
  );
}

/** A valid body, a mutation of it, and the body to send. */
export function nearValid<T>(base: fc.Arbitrary<T>, shapeOf: (b: T) => Shape): fc.Arbitrary<{ base: T; mutation: Mutation; body: unknown }> {
  return base.chain((b) => mutationFor(shapeOf(b)).map((mutation) => ({ base: b, mutation, body: mutate(b, mutation) })));
}
