/**
 * What the survey definitions share: parsing and freezing a definition, the
 * answer sets, and the questions more than one survey asks.
 *
 * Values are stored; labels and emoji are only shown. The emoji is a picture
 * for the youngest readers: the page shows it only for surveys marked
 * `young`, and hides it from screen readers.
 */
import { surveyDefinitionSchema, type Question, type SurveyDefinition } from '../schema.js';

export type ChoiceQuestion = Extract<Question, { type: 'choice' }>;
export type Option = ChoiceQuestion['options'][number];

/** Parse, then freeze so no caller can change a shared definition by accident. */
export function define(input: SurveyDefinition): SurveyDefinition {
  return deepFreeze(surveyDefinitionSchema.parse(input));
}

export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

export const YES: Option = { value: 'yes', label: 'Yes', emoji: '😀' };
export const NO: Option = { value: 'no', label: 'No', emoji: '🙁' };
export const NOT_SURE: Option = { value: 'not-sure', label: 'Not sure', emoji: '🤔' };
const SOMETIMES: Option = { value: 'sometimes', label: 'Sometimes', emoji: '😐' };
const A_BIT: Option = { value: 'a-bit', label: 'A bit', emoji: '😐' };

export const YES_SOMETIMES_NO: Option[] = [YES, SOMETIMES, NO];
export const YES_A_BIT_NO: Option[] = [YES, A_BIT, NO];

/** How often: used for feeling safe. */
export const HOW_OFTEN_SAFE: Option[] = [
  { value: 'always', label: 'Always', emoji: '😀' },
  { value: 'mostly', label: 'Most of the time', emoji: '🙂' },
  { value: 'sometimes', label: 'Sometimes', emoji: '😐' },
  { value: 'never', label: 'Never', emoji: '🙁' },
];

/** The options without their pictures, for surveys older readers answer. */
export const plain = (options: Option[]): Option[] => options.map(({ emoji: _emoji, ...o }) => o);

export function withoutEmoji(q: ChoiceQuestion): ChoiceQuestion {
  return { ...q, options: plain(q.options) };
}

/**
 * Feeling safe where you live. Feeds `feel-safe-home` (good outcome: always or
 * most of the time). Worrying answers: "sometimes" as well as "never" — a child
 * who only sometimes feels safe at home is, some of the time, not safe there.
 * An alert carries no answer content, so a worker checking in costs little
 * next to missing a child who is not safe.
 */
export const feelSafeHome: ChoiceQuestion = {
  id: 'feel-safe-home',
  type: 'choice',
  text: 'Do you feel safe where you live?',
  options: HOW_OFTEN_SAFE,
  indicator: 'feel-safe-home',
  positive: ['always', 'mostly'],
  worrying: ['sometimes', 'never'],
};

export const anythingElse = (hint: string): Question => ({
  id: 'anything-else',
  type: 'text',
  text: 'Is there anything else you want to tell us?',
  hint,
  optional: true,
  maxLength: 1000,
});
