/**
 * Survey translations: every file present translates every section, question,
 * option and page wording of its survey version and names nothing it does not
 * have; an incomplete one is refused; a translated survey keeps its ids and
 * values, so answers in any language are stored alike.
 */
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PLACEMENT_SURVEY_YOUNG, PLACEMENT_SURVEY_YOUNGEST, surveyById } from '#domain/surveys/definitions.js';
import { type SurveyTranslation, translated, translationProblems } from '#domain/surveys/translation.js';
import { ENGLISH_WORDS, fill } from '#domain/surveys/pageWords.js';
import { chooseLanguage, inLanguage, languagesOf, registerTranslation } from '#domain/surveys/languages.js';
import { SHIPPED_TRANSLATIONS } from '#domain/surveys/translations/shipped.js';
import { RTL_TEST_LANGUAGE, RTL_TEST_PLACEMENT_8_TO_10, registerRtlTestLanguage } from '#local/rtlTestLanguage.js';
import type { SurveyDefinition } from '#domain/surveys/schema.js';

const DIR = resolve(import.meta.dirname, '../../shared/domain/surveys/translations');
const ALL: SurveyTranslation[] = [...SHIPPED_TRANSLATIONS, RTL_TEST_PLACEMENT_8_TO_10];
const copy = (t: SurveyTranslation): SurveyTranslation => structuredClone(t);
const ids = (d: SurveyDefinition) => d.sections.map((s) => [s.id, s.questions.map((q) => [q.id, q.type, q.type === 'choice' ? q.options.map((o) => o.value) : []])]);

describe('every translation file', () => {
  it('in shared/domain/surveys/translations is listed among the shipped translations', async () => {
    const files = readdirSync(DIR).filter((f) => f.endsWith('.ts') && f !== 'shipped.ts');
    for (const f of files) {
      const exported = Object.values((await import(pathToFileURL(resolve(DIR, f)).href)) as Record<string, unknown>);
      expect(exported.some((t) => SHIPPED_TRANSLATIONS.includes(t as SurveyTranslation)), f).toBe(true);
    }
  });

  it.each(ALL.map((t) => [`${t.surveyId}@${t.version} ${t.language}`, t] as const))('%s translates every part of its survey version and nothing else', (_name, t) => {
    const definition = surveyById(t.surveyId, t.version);
    expect(definition, `${t.surveyId} version ${t.version}`).toBeDefined();
    expect(translationProblems(definition!, t)).toEqual([]);
  });
});

describe('translationProblems', () => {
  it('names each question, option, section and wording left out', () => {
    const t = copy(RTL_TEST_PLACEMENT_8_TO_10);
    delete t.questions['settled'];
    delete t.questions['culture']!.options!['not-sure'];
    delete t.questions['trust-adults']!.hint;
    delete t.sections['healthy'];
    delete (t.words).send;
    expect(translationProblems(PLACEMENT_SURVEY_YOUNG, t).sort()).toEqual([
      'question culture option not-sure is missing',
      'question settled is missing',
      'question trust-adults has no hint',
      'section healthy has no title',
      'wording send is missing',
    ]);
  });

  it('names what the survey version does not have, and placeholders that differ', () => {
    const t = copy(RTL_TEST_PLACEMENT_8_TO_10);
    t.questions['pets'] = { text: 'Pets?' };
    t.questions['settled']!.options!['maybe'] = 'Maybe';
    t.sections['extra'] = { title: 'Extra' };
    (t.words).goodbye = 'Bye';
    (t.words).pageOf = 'Page {number}';
    expect(translationProblems(PLACEMENT_SURVEY_YOUNG, t).sort()).toEqual([
      'question pets is not in placement-8-11 version 1',
      'question settled has no option maybe',
      'section extra is not in placement-8-11 version 1',
      'wording goodbye is not in placement-8-11 version 1',
      'wording pageOf must use {count} {number}',
    ]);
  });

  it('needs the text for every picture of the 4 to 7 version', () => {
    const t = { ...copy(RTL_TEST_PLACEMENT_8_TO_10), surveyId: 'placement-4-7', sections: { safe: { title: 'Safe' } }, questions: {} };
    const problems = translationProblems(PLACEMENT_SURVEY_YOUNGEST, t);
    expect(problems).toContain('section safe has no text for its picture');
    expect(problems).toContain('question feel-safe-home is missing');
  });
});

describe('registering a translation', () => {
  it('refuses one that is incomplete, or for a survey version Kept does not have, saying why', () => {
    const t = copy(RTL_TEST_PLACEMENT_8_TO_10);
    t.language = 'zz';
    delete t.questions['settled'];
    expect(() => registerTranslation(t)).toThrow(/incomplete: question settled is missing/);
    expect(() => registerTranslation({ ...copy(RTL_TEST_PLACEMENT_8_TO_10), language: 'zz', version: 9 })).toThrow(/placement-8-11 version 9, which Kept does not have/);
    expect(languagesOf(PLACEMENT_SURVEY_YOUNG).map((l) => l.tag)).not.toContain('zz');
  });

  it('offers English first, then the registered languages, for that version only', () => {
    registerRtlTestLanguage();
    expect(languagesOf(PLACEMENT_SURVEY_YOUNG)).toEqual([
      { tag: 'en', name: 'English', dir: 'ltr' },
      { tag: RTL_TEST_LANGUAGE, name: 'Test language, right to left (ar-XB)', dir: 'rtl' },
    ]);
    expect(languagesOf(PLACEMENT_SURVEY_YOUNGEST).map((l) => l.tag)).toEqual(['en']);
  });

  it('chooses the first wanted language the survey has, by exact tag or primary language, else English', () => {
    registerRtlTestLanguage();
    expect(chooseLanguage(PLACEMENT_SURVEY_YOUNG, [undefined, 'AR-xb'])).toBe(RTL_TEST_LANGUAGE);
    expect(chooseLanguage(PLACEMENT_SURVEY_YOUNG, ['fa', 'en-GB'])).toBe('en');
    // A child who reads Arabic is never shown the test language.
    expect(chooseLanguage(PLACEMENT_SURVEY_YOUNG, ['ar'])).toBe('en');
    expect(chooseLanguage(PLACEMENT_SURVEY_YOUNGEST, [RTL_TEST_LANGUAGE])).toBe('en');
  });
});

describe('a translated survey', () => {
  it('keeps every section, question id, type and option value, in order; only the words change', () => {
    const local = translated(PLACEMENT_SURVEY_YOUNG, RTL_TEST_PLACEMENT_8_TO_10);
    expect(ids(local)).toEqual(ids(PLACEMENT_SURVEY_YOUNG));
    const q = local.sections[0]!.questions[0]!;
    expect(q.text).toBe('\u202EDo you feel safe where you live?\u202C');
    expect(q.type === 'choice' && q.worrying).toEqual(['sometimes', 'never']);
  });

  it('comes with its page wording, direction and lang; English when the language is not there', () => {
    registerRtlTestLanguage();
    const rtl = inLanguage(PLACEMENT_SURVEY_YOUNG, RTL_TEST_LANGUAGE);
    expect([rtl.htmlLang, rtl.language.dir, rtl.words.send]).toEqual([RTL_TEST_LANGUAGE, 'rtl', '\u202ESend my answers\u202C']);
    const en = inLanguage(PLACEMENT_SURVEY_YOUNG, 'fa');
    expect([en.htmlLang, en.language.dir, en.definition, en.words]).toEqual(['en-GB', 'ltr', PLACEMENT_SURVEY_YOUNG, ENGLISH_WORDS]);
  });

  it('fills placeholders, leaving an unknown one as written', () => {
    expect(fill(ENGLISH_WORDS.pageOf, { number: 2, count: 5 })).toBe('Page 2 of 5');
    expect(fill('{a} and {b}', { a: 'x' })).toBe('x and {b}');
  });
});
