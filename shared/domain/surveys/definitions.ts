/**
 * The surveys Kept ships: the annual care leaver survey, the placement survey
 * in two age bands, and the pledge survey each council builds from its own
 * promises. Every definition is parsed with `surveyDefinitionSchema` when this
 * module loads, so a bad definition fails at start-up, not in front of a
 * young person.
 *
 * Wording: our own plain English (reading age about 9), built from the themes
 * in shared/domain/surveys.md and the seeds' promises (Bromley's Placement
 * Promises, Sutton's pledge, Southwark's Care Leavers Charter). The only text
 * taken as published is the four ONS personal well-being questions, which are
 * public and must stay word for word so results compare with the population.
 *
 * Stability: a question id, and an option value, never changes meaning. To
 * reword a question, add a new version of the survey to SURVEYS and keep the
 * old one there, so responses to the old version stay readable.
 */
import { surveyDefinitionSchema, type Question, type Section, type SurveyDefinition } from './schema.js';

type ChoiceQuestion = Extract<Question, { type: 'choice' }>;
type Option = ChoiceQuestion['options'][number];

/** Parse, then freeze so no caller can change a shared definition by accident. */
function define(input: SurveyDefinition): SurveyDefinition {
  return deepFreeze(surveyDefinitionSchema.parse(input));
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

// ---------------------------------------------------------------------------
// Answer sets. Values are stored; labels and emoji are only shown. The emoji
// is a picture for the youngest readers: the page shows it only for surveys
// marked `young`, and hides it from screen readers.

const YES: Option = { value: 'yes', label: 'Yes', emoji: '😀' };
const NO: Option = { value: 'no', label: 'No', emoji: '🙁' };
const NOT_SURE: Option = { value: 'not-sure', label: 'Not sure', emoji: '🤔' };
const SOMETIMES: Option = { value: 'sometimes', label: 'Sometimes', emoji: '😐' };
const A_BIT: Option = { value: 'a-bit', label: 'A bit', emoji: '😐' };

const YES_SOMETIMES_NO: Option[] = [YES, SOMETIMES, NO];
const YES_A_BIT_NO: Option[] = [YES, A_BIT, NO];

/** How often: used for feeling safe. */
const HOW_OFTEN_SAFE: Option[] = [
  { value: 'always', label: 'Always', emoji: '😀' },
  { value: 'mostly', label: 'Most of the time', emoji: '🙂' },
  { value: 'sometimes', label: 'Sometimes', emoji: '😐' },
  { value: 'never', label: 'Never', emoji: '🙁' },
];

/**
 * Feeling safe where you live. Feeds `feel-safe-home` (good outcome: always or
 * most of the time). Worrying answers: "sometimes" as well as "never" — a child
 * who only sometimes feels safe at home is, some of the time, not safe there.
 * An alert carries no answer content, so a worker checking in costs little
 * next to missing a child who is not safe.
 */
const feelSafeHome: ChoiceQuestion = {
  id: 'feel-safe-home',
  type: 'choice',
  text: 'Do you feel safe where you live?',
  options: HOW_OFTEN_SAFE,
  indicator: 'feel-safe-home',
  positive: ['always', 'mostly'],
  worrying: ['sometimes', 'never'],
};

function withoutEmoji(q: ChoiceQuestion): ChoiceQuestion {
  return { ...q, options: q.options.map(({ emoji: _emoji, ...o }) => o) };
}

const anythingElse = (hint: string): Question => ({
  id: 'anything-else',
  type: 'text',
  text: 'Is there anything else you want to tell us?',
  hint,
  optional: true,
  maxLength: 1000,
});

// ---------------------------------------------------------------------------
// Care leaver survey (16 to 25)

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
  text: ONS_WELLBEING_TEXT[id],
  min: 0,
  max: 10,
  minLabel: 'Not at all',
  maxLabel: 'Completely',
  ...extra,
});

const yesNoNotSure = [YES, NO, NOT_SURE].map(({ emoji: _e, ...o }) => o);
const plain = (options: Option[]): Option[] => options.map(({ emoji: _e, ...o }) => o);

const NO_ADVISER: Option = { value: 'no-adviser', label: "I don't have a personal adviser" };

export const CARE_LEAVER_SURVEY: SurveyDefinition = define({
  id: 'care-leaver',
  kind: 'care-leaver',
  version: 1,
  title: 'How are things going for you?',
  purpose:
    'This survey is for young people who have left our care. We want to know how life is going for you: your home, money, work, how you feel and the help you get from us. We will use what you tell us to make things better. You can skip any question.',
  ages: { from: 16, to: 26 },
  sections: [
    {
      id: 'home',
      title: 'Your home',
      questions: [
        {
          id: 'home-right',
          type: 'choice',
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
          text: 'Do you feel safe in the area around your home?',
          options: plain(HOW_OFTEN_SAFE),
          worrying: ['never'],
        },
        {
          id: 'online-at-home',
          type: 'choice',
          text: 'Can you get online at home when you need to?',
          options: plain(YES_SOMETIMES_NO),
        },
        {
          id: 'moving-in',
          type: 'choice',
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
          text: 'Do you know who your personal adviser is?',
          options: yesNoNotSure,
          indicator: 'know-worker',
          positive: ['yes'],
        },
        {
          id: 'trust-adviser',
          type: 'choice',
          text: 'Do you trust your personal adviser?',
          options: [...plain([YES, { value: 'mostly', label: 'Mostly' }, NO]), NO_ADVISER],
        },
        {
          id: 'contact-adviser',
          type: 'choice',
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
          text: 'Is there an adult in your life who believes in you?',
          options: yesNoNotSure,
        },
        {
          id: 'door-open',
          type: 'choice',
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

// ---------------------------------------------------------------------------
// Placement survey, 8-11 and 11-17.
//
// Built from Bromley's five Placement Promises (staying safe, staying healthy,
// enjoying and achieving, making a positive contribution, economic
// well-being), plus feeling settled and trusting the adults you live with.
// Questions in SHARED are asked in both bands as the very same objects (same
// id, text, options, emoji), so the two bands' results compare; the older band
// adds its own questions around them.

const SHARED = {
  feelSafeHome,
  settled: {
    id: 'settled',
    type: 'choice',
    text: 'Do you feel settled where you live?',
    hint: 'Settled means it feels like home for now.',
    options: YES_A_BIT_NO,
  },
  trustAdults: {
    id: 'trust-adults',
    type: 'choice',
    text: 'Do you trust the adults you live with?',
    hint: 'Trust means you feel you can count on them.',
    options: YES_A_BIT_NO,
    indicator: 'trust-adults',
    positive: ['yes'],
  },
  adultsTalk: {
    id: 'adults-talk',
    type: 'choice',
    text: 'Do the adults you live with make time to talk with you?',
    options: YES_SOMETIMES_NO,
  },
  healthyFood: {
    id: 'healthy-food',
    type: 'choice',
    text: 'Do you get healthy food where you live?',
    options: YES_SOMETIMES_NO,
  },
  feelingsHelp: {
    id: 'feelings-help',
    type: 'choice',
    text: 'When you feel sad or worried, does an adult help you?',
    options: YES_SOMETIMES_NO,
  },
  homeworkHelp: {
    id: 'homework-help',
    type: 'choice',
    text: 'Do you get help with your homework when you need it?',
    options: [...YES_SOMETIMES_NO, { value: 'no-homework', label: 'I do not get homework', emoji: '📚' }],
  },
  funThings: {
    id: 'fun-things',
    type: 'choice',
    text: 'Do you get to do fun things, like sport or a club?',
    options: YES_SOMETIMES_NO,
  },
  friendsVisit: {
    id: 'friends-visit',
    type: 'choice',
    text: 'Can your friends come to see you where you live?',
    options: YES_SOMETIMES_NO,
  },
  culture: {
    id: 'culture',
    type: 'choice',
    text: 'Do you get to learn about your family’s culture?',
    hint: 'This could be food, faith, music, language or special days.',
    options: [...YES_A_BIT_NO, NOT_SURE],
  },
  learnMoney: {
    id: 'learn-money',
    type: 'choice',
    text: 'Are you learning how to look after money?',
    hint: 'Like saving up, or paying for things in a shop.',
    options: YES_A_BIT_NO,
  },
  anythingElse: anythingElse('You do not have to write anything. Please do not write anyone’s name.'),
} satisfies Record<string, Question>;

/** Ids of the questions both placement bands ask, word for word the same. */
export const SHARED_PLACEMENT_QUESTION_IDS: readonly string[] = Object.values(SHARED).map((q) => q.id);

const PLACEMENT_PURPOSE =
  'We want to know how things are for you where you live. It helps us make things better. There are no right or wrong answers. You can skip any question.';

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
          text: 'Do you get the help you need at school or college?',
          options: [...YES_SOMETIMES_NO, { value: 'not-in-school', label: 'I am not at school or college' }],
        },
        {
          id: 'bullying',
          type: 'choice',
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
          text: 'Do you know who your social worker is?',
          options: [YES, NO, NOT_SURE],
          indicator: 'know-worker',
          positive: ['yes'],
        },
        {
          id: 'see-worker-alone',
          type: 'choice',
          text: 'When your social worker visits, can you talk to them on your own?',
          options: YES_SOMETIMES_NO,
        },
        {
          id: 'listened-to',
          type: 'choice',
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
          text: 'Are you learning skills for when you live on your own, like cooking and paying bills?',
          options: YES_A_BIT_NO,
        },
        {
          id: 'future-plans',
          type: 'choice',
          text: 'Do the adults you live with ask about your plans for the future?',
          options: YES_SOMETIMES_NO,
        },
      ],
    },
    { id: 'anything-else', title: 'Anything else', questions: [SHARED.anythingElse] },
  ],
});

// ---------------------------------------------------------------------------
// Pledge survey: "are we keeping our promises?", one question per line of the
// council's own pledge.

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

/** The demo council's own pledge: our words, after the promises in the seeds. */
export const DEMO_PLEDGE: readonly PledgeLine[] = deepFreeze([
  { id: 'safe-home', text: 'We will find you a safe, warm home where you feel you belong.' },
  { id: 'listen', text: 'We will listen to you, and tell you what we decide and why.' },
  { id: 'worker-alone', text: 'You can always talk to your worker on your own.' },
  { id: 'family-friends', text: 'We will help you keep in touch with the family and friends who matter to you.' },
  { id: 'learning', text: 'We will help you do your best at school, college, training or work.' },
  { id: 'health', text: 'We will help you stay well, in your body and in your mind.' },
  { id: 'celebrate', text: 'We will celebrate the things you do well, your birthday and the days that matter to you.' },
  { id: 'life-skills', text: 'We will help you learn the skills you need to live on your own.' },
  { id: 'door-open', text: 'When you leave care our door stays open: you can come back to us for help until you are 25.' },
  { id: 'keep-our-word', text: 'We will only promise what we can do, and put it right quickly when we get it wrong.' },
]);

// Fail fast if the demo pledge ever stops making a valid survey.
pledgeSurvey({ name: 'Kept Demo Borough Council', pledge: DEMO_PLEDGE });

// ---------------------------------------------------------------------------
// Registry

/**
 * Every version of every fixed survey, oldest first. Never remove an entry:
 * stored responses name a survey id and version and must stay readable. The
 * pledge survey is not here because each council's differs; build it with
 * pledgeSurvey().
 */
export const SURVEYS: readonly SurveyDefinition[] = Object.freeze([CARE_LEAVER_SURVEY, PLACEMENT_SURVEY_YOUNG, PLACEMENT_SURVEY_OLDER]);

{
  const keys = SURVEYS.map((s) => `${s.id}@${s.version}`);
  if (new Set(keys).size !== keys.length) throw new Error(`SURVEYS lists a survey version twice: ${keys.join(', ')}`);
}

/** A fixed survey by id: the given version, or the latest when no version is given. Undefined when there is none. */
export function surveyById(id: string, version?: number): SurveyDefinition | undefined {
  const versions = SURVEYS.filter((s) => s.id === id);
  if (version !== undefined) return versions.find((s) => s.version === version);
  return versions.reduce<SurveyDefinition | undefined>((latest, s) => (latest === undefined || s.version > latest.version ? s : latest), undefined);
}
