/**
 * The annual care leaver survey (16 to 25): home, education and work, money,
 * the four ONS personal well-being questions, loneliness, the personal
 * adviser and people on their side.
 */
import type { Question, SurveyDefinition } from '../schema.js';
import { HOW_OFTEN_SAFE, NO, NOT_SURE, YES, YES_SOMETIMES_NO, anythingElse, define, feelSafeHome, plain, withoutEmoji, type Option } from './common.js';

/**
 * The four ONS personal well-being questions, exactly as in the harmonised
 * standard the ONS Annual Population Survey uses (GSS harmonisation guidance,
 * "Personal well-being"), each on a 0 to 10 scale where 0 is "not at all" and
 * 10 is "completely". Do not reword them: the point is to compare with the
 * population's figures.
 *
 * `life-satisfaction` feeds the indicator of that name. A scale question has
 * no `positive` list; the ONS reports thresholds (0-4 low, 5-6 medium, 7-8
 * high, 9-10 very high), which the leads' view applies.
 */
export const ONS_WELLBEING_TEXT = {
  'life-satisfaction': 'Overall, how satisfied are you with your life nowadays?',
  worthwhile: 'Overall, to what extent do you feel that the things you do in your life are worthwhile?',
  'happy-yesterday': 'Overall, how happy did you feel yesterday?',
  'anxious-yesterday': 'Overall, how anxious did you feel yesterday?',
} as const;

const onsScale = (id: keyof typeof ONS_WELLBEING_TEXT, extra: { indicator?: 'life-satisfaction'; hint?: string } = {}): Question => ({
  id,
  type: 'scale',
  optional: true,
  text: ONS_WELLBEING_TEXT[id],
  min: 0,
  max: 10,
  minLabel: 'Not at all',
  maxLabel: 'Completely',
  ...extra,
});

const yesNoNotSure = plain([YES, NO, NOT_SURE]);

const NO_ADVISER: Option = { value: 'no-adviser', label: "I don't have a personal adviser" };

export const CARE_LEAVER_SURVEY: SurveyDefinition = define({
  id: 'care-leaver',
  kind: 'care-leaver',
  version: 1,
  title: 'How are things going for you?',
  purpose:
    'This survey is for young people who have left our care. We want to know how life is going for you: your home, money, work, how you feel and the help you get from us. We will use what you tell us to make things better. Please answer the question about feeling safe where you live. You can skip any other question.',
  ages: { from: 16, to: 26 },
  sections: [
    {
      id: 'home',
      title: 'Your home',
      questions: [
        {
          id: 'home-right',
          type: 'choice',
          optional: true,
          text: 'Does the place you live feel right for you?',
          options: plain([YES, { value: 'mostly', label: 'Mostly' }, NO]),
        },
        withoutEmoji(feelSafeHome),
        {
          // Only "never" is worrying here: feeling unsafe in the streets around
          // you some of the time is common, and the home question above is the
          // one that raises an alert for "sometimes".
          id: 'feel-safe-area',
          type: 'choice',
          optional: true,
          text: 'Do you feel safe in the area around your home?',
          options: plain(HOW_OFTEN_SAFE),
          worrying: ['never'],
        },
        {
          id: 'online-at-home',
          type: 'choice',
          optional: true,
          text: 'Can you get online at home when you need to?',
          options: plain(YES_SOMETIMES_NO),
        },
        {
          id: 'moving-in',
          type: 'choice',
          optional: true,
          text: 'If you have moved into your own place, how did the move go?',
          hint: 'Your own place means a flat or room of your own, not a foster home or a children’s home.',
          options: [
            { value: 'well', label: 'It went well' },
            { value: 'ok', label: 'It was OK' },
            { value: 'badly', label: 'It went badly' },
            { value: 'not-yet', label: 'I have not moved into my own place yet' },
          ],
        },
      ],
    },
    {
      id: 'education-work-training',
      title: 'Education, work and training',
      questions: [
        {
          // Good outcome for `in-education-work-training`: education, an
          // apprenticeship, training or paid work (the DfE's "in education,
          // employment or training").
          id: 'doing-now',
          type: 'choice',
          optional: true,
          text: 'What are you doing at the moment?',
          hint: 'Pick the one that takes up most of your week.',
          options: [
            { value: 'education', label: 'School, college or university' },
            { value: 'apprenticeship', label: 'An apprenticeship' },
            { value: 'training', label: 'A training course' },
            { value: 'work', label: 'Paid work' },
            { value: 'looking', label: 'Looking for work or a course' },
            { value: 'not-able', label: 'Not able to work or study right now, for example because of illness or caring for a child' },
            { value: 'other', label: 'Something else' },
          ],
          indicator: 'in-education-work-training',
          positive: ['education', 'apprenticeship', 'training', 'work'],
        },
        {
          id: 'goals-help',
          type: 'choice',
          optional: true,
          text: 'Do you get the help you need to reach your goals for study, training or work?',
          options: plain(YES_SOMETIMES_NO),
        },
      ],
    },
    {
      id: 'money',
      title: 'Money',
      questions: [
        {
          id: 'money-coping',
          type: 'choice',
          optional: true,
          text: 'How are you managing with money right now?',
          options: [
            { value: 'well', label: 'I am managing well' },
            { value: 'getting-by', label: 'I am just about getting by' },
            { value: 'hard', label: 'I am finding it hard' },
            { value: 'very-hard', label: 'I am finding it very hard' },
          ],
        },
        {
          id: 'money-help',
          type: 'choice',
          optional: true,
          text: 'Do you know where to get help if you run out of money?',
          options: yesNoNotSure,
        },
      ],
    },
    {
      id: 'wellbeing',
      title: 'How you feel',
      intro:
        'Next are four questions about how you feel about your life. There are no right or wrong answers. For each one, pick a number from 0 to 10, where 0 is “not at all” and 10 is “completely”.',
      questions: [
        onsScale('life-satisfaction', { indicator: 'life-satisfaction' }),
        onsScale('worthwhile'),
        onsScale('happy-yesterday'),
        onsScale('anxious-yesterday', { hint: '0 means not at all anxious and 10 means completely anxious.' }),
      ],
    },
    {
      id: 'loneliness',
      title: 'Friends and feeling lonely',
      questions: [
        {
          // For `lonely` the `positive` values mark the answers the indicator
          // counts — here "often or always" — so leads see the share who feel
          // lonely often or always. It is the one indicator where a higher
          // figure is worse. The answer scale is the ONS one for loneliness, so
          // the figure compares with the population's.
          id: 'lonely',
          type: 'choice',
          optional: true,
          text: 'How often do you feel lonely?',
          options: [
            { value: 'often-always', label: 'Often or always' },
            { value: 'some-of-the-time', label: 'Some of the time' },
            { value: 'occasionally', label: 'Occasionally' },
            { value: 'hardly-ever', label: 'Hardly ever' },
            { value: 'never', label: 'Never' },
          ],
          indicator: 'lonely',
          positive: ['often-always'],
        },
        {
          id: 'good-friend',
          type: 'choice',
          optional: true,
          text: 'Do you have a friend you can count on?',
          options: yesNoNotSure,
        },
      ],
    },
    {
      id: 'personal-adviser',
      title: 'Your personal adviser',
      intro: 'Your personal adviser (PA) is the person from the council who supports you after care.',
      questions: [
        {
          id: 'know-worker',
          type: 'choice',
          optional: true,
          text: 'Do you know who your personal adviser is?',
          options: yesNoNotSure,
          indicator: 'know-worker',
          positive: ['yes'],
        },
        {
          id: 'trust-adviser',
          type: 'choice',
          optional: true,
          text: 'Do you trust your personal adviser?',
          options: [...plain([YES, { value: 'mostly', label: 'Mostly' }, NO]), NO_ADVISER],
        },
        {
          id: 'contact-adviser',
          type: 'choice',
          optional: true,
          text: 'Is it easy to get in touch with your personal adviser when you need to?',
          options: [...plain(YES_SOMETIMES_NO), NO_ADVISER],
        },
      ],
    },
    {
      id: 'on-your-side',
      title: 'People on your side',
      questions: [
        {
          id: 'believes-in-you',
          type: 'choice',
          optional: true,
          text: 'Is there an adult in your life who believes in you?',
          options: yesNoNotSure,
        },
        {
          id: 'door-open',
          type: 'choice',
          optional: true,
          text: 'If things go wrong, do you feel you could come back to us for help?',
          hint: 'You can ask us for support up to the age of 25, even if you said no to help before.',
          options: yesNoNotSure,
        },
      ],
    },
    {
      id: 'anything-else',
      title: 'Anything else',
      questions: [anythingElse('You do not have to answer this. Please do not write anyone’s name.')],
    },
  ],
});
