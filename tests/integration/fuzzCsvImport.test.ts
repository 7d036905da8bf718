/**
 * Property-based fuzzing of the CSV import (`importCsv`, called directly against
 * DynamoDB Local): valid files, files with one or two corruptions, odd layouts
 * and garbage. It either succeeds or reports every problem with a line and a
 * field; it never throws, and writes nothing when it reports problems.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { deleteAllBut, scanKeys } from '#tests/support/probe.js';
import { testStaff } from '#tests/support/stack.js';
import { baseTable, options, PROPERTY_TIMEOUT, RUNS, stack, TODAY, useFuzzStack, useTable } from '#tests/support/fuzzStack.js';
import { Broken } from '#tests/support/fuzzContract.js';
import { anyYearDate, oddString, validFact } from '#tests/support/fuzzArbitraries.js';
import { ensureTable } from '#local/table.js';
import { dynamoStores } from '#store/dynamo/stores.js';
import { importCsv } from '#services/importCsv.js';
import { IMPORT_COLUMNS } from '#domain/csvImport.js';

useFuzzStack('fuzz-csv');

describe('importCsv', () => {
  type Row = Record<string, string>;
  const yesNo = (b: unknown) => fc.constantFrom(...(b ? ['yes', 'true', 'Y', '1', 'YES'] : ['no', 'false', 'N', '0', 'No']));
  /** A valid fact as the CSV columns spell it. */
  const factRow = (fact: Record<string, unknown>): fc.Arbitrary<Row> => {
    const parts: Record<string, fc.Arbitrary<string>> = { fact_type: fc.constant(String(fact.type)) };
    const plain: Record<string, string> = { date: 'date', placementId: 'placement_id', arrangement: 'arrangement', kind: 'kind', reason: 'reason', start: 'missing_start', returned: 'missing_returned' };
    const flags: Record<string, string> = { longTerm: 'long_term', outOfArea: 'out_of_area', seenAlone: 'seen_alone', childParticipated: 'child_participated' };
    for (const [key, value] of Object.entries(fact)) {
      if (plain[key]) parts[plain[key]] = fc.constant(String(value));
      else if (flags[key]) parts[flags[key]] = yesNo(value);
      else if (key === 'score') parts.score = fc.constant(String(value));
    }
    return fc.record(parts);
  };
  const details = fc.record({
    first_name: fc.constantFrom('Jordan', 'Zoë', ' Sam ', 'Ó Súilleabháin', '陈'),
    last_name: fc.constantFrom('Example', "O'Neill", 'Smith, Jr', 'Quote "Q"'),
    date_of_birth: fc.date({ min: new Date('2005-01-01T00:00:00Z'), max: new Date('2026-01-01T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
    holder_id: fc.constantFrom('sw-1', 'sw-3', 'tm-1'),
    email: fc.constantFrom('', 'young@example.test', 'Young@Example.TEST'),
  });
  /** Rows for one child: its details on the first row (not for E-1, already in Kept), then its facts. */
  const childRows = (id: string) =>
    fc
      .tuple(details, fc.array(validFact.chain(factRow), { maxLength: 3 }), fc.boolean())
      .map(([d, facts, detailsOnEveryRow]) => {
        const own: Row = id === 'E-1' ? { child_id: id } : { child_id: id, ...d };
        if (!facts.length) return [own];
        return facts.map((f, i) => ({ ...(i === 0 || detailsOnEveryRow ? own : { child_id: id }), ...f }));
      });
  /** A valid import of up to three new children and facts for E-1. */
  const validRows = fc.subarray(['C-1', 'C-2', 'C-3', 'E-1'], { minLength: 1 }).chain((ids) => fc.tuple(...ids.map(childRows)).map((groups) => groups.flat()));

  type Corruption =
    | { kind: 'cell'; row: number; column: string; value: string }
    | { kind: 'dropColumn'; column: string }
    | { kind: 'unknownColumn'; name: string }
    | { kind: 'width'; row: number; by: -1 | 1 }
    | { kind: 'brokenQuote'; row: number; column: string }
    | { kind: 'blankLine'; row: number }
    | { kind: 'duplicateRow'; row: number };
  const anyColumn = fc.constantFrom(...IMPORT_COLUMNS);
  const cellOdd = fc.oneof(
    fc.constantFrom('', ' ', 'bad id', 'x'.repeat(65), 'ghost', 'lead-1', '2027-02-30', '01/06/2014', 'maybe', '41', '-1', '1.5', 'teleport', 'VISIT', 'spaceship', 'not-an-email', '0000-01-01', '9999-12-31', 'Bad Kind', '2027-01-05T10:00:00+25:00', '"', 'a,b', 'a\nb', 'C-2'),
    anyYearDate,
    oddString.filter((v) => v.length < 200),
  );
  const corruption: fc.Arbitrary<Corruption> = fc.oneof(
    { weight: 6, arbitrary: fc.record({ kind: fc.constant('cell' as const), row: fc.nat(12), column: anyColumn, value: cellOdd }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('dropColumn' as const), column: anyColumn }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('unknownColumn' as const), name: fc.constantFrom('extra', 'Child_ID', 'child id', '__proto__', 'constructor', 'toString', 'child_id', '', 'ｃhild_id') }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('width' as const), row: fc.nat(12), by: fc.constantFrom(-1 as const, 1 as const) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('brokenQuote' as const), row: fc.nat(12), column: anyColumn }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('blankLine' as const), row: fc.nat(12) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('duplicateRow' as const), row: fc.nat(12) }) },
  );
  const layout = fc.record({
    extraColumns: fc.subarray([...IMPORT_COLUMNS]),
    order: fc.infiniteStream(fc.double({ min: 0, max: 1, noNaN: true })).map((s) => [...s.take(IMPORT_COLUMNS.length + 4)]),
    quoteAll: fc.boolean(),
    eol: fc.constantFrom('\n', '\r\n', '\r'),
    bom: fc.boolean(),
    trailingEol: fc.boolean(),
  });

  type Layout = typeof layout extends fc.Arbitrary<infer L> ? L : never;
  const needsQuotes = (v: string) => /[",\r\n]/.test(v) || v !== v.trim();
  const quote = (v: string) => `"${v.replace(/"/g, '""')}"`;

  function render(rows: Row[], corruptions: Corruption[], l: Layout): string {
    let columns = [...new Set([...rows.flatMap((r) => Object.keys(r)), ...l.extraColumns])];
    columns = columns.map((c, i) => [c, l.order[i] ?? 0] as const).sort((a, b) => a[1] - b[1]).map(([c]) => c);
    if (!columns.includes('child_id')) columns.unshift('child_id');
    const table = rows.map((r) => columns.map((c) => r[c] ?? ''));
    const broken = new Set<string>();
    const blankAfter = new Set<number>();
    const width = new Map<number, number>();
    for (const c of corruptions) {
      const row = table.length ? c.kind !== 'dropColumn' && c.kind !== 'unknownColumn' ? c.row % table.length : 0 : -1;
      if (c.kind === 'cell' && row >= 0) {
        if (!columns.includes(c.column)) {
          columns.push(c.column);
          for (const r of table) r.push('');
        }
        table[row]![columns.indexOf(c.column)] = c.value;
      } else if (c.kind === 'dropColumn') {
        const i = columns.indexOf(c.column);
        if (i >= 0) {
          columns.splice(i, 1);
          for (const r of table) r.splice(i, 1);
        }
      } else if (c.kind === 'unknownColumn') {
        columns.push(c.name);
        for (const r of table) r.push('');
      } else if (c.kind === 'width' && row >= 0) width.set(row, c.by);
      else if (c.kind === 'brokenQuote' && row >= 0) broken.add(`${row}|${c.column}`);
      else if (c.kind === 'blankLine' && row >= 0) blankAfter.add(row);
      else if (c.kind === 'duplicateRow' && row >= 0) table.splice(row, 0, [...table[row]!]);
    }
    const lines = [columns.map((c) => (needsQuotes(c) ? quote(c) : c)).join(',')];
    table.forEach((cells, i) => {
      let out = cells.map((v, j) => (broken.has(`${i}|${columns[j]}`) ? `"${v}` : l.quoteAll || needsQuotes(v) ? quote(v) : v));
      if (width.get(i) === -1) out = out.slice(0, -1);
      if (width.get(i) === 1) out.push('surplus');
      lines.push(out.join(','));
      if (blankAfter.has(i)) lines.push('');
    });
    return (l.bom ? '\uFEFF' : '') + lines.join(l.eol) + (l.trailingEol ? l.eol : '');
  }

  const csv = fc.oneof(
    { weight: 3, arbitrary: fc.tuple(validRows, fc.constant([] as Corruption[]), layout).map(([rows, c, l]) => render(rows, c, l)) },
    { weight: 6, arbitrary: fc.tuple(validRows, fc.array(corruption, { minLength: 1, maxLength: 2 }), layout).map(([rows, c, l]) => render(rows, c, l)) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 300 }) },
    { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom(',', '"', '\n', '\r', ' ', 'a', 'child_id', 'fact_type', 'C-1', 'visit', '2027-01-10'), maxLength: 40 }) },
    { weight: 1, arbitrary: fc.constantFrom('', '\n', '\uFEFF', 'child_id', 'child_id\n', 'child_id\nC-1', '"', 'child_id,child_id\nC-1,C-2', ',,,\n,,,') },
  );

  it(`${RUNS} random files: ok, or every problem with a line and a field; never a throw; nothing written when not ok`, async () => {
    const csvTable = `${baseTable}-csv`;
    await ensureTable(csvTable);
    const s = dynamoStores(csvTable).store;
    useTable(csvTable);
    await s.putCouncil({ id: stack.councilId, name: 'Test Borough' });
    for (const staff of testStaff(stack.councilId)) await s.createStaff(staff);
    const seeded = await importCsv(
      s,
      stack.councilId,
      'child_id,first_name,last_name,date_of_birth,holder_id,fact_type,date\nE-1,Eve,Existing,2013-05-05,sw-1,entered-care,2026-11-01\n',
      { today: TODAY, importedBy: 'admin-1' },
    );
    expect(seeded).toMatchObject({ ok: true, childrenCreated: 1 });
    const baseline = new Set((await scanKeys(csvTable)).map((k) => `${k.pk}|${k.sk}`));
    let ok = 0;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(csv, async (text) => {
        const keysNow = async () => new Set((await scanKeys(csvTable)).map((k) => `${k.pk}|${k.sk}`));
        const before = await keysNow();
        let result;
        try {
          result = await importCsv(s, stack.councilId, text, { today: TODAY, importedBy: 'admin-1' });
        } catch (error) {
          throw new Broken(`importCsv threw: ${(error as Error).stack ?? String(error)}`);
        }
        const after = await keysNow();
        const added = [...after].filter((k) => !before.has(k));
        const removed = [...before].filter((k) => !after.has(k));
        // csv-parse counts a CRLF inside a quoted cell as two lines (see "CSV: a CRLF file with a line break in a quoted cell"),
        // so the bound allows one extra line per CRLF.
        const physicalLines = text.split(/\r\n|\r|\n/).length + (text.match(/\r\n/g)?.length ?? 0);
        if (typeof result.ok !== 'boolean') throw new Broken('no ok flag');
        if (!result.ok) {
          refused += 1;
          if (!result.problems.length) throw new Broken('not ok, yet no problems');
          for (const p of result.problems) {
            if (!Number.isInteger(p.line) || p.line < 1 || p.line > physicalLines + 1) throw new Broken(`problem on line ${p.line} of a ${physicalLines}-line file: ${JSON.stringify(p)}`);
            if (typeof p.field !== 'string' || !p.field.trim()) throw new Broken(`problem without a field: ${JSON.stringify(p)}`);
            if (typeof p.message !== 'string' || !p.message.trim()) throw new Broken(`problem without a message: ${JSON.stringify(p)}`);
          }
          if (added.length || removed.length) {
            throw new Broken(`not ok, yet items were written (${added.slice(0, 5).join(', ')}) or removed (${removed.slice(0, 5).join(', ')}); problems: ${JSON.stringify(result.problems).slice(0, 300)}`);
          }
        } else {
          ok += 1;
          if (result.problems.length) throw new Broken(`ok, yet problems: ${JSON.stringify(result.problems)}`);
          const children = added.filter((k) => k.startsWith('COUNCIL#') && k.includes('|CHILD#')).length;
          const facts = added.filter((k) => k.includes('|FACT#')).length;
          if (children !== result.childrenCreated || facts !== result.factsAdded) {
            throw new Broken(`ok with ${result.childrenCreated} children and ${result.factsAdded} facts reported, but ${children} child items and ${facts} fact items written`);
          }
          // Back to the seeded table, so that the next case starts from the same place.
          await deleteAllBut(csvTable, baseline);
        }
      }),
      options(),
    );
    expect(ok).toBeGreaterThan(0);
    expect(refused).toBeGreaterThan(0);
  }, PROPERTY_TIMEOUT);
});
