/** The pledge survey: "are we keeping our promises?", one question per line of the council's own pledge. */
import type { Question, Section, SurveyDefinition } from '../schema.js';
import { define, type Option } from './common.js';

export interface PledgeLine {
  /** Stable id for the line: lower-case letters, digits and dashes. The question id is `pledge-${id}`. */
  id: string;
  /** The promise, as the council wrote it (shown to the young person). */
  text: string;
}

/** More lines than this would not be answered; a council should ask about its pledge in parts. */
export const MAX_PLEDGE_LINES = 30;
/** Promises per page. */
const PLEDGE_LINES_PER_SECTION = 5;
const LINE_ID = /^[a-z0-9](?:[a-z0-9-]{0,55}[a-z0-9])?$/;

const PLEDGE_OPTIONS: Option[] = [
  { value: 'yes', label: 'Yes', emoji: '😀' },
  { value: 'partly', label: 'Partly', emoji: '😐' },
  { value: 'no', label: 'No', emoji: '🙁' },
  { value: 'not-sure', label: 'Not sure', emoji: '🤔' },
];

/**
 * The pledge survey for one council. Each pledge line becomes the question
 * "Are we keeping this promise?" with the promise as its hint, id
 * `pledge-${line.id}`; a free-text question ends it. The definition's version
 * is the version of this structure; the promise wording is the council's, so
 * a response should keep a copy of the hint it was shown.
 *
 * Throws an Error naming the problem when the council's name is missing, the
 * pledge is empty or too long, a line id is malformed or used twice, or a
 * line's text is empty or over 300 characters.
 */
export function pledgeSurvey(council: { name: string; pledge: ReadonlyArray<PledgeLine> }): SurveyDefinition {
  const name = council.name.trim();
  if (name.length < 2 || name.length > 200) throw new Error('pledgeSurvey: the council name must be 2 to 200 characters');
  const lines = council.pledge;
  if (lines.length === 0) throw new Error('pledgeSurvey: the pledge has no lines');
  if (lines.length > MAX_PLEDGE_LINES) throw new Error(`pledgeSurvey: the pledge has ${lines.length} lines; at most ${MAX_PLEDGE_LINES} fit in one survey`);
  const seen = new Set<string>();
  for (const line of lines) {
    if (!LINE_ID.test(line.id)) {
      throw new Error(`pledgeSurvey: pledge line id "${line.id}" must be 1 to 57 lower-case letters, digits or dashes, starting and ending with a letter or digit`);
    }
    if (seen.has(line.id)) throw new Error(`pledgeSurvey: pledge line id "${line.id}" is used twice`);
    seen.add(line.id);
    const text = line.text.trim();
    if (text.length < 2 || text.length > 300) throw new Error(`pledgeSurvey: pledge line "${line.id}" must have 2 to 300 characters of text`);
  }

  const pages = Math.ceil(lines.length / PLEDGE_LINES_PER_SECTION);
  const perPage = Math.ceil(lines.length / pages);
  const sections: Section[] = [];
  for (let p = 0; p < pages; p++) {
    sections.push({
      id: `promises-${p + 1}`,
      title: pages === 1 ? 'Our promises to you' : `Our promises to you (${p + 1} of ${pages})`,
      ...(p === 0 ? { intro: 'For each promise, tell us if we are keeping it.' } : {}),
      questions: lines.slice(p * perPage, (p + 1) * perPage).map(
        (line): Question => ({
          id: `pledge-${line.id}`,
          type: 'choice',
          text: 'Are we keeping this promise?',
          optional: true,
          hint: line.text.trim(),
          options: PLEDGE_OPTIONS,
        }),
      ),
    });
  }
  sections.push({
    id: 'anything-else',
    title: 'Anything else',
    questions: [
      {
        id: 'anything-else',
        type: 'text',
        text: 'Is there a promise we should make, or anything else you want to tell us?',
        hint: 'You do not have to answer this. Please do not write anyone’s name.',
        optional: true,
        maxLength: 1000,
      },
    ],
  });

  return define({
    id: 'pledge',
    kind: 'pledge',
    version: 1,
    title: 'Are we keeping our promises?',
    purpose: `${name} has made promises to the children and young people it looks after and has looked after. Tell us if we are keeping them, so we can do better. You can skip any question.`,
    ages: { from: 8, to: 26 },
    sections,
  });
}
