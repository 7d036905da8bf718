/**
 * Synthetic but realistic case histories, relative to a given day: children
 * in care with placements, visits, reviews, plans, health checks, the odd
 * missing episode, placement distances, and care leavers with pathway plans,
 * adviser contact and what the adviser learned around each birthday.
 * Deterministic for a seed. Used by the demo council and the benchmarks.
 */
import { type DayNumber, addMonths, birthday, toDayNumber, toIsoDate } from '#domain/dates.js';
import type { Fact } from '#domain/facts.js';

export type Rng = () => number;

/** mulberry32: a small, fast, seedable generator. */
export function makeRng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const between = (rng: Rng, lo: number, hi: number) => lo + Math.floor(rng() * (hi - lo + 1));
export const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)]!;

const ARRANGEMENTS = ['foster', 'foster', 'foster', 'residential', 'connected-person', 'supported-accommodation'] as const;

/**
 * Draws of their own for what was added later (placement distances, care
 * leavers' birthday statuses), seeded from the child's dates, so that the
 * shared sequence, and every history drawn from it, stays as it was.
 */
const ownRng = (...days: number[]): Rng => makeRng(days.reduce((a, d) => Math.imul(a ^ d, 0x9e3779b1) >>> 0, 0x2545f491));

/** How far from home a placement is: mostly near, now and then over 20 miles and outside the council's area. */
function reach(dob: DayNumber, start: DayNumber): { distanceMiles: number; outOfArea: boolean } {
  const r = ownRng(dob, start);
  const far = r() < 0.18;
  const distanceMiles = far ? between(r, 21, 140) : Math.round((0.5 + r() * 16) * 10) / 10;
  return { distanceMiles, outOfArea: far || (distanceMiles > 9 && r() < 0.4) };
}

const ACTIVITIES = ['F2', 'F2', 'F1', 'F4', 'F5', 'F5', 'P5', 'P2', 'G5', 'G5', 'G4', 'G6'] as const;
const ACCOMMODATIONS = ['D', 'D', 'E', 'U', 'U', 'B', 'Z', 'T', 'C', 'K'] as const;

/**
 * What the adviser recorded around each birthday from the 18th to the 21st
 * whose window (3 months before to 1 month after) has opened: most in touch
 * with an activity and accommodation (now and then unsuitable), some not in
 * touch or refusing contact, and now and then nothing recorded yet.
 */
function careLeaverStatuses(dob: DayNumber, today: DayNumber): Fact[] {
  const r = ownRng(dob);
  const out: Fact[] = [];
  for (let age = 18; age <= 21; age++) {
    const day = birthday(dob, age);
    const on = day + between(r, -80, 25);
    const recorded = r() < 0.85;
    if (on > today || !recorded) continue;
    const touch = r();
    if (touch < 0.1) out.push({ type: 'care-leaver-status', date: toIsoDate(on), inTouch: 'NO' });
    else if (touch < 0.14) out.push({ type: 'care-leaver-status', date: toIsoDate(on), inTouch: 'REFU' });
    else {
      out.push({
        type: 'care-leaver-status', date: toIsoDate(on), inTouch: 'YES',
        activity: pick(r, ACTIVITIES), accommodation: pick(r, ACCOMMODATIONS), accommodationSuitable: r() < 0.85,
      });
    }
  }
  return out;
}

export interface SyntheticChild {
  dateOfBirth: string;
  facts: Fact[];
}

export function syntheticChild(rng: Rng, todayIso: string, careLeaver = rng() < 0.15): SyntheticChild {
  const today = toDayNumber(todayIso);
  const facts: Fact[] = [];
  const iso = toIsoDate;
  const add = (fact: Fact, day: DayNumber) => {
    if (day <= today) facts.push(fact);
  };

  if (careLeaver) {
    const dob = today - between(rng, 18 * 365 + 5, 21 * 365 - 30);
    const entered = birthday(dob, 14) + between(rng, 0, 500);
    const left = birthday(dob, 18);
    add({ type: 'entered-care', date: iso(entered) }, entered);
    add({ type: 'placement-started', date: iso(entered), placementId: 'P1', longTerm: rng() < 0.5, arrangement: pick(rng, ARRANGEMENTS), ...reach(dob, entered) }, entered);
    for (let pp = addMonths(birthday(dob, 16), 2) - between(rng, 0, 40); pp <= today; pp = addMonths(pp, 6) - between(rng, 0, 25)) {
      add({ type: 'pathway-plan', date: iso(pp) }, pp);
    }
    add({ type: 'left-care', date: iso(left), reason: pick(rng, ['age-18', 'age-18', 'staying-put', 'independent-living'] as const) }, left);
    const lapse = rng() < 0.2 ? 40 : 0;
    for (let c = left + between(rng, 2, 9); c <= today - lapse; c += between(rng, 35, 56)) {
      add({ type: 'personal-adviser-contact', date: iso(c) }, c);
    }
    facts.push(...careLeaverStatuses(dob, today));
    return { dateOfBirth: iso(dob), facts };
  }

  const ageDays = between(rng, 60, 17 * 365 + 300);
  const dob = today - ageDays;
  const entered = Math.max(dob + 1, today - between(rng, 10, Math.min(ageDays - 1, 6 * 365)));
  add({ type: 'entered-care', date: iso(entered) }, entered);
  // The care plan is done, late only now and then for a child who came into care in the last few weeks.
  if (today - entered > 40 || rng() < 0.75) add({ type: 'care-plan', date: iso(entered + between(rng, 0, 9)) }, entered + 9);

  // Placements: the current one last; earlier ones ended when the next began.
  const moves = rng() < 0.6 ? 0 : between(rng, 1, 2);
  const starts = [entered];
  for (let i = 0; i < moves; i++) {
    const last = starts.at(-1)!;
    if (today - last < 60) break;
    starts.push(last + between(rng, 30, today - last - 1));
  }
  const lapsed = rng() < 0.07; // a case where visits have slipped lately
  starts.forEach((start, i) => {
    const id = `P${i + 1}`;
    if (i > 0) add({ type: 'placement-ended', date: iso(start), placementId: `P${i}` }, start);
    add({ type: 'placement-started', date: iso(start), placementId: id, longTerm: rng() < 0.35, arrangement: pick(rng, ARRANGEMENTS), ...reach(dob, start) }, start);
    // Plans are sometimes late for a new placement, rarely for an old one.
    if (today - start > 60 || rng() < 0.7) add({ type: 'placement-plan', date: iso(start + between(rng, 0, 6)), placementId: id }, start + 6);
    const end = i + 1 < starts.length ? starts[i + 1]! : today - (lapsed ? between(rng, 45, 70) : 0);
    for (let v = start + between(rng, 1, 8); v <= end; v += between(rng, 26, 44)) {
      add({ type: 'visit', date: iso(v), seenAlone: rng() < 0.8 }, v);
    }
  });

  // Reviews: 20 working days (about 28 days), then 3 months, then 6 months; a few late.
  let review = entered + between(rng, 20, 32);
  for (let n = 0; review <= today; n++) {
    add({ type: 'review', date: iso(review), childParticipated: rng() < 0.75 }, review);
    if (n === 1 && (today - review > 60 || rng() < 0.8)) add({ type: 'permanence-plan', date: iso(review) }, review);
    review = addMonths(review, n === 0 ? 3 : 6) - between(rng, -5, 20);
  }

  if (ageDays >= 5 * 365) {
    for (let p = entered + between(rng, 3, 16); p <= today; p += between(rng, 95, 130)) add({ type: 'pep', date: iso(p) }, p);
  }
  let health = entered + between(rng, 8, 30);
  add({ type: 'health-assessment', date: iso(health), kind: 'initial' }, health);
  for (;;) {
    const under5 = health - dob < 5 * 365;
    health = addMonths(health, under5 ? 6 : 12) - between(rng, -10, 25);
    if (health > today) break;
    add({ type: 'health-assessment', date: iso(health), kind: 'review' }, health);
  }
  for (let d = entered + between(rng, 20, 200); d <= today; d = addMonths(d, 12) - between(rng, -15, 30)) {
    add({ type: 'dental-check', date: iso(d) }, d);
  }
  if (ageDays >= 4 * 365) {
    for (let s = Math.max(entered, birthday(dob, 4)) + between(rng, 30, 300); s <= today && s < birthday(dob, 17); s = addMonths(s, 12) - between(rng, -10, 30)) {
      add({ type: 'sdq', date: iso(s), score: between(rng, 3, 28) }, s);
    }
  }
  // From 16, a needs assessment and pathway plan, reviewed about every 6 months.
  for (let pp = Math.max(entered, addMonths(birthday(dob, 16), 2) - between(rng, 0, 40)); pp <= today; pp = addMonths(pp, 6) - between(rng, 0, 25)) {
    add({ type: 'pathway-plan', date: iso(pp) }, pp);
  }
  // A local rule many councils keep: a CSE risk assessment about every 6 months from 11.
  for (let c = Math.max(entered, birthday(dob, 11)) + between(rng, 5, 25); c <= today; c = addMonths(c, 6) - between(rng, -10, 20)) {
    add({ type: 'local-task', date: iso(c), kind: 'cse-risk-assessment' }, c);
  }
  if (ageDays >= 11 * 365 && rng() < 0.12) {
    const gone = today - between(rng, 1, 25);
    const start = new Date(gone * 86_400_000 + between(rng, 15, 23) * 3_600_000);
    const returned = new Date(start.getTime() + between(rng, 3, 40) * 3_600_000);
    if (returned.getTime() <= (today + 1) * 86_400_000) {
      facts.push({ type: 'missing-episode', start: start.toISOString(), returned: returned.toISOString() });
      const rhi = toDayNumber(returned.toISOString().slice(0, 10)) + between(rng, 1, 3);
      if (rng() < 0.6) add({ type: 'return-home-interview', date: iso(rhi) }, rhi);
    }
  }
  return { dateOfBirth: iso(dob), facts };
}
