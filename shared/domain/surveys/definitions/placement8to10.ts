/** The placement survey for 8 to 10 year olds: shorter sentences, with pictures. */
import type { SurveyDefinition } from '../schema.js';
import { define } from './common.js';
import { PLACEMENT_PURPOSE, SHARED } from './placementShared.js';

export const PLACEMENT_SURVEY_YOUNG: SurveyDefinition = define({
  id: 'placement-8-11',
  kind: 'placement',
  version: 1,
  title: 'How is it where you live?',
  purpose: PLACEMENT_PURPOSE,
  ages: { from: 8, to: 11 },
  young: true,
  sections: [
    { id: 'home', title: 'Where you live', questions: [SHARED.feelSafeHome, SHARED.settled, SHARED.trustAdults, SHARED.adultsTalk] },
    { id: 'healthy', title: 'Staying well', questions: [SHARED.healthyFood, SHARED.feelingsHelp] },
    { id: 'fun-and-learning', title: 'Fun and learning', questions: [SHARED.homeworkHelp, SHARED.funThings, SHARED.friendsVisit] },
    { id: 'growing-up', title: 'You and growing up', questions: [SHARED.culture, SHARED.learnMoney] },
    { id: 'anything-else', title: 'Anything else', questions: [SHARED.anythingElse] },
  ],
});
