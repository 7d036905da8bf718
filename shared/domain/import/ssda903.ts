/**
 * Reading an SSDA903 return (the DfE's children looked after return) as the
 * validator's CSV files hold it: `header.csv`, `episodes.csv`, `reviews.csv`,
 * `missing.csv`, `oc2.csv`, `oc3.csv` (other files are ignored), dates
 * DD/MM/YYYY. The return names no one and no worker, so it adds facts to
 * children Kept already has (by CHILD, the case reference).
 *
 * Episodes: RNE S starts a period of care (`entered-care`); S, P, T, B and U
 * start a new placement (the previous one ends the same day), L changes only
 * the legal status; a change to a full care order (LS C2) under L, B or U is
 * a `care-order`; REC other than X1 ends the period (`left-care`) and the
 * placement. A placement's id is the child and the date it began.
 * A placement under legal status V3 or V4 (a series of short breaks) is
 * `short-breaks`: CPPCR 2010 reg 48 applies, not the ordinary timescales.
 * Codes are read from the lists in codes903.ts (2025-26, with retired codes
 * for historic rows); a code in no list is read the strictest way that fits
 * and listed in the report, never a reason to refuse the return.
 * OC2's SDQ score is dated the collection year's end (`yearEnding`, the 31
 * March the return covers): OC2 gives no date. OC2's health and teeth checks
 * are yes/no with no date, so they make no facts. OC3 (in touch, activity,
 * accommodation) is a `care-leaver-status` dated the birthday in the year (oc3.ts).
 */
import { LEGAL_STATUS, MISSING_TYPES, PARTICIPATION, type PlacementMeaning, PLACEMENT_TYPES, REASON_CEASED, REASON_NEW_EPISODE } from './codes903.js';
import { addFact, emptyPlan, type ExtractPlan, readCode, readFiles, skip } from './plan.js';
import type { Row, Table } from './table.js';
import { readDate } from './values.js';
import { mapOc3 } from './oc3.js';

export const SSDA903_FILES = {
  header: ['CHILD', 'DOB'],
  episodes: ['CHILD', 'DECOM', 'RNE', 'LS', 'PLACE', 'DEC', 'REC'],
  reviews: ['CHILD', 'REVIEW', 'REVIEW_CODE'],
  missing: ['CHILD', 'MISSING', 'MIS_START', 'MIS_END'],
  oc2: ['CHILD', 'SDQ_SCORE'],
  oc3: ['CHILD', 'IN_TOUCH'],
} as const;
type File903 = keyof typeof SSDA903_FILES;

const NEW_PLACEMENT = new Set(['S', 'P', 'T', 'B', 'U']);
const NEW_LEGAL_STATUS = new Set(['L', 'B', 'U']);

export function file903Of(name: string): File903 | null {
  const base = name.replace(/^.*[\\/]/, '').replace(/\.csv$/i, '').toLowerCase();
  return base in SSDA903_FILES ? (base as File903) : null;
}

interface Episode {
  row: Row;
  child: string;
  decom: string;
  rne: string;
  ls?: string;
  shortBreaks: boolean;
  place?: PlacementMeaning;
  placeCode?: string;
  dec?: string;
  left?: string | null;
}

function mapEpisodes(table: Table, plan: ExtractPlan): void {
  const byChild = new Map<string, Episode[]>();
  for (const row of table.rows) {
    const child = row.text('CHILD', true);
    const decom = row.date('DECOM', true);
    const rne = readCode(plan, row, 'RNE', REASON_NEW_EPISODE, true);
    const ls = row.text('LS')?.toUpperCase();
    const shortBreaks = readCode(plan, row, 'LS', LEGAL_STATUS) === 'short-breaks';
    const placeCode = row.text('PLACE')?.toUpperCase();
    const place = readCode(plan, row, 'PLACE', PLACEMENT_TYPES);
    const dec = row.date('DEC');
    const left = readCode(plan, row, 'REC', REASON_CEASED);
    if (dec && left === undefined && !row.failed) row.problem('REC', 'is required when DEC is given');
    if (decom && dec && dec < decom) row.problem('DEC', 'must not be before DECOM');
    if (rne && NEW_PLACEMENT.has(rne) && !place && !row.failed) row.problem('PLACE', `is required when RNE is ${rne}`);
    if (row.failed || !child || !decom || !rne) continue;
    const list = byChild.get(child) ?? [];
    list.push({ row, child, decom, rne, ls, shortBreaks, place, placeCode, dec, left });
    byChild.set(child, list);
  }
  for (const [child, episodes] of byChild) {
    episodes.sort((a, b) => a.decom.localeCompare(b.decom));
    let placement: { id: string; row: Row } | null = null;
    let previousLs: string | undefined;
    const src = (decom: string, what: string) => `ssda903:episodes:${child}:${decom}:${what}`;
    const endPlacement = (date: string) => {
      if (!placement) return;
      addFact(plan, child, placement.row, `ssda903:episodes:${child}:${placement.id.slice(child.length + 1)}:ended`, { type: 'placement-ended', date, placementId: placement.id }, { date: 'DEC' });
      placement = null;
    };
    for (const e of episodes) {
      if (e.rne === 'S') addFact(plan, child, e.row, src(e.decom, 'entered'), { type: 'entered-care', date: e.decom }, { date: 'DECOM' });
      if (e.ls === 'C2' && previousLs !== 'C2' && NEW_LEGAL_STATUS.has(e.rne)) addFact(plan, child, e.row, src(e.decom, 'care-order'), { type: 'care-order', date: e.decom }, { date: 'DECOM' });
      if ((NEW_PLACEMENT.has(e.rne) || !placement) && e.place) {
        endPlacement(e.decom);
        const arrangement = e.shortBreaks ? 'short-breaks' : e.placeCode === 'P1' && e.ls === 'C1' ? 'parent-interim-care-order' : e.place.arrangement;
        const id = `${child}-${e.decom}`;
        addFact(plan, child, e.row, src(e.decom, 'placement'), { type: 'placement-started', date: e.decom, placementId: id, longTerm: e.place.longTerm, arrangement }, { date: 'DECOM', placementId: 'CHILD' });
        placement = { id, row: e.row };
      }
      previousLs = e.ls;
      if (e.dec && e.left) {
        endPlacement(e.dec);
        addFact(plan, child, e.row, src(e.decom, 'left'), { type: 'left-care', date: e.dec, reason: e.left }, { date: 'DEC' });
      }
    }
  }
}

export interface Ssda903Options {
  /** The 31 March the return covers, to date OC2's SDQ scores. */
  yearEnding?: string;
}

export function readSsda903(files: ReadonlyMap<string, string>, options: Ssda903Options = {}): ExtractPlan {
  const plan = emptyPlan('ssda903');
  const tables = readFiles(plan, files, file903Of, SSDA903_FILES, 'an SSDA903 file');
  const yearEnding = options.yearEnding === undefined ? undefined : readDate(options.yearEnding);
  if (typeof yearEnding === 'object') plan.problems.push({ file: '(options)', line: 0, column: '--year-ending', message: yearEnding.bad });

  for (const row of tables.get('header')?.rows ?? []) {
    const id = row.text('CHILD', true);
    const dateOfBirth = row.date('DOB', true);
    if (!row.failed && id) plan.people.set(id, { id, dateOfBirth, file: row.file, line: row.line });
  }
  const episodes = tables.get('episodes');
  if (episodes) mapEpisodes(episodes, plan);
  for (const row of tables.get('reviews')?.rows ?? []) {
    const child = row.text('CHILD', true);
    const date = row.date('REVIEW', true);
    const code = readCode(plan, row, 'REVIEW_CODE', PARTICIPATION);
    if (row.failed || !child || !date) continue;
    const fact: Record<string, unknown> = { type: 'review', date };
    if (code !== undefined && code !== null) fact.childParticipated = code;
    addFact(plan, child, row, `ssda903:reviews:${child}:${date}`, fact, { date: 'REVIEW' });
  }
  for (const row of tables.get('missing')?.rows ?? []) {
    const child = row.text('CHILD', true);
    const type = readCode(plan, row, 'MISSING', MISSING_TYPES, true);
    const start = row.instant('MIS_START', true);
    const end = row.instant('MIS_END');
    if (row.failed || !child || !start) continue;
    if (type === 'absent') {
      skip(plan, row, 'away from placement without authorisation, not missing: no return interview is owed');
      continue;
    }
    const fact: Record<string, unknown> = { type: 'missing-episode', start };
    if (end) fact.returned = end;
    addFact(plan, child, row, `ssda903:missing:${child}:${start}`, fact, { start: 'MIS_START', returned: 'MIS_END' });
  }
  for (const row of tables.get('oc2')?.rows ?? []) {
    const child = row.text('CHILD', true);
    const score = row.int('SDQ_SCORE', 0, 40);
    if (row.failed || !child || score === undefined) continue;
    if (typeof yearEnding !== 'string') {
      row.problem('SDQ_SCORE', 'OC2 gives no date for the score: run the import with --year-ending YYYY-MM-DD (the 31 March the return covers)');
      continue;
    }
    addFact(plan, child, row, `ssda903:oc2:${child}:${yearEnding}:sdq`, { type: 'sdq', date: yearEnding, score });
  }
  if (tables.get('oc2')?.rows.length) plan.notes.push('oc2: HEALTH_CHECK and TEETH_CHECK say only whether a check was up to date, with no date, so they make no facts');
  const oc3 = tables.get('oc3');
  if (oc3) mapOc3(oc3, plan, typeof yearEnding === 'string' ? yearEnding : undefined);
  return plan;
}
