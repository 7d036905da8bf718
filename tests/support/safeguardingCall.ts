/**
 * What a young person's survey page does that tells a person at once: a
 * press of "ask my worker to contact me" (`help`), or saving the section
 * whose answer worries (`worrying`: "never" safe at home, in a confidential
 * placement survey). Called as the survey page calls it, with the clock given.
 */
import { openSurveyLink, saveSection, type SurveyResponseDeps } from '#services/surveyResponse.js';
import { requestContact, type HelpRequestOutcome } from '#services/helpRequest.js';
import { PLACEMENT_SURVEY_OLDER } from '#domain/surveys/definitions.js';
import { config, today } from '#platform/config.js';
import { SURVEY_SOURCE_SECRET, secretFromEnvironment } from '#platform/secrets.js';
import { answersFor } from './surveyClient.js';

export type SafeguardingCall = 'help' | 'worrying';
const SAFE_FIRST = PLACEMENT_SURVEY_OLDER.sections.find((s) => s.questions.some((q) => q.id === 'feel-safe-home'))!;

/** The help page's outcome, or whether the link is marked alerted once the worrying section is saved. */
export async function safeguardingCall(
  stores: Pick<SurveyResponseDeps, 'store' | 'surveys' | 'claims' | 'send'> & { nowMs: number },
  token: string,
  what: SafeguardingCall,
  requestId: string,
): Promise<HelpRequestOutcome | { alerted: boolean }> {
  const { nowMs, ...rest } = stores;
  const deps: SurveyResponseDeps = {
    ...rest,
    safeguardingEmail: config.safeguardingEmail,
    today: today(),
    appUrl: config.appUrl,
    sourceSecret: () => secretFromEnvironment(SURVEY_SOURCE_SECRET),
    nowMs: () => nowMs,
  };
  const opened = await openSurveyLink(deps, token, '127.0.0.1');
  if (opened.state !== 'open') throw new Error(`the survey link is ${opened.state}`);
  if (what === 'help') return requestContact(deps, opened.survey, requestId);
  const saved = await saveSection(deps, opened.survey, SAFE_FIRST, { ...answersFor(PLACEMENT_SURVEY_OLDER)[SAFE_FIRST.id]!, 'feel-safe-home': 'never' });
  if (saved.outcome !== 'saved') throw new Error(`the section was not saved: ${saved.outcome}`);
  const again = await openSurveyLink(deps, token, '127.0.0.1');
  return { alerted: again.state === 'open' && again.survey.link.alerted === true };
}
