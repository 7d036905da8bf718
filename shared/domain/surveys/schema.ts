/**
 * How a survey is defined: versioned, in code, validated with zod. Each
 * question has a stable id; changing its wording makes a new version of the
 * survey, and results stay comparable across versions by question id.
 */
import * as z from 'zod/mini';

const id = z.string().check(z.regex(/^[a-z][a-z0-9-]{1,63}$/, 'must be lower-case-with-dashes'));
const text = z.string().check(z.minLength(2), z.maxLength(300));

/** One answer a person can pick. `value` is what is stored; it never changes between versions. */
export const optionSchema = z.strictObject({
  value: id,
  label: text,
  /** A picture for the youngest readers (shown beside the label, hidden from screen readers). */
  emoji: z.optional(z.string().check(z.maxLength(8))),
});

/** Headline indicators leads see (issue: leads' view). A question may feed one. */
export const INDICATORS = [
  'feel-safe-home',
  'trust-adults',
  'know-worker',
  'in-education-work-training',
  'life-satisfaction',
  'lonely',
] as const;

const common = {
  id,
  text,
  hint: z.optional(z.string().check(z.maxLength(300))),
  optional: z.optional(z.boolean()),
  indicator: z.optional(z.enum(INDICATORS)),
};

export const questionSchema = z.discriminatedUnion('type', [
  /** Pick one option. */
  z.strictObject({
    ...common,
    type: z.literal('choice'),
    options: z.array(optionSchema).check(z.minLength(2), z.maxLength(12)),
    /** Answers that show who to contact at once (and alert in confidential mode). */
    worrying: z.optional(z.array(id)),
    /** Answers that count as the good outcome for the question's indicator. */
    positive: z.optional(z.array(id)),
  }),
  /** A number on a scale, such as the ONS well-being questions (0 to 10). */
  z.strictObject({
    ...common,
    type: z.literal('scale'),
    min: z.int(),
    max: z.int(),
    minLabel: text,
    maxLabel: text,
    /** Scores at or below this show who to contact (optional). */
    worryingAtOrBelow: z.optional(z.int()),
  }),
  /** Free text, limited in length; shown to leads only for groups of 10 or more. */
  z.strictObject({
    ...common,
    type: z.literal('text'),
    maxLength: z.int().check(z.gte(50), z.lte(2000)),
  }),
]);
export type Question = z.output<typeof questionSchema>;

/** A large picture for the youngest readers: an SVG file the assets function serves, with its text alternative. */
export const pictureSchema = z.strictObject({
  file: z.string().check(z.regex(/^[a-z][a-z0-9-]{1,40}\.svg$/, 'must be a file name such as home.svg')),
  alt: text,
});

export const sectionSchema = z.strictObject({
  id,
  title: text,
  picture: z.optional(pictureSchema),
  intro: z.optional(z.string().check(z.maxLength(500))),
  questions: z.array(questionSchema).check(z.minLength(1), z.maxLength(12)),
});
export type Section = z.output<typeof sectionSchema>;

export const SURVEY_KINDS = ['care-leaver', 'placement', 'pledge'] as const;
export type SurveyKind = (typeof SURVEY_KINDS)[number];

export const surveyDefinitionSchema = z
  .strictObject({
    /** e.g. "care-leaver", "placement-4-7", "placement-8-11", "placement-11-17", "pledge". */
    id,
    kind: z.enum(SURVEY_KINDS),
    version: z.int().check(z.gte(1)),
    title: text,
    /** What it is for, said to the young person on the first page and in the invitation. */
    purpose: z.string().check(z.minLength(10), z.maxLength(600)),
    /** Who it is for, in years: inclusive lower bound, exclusive upper bound. */
    ages: z.strictObject({ from: z.int(), to: z.int() }),
    /** Picture scale and shorter sentences for younger readers. */
    young: z.optional(z.boolean()),
    sections: z.array(sectionSchema).check(z.minLength(1), z.maxLength(15)),
  })
  .check(
    z.refine(
      (d) => {
        const ids = d.sections.flatMap((s) => s.questions.map((q) => q.id));
        return new Set(ids).size === ids.length && new Set(d.sections.map((s) => s.id)).size === d.sections.length;
      },
      { message: 'must give every section and question its own id' },
    ),
    z.refine(
      (d) =>
        d.sections.every((s) =>
          s.questions.every((q) => {
            if (q.type === 'choice') {
              const values = q.options.map((o) => o.value);
              return new Set(values).size === values.length && [...(q.worrying ?? []), ...(q.positive ?? [])].every((v) => values.includes(v));
            }
            if (q.type === 'scale') return q.min < q.max && (q.worryingAtOrBelow === undefined || (q.worryingAtOrBelow >= q.min && q.worryingAtOrBelow < q.max));
            return true;
          }),
        ),
      { message: 'must use only its own option values in worrying and positive, and a scale from low to high' },
    ),
  );
export type SurveyDefinition = z.output<typeof surveyDefinitionSchema>;
