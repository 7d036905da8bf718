/**
 * The surveys Kept ships, one module each under ./definitions/: the annual
 * care leaver survey, the placement survey in three age bands (4 to 7, with
 * an adult; 8 to 10; 11 to 17), and the pledge
 * survey each council builds from its own promises. Every definition is
 * parsed with `surveyDefinitionSchema` when its module loads, so a bad
 * definition fails at start-up, not in front of a young person.
 *
 * Wording: our own plain English (reading age about 9), built from the themes
 * of the survey guidance and the seeds' promises (Bromley's Placement
 * Promises, Sutton's pledge, Southwark's Care Leavers Charter). The only text
 * taken as published is the four ONS personal well-being questions, which are
 * public and must stay word for word so results compare with the population.
 *
 * Stability: a question id, and an option value, never changes meaning. To
 * reword a question, add a new version of the survey to SURVEYS and keep the
 * old one there, so responses to the old version stay readable.
 */
import type { SurveyDefinition } from './schema.js';
import { CARE_LEAVER_SURVEY } from './definitions/careLeaver.js';
import { PLACEMENT_SURVEY_YOUNGEST } from './definitions/placement4to7.js';
import { PLACEMENT_SURVEY_YOUNG } from './definitions/placement8to10.js';
import { PLACEMENT_SURVEY_OLDER } from './definitions/placement11to17.js';

export { CARE_LEAVER_SURVEY, ONS_WELLBEING_TEXT } from './definitions/careLeaver.js';
export { PLACEMENT_SURVEY_YOUNGEST } from './definitions/placement4to7.js';
export { PLACEMENT_SURVEY_YOUNG } from './definitions/placement8to10.js';
export { PLACEMENT_SURVEY_OLDER } from './definitions/placement11to17.js';
export { SHARED_PLACEMENT_QUESTION_IDS } from './definitions/placementShared.js';
export { MAX_PLEDGE_LINES, pledgeSurvey, type PledgeLine } from './definitions/pledge.js';

/**
 * Every version of every fixed survey, oldest first. Never remove an entry:
 * stored responses name a survey id and version and must stay readable. The
 * pledge survey is not here because each council's differs; build it with
 * pledgeSurvey().
 */
export const SURVEYS: readonly SurveyDefinition[] = Object.freeze([CARE_LEAVER_SURVEY, PLACEMENT_SURVEY_YOUNG, PLACEMENT_SURVEY_OLDER, PLACEMENT_SURVEY_YOUNGEST]);

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
