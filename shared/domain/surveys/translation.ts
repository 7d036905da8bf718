/**
 * A survey version in another language: one file per language, keyed by
 * section and question id (and option value), with the pages' fixed wording.
 * Answers are still stored by question id and option value, so a report
 * counts every language together. `translationProblems` says what a file
 * leaves out or names that its survey version does not have; a file with
 * any problem is refused when it is registered (./languages.ts).
 */
import * as z from 'zod/mini';
import type { Question, SurveyDefinition } from './schema.js';
import { ENGLISH_WORDS, type PageWords, type WordKey, placeholdersOf } from './pageWords.js';

const text = z.string().check(z.minLength(1), z.maxLength(300));
const longText = z.string().check(z.minLength(1), z.maxLength(600));
const key = z.string().check(z.regex(/^[a-z][a-z0-9-]{1,63}$/, 'must be a lower-case id'));

export const translationSchema = z.strictObject({
  surveyId: key,
  version: z.int().check(z.gte(1)),
  /** A BCP 47 tag, as on the child's record: "fa", "ps", "ti", "ar-XB". */
  language: z.string().check(z.regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a language tag such as fa')),
  /** The language's name in itself, as the language choice shows it. */
  name: z.string().check(z.minLength(2), z.maxLength(60)),
  dir: z.enum(['ltr', 'rtl']),
  /** Who translated it and who checked it: a translation nobody can vouch for is not used. */
  translatedBy: z.string().check(z.minLength(3), z.maxLength(200)),
  title: text,
  purpose: longText,
  sections: z.record(key, z.strictObject({ title: text, intro: z.optional(longText), pictureAlt: z.optional(text) })),
  questions: z.record(
    key,
    z.strictObject({
      text,
      hint: z.optional(text),
      options: z.optional(z.record(key, text)),
      minLabel: z.optional(text),
      maxLabel: z.optional(text),
    }),
  ),
  words: z.record(z.string(), text),
});
export type SurveyTranslation = z.output<typeof translationSchema>;

/** Everything a translation leaves out, or names that the survey version does not have. Empty when it is complete. */
export function translationProblems(definition: SurveyDefinition, t: SurveyTranslation): string[] {
  const problems: string[] = [];
  const unknown = (kind: string, given: string[], known: string[]) => {
    for (const k of given) if (!known.includes(k)) problems.push(`${kind} ${k} is not in ${definition.id} version ${definition.version}`);
  };
  if (t.surveyId !== definition.id || t.version !== definition.version) problems.push(`is for ${t.surveyId} version ${t.version}, not ${definition.id} version ${definition.version}`);
  unknown('section', Object.keys(t.sections), definition.sections.map((s) => s.id));
  const questions = definition.sections.flatMap((s) => s.questions);
  unknown('question', Object.keys(t.questions), questions.map((q) => q.id));
  for (const s of definition.sections) {
    const given = t.sections[s.id];
    if (!given) problems.push(`section ${s.id} has no title`);
    else {
      if (s.intro && !given.intro) problems.push(`section ${s.id} has no intro`);
      if (!s.intro && given.intro) problems.push(`section ${s.id} has an intro its survey does not`);
      if (s.picture && !given.pictureAlt) problems.push(`section ${s.id} has no text for its picture`);
    }
  }
  for (const q of questions) problems.push(...questionProblems(q, t.questions[q.id]));
  const words = Object.keys(ENGLISH_WORDS) as WordKey[];
  unknown('wording', Object.keys(t.words), words);
  for (const w of words) {
    const given = t.words[w];
    if (given === undefined) problems.push(`wording ${w} is missing`);
    else if (placeholdersOf(given).join() !== placeholdersOf(ENGLISH_WORDS[w]).join()) {
      problems.push(`wording ${w} must use ${placeholdersOf(ENGLISH_WORDS[w]).map((p) => `{${p}}`).join(' ') || 'no placeholders'}`);
    }
  }
  return problems;
}

function questionProblems(q: Question, given: SurveyTranslation['questions'][string] | undefined): string[] {
  if (!given) return [`question ${q.id} is missing`];
  const problems: string[] = [];
  if (q.hint && !given.hint) problems.push(`question ${q.id} has no hint`);
  if (!q.hint && given.hint) problems.push(`question ${q.id} has a hint its survey does not`);
  const values = q.type === 'choice' ? q.options.map((o) => o.value) : [];
  for (const v of values) if (!given.options?.[v]) problems.push(`question ${q.id} option ${v} is missing`);
  for (const v of Object.keys(given.options ?? {})) if (!values.includes(v)) problems.push(`question ${q.id} has no option ${v}`);
  const scale = q.type === 'scale';
  if (scale && (!given.minLabel || !given.maxLabel)) problems.push(`question ${q.id} needs minLabel and maxLabel`);
  if (!scale && (given.minLabel || given.maxLabel)) problems.push(`question ${q.id} is not a scale`);
  return problems;
}

/** The survey version worded in the translation: the same ids, values and rules, only the words differ. */
export function translated(definition: SurveyDefinition, t: SurveyTranslation): SurveyDefinition {
  return {
    ...definition,
    title: t.title,
    purpose: t.purpose,
    sections: definition.sections.map((s) => {
      const ts = t.sections[s.id]!;
      return {
        ...s,
        title: ts.title,
        ...(s.intro ? { intro: ts.intro } : {}),
        ...(s.picture ? { picture: { ...s.picture, alt: ts.pictureAlt ?? s.picture.alt } } : {}),
        questions: s.questions.map((q): Question => {
          const tq = t.questions[q.id]!;
          const words = { text: tq.text, ...(q.hint ? { hint: tq.hint } : {}) };
          if (q.type === 'choice') return { ...q, ...words, options: q.options.map((o) => ({ ...o, label: tq.options?.[o.value] ?? o.label })) };
          if (q.type === 'scale') return { ...q, ...words, minLabel: tq.minLabel ?? q.minLabel, maxLabel: tq.maxLabel ?? q.maxLabel };
          return { ...q, ...words };
        }),
      };
    }),
  };
}

export function wordsOf(t: SurveyTranslation): PageWords {
  return { ...ENGLISH_WORDS, ...t.words };
}
