/**
 * The placement survey for 4 to 7 year olds, answered with an adult who
 * reads it to them: one question a page, each with a large picture, and only
 * questions the 8 to 10 version asks too, as the very same objects (SHARED),
 * so the youngest band's answers compare with the next one's.
 */
import type { SurveyDefinition } from '../schema.js';
import { define } from './common.js';
import { SHARED } from './placementShared.js';

export const PLACEMENT_SURVEY_YOUNGEST: SurveyDefinition = define({
  id: 'placement-4-7',
  kind: 'placement',
  version: 1,
  title: 'How is it where you live?',
  purpose:
    'Do this with a grown-up you trust. They can read it to you. We want to know how things are for you where you live. There are no right or wrong answers. Please answer the first question, about feeling safe. You can skip the others.',
  ages: { from: 4, to: 8 },
  young: true,
  sections: [
    { id: 'safe', title: 'Feeling safe', picture: { file: 'safe-home.svg', alt: 'A house with a heart on its door' }, questions: [SHARED.feelSafeHome] },
    { id: 'grown-ups', title: 'The grown-ups you live with', picture: { file: 'grown-ups.svg', alt: 'A grown-up holding a child’s hand' }, questions: [SHARED.trustAdults] },
    { id: 'feelings', title: 'Feelings', picture: { file: 'feelings.svg', alt: 'A sad face and a smiling face' }, questions: [SHARED.feelingsHelp] },
    { id: 'food', title: 'Food', picture: { file: 'food.svg', alt: 'A plate with an apple and a carrot' }, questions: [SHARED.healthyFood] },
    { id: 'fun', title: 'Having fun', picture: { file: 'fun.svg', alt: 'A ball and a kite' }, questions: [SHARED.funThings] },
    { id: 'anything-else', title: 'Anything else', picture: { file: 'talk.svg', alt: 'A speech bubble' }, questions: [SHARED.anythingElse] },
  ],
});
