/**
 * The survey definitions: they validate, their ids never change by accident,
 * the placement bands compare, the ONS questions stay as published, every
 * headline indicator is fed, "not safe" answers are worrying, and the young
 * survey reads simply.
 */
import { describe, expect, it } from 'vitest';
import { INDICATORS, surveyDefinitionSchema, type Question, type SurveyDefinition } from '#domain/surveys/schema.js';
import {
  CARE_LEAVER_SURVEY,
  MAX_PLEDGE_LINES,
  PLACEMENT_SURVEY_OLDER,
  PLACEMENT_SURVEY_YOUNG,
  PLACEMENT_SURVEY_YOUNGEST,
  SHARED_PLACEMENT_QUESTION_IDS,
  SURVEYS,
  pledgeSurvey,
  surveyById,
} from '#domain/surveys/definitions.js';
import { DEMO_PLEDGE } from '#local/demoPledge.js';

const questions = (d: SurveyDefinition): Question[] => d.sections.flatMap((s) => s.questions);
const questionIds = (d: SurveyDefinition): string[] => questions(d).map((q) => q.id);
const find = (d: SurveyDefinition, id: string): Question => {
  const q = questions(d).find((x) => x.id === id);
  if (!q) throw new Error(`${d.id} has no question ${id}`);
  return q;
};

const demoPledgeSurvey = pledgeSurvey({ name: 'Kept Demo Borough Council', pledge: DEMO_PLEDGE });
const ALL: SurveyDefinition[] = [...SURVEYS, demoPledgeSurvey];

describe('every definition', () => {
  it.each(ALL.map((d) => [d.id, d] as const))('%s validates against the schema', (_id, d) => {
    expect(surveyDefinitionSchema.safeParse(d).success).toBe(true);
  });

  it.each(ALL.map((d) => [d.id, d] as const))('%s has one short section per page (1 to 6 questions) and unique ids', (_id, d) => {
    for (const s of d.sections) {
      expect(s.questions.length, s.id).toBeGreaterThanOrEqual(1);
      expect(s.questions.length, s.id).toBeLessThanOrEqual(6);
    }
    const ids = questionIds(d);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('has the ids, kinds and age bands agreed', () => {
    expect(SURVEYS.map((d) => [d.id, d.kind, d.version, d.ages.from, d.ages.to, d.young ?? false])).toEqual([
      ['care-leaver', 'care-leaver', 1, 16, 26, false],
      ['placement-8-11', 'placement', 1, 8, 11, true],
      ['placement-11-17', 'placement', 1, 11, 18, false],
      ['placement-4-7', 'placement', 1, 4, 8, true],
    ]);
    expect([demoPledgeSurvey.id, demoPledgeSurvey.kind, demoPledgeSurvey.ages]).toEqual(['pledge', 'pledge', { from: 8, to: 26 }]);
  });

  // Bright Spots practice: a young person may skip what they do not want to
  // answer. Only "Do you feel safe where you live?" must be answered, where a
  // survey asks it: it is the question the help and alerts hang on, and it
  // means every response counted says something. The page marks every other
  // question "(optional)", and the purpose says which one must be answered.
  it.each(ALL.map((d) => [d.id, d] as const))('%s can be skipped but for feeling safe at home, and its purpose says so truthfully', (_id, d) => {
    const required = questions(d).filter((q) => !q.optional).map((q) => q.id);
    const asksSafety = questionIds(d).includes('feel-safe-home');
    expect(required).toEqual(asksSafety ? ['feel-safe-home'] : []);
    if (required.length > 0) {
      expect(d.purpose).not.toMatch(/skip any question/i);
      expect(d.purpose).toMatch(/Please answer the (first )?question,? about feeling safe/);
      expect(d.purpose).toMatch(/You can skip (any other question|the others)\./);
    } else {
      expect(d.purpose).toMatch(/You can skip any question\./);
    }
  });

  it('cannot be changed at run time', () => {
    expect(Object.isFrozen(CARE_LEAVER_SURVEY)).toBe(true);
    expect(Object.isFrozen(find(PLACEMENT_SURVEY_YOUNG, 'feel-safe-home'))).toBe(true);
  });
});

describe('question ids are stable', () => {
  // Changing any of these breaks comparison with earlier responses: add a new
  // survey version instead of editing an id here.
  it('care leaver survey', () => {
    expect(questionIds(CARE_LEAVER_SURVEY)).toEqual([
      'home-right',
      'feel-safe-home',
      'feel-safe-area',
      'online-at-home',
      'moving-in',
      'doing-now',
      'goals-help',
      'money-coping',
      'money-help',
      'life-satisfaction',
      'worthwhile',
      'happy-yesterday',
      'anxious-yesterday',
      'lonely',
      'good-friend',
      'know-worker',
      'trust-adviser',
      'contact-adviser',
      'believes-in-you',
      'door-open',
      'anything-else',
    ]);
  });

  // Both placement bands open with the same seven questions, in this order.
  const PLACEMENT_OPENING = ['feel-safe-home', 'settled', 'trust-adults', 'adults-talk', 'healthy-food', 'feelings-help', 'homework-help'];

  it('placement survey, 8 to 11', () => {
    expect(questionIds(PLACEMENT_SURVEY_YOUNG)).toEqual([
      ...PLACEMENT_OPENING,
      'fun-things',
      'friends-visit',
      'culture',
      'learn-money',
      'anything-else',
    ]);
  });

  it('placement survey, 11 to 17', () => {
    expect(questionIds(PLACEMENT_SURVEY_OLDER)).toEqual([
      ...PLACEMENT_OPENING,
      'school-help',
      'bullying',
      'fun-things',
      'friends-visit',
      'family-contact',
      'culture',
      'know-worker',
      'see-worker-alone',
      'listened-to',
      'learn-money',
      'life-skills',
      'future-plans',
      'anything-else',
    ]);
  });

  it('demo pledge survey', () => {
    expect(questionIds(demoPledgeSurvey)).toEqual([
      'pledge-safe-home',
      'pledge-listen',
      'pledge-worker-alone',
      'pledge-family-friends',
      'pledge-learning',
      'pledge-health',
      'pledge-celebrate',
      'pledge-life-skills',
      'pledge-door-open',
      'pledge-keep-our-word',
      'anything-else',
    ]);
  });

  it('option values of the indicator questions', () => {
    const values = (d: SurveyDefinition, id: string) => {
      const q = find(d, id);
      return q.type === 'choice' ? q.options.map((o) => o.value) : [];
    };
    expect(values(CARE_LEAVER_SURVEY, 'feel-safe-home')).toEqual(['always', 'mostly', 'sometimes', 'never']);
    expect(values(CARE_LEAVER_SURVEY, 'doing-now')).toEqual(['education', 'apprenticeship', 'training', 'work', 'looking', 'not-able', 'other']);
    expect(values(CARE_LEAVER_SURVEY, 'lonely')).toEqual(['often-always', 'some-of-the-time', 'occasionally', 'hardly-ever', 'never']);
    expect(values(CARE_LEAVER_SURVEY, 'know-worker')).toEqual(['yes', 'no', 'not-sure']);
    expect(values(PLACEMENT_SURVEY_OLDER, 'trust-adults')).toEqual(['yes', 'a-bit', 'no']);
  });
});

describe('placement age bands', () => {
  const young = new Set(questionIds(PLACEMENT_SURVEY_YOUNG));
  const common = questionIds(PLACEMENT_SURVEY_OLDER).filter((id) => young.has(id));

  it('ask every young question in the older band too', () => {
    expect(common).toEqual([...young]);
    expect([...SHARED_PLACEMENT_QUESTION_IDS].sort()).toEqual([...common].sort());
  });

  it.each(common)('share question %s word for word, options and emoji included', (id) => {
    expect(find(PLACEMENT_SURVEY_OLDER, id)).toStrictEqual(find(PLACEMENT_SURVEY_YOUNG, id));
  });

  it('keeps the young survey short, with pictures on its answers', () => {
    const qs = questions(PLACEMENT_SURVEY_YOUNG);
    expect(qs.length).toBeGreaterThanOrEqual(10);
    expect(qs.length).toBeLessThanOrEqual(14);
    for (const q of qs) if (q.type === 'choice') for (const o of q.options) expect(o.emoji, `${q.id}/${o.value}`).toBeTruthy();
  });
});

describe('placement survey, 4 to 7', () => {
  const youngest = questions(PLACEMENT_SURVEY_YOUNGEST);

  it('asks few questions, one a page, each page with a picture and its text alternative', () => {
    expect(youngest.length).toBeGreaterThanOrEqual(5);
    expect(youngest.length).toBeLessThanOrEqual(7);
    for (const s of PLACEMENT_SURVEY_YOUNGEST.sections) {
      expect(s.questions, s.id).toHaveLength(1);
      expect(s.picture?.file, s.id).toMatch(/^[a-z-]+\.svg$/);
      expect(s.picture?.alt.length, s.id).toBeGreaterThan(5);
    }
    expect(questionIds(PLACEMENT_SURVEY_YOUNGEST)).toEqual(['feel-safe-home', 'trust-adults', 'feelings-help', 'healthy-food', 'fun-things', 'anything-else']);
  });

  it.each(questionIds(PLACEMENT_SURVEY_YOUNGEST))('asks %s word for word as the 8 to 10 version does, options and pictures included', (id) => {
    expect(find(PLACEMENT_SURVEY_YOUNGEST, id)).toStrictEqual(find(PLACEMENT_SURVEY_YOUNG, id));
  });

  it('feeds the same headline indicators as the 8 to 10 version, so the bands compare', () => {
    const fed = (d: SurveyDefinition) => questions(d).flatMap((q) => (q.indicator ? [q.indicator] : []));
    expect(fed(PLACEMENT_SURVEY_YOUNGEST)).toEqual(['feel-safe-home', 'trust-adults']);
    expect(fed(PLACEMENT_SURVEY_YOUNG)).toEqual(expect.arrayContaining(fed(PLACEMENT_SURVEY_YOUNGEST)));
  });
});

describe('ONS personal well-being questions', () => {
  // As published in the harmonised standard (ONS Annual Population Survey).
  const published: Array<[string, string]> = [
    ['life-satisfaction', 'Overall, how satisfied are you with your life nowadays?'],
    ['worthwhile', 'Overall, to what extent do you feel that the things you do in your life are worthwhile?'],
    ['happy-yesterday', 'Overall, how happy did you feel yesterday?'],
    ['anxious-yesterday', 'Overall, how anxious did you feel yesterday?'],
  ];

  it.each(published)('%s is worded exactly as published, on a 0 to 10 scale', (id, text) => {
    const q = find(CARE_LEAVER_SURVEY, id);
    expect(q.text).toBe(text);
    expect(q.type).toBe('scale');
    if (q.type !== 'scale') return;
    expect([q.min, q.max, q.minLabel, q.maxLabel]).toEqual([0, 10, 'Not at all', 'Completely']);
  });

  it('life satisfaction feeds its indicator', () => {
    expect(find(CARE_LEAVER_SURVEY, 'life-satisfaction').indicator).toBe('life-satisfaction');
  });
});

describe('indicators', () => {
  const fed = ALL.flatMap((d) => questions(d).filter((q) => q.indicator !== undefined).map((q) => ({ survey: d.id, q })));

  it.each([...INDICATORS])('%s is fed by at least one question', (indicator) => {
    expect(fed.some(({ q }) => q.indicator === indicator)).toBe(true);
  });

  it('says, for every choice question feeding an indicator, which answers it counts', () => {
    for (const { survey, q } of fed) {
      if (q.type === 'choice') expect(q.positive?.length ?? 0, `${survey}/${q.id}`).toBeGreaterThan(0);
    }
  });

  it('counts only the "often or always" answer for lonely', () => {
    const q = find(CARE_LEAVER_SURVEY, 'lonely');
    expect(q.type === 'choice' && q.positive).toEqual(['often-always']);
  });

  it('counts education, apprenticeship, training and work as in education, work or training', () => {
    const q = find(CARE_LEAVER_SURVEY, 'doing-now');
    expect(q.type === 'choice' && [...(q.positive ?? [])].sort()).toEqual(['apprenticeship', 'education', 'training', 'work']);
  });
});

describe('worrying answers', () => {
  it.each([CARE_LEAVER_SURVEY, PLACEMENT_SURVEY_YOUNG, PLACEMENT_SURVEY_OLDER].map((d) => [d.id, d] as const))(
    '%s: feeling unsafe at home is worrying',
    (_id, d) => {
      const q = find(d, 'feel-safe-home');
      expect(q.type).toBe('choice');
      if (q.type !== 'choice') return;
      expect(q.indicator).toBe('feel-safe-home');
      expect(q.worrying).toContain('never');
      expect(q.worrying).toContain('sometimes');
      expect(q.worrying?.some((v) => q.positive?.includes(v))).toBe(false);
    },
  );

  it('is set on every choice question about safety or bullying', () => {
    const aboutSafety = ALL.flatMap((d) => questions(d).map((q) => ({ d, q }))).filter(
      ({ q }) => q.type === 'choice' && /\b(safe|unsafe|safety|bull(y|ied|ying))\b/i.test(`${q.text} ${q.hint ?? ''}`) && !q.id.startsWith('pledge-'),
    );
    expect(aboutSafety.map(({ d, q }) => `${d.id}/${q.id}`)).toEqual([
      'care-leaver/feel-safe-home',
      'care-leaver/feel-safe-area',
      'placement-8-11/feel-safe-home',
      'placement-11-17/feel-safe-home',
      'placement-11-17/bullying',
      'placement-4-7/feel-safe-home',
    ]);
    for (const { d, q } of aboutSafety) expect(q.type === 'choice' && q.worrying?.length, `${d.id}/${q.id}`).toBeGreaterThan(0);
  });

  it('the schema rejects a worrying value that is not one of the options', () => {
    const bad = structuredClone<SurveyDefinition>(PLACEMENT_SURVEY_YOUNG);
    const q = bad.sections[0]!.questions[0]!;
    if (q.type !== 'choice') throw new Error('expected a choice question first');
    q.worrying = ['not-an-option'];
    const result = surveyDefinitionSchema.safeParse(bad);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message).join(' ')).toMatch(/own option values/);
  });

  it('the schema rejects a positive value that is not one of the options', () => {
    const bad = structuredClone<SurveyDefinition>(CARE_LEAVER_SURVEY);
    const q = bad.sections.flatMap((s) => s.questions).find((x) => x.id === 'lonely');
    if (q?.type !== 'choice') throw new Error('expected lonely to be a choice question');
    q.positive = ['lonely'];
    expect(surveyDefinitionSchema.safeParse(bad).success).toBe(false);
  });
});

describe('pledgeSurvey', () => {
  const council = {
    name: 'Example Council',
    pledge: [
      { id: 'safe', text: 'We will find you a safe place to live.' },
      { id: 'listen', text: 'We will listen to you.' },
    ],
  };

  it('turns each pledge line into a question with a stable id, the promise as its hint', () => {
    const d = pledgeSurvey(council);
    expect(questionIds(d)).toEqual(['pledge-safe', 'pledge-listen', 'anything-else']);
    const q = find(d, 'pledge-safe');
    expect(q.type).toBe('choice');
    if (q.type !== 'choice') return;
    expect(q.text).toBe('Are we keeping this promise?');
    expect(q.hint).toBe('We will find you a safe place to live.');
    expect(q.options.map((o) => o.value)).toEqual(['yes', 'partly', 'no', 'not-sure']);
    const last = find(d, 'anything-else');
    expect([last.type, last.optional]).toEqual(['text', true]);
    expect(d.purpose).toContain('Example Council');
  });

  it('keeps a line id stable when the promise is reworded or lines are reordered', () => {
    const reworded = pledgeSurvey({ ...council, pledge: [{ id: 'listen', text: 'We will always listen.' }, { id: 'safe', text: 'A safe home.' }] });
    expect(questionIds(reworded)).toEqual(['pledge-listen', 'pledge-safe', 'anything-else']);
  });

  it('splits a long pledge into pages of at most 5 promises', () => {
    const pledge = Array.from({ length: 12 }, (_, i) => ({ id: `line-${i + 1}`, text: `Promise number ${i + 1}.` }));
    const d = pledgeSurvey({ name: 'Example Council', pledge });
    expect(d.sections.map((s) => s.questions.length)).toEqual([4, 4, 4, 1]);
    expect(questionIds(d).slice(0, 12)).toEqual(pledge.map((l) => `pledge-${l.id}`));
  });

  it('takes the demo pledge (6 to 10 lines)', () => {
    expect(DEMO_PLEDGE.length).toBeGreaterThanOrEqual(6);
    expect(DEMO_PLEDGE.length).toBeLessThanOrEqual(10);
  });

  it('rejects a line id used twice', () => {
    expect(() => pledgeSurvey({ ...council, pledge: [...council.pledge, { id: 'safe', text: 'Again.' }] })).toThrow(/"safe" is used twice/);
  });

  it.each(['', 'Safe', 'safe home', 'safe_home', '-safe', 'safe-', 'é', 'a'.repeat(58)])('rejects the line id %j', (id) => {
    expect(() => pledgeSurvey({ ...council, pledge: [{ id, text: 'A promise.' }] })).toThrow(/pledge line id .* must be/);
  });

  it('rejects an empty pledge, a too long pledge, an empty promise and a missing council name', () => {
    expect(() => pledgeSurvey({ ...council, pledge: [] })).toThrow(/no lines/);
    const tooMany = Array.from({ length: MAX_PLEDGE_LINES + 1 }, (_, i) => ({ id: `l${i}`, text: 'A promise.' }));
    expect(() => pledgeSurvey({ ...council, pledge: tooMany })).toThrow(/at most/);
    expect(() => pledgeSurvey({ ...council, pledge: [{ id: 'x', text: '  ' }] })).toThrow(/"x" must have 2 to 300 characters/);
    expect(() => pledgeSurvey({ ...council, pledge: [{ id: 'x', text: 'a'.repeat(301) }] })).toThrow(/"x" must have 2 to 300 characters/);
    expect(() => pledgeSurvey({ ...council, name: ' ' })).toThrow(/council name/);
  });

  it('accepts the longest id that fits the schema', () => {
    const id = 'a'.repeat(57);
    expect(questionIds(pledgeSurvey({ ...council, pledge: [{ id, text: 'A promise.' }] }))[0]).toBe(`pledge-${id}`);
  });
});

describe('surveyById', () => {
  it('finds the latest version, or a given one', () => {
    expect(surveyById('care-leaver')).toBe(CARE_LEAVER_SURVEY);
    expect(surveyById('placement-8-11', 1)).toBe(PLACEMENT_SURVEY_YOUNG);
    expect(surveyById('placement-11-17')).toBe(PLACEMENT_SURVEY_OLDER);
  });

  it('returns undefined for an unknown id or version, and for the per-council pledge', () => {
    expect(surveyById('care-leaver', 99)).toBeUndefined();
    expect(surveyById('nope')).toBeUndefined();
    expect(surveyById('pledge')).toBeUndefined();
  });

  it('keeps one entry per id and version', () => {
    const keys = SURVEYS.map((s) => `${s.id}@${s.version}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('reading age of the 8 to 11 survey', () => {
  /** Rough syllable count: groups of vowels, less a silent final e. Good enough for a guard. */
  function syllables(word: string): number {
    const w = word.toLowerCase().replace(/[^a-z]/g, '');
    if (w.length === 0) return 0;
    if (w.length <= 3) return 1;
    const trimmed = w.replace(/(?:[^laeiouy]es|[^laeiouy]ed|[^laeiouy]e)$/, '').replace(/^y/, '');
    return Math.max(1, (trimmed.match(/[aeiouy]{1,2}/g) ?? []).length);
  }
  const words = (sentence: string): string[] => sentence.split(/\s+/).filter((w) => /[a-z0-9]/i.test(w));
  const sentences = (text: string): string[] =>
    text
      .split(/[.?!:]+/)
      .map((s) => s.trim())
      .filter((s) => words(s).length > 0);

  // Words a 9-year-old in care will know from daily life, even if long.
  const ALLOWED = new Set(['everything', 'especially']);

  const d = PLACEMENT_SURVEY_YOUNG;
  const texts = [
    d.title,
    d.purpose,
    ...d.sections.flatMap((s) => [s.title, s.intro ?? '']),
    ...questions(d).flatMap((q) => [q.text, q.hint ?? '', ...(q.type === 'choice' ? q.options.map((o) => o.label) : [])]),
  ].filter((t) => t.length > 0);
  const allSentences = texts.flatMap(sentences);

  it('keeps sentences short: 12 words on average, 14 at most', () => {
    const lengths = allSentences.map((s) => words(s).length);
    const average = lengths.reduce((a, b) => a + b, 0) / lengths.length;
    expect(average).toBeLessThanOrEqual(12);
    for (const s of allSentences) expect(words(s).length, s).toBeLessThanOrEqual(14);
  });

  it('uses no word longer than 3 syllables, bar a few everyday ones', () => {
    const long = allSentences
      .flatMap(words)
      .map((w) => w.toLowerCase().replace(/[^a-z’']/g, ''))
      .filter((w) => syllables(w) > 3 && !ALLOWED.has(w));
    expect(long).toEqual([]);
  });

  it('the syllable counter is sane', () => {
    expect(['cat', 'settled', 'culture', 'language', 'adults', 'worried', 'together', 'responsibility'].map(syllables)).toEqual([1, 2, 2, 2, 2, 2, 3, 6]);
    // It over-counts a silent e inside a compound ("home-work"), which only makes the guard stricter.
    expect(syllables('homework')).toBe(3);
  });
});
