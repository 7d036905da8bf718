/**
 * Which languages each survey version can be answered in: English, plus
 * every translation registered for it. Kept's shipped translations are
 * registered when this module loads; the tests and the local demo register a
 * right-to-left test language (infra/local/rtlTestLanguage.ts) and nothing
 * else can. A translation with any problem is refused, so a survey is never
 * shown half translated.
 */
import type { SurveyDefinition } from './schema.js';
import { ENGLISH_WORDS, type PageWords } from './pageWords.js';
import { type SurveyTranslation, translated, translationProblems, translationSchema, wordsOf } from './translation.js';
import { surveyById } from './definitions.js';
import { SHIPPED_TRANSLATIONS } from './translations/shipped.js';

export const ENGLISH = 'en';

export interface Language {
  tag: string;
  /** Its name in itself. */
  name: string;
  dir: 'ltr' | 'rtl';
}

/** The survey in one language, ready for the pages. */
export interface LocalSurvey {
  language: Language;
  /** `lang` for the page: British English for English. */
  htmlLang: string;
  definition: SurveyDefinition;
  words: PageWords;
}

const registered = new Map<string, SurveyTranslation[]>();
const keyOf = (surveyId: string, version: number) => `${surveyId}@${version}`;

/** Adds a translation, after checking it translates every part of its survey version and names nothing else. */
export function registerTranslation(input: SurveyTranslation): void {
  const t = translationSchema.parse(input);
  const definition = surveyById(t.surveyId, t.version);
  if (!definition) throw new Error(`Translation ${t.language} is for ${t.surveyId} version ${t.version}, which Kept does not have`);
  const problems = translationProblems(definition, t);
  if (problems.length) throw new Error(`Translation ${t.language} of ${t.surveyId} version ${t.version} is incomplete: ${problems.join('; ')}`);
  const key = keyOf(t.surveyId, t.version);
  registered.set(key, [...(registered.get(key) ?? []).filter((x) => x.language !== t.language), t]);
}

for (const t of SHIPPED_TRANSLATIONS) registerTranslation(t);

const ENGLISH_LANGUAGE: Language = { tag: ENGLISH, name: 'English', dir: 'ltr' };

/** The languages a survey version has, English first. */
export function languagesOf(definition: Pick<SurveyDefinition, 'id' | 'version'>): Language[] {
  return [ENGLISH_LANGUAGE, ...(registered.get(keyOf(definition.id, definition.version)) ?? []).map((t) => ({ tag: t.language, name: t.name, dir: t.dir }))];
}

/** The first of the wanted languages the survey version has (an exact tag, then its primary language), else English. */
export function chooseLanguage(definition: Pick<SurveyDefinition, 'id' | 'version'>, wanted: ReadonlyArray<string | undefined>): string {
  const tags = languagesOf(definition).map((l) => l.tag);
  for (const w of wanted) {
    if (!w) continue;
    const exact = tags.find((t) => t.toLowerCase() === w.toLowerCase());
    if (exact) return exact;
    const primary = tags.find((t) => t.toLowerCase() === w.split('-')[0]!.toLowerCase());
    if (primary) return primary;
  }
  return ENGLISH;
}

/** The survey worded in a language it has (English otherwise). */
export function inLanguage(definition: SurveyDefinition, tag: string): LocalSurvey {
  const t = (registered.get(keyOf(definition.id, definition.version)) ?? []).find((x) => x.language === tag);
  if (!t) return { language: ENGLISH_LANGUAGE, htmlLang: 'en-GB', definition, words: ENGLISH_WORDS };
  return { language: { tag: t.language, name: t.name, dir: t.dir }, htmlLang: t.language, definition: translated(definition, t), words: wordsOf(t) };
}
