/**
 * Facts: what happened to a child, as practitioners record it. Obligations are
 * a pure function of a child's facts, the council's policy and today's date.
 * Dates are `YYYY-MM-DD` (Europe/London); instants are ISO 8601 with a zone.
 */
import * as z from 'zod/mini';
import { clockTime, isoDate, isoInstant } from './validation.js';
import { londonDayOf, toIsoDate } from './dates.js';
import { ACCOMMODATION_CODES, ACTIVITY_CODES, IN_TOUCH_CODES } from './careLeaverCodes.js';

const placementId = z.string().check(z.minLength(1), z.maxLength(64));

/** How a child is placed; the visit rule depends on it (CPPCR reg 28(3) to (5)). */
export const PLACEMENT_ARRANGEMENTS = [
  'foster',
  'residential',
  'connected-person',
  'connected-person-temporary',
  'parent-pending-assessment',
  'parent-interim-care-order',
  'parent-care-order',
  'supported-accommodation',
  /**
   * A series of short breaks (SSDA903 legal status V3 or V4): CPPCR 2010 reg 48
   * applies the regulations with its modifications instead of the ordinary ones.
   */
  'short-breaks',
  'other',
] as const;

export const LEFT_CARE_REASONS = [
  'age-18',
  'returned-home',
  'adopted',
  'special-guardianship',
  'child-arrangements-order',
  'independent-living',
  'staying-put',
  'transferred',
  'died',
  'other',
] as const;

/**
 * How the child took part in a looked-after review: the SSDA903 return's
 * participation codes (DfE, children looked after return, PN0 to PN7).
 */
export const PARTICIPATION_CODES = ['PN0', 'PN1', 'PN2', 'PN3', 'PN4', 'PN5', 'PN6', 'PN7'] as const;
export type ParticipationCode = (typeof PARTICIPATION_CODES)[number];

/** PN1 to PN6 count as taking part; PN7 does not; PN0 (under 4) is neither. */
export function participatedBy(code: ParticipationCode): boolean | undefined {
  return code === 'PN0' ? undefined : code !== 'PN7';
}

/** Whether the child took part in a review, from its code when it has one. */
export function reviewParticipated(fact: { childParticipated?: boolean | undefined; participation?: ParticipationCode | undefined }): boolean | undefined {
  return fact.participation ? participatedBy(fact.participation) : fact.childParticipated;
}

/** The stages of the representations procedure (SI 2006/1738): local resolution, investigation, review panel. */
export const COMPLAINT_STAGES = ['stage-1', 'stage-2', 'review-panel'] as const;
export type ComplaintStage = (typeof COMPLAINT_STAGES)[number];

/**
 * The longest period a complaint stage may be given with the complainant's
 * agreement, in working days: reg 14 (stage 1: 10, extendable to 20), reg 17
 * (stage 2: 25, extendable to 65); the review panel's 30 (reg 19(4)) is not extendable.
 */
export const COMPLAINT_LONGEST: Record<ComplaintStage, number> = { 'stage-1': 20, 'stage-2': 65, 'review-panel': 30 };

/**
 * Why an IRO raised an alert: a fixed list, so nothing about the child is
 * written in free text and an email can name the category safely.
 */
export const IRO_ALERT_REASONS = [
  'care-plan-drift',
  'visits-overdue',
  'review-recommendation-not-done',
  'placement-stability',
  'safeguarding-concern',
  'education',
  'health',
  'permanence-delay',
  'contact-arrangements',
  'other',
] as const;

/** The shapes of what an SSD extract says of a child beyond the engine's needs, for Annex A (annexADetails.ts). */
export const ANNEX_A_VALUES = {
  sex: { pattern: /^[MFUN]$/, what: 'M, F, U or N' },
  ethnicity: { pattern: /^[A-Z]{4}$/, what: 'a DfE ethnicity code such as WBRI' },
  needCode: { pattern: /^N[1-9]$/, what: 'a category of need N1 to N9' },
  placementCode: { pattern: /^[A-Z][A-Z0-9]{1,3}$/, what: 'an SSDA903 placement type such as U4' },
  provider: { pattern: /^PR[0-5]$/, what: 'a placement provider PR0 to PR5' },
  postcode: { pattern: /^[A-Z0-9 ]{2,8}$/, what: 'a postcode' },
  urn: { pattern: /^[A-Za-z0-9]{1,12}$/, what: 'an Ofsted URN' },
  legalStatus: { pattern: /^[A-Z][0-9]$/, what: 'an SSDA903 legal status such as C2' },
  disabilityCode: { pattern: /^[A-Z]{2,4}$/, what: 'a CIN census disability code such as MOB, or NONE' },
  team: { pattern: /^\S.{0,119}$/, what: 'a team name of at most 120 characters' },
} as const;
const annex = (key: keyof typeof ANNEX_A_VALUES) => z.string().check(z.regex(ANNEX_A_VALUES[key].pattern, `must be ${ANNEX_A_VALUES[key].what}`));

const recordReference = z.string().check(z.regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/, 'must be 1 to 40 letters, digits, dots, dashes or underscores'));
const staffReference = z.string().check(z.regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'must be a staff id'));

export const factSchemas = {
  'entered-care': z.strictObject({
    type: z.literal('entered-care'),
    date: isoDate,
    /** The SSDA903 category of need (N1 to N9), where the extract gives it (SSD clae_cla_primary_need_code). */
    needCode: z.optional(annex('needCode')),
  }),
  'placement-started': z.strictObject({
    type: z.literal('placement-started'),
    date: isoDate,
    placementId,
    longTerm: z.boolean(),
    arrangement: z.optional(z.enum(PLACEMENT_ARRANGEMENTS)),
    /** Placed outside the council's own area (survey results are broken down by it). */
    outOfArea: z.optional(z.boolean()),
    /** Miles from the child's home, where the case system gives it (SSD clap_cla_placement_distance). */
    distanceMiles: z.optional(z.number().check(z.gte(0), z.lte(20000))),
    /** As the case system gives them (SSD ssd_cla_placement), for Annex A: the SSDA903 placement type, provider (PR0 to PR5), postcode and Ofsted URN. */
    code: z.optional(annex('placementCode')),
    provider: z.optional(annex('provider')),
    postcode: z.optional(annex('postcode')),
    urn: z.optional(annex('urn')),
  }),
  'placement-ended': z.strictObject({ type: z.literal('placement-ended'), date: isoDate, placementId }),
  /**
   * A care order made (Children Act 1989 s31). It makes the child looked after if they
   * were not already; living with a parent, it sets the visits (CPPCR reg 28(5)).
   */
  'care-order': z.strictObject({ type: z.literal('care-order'), date: isoDate }),
  visit: z.strictObject({ type: z.literal('visit'), date: isoDate, seenAlone: z.boolean() }),
  /** CPPCR reg 28(3A): the child agrees to fewer visits in a long-term foster placement. */
  'fewer-visits-agreed': z.strictObject({ type: z.literal('fewer-visits-agreed'), date: isoDate, placementId }),
  /**
   * `participation` is the SSDA903 code (PN0 to PN7); `childParticipated` is what
   * older records and the CSV import carry. When both are given they must agree.
   */
  review: z
    .strictObject({
      type: z.literal('review'),
      date: isoDate,
      childParticipated: z.optional(z.boolean()),
      participation: z.optional(z.enum(PARTICIPATION_CODES)),
    })
    .check(
      z.refine((f) => f.participation === undefined || f.childParticipated === undefined || participatedBy(f.participation) === f.childParticipated, {
        message: 'does not agree with participation',
        path: ['childParticipated'],
      }),
    ),
  'care-plan': z.strictObject({ type: z.literal('care-plan'), date: isoDate }),
  'placement-plan': z.strictObject({ type: z.literal('placement-plan'), date: isoDate, placementId }),
  'permanence-plan': z.strictObject({ type: z.literal('permanence-plan'), date: isoDate }),
  pep: z.strictObject({ type: z.literal('pep'), date: isoDate }),
  'health-assessment': z.strictObject({
    type: z.literal('health-assessment'),
    date: isoDate,
    kind: z.enum(['initial', 'review']),
  }),
  'dental-check': z.strictObject({ type: z.literal('dental-check'), date: isoDate }),
  sdq: z.strictObject({ type: z.literal('sdq'), date: isoDate, score: z.int().check(z.gte(0), z.lte(40)) }),
  'missing-episode': z
    .strictObject({
      type: z.literal('missing-episode'),
      start: isoInstant,
      returned: z.optional(isoInstant),
      /** Whether a return interview was offered and accepted, as the case system says (SSD ssd_missing), for Annex A. */
      interviewOffered: z.optional(z.boolean()),
      interviewAccepted: z.optional(z.boolean()),
    })
    .check(
      z.refine((f) => f.returned === undefined || Date.parse(f.returned) >= Date.parse(f.start), {
        message: 'must not be before start',
        path: ['returned'],
      }),
    ),
  /** `time` (London, optional) lets the 72 hours be checked to the minute rather than by date. */
  'return-home-interview': z.strictObject({ type: z.literal('return-home-interview'), date: isoDate, time: z.optional(clockTime) }),
  'pathway-plan': z.strictObject({ type: z.literal('pathway-plan'), date: isoDate }),
  'personal-adviser-contact': z.strictObject({ type: z.literal('personal-adviser-contact'), date: isoDate }),
  /**
   * What the personal adviser learned of a care leaver's life on `date`, in
   * the SSDA903 OC3 codes (careLeaverCodes.ts): in touch or not, the main
   * activity, and the accommodation (its letter) and whether it is suitable.
   * Recorded around each birthday from the 17th to the 21st for the DfE's
   * return, or when something changed. In touch, it is also a contact.
   */
  'care-leaver-status': z
    .strictObject({
      type: z.literal('care-leaver-status'),
      date: isoDate,
      inTouch: z.enum(IN_TOUCH_CODES),
      activity: z.optional(z.enum(ACTIVITY_CODES)),
      accommodation: z.optional(z.enum(ACCOMMODATION_CODES)),
      accommodationSuitable: z.optional(z.boolean()),
    })
    .check(
      z.refine((f) => f.inTouch !== 'YES' || f.activity !== undefined, { message: 'is required when the young person is in touch (inTouch YES)', path: ['activity'] }),
      z.refine((f) => f.inTouch !== 'YES' || f.accommodation !== undefined, { message: 'is required when the young person is in touch (inTouch YES)', path: ['accommodation'] }),
      z.refine((f) => (f.accommodation === undefined) === (f.accommodationSuitable === undefined), {
        message: 'must be given with accommodation, and only with it',
        path: ['accommodationSuitable'],
      }),
    ),
  /**
   * A child's sex and ethnicity as the case system records them (SSD
   * ssd_person: pers_sex M, F, U or N; pers_ethnicity, a DfE code), for
   * Annex A. Personal data: shown to leads in Annex A, never logged or sent.
   */
  characteristics: z.strictObject({
    type: z.literal('characteristics'),
    date: isoDate,
    sex: z.optional(annex('sex')),
    ethnicity: z.optional(annex('ethnicity')),
  }),
  /**
   * A legal status from `date` (SSD ssd_legal_status), for Annex A. The
   * engine reads care orders and short breaks from their own facts, not this.
   */
  'legal-status': z.strictObject({ type: z.literal('legal-status'), date: isoDate, code: annex('legalStatus') }),
  /** A disability the case system records for the child (SSD ssd_disability; NONE: none), for Annex A. */
  disability: z.strictObject({ type: z.literal('disability'), date: isoDate, disabled: z.boolean() }),
  /** An immigration status from `date` to `end` (SSD ssd_immigration_status), only whether unaccompanied asylum-seeking, for Annex A. */
  'immigration-status': z.strictObject({ type: z.literal('immigration-status'), date: isoDate, uasc: z.boolean(), end: z.optional(isoDate) }),
  /**
   * Away from placement without authorisation, not missing (SSD ssd_missing
   * type A), from `start` (its London day is `date`): counted in Annex A; no
   * return interview is owed for it.
   */
  absence: z.strictObject({ type: z.literal('absence'), date: isoDate, start: isoInstant }),
  /** The team the case system allocates the child to (SSD invo_professional_team, clea_care_leaver_allocated_team), for Annex A. */
  'allocated-team': z.strictObject({ type: z.literal('allocated-team'), date: isoDate, team: annex('team') }),
  /** The IRO's last visit or contact with the child as the case system records it (SSD clae_cla_last_iro_contact_date), for Annex A. */
  'iro-contact': z.strictObject({ type: z.literal('iro-contact'), date: isoDate }),
  'left-care': z.strictObject({ type: z.literal('left-care'), date: isoDate, reason: z.enum(LEFT_CARE_REASONS) }),
  /**
   * Withdraws an earlier fact: recorded in error, or replaced by a corrected row from the
   * council's case system. Facts stay append-only; the engine leaves the withdrawn one out.
   */
  correction: z.strictObject({
    type: z.literal('correction'),
    date: isoDate,
    factId: z.string().check(z.minLength(1), z.maxLength(80)),
    reason: z.enum(['recorded-in-error', 'replaced']),
  }),
  /**
   * The date the council's case system gives for a looked-after review (SSD
   * ssd_cla_reviews), with the day that review was held when it has been. Kept's
   * own dates come from the regulations; this one is kept beside them so leads can
   * find where the case system disagrees. No rule reads it.
   */
  'case-system-review-due': z.strictObject({ type: z.literal('case-system-review-due'), date: isoDate, held: z.optional(isoDate) }),
  /**
   * A complaint (representation) about the child's care, received on `date`
   * at `stage`, handled by `officerId` (the investigating officer or
   * complaints manager, who answers for it). `agreedWorkingDays`: a longer
   * period agreed with the complainant, up to the regulations' limit.
   */
  complaint: z
    .strictObject({
      type: z.literal('complaint'),
      date: isoDate,
      complaintId: recordReference,
      stage: z.enum(COMPLAINT_STAGES),
      officerId: staffReference,
      agreedWorkingDays: z.optional(z.int().check(z.gte(1), z.lte(65))),
    })
    .check(
      z.refine((f) => f.agreedWorkingDays === undefined || f.agreedWorkingDays <= COMPLAINT_LONGEST[f.stage], {
        message: 'is longer than the regulations allow for this stage (stage 1: 20, stage 2: 65, review panel: 30 working days)',
        path: ['agreedWorkingDays'],
      }),
    ),
  /** The council's response to one stage of a complaint: it closes that stage. */
  'complaint-response': z.strictObject({ type: z.literal('complaint-response'), date: isoDate, complaintId: recordReference, stage: z.enum(COMPLAINT_STAGES) }),
  /**
   * An IRO's alert (the IRO Handbook's dispute resolution), raised at `stage`
   * (1: the social worker's manager, 2: theirs, and so on up the manager chain).
   */
  'iro-alert': z.strictObject({
    type: z.literal('iro-alert'),
    date: isoDate,
    alertId: recordReference,
    stage: z.int().check(z.gte(1), z.lte(5)),
    reason: z.enum(IRO_ALERT_REASONS),
  }),
  /** The answer to an alert's current stage: resolved, or escalated to the next stage from `date`. */
  'iro-alert-response': z.strictObject({
    type: z.literal('iro-alert-response'),
    date: isoDate,
    alertId: recordReference,
    outcome: z.enum(['resolved', 'escalated']),
  }),
  /** Work done under a council's local rule, such as a CSE risk assessment. */
  'local-task': z.strictObject({
    type: z.literal('local-task'),
    date: isoDate,
    kind: z.string().check(z.regex(/^[a-z][a-z0-9-]{1,47}$/, 'must be a local rule kind in lower-case-with-dashes')),
  }),
};

export type FactType = keyof typeof factSchemas;
export const FACT_TYPES = Object.keys(factSchemas) as FactType[];

/** Kinds only the case system's extract gives (the SSD import): nobody records them by hand. */
export const IMPORT_ONLY_TYPES = [
  'case-system-review-due', 'characteristics', 'legal-status', 'disability', 'immigration-status', 'allocated-team', 'absence', 'iro-contact',
] as const satisfies readonly FactType[];

export function importOnly(type: FactType): boolean {
  return (IMPORT_ONLY_TYPES as readonly FactType[]).includes(type);
}

const anyFact = z.discriminatedUnion(
  'type',
  Object.values(factSchemas) as unknown as [typeof factSchemas.visit, ...(typeof factSchemas)[FactType][]],
  { error: (issue) => (issue.code === 'invalid_union' ? `must have a "type" of ${FACT_TYPES.join(', ')}` : undefined) },
);

export const factSchema = anyFact as unknown as z.ZodMiniType<Fact>;

export type Fact = { [K in FactType]: z.output<(typeof factSchemas)[K]> }[FactType];
export type FactOf<K extends FactType> = Extract<Fact, { type: K }>;

/** The calendar date a fact happened on (a missing episode happens when it starts). */
export function factDate(fact: Fact): string {
  return fact.type === 'missing-episode' ? toIsoDate(londonDayOf(Date.parse(fact.start))) : fact.date;
}

export const childSchema = z.strictObject({
  id: z.string().check(z.minLength(1), z.maxLength(64)),
  dateOfBirth: isoDate,
});
export type Child = z.output<typeof childSchema>;
