/**
 * Regression tests for inputs the fuzz properties (tests/integration/fuzz*.test.ts)
 * once broke: each input, exactly, against the real local stack. The properties
 * generate these inputs too and hold them to the same strict contract; these
 * pin the exact cases so that a regression names itself.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { countItems } from '#tests/support/probe.js';
import { call, freshTable, stack, table, TODAY, tokens, useFuzzStack } from '#tests/support/fuzzStack.js';
import { pct } from '#tests/support/fuzzArbitraries.js';
import type { KeptStore } from '#store/ports/stores.js';
import { importCsv } from '#services/importCsv.js';

useFuzzStack('fuzz-regressions');

describe('inputs the fuzzing once broke', () => {
  let store: KeptStore;
  beforeAll(async () => {
    store = await freshTable('regressions');
  });

  it('CSV: a CRLF file with a line break in a quoted cell reports later problems on their own line', async () => {
    // shared/domain/csvImport.ts parseImport once took csv-parse's count, which counts "\r\n" inside quotes as two
    // lines, so every later record's line was one too many (and an unclosed quote was reported past the end).
    const header = 'child_id,first_name,last_name,date_of_birth,holder_id';
    const file = (eol: string) => [header, 'C-1,Ann,Bee,2014-01-01,sw-1', `C-2,"Ann${eol}Marie",Bee,2014-01-01,sw-1`, 'C-3,Ann,Bee,2014-02-30,sw-1'].join(eol);
    const lf = await importCsv(store, stack.councilId, file('\n'), { today: TODAY, importedBy: 'admin-1' });
    expect(lf.problems).toEqual([{ line: 5, field: 'date_of_birth', message: 'must be a real date written YYYY-MM-DD' }]);
    const crlf = await importCsv(store, stack.councilId, file('\r\n'), { today: TODAY, importedBy: 'admin-1' });
    expect(crlf.problems).toEqual([{ line: 5, field: 'date_of_birth', message: 'must be a real date written YYYY-MM-DD' }]);
    const unclosed = await importCsv(store, stack.councilId, 'child_id\r\n"C-1\r\nC-2\r\nC-3', { today: TODAY, importedBy: 'admin-1' });
    expect(unclosed.problems[0]?.line, 'a 4-line file').toBeLessThanOrEqual(4);
  });

  it('CSV: a fact in a year past the calendar, for a child already in Kept, is a problem on its line, not a throw', async () => {
    // shared/services/importCsv.ts once checked the calendar against the new facts alone; the write projects the whole
    // history (here: in care, so a placement needs a plan), and a placement in 7428 threw half-way through.
    const seeded = await importCsv(store, stack.councilId, 'child_id,first_name,last_name,date_of_birth,holder_id,fact_type,date\nY-1,Eve,Existing,2013-05-05,sw-1,entered-care,2026-11-01\n', { today: TODAY, importedBy: 'admin-1' });
    expect(seeded.ok).toBe(true);
    const before = await countItems(table);
    const later = await importCsv(store, stack.councilId, 'child_id,fact_type,date,placement_id,long_term\nY-1,placement-started,7428-01-10,P-1,no\n', { today: TODAY, importedBy: 'admin-1' });
    expect(later.ok).toBe(false);
    expect(later.problems).toEqual([expect.objectContaining({ line: 2, field: 'date', message: expect.stringMatching(/child Y-1: .*7428/) })]);
    expect(await countItems(table)).toBe(before);
  });

  it('a path parameter with a malformed percent-escape answers 400 or 404, not 500', async () => {
    // infra/local/server.ts once let decodeURIComponent's URIError through, answered 500 "the local server failed".
    for (const path of ['/children/%', '/children/%E0%A4%A', '/children/%FF/obligations', '/calendar/%zz.ics', '/reports/surveys/%C0%80?format=json']) {
      const r = await call('GET', path, { token: tokens.admin });
      expect(r.status, path).toBeLessThan(500);
      expect(r.body?.error, path).toBeTypeOf('string');
    }
  });

  it('a body over 1 MB answers 413 with a JSON error, not 500', async () => {
    // infra/local/server.ts readBody once threw Error('body too large'), answered 500 "the local server failed".
    const before = await countItems(table);
    const r = await call('POST', '/children', { token: tokens.admin, raw: JSON.stringify({ id: 'BIG-1', firstName: 'x'.repeat(1_100_000) }), contentType: 'application/json', fresh: true });
    expect(r.status).toBe(413);
    expect(r.body?.error).toBeTypeOf('string');
    expect(await countItems(table)).toBe(before);
  });

  it('a body that is not JSON is a 400 with problems naming the body', async () => {
    // shared/http/api.ts readBody once answered HttpError(400, …) without problems, unlike every other 400.
    for (const raw of ['', '{"type": "visit",']) {
      const r = await call('POST', '/children/F-1/facts', { token: tokens.sw1, raw, contentType: 'application/json' });
      expect(r.status).toBe(400);
      expect(r.body?.problems, JSON.stringify(raw)).toEqual([expect.objectContaining({ field: expect.any(String), message: expect.any(String) })]);
    }
  });

  it('on-time: an unreadable to (without from) is a JSON 400 naming to, not an HTML 503', async () => {
    // The on-time period (now onTimePeriod() in shared/services/onTimeFigures.ts) once did this: new Date(NaN).toISOString() throws RangeError before `to` is validated.
    for (const to of ['2027-13-01', 'garbage']) {
      const r = await call('GET', `/reports/on-time?format=json&to=${pct(to)}`, { token: tokens.lead });
      expect(r.status, `to=${to}`).toBe(400);
      expect(r.body?.error, `to=${to}`).toMatch(/^to: /);
    }
    // An empty `to` is no better: either taken as absent (200) or refused (400), but answered.
    const empty = await call('GET', '/reports/on-time?format=json&to=', { token: tokens.lead });
    expect([200, 400], 'to=').toContain(empty.status);
    expect(empty.contentType, 'to=').toMatch(/^application\/json/);
  });

  it('on-time: a to in year 0 (without from) names to, not the from the user never sent', async () => {
    // The period once took from = to − 364 days, in year −1 ("-000001-01-02"), and the 400 blamed `from`.
    const r = await call('GET', '/reports/on-time?format=json&to=0000-06-01', { token: tokens.lead });
    expect(r.status).toBe(400);
    expect(r.body.error).toMatch(/\bto\b/);
    expect(r.body.error).not.toMatch(/^from:/);
  });

  it('on-time: a team must be a manager\'s team, not any member of staff', async () => {
    // The on-time page once checked `team && !people.has(team)`, which accepts a practitioner, lead or admin id,
    // and answers 200 with empty figures titled "Sue Worker's team".
    for (const team of ['sw-1', 'lead-1']) {
      const r = await call('GET', `/reports/on-time?format=json&team=${team}`, { token: tokens.lead });
      expect(r.status, `team=${team}`).toBe(400);
      expect(String(r.body?.error), `team=${team}`).toMatch(/^team: /);
    }
  });

  it('on-time: a 400 lists its problems like every other 400', async () => {
    // The reports pages' catch once answered {error} and dropped the problems.
    const r = await call('GET', '/reports/on-time?format=json&from=2027-02-01&to=2027-01-01', { token: tokens.lead });
    expect(r.status).toBe(400);
    expect(r.body.problems).toEqual([{ field: 'to', message: 'must not be before from' }]);
  });
});
