/**
 * The SSD import at a council's scale: a synthetic extract of 2,000 children
 * in care (invented people; per child a period of care, placements, visits,
 * reviews, health checks, SDQs, sometimes missing episodes, and the
 * involvements of a social worker and an IRO), written to a temporary folder
 * and imported into DynamoDB Local through the same use case as
 * `npm run import -- --ssd DIR` and the nightly Lambda. Time, from reading
 * the folder to the last write, and rows per second.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addDaysIso as addDays } from '#domain/dates.js';
import { applyLocalEnvironment } from '#local/settings.js';
import { startDynamo } from '#local/services.js';
import { ensureTable } from '#local/table.js';
import { makeRng } from '#local/histories.js';
import { dynamoStores } from '#store/dynamo/stores.js';
import { folderFiles } from '#store/extracts/folder.js';
import { importExtractFiles } from '#services/importExtract.js';
import { freePort } from '#tests/support/ports.js';

const CHILDREN = 2_000;
const TODAY = '2026-12-01';
const WORKERS = 60;
const IROS = 8;

type Rows = string[][];

/** The extract's tables, header row first, as an SSD script writes them. */
export function syntheticSsd(children: number, seed = 12): Record<string, Rows> {
  const rng = makeRng(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rng() * list.length)]!;
  const t: Record<string, Rows> = {
    ssd_person: [['pers_person_id', 'pers_forename', 'pers_surname', 'pers_sex', 'pers_dob']],
    ssd_cla_episodes: [['clae_cla_episode_id', 'clae_person_id', 'clae_cla_episode_start_date', 'clae_cla_episode_start_reason', 'clae_cla_episode_ceased_date', 'clae_cla_episode_ceased_reason', 'clae_cla_id', 'clae_entered_care_date']],
    ssd_cla_placement: [['clap_cla_placement_id', 'clap_cla_id', 'clap_person_id', 'clap_cla_placement_start_date', 'clap_cla_placement_type', 'clap_cla_placement_end_date']],
    ssd_cla_visits: [['clav_cla_visit_id', 'clav_cla_id', 'clav_person_id', 'clav_cla_visit_date', 'clav_cla_visit_seen', 'clav_cla_visit_seen_alone']],
    ssd_cla_reviews: [['clar_cla_review_id', 'clar_cla_id', 'clar_cla_review_due_date', 'clar_cla_review_date', 'clar_cla_review_cancelled', 'clar_cla_review_participation']],
    ssd_cla_health: [['clah_health_check_id', 'clah_person_id', 'clah_health_check_type', 'clah_health_check_date', 'clah_health_check_status']],
    ssd_sdq_scores: [['csdq_table_id', 'csdq_person_id', 'csdq_sdq_completed_date', 'csdq_sdq_score']],
    ssd_missing: [['miss_table_id', 'miss_person_id', 'miss_missing_episode_start_date', 'miss_missing_episode_type', 'miss_missing_episode_end_date', 'miss_missing_rhi_offered', 'miss_missing_rhi_accepted']],
    ssd_professionals: [['prof_professional_id', 'prof_staff_id', 'prof_professional_name', 'prof_professional_job_title']],
    ssd_involvements: [['invo_involvements_id', 'invo_professional_id', 'invo_professional_role_id', 'invo_involvement_start_date', 'invo_involvement_end_date', 'invo_person_id']],
  };
  for (let w = 0; w < WORKERS; w++) t.ssd_professionals!.push([`PR-${w}`, `sw-${w}`, `Worker ${w}`, 'Social Worker']);
  for (let i = 0; i < IROS; i++) t.ssd_professionals!.push([`PR-I${i}`, `iro-${i}`, `Reviewer ${i}`, 'Independent Reviewing Officer']);
  const names = ['Alex', 'Sam', 'Jo', 'Kai', 'Remi', 'Noor', 'Tegan', 'Ola', 'Ash', 'Bea'];
  const surnames = ['Example', 'Sample', 'Testwell', 'Placeholder', 'Fictional', 'Madeup'];
  const before = (days: number) => addDays(TODAY, -days);
  for (let c = 0; c < children; c++) {
    const id = `P${100000 + c}`;
    const cla = `CLA${c}`;
    const age = 1 + Math.floor(rng() * 16);
    t.ssd_person!.push([id, pick(names), pick(surnames), pick(['M', 'F']), `${2026 - age}-${String(1 + Math.floor(rng() * 12)).padStart(2, '0')}-15`]);
    const careDays = 60 + Math.floor(rng() * Math.min(age * 365 - 30, 4 * 365));
    const entered = before(careDays);
    t.ssd_cla_episodes!.push([`E${c}`, id, entered, 'S', '', '', cla, entered]);
    // Placements: one to three, each ending where the next starts.
    const moves = 1 + Math.floor(rng() * 3);
    let start = entered;
    for (let p = 0; p < moves; p++) {
      const last = p === moves - 1;
      const end = last ? '' : addDays(start, Math.floor(careDays / moves));
      t.ssd_cla_placement!.push([`PL${c}-${p}`, cla, id, start, pick(['U1', 'U3', 'U4', 'U5', 'K2', 'R1']), end]);
      if (!last) start = end;
    }
    // Visits about every six weeks, reviews at 20 days, 3 months and then 6-monthly, the next one not yet held.
    for (let d = 7, v = 0; d < careDays; d += 30 + Math.floor(rng() * 25), v++) {
      t.ssd_cla_visits!.push([`V${c}-${v}`, cla, id, before(careDays - d), rng() < 0.97 ? 'Y' : 'N', rng() < 0.7 ? 'Y' : 'N']);
    }
    let r = 0;
    for (let due = 20; ; due += r === 1 ? 91 : 182, r++) {
      if (due >= careDays) {
        t.ssd_cla_reviews!.push([`RV${c}-${r}`, cla, before(careDays - due), '', 'N', '']);
        break;
      }
      const held = Math.max(0, careDays - due - Math.floor(rng() * 10) + 3);
      t.ssd_cla_reviews!.push([`RV${c}-${r}`, cla, before(careDays - due), before(Math.max(held, 1)), 'N', pick(['PN1', 'PN2', 'PN3', 'PN4', 'PN7'])]);
    }
    for (let h = 0, d = 20; d < careDays; d += 182 + Math.floor(rng() * 60), h++) {
      t.ssd_cla_health!.push([`H${c}-${h}`, id, 'Health Assessment', before(careDays - d), 'Completed']);
      if (h % 2 === 0) t.ssd_cla_health!.push([`D${c}-${h}`, id, 'Dental Check', before(careDays - d - 5), 'Completed']);
    }
    if (age >= 4) for (let s = 0, d = 300; d < careDays; d += 365, s++) t.ssd_sdq_scores!.push([`S${c}-${s}`, id, before(careDays - d), String(Math.floor(rng() * 35))]);
    if (age >= 11 && rng() < 0.2) {
      const went = before(10 + Math.floor(rng() * 200));
      t.ssd_missing!.push([`M${c}`, id, `${went} 21:00:00`, 'M', `${addDays(went, 1)} 08:00:00`, 'Y', rng() < 0.6 ? 'Y' : 'N']);
    }
    t.ssd_involvements!.push([`I${c}-s`, `PR-${c % WORKERS}`, 'Allocated Social Worker', entered, '', id]);
    t.ssd_involvements!.push([`I${c}-i`, `PR-I${c % IROS}`, 'Independent Reviewing Officer', entered, '', id]);
  }
  return t;
}

const csv = (rows: Rows) => `${rows.map((r) => r.join(',')).join('\n')}\n`;

export async function benchImport(): Promise<Array<[string, Record<string, number | string>]>> {
  const dynamoPort = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'kept-bench-ssd-'));
  applyLocalEnvironment({ port: 3999, sesPort: await freePort(), smsPort: await freePort(), dynamoPort, dataDir: mkdtempSync(join(tmpdir(), 'kept-bench-')), tableName: 'bench-import', councilId: 'bench' });
  process.env.KEPT_LOG = 'silent';
  const dynamo = await startDynamo(dynamoPort);
  try {
    await ensureTable('bench-import');
    const { store } = dynamoStores('bench-import');
    await store.putCouncil({ id: 'bench', name: 'Bench Borough' });
    for (let w = 0; w < WORKERS; w++) await store.createStaff({ councilId: 'bench', id: `sw-${w}`, name: `Worker ${w}`, email: `sw-${w}@bench.test`, role: 'practitioner' });
    for (let i = 0; i < IROS; i++) await store.createStaff({ councilId: 'bench', id: `iro-${i}`, name: `Reviewer ${i}`, email: `iro-${i}@bench.test`, role: 'practitioner', teamRole: 'iro' });
    const tables = syntheticSsd(CHILDREN);
    let rows = 0;
    for (const [name, table] of Object.entries(tables)) {
      writeFileSync(join(dir, `${name}.csv`), csv(table));
      rows += table.length - 1;
    }
    const run = async () => {
      const started = performance.now();
      const report = await importExtractFiles(store, 'bench', folderFiles(dir), { system: 'ssd' }, { today: TODAY, importedBy: 'bench' });
      if (!report.ok) throw new Error(`bench extract refused: ${JSON.stringify(report.problems.slice(0, 3))}`);
      return { report, seconds: (performance.now() - started) / 1000 };
    };
    const first = await run();
    const again = await run();
    return [
      [`SSD extract import: ${CHILDREN.toLocaleString('en-GB')} children into DynamoDB Local`, {
        'rows in the extract': rows,
        'children created': first.report.childrenCreated,
        'facts created': first.report.facts.created,
        'first import, s': Number(first.seconds.toFixed(1)),
        'first import, rows/s': Math.round(rows / first.seconds),
        'the same extract again (nothing changes), s': Number(again.seconds.toFixed(1)),
        'again, facts unchanged': again.report.facts.unchanged,
      }],
    ];
  } finally {
    await dynamo.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
