/** The placement survey for 11 to 17 year olds: the shared questions, and school, family, their social worker and growing up. */
import type { SurveyDefinition } from '../schema.js';
import { NO, NOT_SURE, YES, YES_A_BIT_NO, YES_SOMETIMES_NO, define } from './common.js';
import { PLACEMENT_PURPOSE, SHARED } from './placementShared.js';

export const PLACEMENT_SURVEY_OLDER: SurveyDefinition = define({
  id: 'placement-11-17',
  kind: 'placement',
  version: 1,
  title: 'How is it where you live?',
  purpose: PLACEMENT_PURPOSE,
  ages: { from: 11, to: 18 },
  sections: [
    { id: 'home', title: 'Where you live', questions: [SHARED.feelSafeHome, SHARED.settled, SHARED.trustAdults, SHARED.adultsTalk] },
    { id: 'healthy', title: 'Staying well', questions: [SHARED.healthyFood, SHARED.feelingsHelp] },
    {
      id: 'school-and-fun',
      title: 'School and fun',
      questions: [
        SHARED.homeworkHelp,
        {
          id: 'school-help',
          type: 'choice',
          optional: true,
          text: 'Do you get the help you need at school or college?',
          options: [...YES_SOMETIMES_NO, { value: 'not-in-school', label: 'I am not at school or college' }],
        },
        {
          id: 'bullying',
          type: 'choice',
          optional: true,
          text: 'Are you being bullied, in person or online?',
          hint: 'Bullying is when someone keeps hurting you or making you feel bad on purpose.',
          options: [
            { value: 'no', label: 'No' },
            { value: 'sometimes', label: 'Sometimes' },
            { value: 'a-lot', label: 'A lot' },
            { value: 'not-sure', label: 'Not sure' },
          ],
          worrying: ['sometimes', 'a-lot'],
        },
        SHARED.funThings,
        SHARED.friendsVisit,
      ],
    },
    {
      id: 'family-and-you',
      title: 'Your family and who you are',
      questions: [
        {
          id: 'family-contact',
          type: 'choice',
          optional: true,
          text: 'Do you see or talk to your family as much as you want?',
          options: [
            { value: 'about-right', label: 'Yes, about as much as I want' },
            { value: 'want-more', label: 'No, I want more' },
            { value: 'want-less', label: 'No, I want less' },
            { value: 'not-sure', label: 'Not sure' },
          ],
        },
        SHARED.culture,
      ],
    },
    {
      id: 'social-worker',
      title: 'Your social worker and having a say',
      questions: [
        {
          id: 'know-worker',
          type: 'choice',
          optional: true,
          text: 'Do you know who your social worker is?',
          options: [YES, NO, NOT_SURE],
          indicator: 'know-worker',
          positive: ['yes'],
        },
        {
          id: 'see-worker-alone',
          type: 'choice',
          optional: true,
          text: 'When your social worker visits, can you talk to them on your own?',
          options: YES_SOMETIMES_NO,
        },
        {
          id: 'listened-to',
          type: 'choice',
          optional: true,
          text: 'When adults make plans about your life, do they listen to you?',
          options: YES_SOMETIMES_NO,
        },
      ],
    },
    {
      id: 'growing-up',
      title: 'You and growing up',
      questions: [
        SHARED.learnMoney,
        {
          id: 'life-skills',
          type: 'choice',
          optional: true,
          text: 'Are you learning skills for when you live on your own, like cooking and paying bills?',
          options: YES_A_BIT_NO,
        },
        {
          id: 'future-plans',
          type: 'choice',
          optional: true,
          text: 'Do the adults you live with ask about your plans for the future?',
          options: YES_SOMETIMES_NO,
        },
      ],
    },
    { id: 'anything-else', title: 'Anything else', questions: [SHARED.anythingElse] },
  ],
});
