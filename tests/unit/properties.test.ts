/**
 * Properties of the due-date engine over generated, realistic care histories:
 * a child born 2004-2024 enters care at some age, may have had an earlier
 * episode, moves placement, is visited and reviewed, has PEPs, health and
 * dental checks and SDQs, goes missing and comes back, may leave care (or
 * turn 18) and then hears from a personal adviser. Every fact is dated on or
 * before today, and facts reach the engine in shuffled order.
 *
 * The generator keeps its own record of the history it made (when the current
 * episode and placement started, when the child stopped being looked after),
 * so the checks below do not rely on the engine's reading of the facts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answerDueRequest, type Obligation } from '#domain/obligations.js';
import { STATUTORY } from '#domain/policy.js';
import { LEFT_CARE_REASONS, PLACEMENT_ARRANGEMENTS } from '#domain/facts.js';
import { HOUR_MS, birthday, londonDateOf, toDayNumber, toIsoDate } from '#domain/dates.js';
import { isWorkingDay } from '#domain/workingDays.js';

/** Raise with KEPT_PROPERTY_RUNS=20000 for a deeper search. */
const RUNS = Number(process.env.KEPT_PROPERTY_RUNS ?? 2000);
const DAY_MS = 86_400_000;
const iso = toIsoDate;
const d = toDayNumber;

type FactInput = { type: string; date?: string } & Record<string, unknown>;

/** What the generator knows about the history it made. */
interface Model {
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

const frac = fc.integer({ min: 0, max: 999_999 }).map((n) => n / 1_000_000);
const fracs = (max: number) => fc.array(frac, { maxLength: max });
/** A day in [from, to] chosen by a fraction. */
const pick = (f: number, from: number, to: number) => Math.min(to, from + Math.floor(f * (to - from + 1)));

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
  if (raw.carePlan !== undefined) facts.push({ type: 'care-plan', date: iso(during(raw.carePlan)) });
  if (raw.permanencePlan !== undefined) facts.push({ type: 'permanence-plan', date: iso(during(raw.permanencePlan)) });
  for (const m of raw.missing) {
    const start = during(m.at) * DAY_MS + m.minute * 60_000;
    if (d(londonDateOf(new Date(start))) > today) continue;
    const returned = start + m.awayMinutes * 60_000;
    const back = m.returned && d(londonDateOf(new Date(returned))) <= today;
    facts.push({ type: 'missing-episode', start: new Date(start).toISOString(), ...(back ? { returned: new Date(returned).toISOString() } : {}) });
  }
  const plansFrom = Math.max(entry, birthday(dob, 15));
  if (plansFrom <= today) for (const f of raw.pathwayPlans) facts.push({ type: 'pathway-plan', date: iso(pick(f, plansFrom, today)) });
  if (end !== null && end <= today) for (const f of raw.adviserContacts) facts.push({ type: 'personal-adviser-contact', date: iso(pick(f, end, today)) });
  for (const t of raw.tasks) facts.push({ type: 'local-task', date: iso(pick(t.at, entry, today)), kind: t.kind });

  if (leaveDay !== null) facts.push({ type: 'left-care', date: iso(leaveDay), reason: raw.leave!.reason });
  return { dob, today, firstStart, entry, end, placementId: `p${placements.length}`, placementStart: current.day, facts: shuffled(facts, raw.shuffle) };
}

const historyArb = rawArb.map(build);

// ---------------------------------------------------------------------------
// Policies

const LOCAL_RULES = [
  { kind: 'cse-risk-assessment', title: 'CSE risk assessment', fromAge: 11, firstWithin: { workingDays: 10 }, every: { months: 6 } },
  { kind: 'health-passport', title: 'Health passport', byAge: 18 },
  { kind: 'wd-check', title: 'Working-day check', firstWithin: { workingDays: 5 }, every: { workingDays: 20 } },
  { kind: 'leaver-survey', title: 'Care leaver survey', appliesTo: 'care-leaver', firstWithin: { days: 28 }, every: { months: 12 } },
] as const;
const LOCAL_KINDS: Set<string> = new Set(LOCAL_RULES.map((r) => r.kind));
/** Local kinds whose every interval is counted in working days. */
const WORKING_DAY_LOCAL_KINDS = new Set(['wd-check']);

const AGE_LIMITS: Record<string, number> = { 'pep.untilAge': 18, 'sdq.untilAge': 18, 'personalAdviser.untilAge': 25 };

type Policy = Record<string, Record<string, unknown> | unknown[]>;

/** Any tightening of the statutory settings: shorter intervals, earlier start ages, later end ages. */
function tightenedArb(minInterval: number): fc.Arbitrary<Policy> {
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
function policyArb(minInterval: number): fc.Arbitrary<Policy | undefined> {
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
function stageConsistent(policy: Policy | undefined): Policy | undefined {
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

function run(m: Model, policy?: Policy, extra: FactInput[] = []): Obligation[] {
  return answerDueRequest({
    today: iso(m.today),
    child: { id: 'generated', dateOfBirth: iso(m.dob) },
    ...(policy ? { policy } : {}),
    facts: [...m.facts, ...extra],
  }).obligations;
}

function days(m: Model, type: string, where: (f: FactInput) => boolean = () => true): number[] {
  return m.facts.filter((f) => f.type === type && f.date !== undefined && where(f)).map((f) => d(f.date!));
}

function returnsInEpisode(m: Model): number[] {
  return m.facts
    .filter((f) => f.type === 'missing-episode' && typeof f.returned === 'string' && d(londonDateOf(new Date(f.start as string))) >= m.entry)
    .map((f) => Date.parse(f.returned as string));
}

const CARE_LEAVER_KINDS = new Set(['personal-adviser-contact', 'leaver-survey']);
const EITHER_KINDS = new Set(['pathway-plan', 'pathway-plan-review']);

/**
 * The days an obligation's due date must not be before: the start of the
 * episode or placement it belongs to, and the last piece of work it follows.
 */
function anchors(o: Obligation, m: Model, hours: number): number[] {
  const inEpisode = (f: FactInput) => d(f.date!) >= m.entry;
  const afterLeaving = (f: FactInput) => m.end !== null && d(f.date!) >= m.end;
  switch (o.kind) {
    case 'statutory-visit':
      return [m.placementStart, ...days(m, 'visit', (f) => d(f.date!) >= m.placementStart)];
    case 'placement-plan':
      return [m.placementStart];
    case 'looked-after-review':
      return [m.entry, ...days(m, 'review', inEpisode)];
    case 'permanence-plan':
      return [m.entry, ...days(m, 'review', inEpisode).sort((a, b) => a - b).slice(0, 2)];
    case 'care-plan':
    case 'initial-health-assessment':
      return [m.entry];
    case 'pep':
      return [m.entry, ...days(m, 'pep', inEpisode)];
    case 'review-health-assessment':
      return [m.entry, ...days(m, 'health-assessment', inEpisode)];
    case 'dental-check': {
      const checks = days(m, 'dental-check');
      return checks.length ? checks : [m.entry];
    }
    case 'sdq': {
      const done = days(m, 'sdq');
      return done.length ? done : [m.entry];
    }
    case 'return-home-interview': {
      const returned = Date.parse(o.dueAt!) - hours * HOUR_MS;
      expect(returnsInEpisode(m)).toContain(returned);
      return [m.entry, d(londonDateOf(new Date(returned)))];
    }
    case 'pathway-plan':
      return [m.firstStart, birthday(m.dob, 16)];
    case 'pathway-plan-review':
      return days(m, 'pathway-plan');
    case 'personal-adviser-contact':
      return [m.end!, ...days(m, 'personal-adviser-contact', afterLeaving)];
    case 'leaver-survey':
      return [m.end!, ...days(m, 'local-task', (f) => f.kind === o.kind && afterLeaving(f))];
    default:
      expect(LOCAL_KINDS.has(o.kind), `unexpected kind ${o.kind}`).toBe(true);
      return [m.entry, ...days(m, 'local-task', (f) => f.kind === o.kind && inEpisode(f))];
  }
}

describe('due-date properties over generated histories', () => {
  it('(a) no due date is before the facts that set it, and each obligation fits the child\'s status', () => {
    fc.assert(
      fc.property(historyArb, policyArb(0), (m, policy) => {
        const hours = (policy?.returnHomeInterview as { withinHours?: number } | undefined)?.withinHours ?? STATUTORY.returnHomeInterview.withinHours;
        for (const o of run(m, policy)) {
          const due = d(o.dueDate);
          for (const anchor of anchors(o, m, hours)) expect(due, `${o.kind} ${o.dueDate} before ${iso(anchor)}`).toBeGreaterThanOrEqual(anchor);
          if (CARE_LEAVER_KINDS.has(o.kind)) expect(m.end, `${o.kind} while looked after`).not.toBeNull();
          else if (!EITHER_KINDS.has(o.kind)) expect(m.end, `${o.kind} after leaving care`).toBeNull();
          expect(o.status).toBe(due < m.today ? 'overdue' : due === m.today ? 'due-today' : 'upcoming');
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('(b) every deadline counted in working days lands on a working day', () => {
    let checked = 0;
    fc.assert(
      fc.property(historyArb, policyArb(1), (m, policy) => {
        for (const o of run(m, policy)) {
          if (/working day/.test(o.rule) || WORKING_DAY_LOCAL_KINDS.has(o.kind)) {
            checked += 1;
            expect(isWorkingDay(d(o.dueDate)), `${o.kind} due ${o.dueDate}: ${o.rule}`).toBe(true);
          }
        }
      }),
      { numRuns: RUNS },
    );
    expect(checked).toBeGreaterThan(RUNS / 5);
  });

  /** The fact that records the work an obligation asks for. */
  function workFor(o: Obligation, m: Model, f: number): FactInput {
    const at = (type: string, where: (x: FactInput) => boolean, floor: number) => {
      const latest = Math.max(floor, ...days(m, type, where));
      return iso(pick(f, latest, m.today));
    };
    const any = () => true;
    switch (o.kind) {
      case 'statutory-visit':
        return { type: 'visit', date: at('visit', any, m.entry), seenAlone: true };
      case 'looked-after-review':
        return { type: 'review', date: at('review', any, m.entry) };
      case 'care-plan':
        return { type: 'care-plan', date: at('care-plan', any, m.entry) };
      case 'placement-plan':
        return { type: 'placement-plan', date: at('placement-plan', any, m.entry), placementId: m.placementId };
      case 'permanence-plan':
        return { type: 'permanence-plan', date: at('permanence-plan', any, m.entry) };
      case 'pep':
        return { type: 'pep', date: at('pep', any, m.entry) };
      case 'initial-health-assessment':
        return { type: 'health-assessment', date: at('health-assessment', any, m.entry), kind: 'initial' };
      case 'review-health-assessment':
        return { type: 'health-assessment', date: at('health-assessment', any, m.entry), kind: 'review' };
      case 'dental-check':
        return { type: 'dental-check', date: at('dental-check', any, m.entry) };
      case 'sdq':
        return { type: 'sdq', date: at('sdq', any, m.entry), score: 10 };
      case 'return-home-interview':
        return { type: 'return-home-interview', date: at('return-home-interview', any, m.entry) };
      case 'pathway-plan':
      case 'pathway-plan-review':
        return { type: 'pathway-plan', date: at('pathway-plan', any, m.entry) };
      case 'personal-adviser-contact':
        return { type: 'personal-adviser-contact', date: at('personal-adviser-contact', any, m.end!) };
      default:
        return { type: 'local-task', kind: o.kind, date: at('local-task', (x) => x.kind === o.kind, m.entry) };
    }
  }

  it('(c) recording the work that is due never brings its next due date earlier', () => {
    let recorded = 0;
    fc.assert(
      fc.property(historyArb, policyArb(1).map(stageConsistent), fc.nat(), frac, (m, policy, which, f) => {
        const before = run(m, policy);
        if (before.length === 0) return;
        const o = before[which % before.length]!;
        const work = workFor(o, m, f);
        const after = run(m, policy, [work]).find((x) => x.kind === o.kind);
        recorded += 1;
        if (!after) return; // done and not recurring, or no longer due
        expect(after.dueDate >= o.dueDate, `${o.kind} was due ${o.dueDate}; after ${JSON.stringify(work)} it is due ${after.dueDate}`).toBe(true);
        if (o.dueAt && after.dueAt) expect(after.dueAt >= o.dueAt).toBe(true);
      }),
      { numRuns: RUNS },
    );
    expect(recorded).toBeGreaterThan(RUNS / 2);
  });

  it('(d) tightening the policy never makes an obligation later, nor drops one', () => {
    fc.assert(
      fc.property(historyArb, tightenedArb(0), (m, tightened) => {
        const statutory = run(m);
        const council = new Map(run(m, tightened).map((o) => [o.kind, o]));
        for (const o of statutory) {
          const t = council.get(o.kind);
          expect(t, `${o.kind} dropped by ${JSON.stringify(tightened)}`).toBeDefined();
          expect(t!.dueDate <= o.dueDate, `${o.kind}: ${o.dueDate} became ${t!.dueDate} under ${JSON.stringify(tightened)}`).toBe(true);
          if (o.dueAt) expect(t!.dueAt! <= o.dueAt).toBe(true);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('the generator makes the histories the properties are about', () => {
    // Guard against a generator that quietly stops producing the interesting cases.
    const sample = fc.sample(fc.tuple(historyArb, policyArb(1)), { numRuns: 300, seed: 42 });
    const seen = new Set<string>();
    for (const [m, policy] of sample) {
      for (const o of run(m, policy)) seen.add(o.kind);
      if (m.end !== null) seen.add('left care');
      if (m.facts.some((f) => f.type === 'placement-started' && f.placementId === 'p2')) seen.add('moved placement');
    }
    for (const kind of [
      'statutory-visit',
      'looked-after-review',
      'care-plan',
      'placement-plan',
      'permanence-plan',
      'pep',
      'initial-health-assessment',
      'review-health-assessment',
      'dental-check',
      'sdq',
      'return-home-interview',
      'pathway-plan',
      'pathway-plan-review',
      'personal-adviser-contact',
      'cse-risk-assessment',
      'health-passport',
      'wd-check',
      'leaver-survey',
      'left care',
      'moved placement',
    ]) {
      expect(seen, kind).toContain(kind);
    }
  });
});
