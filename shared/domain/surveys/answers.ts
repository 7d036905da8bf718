/**
 * Reading a young person's answers from a form, one section at a time, and
 * knowing when an answer means someone should be told who to contact.
 */
import type { Question, Section, SurveyDefinition } from './schema.js';

export type AnswerValue = string | number;
export type Answers = Record<string, AnswerValue>;

export interface AnswerError {
  questionId: string;
  message: string;
}

/** Each message names its question, so the error summary's links can be told apart. */
function errorFor(q: Question): string {
  const question = q.text.replace(/\?$/, '');
  if (q.type === 'choice') return `Choose an answer to: ${question}`;
  if (q.type === 'scale') return `Choose a number from ${q.min} to ${q.max} for: ${question}`;
  return `Write an answer to: ${question}`;
}

/** The section's answers from submitted form fields (field name = question id). */
export function readSection(section: Section, form: Record<string, string | undefined>): { answers: Answers; errors: AnswerError[] } {
  const answers: Answers = {};
  const errors: AnswerError[] = [];
  for (const q of section.questions) {
    const raw = (form[q.id] ?? '').trim();
    if (raw === '') {
      if (!q.optional) errors.push({ questionId: q.id, message: errorFor(q) });
      continue;
    }
    if (q.type === 'choice') {
      if (q.options.some((o) => o.value === raw)) answers[q.id] = raw;
      else errors.push({ questionId: q.id, message: errorFor(q) });
    } else if (q.type === 'scale') {
      const n = Number(raw);
      if (/^\d{1,2}$/.test(raw) && n >= q.min && n <= q.max) answers[q.id] = n;
      else errors.push({ questionId: q.id, message: errorFor(q) });
    } else {
      const text = raw.replace(/\r\n/g, '\n');
      if ([...text].length > q.maxLength) errors.push({ questionId: q.id, message: `Write ${q.maxLength} characters or fewer` });
      else answers[q.id] = text;
    }
  }
  return { answers, errors };
}

export function isWorryingAnswer(q: Question, value: AnswerValue | undefined): boolean {
  if (value === undefined) return false;
  if (q.type === 'choice') return (q.worrying ?? []).includes(String(value));
  if (q.type === 'scale') return q.worryingAtOrBelow !== undefined && Number(value) <= q.worryingAtOrBelow;
  return false;
}

export function hasWorryingAnswer(definition: SurveyDefinition, answers: Answers): boolean {
  return definition.sections.some((s) => s.questions.some((q) => isWorryingAnswer(q, answers[q.id])));
}

/** The first section still missing a required answer, or null when the survey can be sent. */
export function firstIncompleteSection(definition: SurveyDefinition, answers: Answers): Section | null {
  return definition.sections.find((s) => s.questions.some((q) => !q.optional && answers[q.id] === undefined)) ?? null;
}

/** Only answers to this definition's questions, valid for them: what gets stored. */
export function cleanAnswers(definition: SurveyDefinition, answers: Answers): Answers {
  const out: Answers = {};
  for (const s of definition.sections) {
    const { answers: valid } = readSection(s, Object.fromEntries(s.questions.map((q) => [q.id, answers[q.id] === undefined ? undefined : String(answers[q.id])])));
    Object.assign(out, valid);
  }
  return out;
}

/** How an answer reads back on the "check your answers" page. */
export function answerLabel(q: Question, value: AnswerValue | undefined): string {
  if (value === undefined) return 'Not answered';
  if (q.type === 'choice') return q.options.find((o) => o.value === value)?.label ?? String(value);
  if (q.type === 'scale') return `${value} out of ${q.max}`;
  return String(value);
}
