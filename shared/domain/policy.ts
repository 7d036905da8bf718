/**
 * A council's policy: the statutory timescales, optionally tightened, plus
 * local rules. Every setting has its statutory value as the default and as
 * its limit, so a policy can bring a date earlier but never push one later.
 */
import * as z from 'zod/mini';
import { isoDate } from './validation.js';
import { toDayNumber } from './dates.js';
import { FACT_TYPES, type FactType } from './facts.js';
import { type ResponsibilityMap, resolveResponsibility, responsibilitySchema } from './responsibility.js';

/** A number that may only be lowered from its statutory value. */
function atMost(limit: number, unit: string, source: string) {
  return z.int().check(
    z.gte(0, `must be 0 or more ${unit}`),
    z.lte(limit, `cannot be loosened: ${source} sets at most ${limit} ${unit}`),
  );
}

/** An age limit that may only be raised (the duty lasts longer). */
function atLeast(limit: number, max: number, source: string) {
  return z.int().check(
    z.gte(limit, `cannot be loosened: ${source} runs to age ${limit} at least`),
    z.lte(max, `must be at most ${max}`),
  );
}

/** An age a duty starts from, which may only be lowered (it starts sooner). */
function startsByAge(limit: number, source: string) {
  return z.int().check(z.gte(0, 'must be 0 or more'), z.lte(limit, `cannot be loosened: ${source} starts at age ${limit}`));
}

export const STATUTORY = {
  statutoryVisit: {
    firstWithinDays: 7,
    firstYearEveryDays: 42,
    afterFirstYearEveryDays: 42,
    longTermEveryMonths: 3,
    agreedLongTermEveryMonths: 6,
    untilFirstReviewEveryDays: 7,
    temporaryAfterFirstReviewEveryDays: 28,
  },
  lookedAfterReview: { firstWithinWorkingDays: 20, secondWithinMonths: 3, thenEveryMonths: 6, parentPlacementWithinWorkingDays: 10 },
  carePlan: { withinWorkingDays: 10 },
  placementPlan: { withinWorkingDays: 5 },
  pep: { initialWithinWorkingDays: 10, fromAge: 5, untilAge: 16 },
  healthAssessment: { initialWithinWorkingDays: 20, under5EveryMonths: 6, from5EveryMonths: 12 },
  dentalCheck: { everyMonths: 12 },
  sdq: { everyMonths: 12, fromAge: 4, untilAge: 17 },
  returnHomeInterview: { withinHours: 72 },
  pathwayPlan: { monthsAfterSixteenthBirthday: 3, reviewEveryMonths: 6 },
  personalAdviser: { firstWithinDays: 7, everyWeeks: 8, untilAge: 21 },
  /** Children Act 1989 Representations Procedure (England) Regulations 2006, regs 14, 17 and 19(4). */
  complaints: { stage1WorkingDays: 10, stage2WorkingDays: 25, reviewPanelWorkingDays: 30 },
} as const;

/**
 * IRO alerts (dispute resolution): not statutory. The IRO Handbook 2010
 * (chapter 5) asks every council for a dispute resolution process with
 * timescales but sets none; Kept's default gives each stage a working week,
 * three stages up the manager chain, and a council sets its own.
 */
export const IRO_ALERT_DEFAULT = { stageWorkingDays: [5, 5, 5] } as const;

const S = STATUTORY;

const term = z.strictObject({ name: z.string().check(z.minLength(1), z.maxLength(40)), start: isoDate, end: isoDate }).check(
  z.refine((t) => t.start <= t.end, { message: 'must not be before start', path: ['end'] }),
);

const interval = z
  .strictObject({
    days: z.optional(z.int().check(z.gte(1), z.lte(3660))),
    workingDays: z.optional(z.int().check(z.gte(1), z.lte(2600))),
    months: z.optional(z.int().check(z.gte(1), z.lte(120))),
  })
  .check(
    z.refine((i) => [i.days, i.workingDays, i.months].filter((v) => v !== undefined).length === 1, {
      message: 'must give exactly one of days, workingDays or months',
    }),
  );
export type Interval = z.output<typeof interval>;

/** The facts a local rule may start from: any but a correction (which only withdraws another). */
const EVENT_TYPES = FACT_TYPES.filter((t) => t !== 'correction') as [FactType, ...FactType[]];

/**
 * The facts whose next one the engine dates, and the kind it dates: "midway
 * between two reviews" needs the next review's due date.
 */
export const NEXT_DUE_OF: Partial<Record<FactType, string>> = {
  review: 'looked-after-review',
  visit: 'statutory-visit',
  pep: 'pep',
  'dental-check': 'dental-check',
  sdq: 'sdq',
  'personal-adviser-contact': 'personal-adviser-contact',
};

/** A council's own rule, such as "CSE risk assessment from age 11, every 6 months". */
const localRule = z
  .strictObject({
    kind: z.string().check(z.regex(/^[a-z][a-z0-9-]{1,47}$/, 'must be lower-case-with-dashes, such as cse-risk-assessment')),
    title: z.string().check(z.minLength(3), z.maxLength(120)),
    appliesTo: z.optional(z.enum(['looked-after', 'care-leaver'])),
    fromAge: z.optional(z.int().check(z.gte(0), z.lte(25))),
    untilAge: z.optional(z.int().check(z.gte(1), z.lte(26))),
    /** When the first one falls due, counted from the later of entering that status and `fromAge`. */
    firstWithin: z.optional(interval),
    /** Or: due by this birthday (a health passport by 18). */
    byAge: z.optional(z.int().check(z.gte(1), z.lte(25))),
    /** Then again this long after the last one; without it the task is done once. */
    every: z.optional(interval),
    /** Or: due this long after each fact of a kind (a health passport within 20 working days of leaving care). */
    afterFact: z.optional(z.strictObject({ type: z.enum(EVENT_TYPES), within: interval })),
    /**
     * Or: due between two facts of a kind: midway from the last to the next one's
     * due date, or this long after the last (an IRO visit between reviews).
     */
    betweenFacts: z.optional(
      z
        .strictObject({ type: z.enum(EVENT_TYPES), at: z.union([z.literal('midpoint'), interval]) })
        .check(
          z.refine((b) => b.at !== 'midpoint' || NEXT_DUE_OF[b.type] !== undefined, {
            message: `midpoint needs a fact whose next one Kept dates: ${Object.keys(NEXT_DUE_OF).join(', ')}`,
            path: ['at'],
          }),
        ),
    ),
  })
  .check(
    z.refine((r) => [r.firstWithin, r.byAge, r.afterFact, r.betweenFacts].filter((v) => v !== undefined).length === 1, {
      message: 'must give exactly one of firstWithin, byAge, afterFact or betweenFacts',
    }),
    z.refine((r) => r.every === undefined || (r.afterFact === undefined && r.betweenFacts === undefined), {
      message: 'a rule that starts from a fact is due again with each new fact, so it takes no every',
      path: ['every'],
    }),
  );
export type LocalRule = z.output<typeof localRule>;

export const STATUTORY_KINDS = [
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
  'care-leaver-return',
] as const;
export type StatutoryKind = (typeof STATUTORY_KINDS)[number];

/** Kinds that follow a recorded event, each answered by someone the fact names (responsibility.ts). */
export const EVENT_KINDS = ['complaint-response', 'iro-alert-response'] as const;

const src = {
  visit: 'CPPCR reg 28',
  review: 'CPPCR reg 33',
  pep: 'PEP statutory guidance',
  health: 'health statutory guidance',
};

export const policySchema = z
  .strictObject({
    statutoryVisit: z.optional(
      z.strictObject({
        firstWithinDays: z.optional(atMost(S.statutoryVisit.firstWithinDays, 'days', 'CPPCR reg 28(2)(a)')),
        firstYearEveryDays: z.optional(atMost(S.statutoryVisit.firstYearEveryDays, 'days', 'CPPCR reg 28(2)(b)')),
        afterFirstYearEveryDays: z.optional(atMost(S.statutoryVisit.afterFirstYearEveryDays, 'days', 'CPPCR reg 28(2)(c)')),
        longTermEveryMonths: z.optional(atMost(S.statutoryVisit.longTermEveryMonths, 'months', 'CPPCR reg 28(2)(c)')),
        agreedLongTermEveryMonths: z.optional(atMost(S.statutoryVisit.agreedLongTermEveryMonths, 'months', 'CPPCR reg 28(3A)')),
        untilFirstReviewEveryDays: z.optional(atMost(S.statutoryVisit.untilFirstReviewEveryDays, 'days', 'CPPCR reg 28(3) and (4)')),
        temporaryAfterFirstReviewEveryDays: z.optional(
          atMost(S.statutoryVisit.temporaryAfterFirstReviewEveryDays, 'days', 'CPPCR reg 28(4)'),
        ),
      }),
    ),
    lookedAfterReview: z.optional(
      z.strictObject({
        firstWithinWorkingDays: z.optional(atMost(S.lookedAfterReview.firstWithinWorkingDays, 'working days', 'CPPCR reg 33(1)')),
        secondWithinMonths: z.optional(atMost(S.lookedAfterReview.secondWithinMonths, 'months', 'CPPCR reg 33(2)')),
        thenEveryMonths: z.optional(atMost(S.lookedAfterReview.thenEveryMonths, 'months', 'CPPCR reg 33(3)')),
        parentPlacementWithinWorkingDays: z.optional(
          atMost(S.lookedAfterReview.parentPlacementWithinWorkingDays, 'working days', 'CPPCR reg 19(b)'),
        ),
      }),
    ),
    carePlan: z.optional(
      z.strictObject({ withinWorkingDays: z.optional(atMost(S.carePlan.withinWorkingDays, 'working days', 'CPPCR reg 4')) }),
    ),
    placementPlan: z.optional(
      z.strictObject({ withinWorkingDays: z.optional(atMost(S.placementPlan.withinWorkingDays, 'working days', 'CPPCR reg 9')) }),
    ),
    pep: z.optional(
      z.strictObject({
        initialWithinWorkingDays: z.optional(atMost(S.pep.initialWithinWorkingDays, 'working days', src.pep)),
        fromAge: z.optional(startsByAge(S.pep.fromAge, src.pep)),
        untilAge: z.optional(atLeast(S.pep.untilAge, 18, src.pep)),
        terms: z.optional(z.array(term).check(z.minLength(1), z.maxLength(200))),
      }),
    ),
    healthAssessment: z.optional(
      z.strictObject({
        initialWithinWorkingDays: z.optional(atMost(S.healthAssessment.initialWithinWorkingDays, 'working days', src.health)),
        under5EveryMonths: z.optional(atMost(S.healthAssessment.under5EveryMonths, 'months', src.health)),
        from5EveryMonths: z.optional(atMost(S.healthAssessment.from5EveryMonths, 'months', src.health)),
      }),
    ),
    dentalCheck: z.optional(
      z.strictObject({ everyMonths: z.optional(atMost(S.dentalCheck.everyMonths, 'months', 'SSDA903 (yearly teeth check)')) }),
    ),
    sdq: z.optional(
      z.strictObject({
        everyMonths: z.optional(atMost(S.sdq.everyMonths, 'months', 'SDQ guidance')),
        fromAge: z.optional(startsByAge(S.sdq.fromAge, 'SDQ guidance')),
        untilAge: z.optional(atLeast(S.sdq.untilAge, 18, 'SDQ guidance')),
      }),
    ),
    returnHomeInterview: z.optional(
      z.strictObject({
        withinHours: z.optional(atMost(S.returnHomeInterview.withinHours, 'hours', 'missing children statutory guidance')),
      }),
    ),
    pathwayPlan: z.optional(
      z.strictObject({
        monthsAfterSixteenthBirthday: z.optional(atMost(S.pathwayPlan.monthsAfterSixteenthBirthday, 'months', 'CPPCR reg 42')),
        reviewEveryMonths: z.optional(atMost(S.pathwayPlan.reviewEveryMonths, 'months', 'Care Leavers (England) Regulations')),
      }),
    ),
    personalAdviser: z.optional(
      z.strictObject({
        firstWithinDays: z.optional(atMost(S.personalAdviser.firstWithinDays, 'days', 'Care Leavers (England) Regulations reg 8(2)')),
        everyWeeks: z.optional(atMost(S.personalAdviser.everyWeeks, 'weeks', 'Care Leavers (England) Regulations reg 8(2)')),
        untilAge: z.optional(atLeast(S.personalAdviser.untilAge, 25, 'Children and Social Work Act 2017 s3')),
      }),
    ),
    complaints: z.optional(
      z.strictObject({
        stage1WorkingDays: z.optional(atMost(S.complaints.stage1WorkingDays, 'working days', 'Representations Procedure Regulations 2006 reg 14')),
        stage2WorkingDays: z.optional(atMost(S.complaints.stage2WorkingDays, 'working days', 'Representations Procedure Regulations 2006 reg 17')),
        reviewPanelWorkingDays: z.optional(atMost(S.complaints.reviewPanelWorkingDays, 'working days', 'Representations Procedure Regulations 2006 reg 19(4)')),
      }),
    ),
    /** Working days each stage of an IRO alert has to be answered, stage 1 first (not statutory). */
    iroAlert: z.optional(
      z.strictObject({ stageWorkingDays: z.array(z.int().check(z.gte(1), z.lte(60))).check(z.minLength(1), z.maxLength(5)) }),
    ),
    localRules: z.optional(z.array(localRule).check(z.maxLength(50))),
    /** Who in the child's team answers for each kind (responsibility.ts has the defaults). */
    responsibility: z.optional(responsibilitySchema),
  })
  .check(
    z.refine(
      (p) => {
        const kinds = (p.localRules ?? []).map((r) => r.kind);
        const taken: readonly string[] = [...STATUTORY_KINDS, ...EVENT_KINDS];
        return kinds.every((k, i) => !taken.includes(k) && kinds.indexOf(k) === i);
      },
      { message: 'must give each local rule its own kind, different from the statutory kinds', path: ['localRules'] },
    ),
    z.refine(
      (p) => {
        const known = new Set<string>([...STATUTORY_KINDS, ...(p.localRules ?? []).map((r) => r.kind)]);
        return Object.keys(p.responsibility ?? {}).every((k) => known.has(k));
      },
      { message: 'must name only statutory kinds or the kinds of the local rules', path: ['responsibility'] },
    ),
  );

export type PolicyInput = z.output<typeof policySchema>;

type Widen<T> = { -readonly [K in keyof T]: T[K] extends number ? number : Widen<T[K]> };

export interface SchoolTerm {
  name: string;
  start: number;
  end: number;
}

export type ResolvedPolicy = Widen<typeof STATUTORY> & {
  terms: SchoolTerm[] | null;
  localRules: LocalRule[];
  iroAlert: { stageWorkingDays: number[] };
  /** Obligation kind to the team role that answers for it. */
  responsibility: ResponsibilityMap;
};

/** The statutory timescales with a council's tightenings laid over them. */
export function resolvePolicy(input: PolicyInput = {}): ResolvedPolicy {
  const { localRules, responsibility, iroAlert, ...sections } = input;
  const resolved = structuredClone(STATUTORY) as unknown as ResolvedPolicy;
  const target = resolved as unknown as Record<string, Record<string, unknown>>;
  for (const [section, values] of Object.entries(sections)) {
    if (section === 'pep') continue;
    for (const [key, value] of Object.entries(values ?? {})) if (value !== undefined) target[section]![key] = value;
  }
  const { terms, ...pep } = input.pep ?? {};
  for (const [key, value] of Object.entries(pep)) if (value !== undefined) target.pep![key] = value;
  resolved.terms = terms
    ? terms
        .map((t) => ({ name: t.name, start: toDayNumber(t.start), end: toDayNumber(t.end) }))
        .sort((a, b) => a.start - b.start)
    : null;
  resolved.localRules = localRules ?? [];
  resolved.iroAlert = { stageWorkingDays: [...(iroAlert?.stageWorkingDays ?? IRO_ALERT_DEFAULT.stageWorkingDays)] };
  resolved.responsibility = resolveResponsibility(responsibility);
  return deepFreeze(resolved);
}

/** Rules keep their wording per policy object, so a resolved policy is made unchangeable. */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

export const STATUTORY_POLICY: ResolvedPolicy = resolvePolicy();
