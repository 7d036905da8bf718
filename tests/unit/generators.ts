/**
 * Generated, realistic care histories for the engine's property tests: a
 * child born 2004-2024 enters care at some age, may have had an earlier
 * episode, moves placement, is visited and reviewed, has PEPs, health and
 * dental checks and SDQs, goes missing and comes back, may leave care (or
 * turn 18) and then hears from a personal adviser. Every fact is dated on or
 * before today, and facts reach the engine in shuffled order.
 *
 * The generator keeps its own record of the history it made (when the current
 * episode and placement started, when the child stopped being looked after),
 * so checks need not rely on the engine's reading of the facts. Policies:
 * statutory, or any tightening, with or without term dates and local rules.
 */
import fc from 'fast-check';
import { STATUTORY } from '#domain/policy.js';
import { LEFT_CARE_REASONS, PLACEMENT_ARRANGEMENTS } from '#domain/facts.js';
import { birthday, londonDateOf, toDayNumber, toIsoDate } from '#domain/dates.js';

const DAY_MS = 86_400_000;
const iso = toIsoDate;
const d = toDayNumber;

export type FactInput = { type: string; date?: string } & Record<string, unknown>;

/** What the generator knows about the history it made. */
export interface Model {
  dob: number;
  today: number;
  /** Start of the first care episode (an earlier one, or the current one). */
  firstStart: number;
  /** Start of the current (latest) care episode. */
  entry: number;
  /** The day the child stopped being looked after (left care or turned 18), or null if still looked after. */
  end: number | null;
  placementId: string;
  placementStart: number;
  facts: FactInput[];
}

// ---------------------------------------------------------------------------
// Generator

export const frac = fc.integer({ min: 0, max: 999_999 }).map((n) => n / 1_000_000);
const fracs = (max: number) => fc.array(frac, { maxLength: max });
/** A day in [from, to] chosen by a fraction. */
export const pick = (f: number, from: number, to: number) => Math.min(to, from + Math.floor(f * (to - from + 1)));

const rawArb = fc.record({
  dob: fc.integer({ min: d('2004-01-01'), max: d('2024-12-31') }),
  entryAge: frac,
  todayAfter: fc.oneof(fc.integer({ min: 0, max: 120 }), fc.integer({ min: 0, max: 900 }), fc.integer({ min: 0, max: 2600 })),
  previous: fc.option(
    fc.record({
      length: fc.integer({ min: 1, max: 800 }),
      gap: fc.integer({ min: 1, max: 900 }),
      visits: fracs(3),
      reviews: fracs(3),
      carePlan: fc.boolean(),
      health: fracs(2),
      tasks: fracs(2),
    }),
    { nil: undefined },
  ),
  placements: fc.array(
    fc.record({
      at: frac,
      longTerm: fc.boolean(),
      arrangement: fc.option(fc.constantFrom(...PLACEMENT_ARRANGEMENTS), { nil: undefined }),
      endedBeforeNext: fc.boolean(),
      plan: fc.boolean(),
      agreed: fc.boolean(),
    }),
    { minLength: 1, maxLength: 4 },
  ),
  // About a third leave care before today (fc.option alone would make it five in six).
  leave: fc.oneof(
    { weight: 2, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: fc.record({ at: frac, reason: fc.constantFrom(...LEFT_CARE_REASONS) }) },
  ),
  visits: fracs(12),
  reviews: fracs(5),
  peps: fracs(5),
  health: fracs(4),
  dental: fracs(3),
  sdqs: fc.array(fc.record({ at: frac, score: fc.integer({ min: 0, max: 40 }) }), { maxLength: 3 }),
  missing: fc.array(
    fc.record({ at: frac, minute: fc.integer({ min: 0, max: 24 * 60 - 1 }), awayMinutes: fc.integer({ min: 0, max: 5 * 24 * 60 }), returned: fc.boolean() }),
    { maxLength: 4 },
  ),
  interviews: fracs(4),
  /** After leaving care: a care leaver goes missing too, and is interviewed. */
  missingAfterLeaving: fc.array(fc.record({ at: frac, awayMinutes: fc.integer({ min: 0, max: 3 * 24 * 60 }) }), { maxLength: 2 }),
  interviewsAfterLeaving: fracs(2),
  careOrder: fc.option(frac, { nil: undefined }),
  carePlan: fc.option(frac, { nil: undefined }),
  permanencePlan: fc.option(frac, { nil: undefined }),
  pathwayPlans: fracs(3),
  adviserContacts: fracs(4),
  tasks: fc.array(fc.record({ at: frac, kind: fc.constantFrom('cse-risk-assessment', 'health-passport', 'wd-check', 'leaver-survey') }), {
    maxLength: 4,
  }),
  shuffle: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
});
type Raw = typeof rawArb extends fc.Arbitrary<infer T> ? T : never;

function shuffled<T>(items: T[], seed: number): T[] {
  const out = [...items];
  let s = seed || 1;
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

function build(raw: Raw): Model {
  const dob = raw.dob;
  const eighteenth = birthday(dob, 18);
  const entry = pick(raw.entryAge, dob, eighteenth - 1);
  const today = entry + raw.todayAfter;
  const leaveDay = raw.leave && today > entry ? pick(raw.leave.at, entry + 1, today) : null;
  const end = leaveDay !== null ? Math.min(leaveDay, eighteenth) : today >= eighteenth ? eighteenth : null;
  /** The last day looked-after work is recorded: the day before leaving, before turning 18, or today. */
  const laEnd = Math.min(leaveDay !== null ? leaveDay - 1 : today, eighteenth - 1, today);
  const during = (f: number) => pick(f, entry, laEnd);
  const facts: FactInput[] = [];
  let firstStart = entry;

  if (raw.previous) {
    const prevEnd = entry - raw.previous.gap;
    const prevStart = prevEnd - raw.previous.length;
    if (prevStart >= dob) {
      firstStart = prevStart;
      const prev = (f: number) => iso(pick(f, prevStart, prevEnd));
      facts.push({ type: 'entered-care', date: iso(prevStart) });
      facts.push({ type: 'placement-started', date: iso(prevStart), placementId: 'old', longTerm: false });
      for (const f of raw.previous.visits) facts.push({ type: 'visit', date: prev(f), seenAlone: true });
      for (const f of raw.previous.reviews) facts.push({ type: 'review', date: prev(f) });
      for (const f of raw.previous.health) facts.push({ type: 'health-assessment', date: prev(f), kind: 'initial' });
      for (const f of raw.previous.tasks) facts.push({ type: 'local-task', date: prev(f), kind: 'cse-risk-assessment' });
      if (raw.previous.carePlan) facts.push({ type: 'care-plan', date: iso(prevStart) });
      facts.push({ type: 'left-care', date: iso(prevEnd), reason: 'returned-home' });
    }
  }

  facts.push({ type: 'entered-care', date: iso(entry) });
  const placements = raw.placements
    .map((p, i) => ({ ...p, day: i === 0 ? entry : during(p.at) }))
    .sort((a, b) => a.day - b.day)
    .filter((p, i, all) => i === 0 || p.day !== all[i - 1]!.day);
  placements.forEach((p, i) => {
    const placementId = `p${i + 1}`;
    facts.push({ type: 'placement-started', date: iso(p.day), placementId, longTerm: p.longTerm, ...(p.arrangement ? { arrangement: p.arrangement } : {}) });
    const next = placements[i + 1];
    if (next && p.endedBeforeNext) facts.push({ type: 'placement-ended', date: iso(next.day), placementId });
    if (p.plan) facts.push({ type: 'placement-plan', date: iso(p.day), placementId });
    if (p.agreed) facts.push({ type: 'fewer-visits-agreed', date: iso(laEnd), placementId });
  });
  const current = placements.at(-1)!;

  for (const f of raw.visits) facts.push({ type: 'visit', date: iso(during(f)), seenAlone: f < 0.5 });
  for (const f of raw.reviews) facts.push({ type: 'review', date: iso(during(f)) });
  for (const f of raw.peps) facts.push({ type: 'pep', date: iso(during(f)) });
  raw.health.forEach((f, i) => facts.push({ type: 'health-assessment', date: iso(during(f)), kind: i === 0 ? 'initial' : 'review' }));
  // Dental checks may predate care (the child saw a dentist before).
  for (const f of raw.dental) facts.push({ type: 'dental-check', date: iso(pick(f, Math.max(dob, entry - 400), laEnd)) });
  for (const s of raw.sdqs) facts.push({ type: 'sdq', date: iso(during(s.at)), score: s.score });
  for (const f of raw.interviews) facts.push({ type: 'return-home-interview', date: iso(during(f)) });
  if (raw.careOrder !== undefined) facts.push({ type: 'care-order', date: iso(during(raw.careOrder)) });
  if (raw.carePlan !== undefined) facts.push({ type: 'care-plan', date: iso(during(raw.carePlan)) });
  if (raw.permanencePlan !== undefined) facts.push({ type: 'permanence-plan', date: iso(during(raw.permanencePlan)) });
  for (const m of raw.missing) {
    const start = during(m.at) * DAY_MS + m.minute * 60_000;
    if (d(londonDateOf(new Date(start))) > today) continue;
    const returned = start + m.awayMinutes * 60_000;
    const back = m.returned && d(londonDateOf(new Date(returned))) <= today;
    facts.push({ type: 'missing-episode', start: new Date(start).toISOString(), ...(back ? { returned: new Date(returned).toISOString() } : {}) });
  }
  if (end !== null && end <= today) {
    for (const m of raw.missingAfterLeaving) {
      const start = pick(m.at, end, today) * DAY_MS + 12 * 3_600_000;
      const returned = start + m.awayMinutes * 60_000;
      const back = d(londonDateOf(new Date(returned))) <= today;
      facts.push({ type: 'missing-episode', start: new Date(start).toISOString(), ...(back ? { returned: new Date(returned).toISOString() } : {}) });
    }
    for (const f of raw.interviewsAfterLeaving) facts.push({ type: 'return-home-interview', date: iso(pick(f, end, today)) });
  }
  const plansFrom = Math.max(entry, birthday(dob, 15));
  if (plansFrom <= today) for (const f of raw.pathwayPlans) facts.push({ type: 'pathway-plan', date: iso(pick(f, plansFrom, today)) });
  if (end !== null && end <= today) for (const f of raw.adviserContacts) facts.push({ type: 'personal-adviser-contact', date: iso(pick(f, end, today)) });
  for (const t of raw.tasks) facts.push({ type: 'local-task', date: iso(pick(t.at, entry, today)), kind: t.kind });

  if (leaveDay !== null) facts.push({ type: 'left-care', date: iso(leaveDay), reason: raw.leave!.reason });
  return { dob, today, firstStart, entry, end, placementId: `p${placements.length}`, placementStart: current.day, facts: shuffled(facts, raw.shuffle) };
}

export const historyArb = rawArb.map(build);

// ---------------------------------------------------------------------------
// Policies

export const LOCAL_RULES = [
  { kind: 'cse-risk-assessment', title: 'CSE risk assessment', fromAge: 11, firstWithin: { workingDays: 10 }, every: { months: 6 } },
  { kind: 'health-passport', title: 'Health passport', byAge: 18 },
  { kind: 'wd-check', title: 'Working-day check', firstWithin: { workingDays: 5 }, every: { workingDays: 20 } },
  { kind: 'leaver-survey', title: 'Care leaver survey', appliesTo: 'care-leaver', firstWithin: { days: 28 }, every: { months: 12 } },
] as const;
export const LOCAL_KINDS: Set<string> = new Set(LOCAL_RULES.map((r) => r.kind));
/** Local kinds whose every interval is counted in working days. */
export const WORKING_DAY_LOCAL_KINDS = new Set(['wd-check']);

const AGE_LIMITS: Record<string, number> = { 'pep.untilAge': 18, 'sdq.untilAge': 18, 'personalAdviser.untilAge': 25 };

export type Policy = Record<string, Record<string, unknown> | unknown[]>;

/** Any tightening of the statutory settings: shorter intervals, earlier start ages, later end ages. */
export function tightenedArb(minInterval: number): fc.Arbitrary<Policy> {
  const sections = Object.entries(STATUTORY).map(([section, settings]) => {
    const fields = Object.fromEntries(
      Object.entries(settings).map(([field, value]) => [
        field,
        field === 'fromAge'
          ? fc.integer({ min: 0, max: value })
          : field === 'untilAge'
            ? fc.integer({ min: value, max: AGE_LIMITS[`${section}.${field}`]! })
            : fc.integer({ min: Math.min(minInterval, value), max: value }),
      ]),
    );
    return [section, fc.record(fields, { requiredKeys: [] })] as const;
  });
  return fc.record(Object.fromEntries(sections), { requiredKeys: [] }) as fc.Arbitrary<Policy>;
}

/** Realistic school terms for a run of school years (each term at least ten weeks long). */
const termsArb = fc
  .record({ from: fc.integer({ min: 2008, max: 2034 }), years: fc.integer({ min: 1, max: 4 }), jitter: fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 24, maxLength: 24 }) })
  .map(({ from, years, jitter }) => {
    const j = (i: number) => jitter[i % jitter.length]!;
    const day = (y: number, m: number, dd: number) => `${y}-${String(m).padStart(2, '0')}-${String(dd).padStart(2, '0')}`;
    const terms = [];
    for (let k = 0; k < years; k++) {
      const y = from + k;
      terms.push({ name: `Autumn ${y}`, start: day(y, 9, 1 + j(6 * k)), end: day(y, 12, 15 + j(6 * k + 1)) });
      terms.push({ name: `Spring ${y + 1}`, start: day(y + 1, 1, 3 + j(6 * k + 2)), end: day(y + 1, 3, 22 + j(6 * k + 3)) });
      terms.push({ name: `Summer ${y + 1}`, start: day(y + 1, 4, 10 + j(6 * k + 4)), end: day(y + 1, 7, 15 + j(6 * k + 5)) });
    }
    return terms;
  });

/** Statutory, or tightened, with or without term dates and local rules. */
export function policyArb(minInterval: number): fc.Arbitrary<Policy | undefined> {
  return fc
    .record({ tightened: fc.option(tightenedArb(minInterval), { nil: undefined }), terms: fc.option(termsArb, { nil: undefined }), local: fc.boolean() })
    .map(({ tightened, terms, local }) => {
      if (!tightened && !terms && !local) return undefined;
      const policy: Policy = { ...(tightened ?? {}) };
      if (terms) policy.pep = { ...((policy.pep as Record<string, unknown>) ?? {}), terms };
      if (local) policy.localRules = LOCAL_RULES.map((r) => ({ ...r }));
      return policy;
    });
}

/**
 * A council may make a later stage shorter than an earlier one (say, later
 * reviews every 2 months but the second within 3); then holding the second
 * review early rightly brings the third forward, so property (c) is about
 * policies whose stages do not shrink. This lengthens each later stage to at
 * least the one before it, keeping every value within its statutory limit.
 */
export function stageConsistent(policy: Policy | undefined): Policy | undefined {
  if (!policy) return policy;
  const v: Record<string, number> = { ...STATUTORY.statutoryVisit, ...(policy.statutoryVisit as object) };
  v.untilFirstReviewEveryDays = Math.max(v.untilFirstReviewEveryDays!, v.firstWithinDays!);
  v.temporaryAfterFirstReviewEveryDays = Math.max(v.temporaryAfterFirstReviewEveryDays!, v.untilFirstReviewEveryDays);
  v.firstYearEveryDays = Math.max(v.firstYearEveryDays!, v.untilFirstReviewEveryDays);
  v.afterFirstYearEveryDays = Math.max(v.afterFirstYearEveryDays!, v.firstYearEveryDays);
  v.longTermEveryMonths = Math.max(v.longTermEveryMonths!, Math.ceil(v.firstYearEveryDays / 28)); // a month is at least 28 days
  v.agreedLongTermEveryMonths = Math.max(v.agreedLongTermEveryMonths!, v.longTermEveryMonths);
  const r: Record<string, number> = { ...STATUTORY.lookedAfterReview, ...(policy.lookedAfterReview as object) };
  // More than 15 working days can span more than a month (over Christmas, 20 span 33 days).
  r.secondWithinMonths = Math.max(r.secondWithinMonths!, r.firstWithinWorkingDays! > 15 ? 2 : 1);
  r.thenEveryMonths = Math.max(r.thenEveryMonths!, r.secondWithinMonths);
  const h: Record<string, number> = { ...STATUTORY.healthAssessment, ...(policy.healthAssessment as object) };
  h.from5EveryMonths = Math.max(h.from5EveryMonths!, h.under5EveryMonths!);
  return { ...policy, statutoryVisit: v, lookedAfterReview: r, healthAssessment: h };
}
