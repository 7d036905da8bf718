/**
 * The translations Kept ships: only ones a professional translator made and
 * a second fluent reader checked. None yet. A council adds its own file
 * beside this one (one module per survey version and language, e.g.
 * `placement-8-11.v1.fa.ts` exporting a `SurveyTranslation`) and lists it
 * here; it is then bundled into the survey function and checked by
 * tests/unit/translations.test.ts. See the README's Surveys section.
 */
import type { SurveyTranslation } from '../translation.js';

export const SHIPPED_TRANSLATIONS: readonly SurveyTranslation[] = [];
