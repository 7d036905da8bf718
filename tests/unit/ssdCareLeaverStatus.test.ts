/** ssd_care_leavers' in touch, activity and accommodation, and ssd_cla_placement's distance, read into facts. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSsd } from '#domain/import/ssd.js';

const folder = join(import.meta.dirname, '../fixtures/ssd');
const fixture = () => new Map(readdirSync(folder).map((f) => [f, readFileSync(join(folder, f), 'utf8')]));
const HEADER = 'clea_table_id,clea_person_id,clea_care_leaver_in_touch,clea_care_leaver_latest_contact,clea_care_leaver_accommodation,clea_care_leaver_accom_suitable,clea_care_leaver_activity';
const leavers = (...rows: string[]) => readSsd(new Map([['ssd_care_leavers.csv', [HEADER, ...rows].join('\n')]]));
const statuses = (plan: ReturnType<typeof readSsd>, id: string) => (plan.facts.get(id) ?? []).filter((f) => f.fact.type === 'care-leaver-status').map((f) => ({ source: f.source, ...f.fact }));

describe('care leaver status from ssd_care_leavers', () => {
  it('reads the fixture row: in touch, F2, S and suitable, as of the latest contact', () => {
    const plan = readSsd(fixture());
    expect(statuses(plan, 'P70004')).toEqual([
      { source: 'ssd:ssd_care_leavers:CL11:status:2026-11-25', type: 'care-leaver-status', date: '2026-11-25', inTouch: 'YES', activity: 'F2', accommodation: 'S', accommodationSuitable: true },
    ]);
  });

  it('reads Y and N, the 903 letter-and-digit accommodation, and leaves 0 (not known) out', () => {
    const plan = leavers('A,P1,Y,2026-05-01,U1,,P5', 'B,P2,N,2026-05-02,0,,0', 'C,P3,YES,2026-05-03,Z2,,G6');
    expect(plan.problems).toEqual([]);
    expect(statuses(plan, 'P1')[0]).toMatchObject({ inTouch: 'YES', accommodation: 'U', accommodationSuitable: true, activity: 'P5' });
    expect(statuses(plan, 'P2')[0]).toEqual({ source: 'ssd:ssd_care_leavers:B:status:2026-05-02', type: 'care-leaver-status', date: '2026-05-02', inTouch: 'NO' });
    expect(statuses(plan, 'P3')[0]).toMatchObject({ accommodation: 'Z', accommodationSuitable: false, activity: 'G6' });
  });

  it('a bad code or suitability is a problem naming its column; no contact date is a note, not a fact', () => {
    const plan = leavers('A,P1,YES,2026-05-01,U,maybe,F2', 'B,P2,PERHAPS,2026-05-01,U,1,F2', 'C,P3,YES,,U,1,F2');
    expect(plan.problems.map((p) => [p.line, p.column])).toEqual([
      [2, 'clea_care_leaver_accom_suitable'],
      [3, 'clea_care_leaver_in_touch'],
    ]);
    expect(statuses(plan, 'P3')).toEqual([]);
    expect(plan.notes.join('\n')).toMatch(/line 4: .*without clea_care_leaver_latest_contact/);
  });
});

describe('placement distance from ssd_cla_placement', () => {
  it('keeps clap_cla_placement_distance in miles; a word there is a problem naming the column', () => {
    const plan = readSsd(fixture());
    const started = [...plan.facts.values()].flat().find((f) => f.source === 'ssd:ssd_cla_placement:PL601:started');
    expect(started?.fact).toMatchObject({ type: 'placement-started', placementId: 'PL601', distanceMiles: 3.2 });
    const bad = readSsd(new Map([['ssd_cla_placement.csv', 'clap_cla_placement_id,clap_person_id,clap_cla_placement_start_date,clap_cla_placement_type,clap_cla_placement_end_date,clap_cla_placement_distance\nPL1,P1,2026-01-01,U6,,far']]));
    expect(bad.problems).toEqual([expect.objectContaining({ line: 2, column: 'clap_cla_placement_distance' })]);
  });
});

describe("the record pages' OC3 codes", () => {
  it('have words for every code of the 903 lists they come from, retired ones included, 0 (not known) aside', async () => {
    const { ACCOMMODATION, ACTIVITY, IN_TOUCH } = await import('#domain/import/codes903.js');
    const kept = await import('#domain/careLeaverCodes.js');
    const words = (table: Readonly<Record<string, string>>, codes: string[]) => codes.filter((c) => c !== '0').map((c) => [c, table[c]?.trim() ? 'words' : 'none']);
    const everyCode = (codes: string[]) => codes.filter((c) => c !== '0').map((c) => [c, 'words']);
    expect(words(kept.IN_TOUCH_WORDS, Object.keys(IN_TOUCH.codes))).toEqual(everyCode(Object.keys(IN_TOUCH.codes)));
    expect(words(kept.ACTIVITY_WORDS, Object.keys(ACTIVITY.codes))).toEqual(everyCode(Object.keys(ACTIVITY.codes)));
    const letters = [...new Set(Object.keys(ACCOMMODATION.codes).map((c) => c[0]!))].filter((c) => c !== '0');
    expect(words(kept.ACCOMMODATION_WORDS, letters)).toEqual(everyCode(letters));
    expect(kept.CURRENT_ACTIVITY_CODES).not.toContain('F3');
  });
});
