/**
 * Reading a Standard Safeguarding Dataset extract (data-to-insight's
 * ssd-data-model): a folder of CSV files named after the SSD tables
 * (`ssd_person.csv`, ...), any subset of them. Every file is read and
 * checked before the plan is returned; the caller writes nothing if the plan
 * has problems.
 */
import { emptyPlan, type ExtractPlan, readFiles } from './plan.js';
import { CARE_LEAVER_COLUMNS, mapCareLeavers, settleAdvisers } from './ssd/careLeavers.js';
import { EPISODE_COLUMNS, mapEpisodes } from './ssd/episodes.js';
import { DISABILITY_COLUMNS, mapDisabilities } from './ssd/disability.js';
import { IMMIGRATION_COLUMNS, mapImmigrationStatuses } from './ssd/immigration.js';
import { LEGAL_STATUS_COLUMNS, mapLegalStatuses } from './ssd/legalStatus.js';
import { HEALTH_COLUMNS, mapHealth, settleHealthKinds } from './ssd/health.js';
import { mapMissing, MISSING_COLUMNS } from './ssd/missing.js';
import { dropAnnexAOnly, mapPeople, PERSON_COLUMNS } from './ssd/person.js';
import { mapPlacements, PLACEMENT_COLUMNS } from './ssd/placements.js';
import { DEFAULT_ROLE_TABLE, INVOLVEMENT_COLUMNS, mapInvolvements, mapProfessionals, PROFESSIONAL_COLUMNS } from './ssd/professionals.js';
import { mapReviews, REVIEW_COLUMNS } from './ssd/reviews.js';
import { mapSdq, SDQ_COLUMNS } from './ssd/sdq.js';
import { mapVisits, VISIT_COLUMNS } from './ssd/visits.js';
import type { Table } from './table.js';

export const SSD_TABLES = {
  ssd_person: PERSON_COLUMNS,
  ssd_cla_episodes: EPISODE_COLUMNS,
  ssd_cla_placement: PLACEMENT_COLUMNS,
  ssd_cla_visits: VISIT_COLUMNS,
  ssd_cla_reviews: REVIEW_COLUMNS,
  ssd_cla_health: HEALTH_COLUMNS,
  ssd_sdq_scores: SDQ_COLUMNS,
  ssd_missing: MISSING_COLUMNS,
  ssd_care_leavers: CARE_LEAVER_COLUMNS,
  ssd_legal_status: LEGAL_STATUS_COLUMNS,
  ssd_disability: DISABILITY_COLUMNS,
  ssd_immigration_status: IMMIGRATION_COLUMNS,
  ssd_professionals: PROFESSIONAL_COLUMNS,
  ssd_involvements: INVOLVEMENT_COLUMNS,
} as const;
export type SsdTable = keyof typeof SSD_TABLES;

/** The table a file holds, from its name (`ssd_cla_visits.csv`), or null for a file Kept does not read. */
export function ssdTableOf(fileName: string): SsdTable | null {
  const base = fileName.replace(/^.*[\\/]/, '').replace(/\.csv$/i, '').toLowerCase();
  return base in SSD_TABLES ? (base as SsdTable) : null;
}

export interface SsdOptions {
  /** The council's role table (role text to team role), added over the default one. */
  roles?: Readonly<Record<string, string>>;
}

/** `files`: file name to its text. */
export function readSsd(files: ReadonlyMap<string, string>, options: SsdOptions = {}): ExtractPlan {
  const plan = emptyPlan('ssd');
  const tables = readFiles(plan, files, ssdTableOf, SSD_TABLES, 'an SSD table');
  const get = (t: SsdTable) => tables.get(t);
  const needsEpisodes = (t: SsdTable) => {
    const table = get(t);
    if (table && table.rows.length && !get('ssd_cla_episodes')) {
      plan.problems.push({ file: table.file, line: 1, column: '(file)', message: `${t} reaches its children through the periods of care in ssd_cla_episodes, which is not in the extract` });
    }
  };
  needsEpisodes('ssd_cla_reviews');

  const person = get('ssd_person');
  if (person) mapPeople(person, plan);
  const episodes = get('ssd_cla_episodes');
  const periods = episodes ? mapEpisodes(episodes, plan) : new Map<string, string>();
  const map = <T extends SsdTable>(t: T, fn: (table: Table) => void) => {
    const table = get(t);
    if (table) fn(table);
  };
  map('ssd_cla_placement', (t) => mapPlacements(t, plan, periods));
  map('ssd_cla_visits', (t) => mapVisits(t, plan));
  map('ssd_cla_reviews', (t) => mapReviews(t, plan, periods));
  map('ssd_cla_health', (t) => mapHealth(t, plan));
  map('ssd_sdq_scores', (t) => mapSdq(t, plan));
  map('ssd_missing', (t) => {
    const accepted = mapMissing(t, plan);
    if (accepted) {
      plan.notes.push(
        `ssd_missing: ${accepted} missing episode(s) say a return interview was accepted; the extract does not say when it took place, so Kept records none and each stays due until its date is recorded`,
      );
    }
  });
  map('ssd_care_leavers', (t) => mapCareLeavers(t, plan));
  map('ssd_legal_status', (t) => mapLegalStatuses(t, plan));
  map('ssd_disability', (t) => mapDisabilities(t, plan));
  map('ssd_immigration_status', (t) => mapImmigrationStatuses(t, plan));
  map('ssd_professionals', (t) => mapProfessionals(t, plan));
  settleAdvisers(plan);
  const referrals = new Map<string, string>();
  for (const row of episodes?.rows ?? []) {
    const referral = row.text('clae_referral_id');
    const person = row.text('clae_person_id');
    if (referral && person && !row.failed) referrals.set(referral, person);
  }
  map('ssd_involvements', (t) => mapInvolvements(t, plan, { ...DEFAULT_ROLE_TABLE, ...options.roles }, referrals));
  for (const facts of plan.facts.values()) settleHealthKinds(facts);
  dropAnnexAOnly(plan);
  return plan;
}
