/**
 * Made-up survey answers for the demo council, so the leads' view has
 * something to show: last year's care leaver survey (closed, with a "You
 * said, we did" reply) and some of this year's answers, sent through the
 * real links of the invitations.
 */
import type { SurveyStore, StoredResponse } from '#store/ports/surveys.js';
import type { Answers } from '#domain/surveys/answers.js';
import type { SurveyDefinition } from '#domain/surveys/schema.js';
import type { Bands } from '#domain/surveys/bands.js';
import type { Campaign } from '#domain/surveys/campaign.js';
import { CARE_LEAVER_SURVEY } from '#domain/surveys/definitions.js';
import { type Rng, makeRng, pick } from './histories.js';
import { addDaysIso } from '#domain/dates.js';

const COMMENTS = [
  'My PA is great and always texts back.',
  'I wish I had more help with money when I moved into my flat.',
  'Moving out was scary and happened too fast.',
  'I want to go to college but the bus costs too much.',
  'Please stop changing my worker.',
  'I feel lonely at weekends.',
  'The leaving care team helped me get my first job.',
  'More help with bills and cooking before I moved.',
];

/** Plausible answers: most people pick the better options, some do not. `lean` shifts the whole picture. */
export function syntheticAnswers(definition: SurveyDefinition, rng: Rng, lean = 0): Answers {
  const answers: Answers = {};
  for (const section of definition.sections) {
    for (const q of section.questions) {
      if (q.type === 'choice') {
        const n = q.options.length;
        const skew = Math.min(0.95, Math.max(0.05, rng() ** (1.8 + lean)));
        answers[q.id] = q.options[Math.min(n - 1, Math.floor(skew * n))]!.value;
      } else if (q.type === 'scale') {
        const centre = 6.2 + lean * 1.5;
        answers[q.id] = Math.max(q.min, Math.min(q.max, Math.round(centre + (rng() + rng() + rng() - 1.5) * 3)));
      } else if (rng() < 0.45) {
        answers[q.id] = pick(rng, COMMENTS);
      }
    }
  }
  return answers;
}

function leaverBands(rng: Rng): Bands {
  return { ageBand: pick(rng, ['16-17', '18-20', '18-20', '21-25'] as const), placementType: 'care-leaver', area: 'unknown' };
}

export async function seedLastYear(surveys: SurveyStore, councilId: string, today: string): Promise<void> {
  const minus = (days: number) => addDaysIso(today, -days);
  const rng = makeRng(2026);
  const campaign: Campaign = {
    id: 'cmp-care-leavers-last-year', councilId, surveyId: 'care-leaver', version: 1, name: 'Care leavers survey, last year', mode: 'anonymous', state: 'closed',
    audience: { status: 'care-leaver', ageFrom: 16, ageTo: 26 }, opens: minus(372), closes: minus(344), reminderDays: [7, 14],
    createdBy: 'hos-1', createdAt: minus(380), invited: 58, remindersSent: 2,
    youSaidWeDid: 'You said moving into your own place happened too fast and money was hard. We now start planning a move six months ahead, and every care leaver gets a setting-up-home grant and a money coach.',
  };
  await surveys.putCampaign(campaign);
  const responses: Array<Omit<StoredResponse, 'responseId'>> = Array.from({ length: 34 }, () => ({
    surveyId: CARE_LEAVER_SURVEY.id, version: 1, submittedOn: minus(360), answers: syntheticAnswers(CARE_LEAVER_SURVEY, rng, -0.25), bands: leaverBands(rng),
  }));
  await surveys.putResponses(councilId, campaign.id, responses);
}

/**
 * Answers some of this year's invitations through their real links, as if
 * the young people had, so the current campaigns already have results.
 */
export async function answerSome(surveys: SurveyStore, councilId: string, campaign: Campaign, definition: SurveyDefinition, share: number, bandsOf: (childId: string) => Bands, today: string): Promise<number> {
  const rng = makeRng(campaign.id.length * 7919);
  let answered = 0;
  for (const invitation of await surveys.listInvitations(councilId, campaign.id)) {
    if (rng() > share) continue;
    const link = await surveys.getLink(invitation.linkHash);
    if (!link || link.usedOn || link.answered) continue;
    const outcome = await surveys.submit(link, {
      surveyId: definition.id, version: definition.version, submittedOn: today, answers: syntheticAnswers(definition, rng),
      bands: bandsOf(invitation.childId),
      ...(campaign.mode === 'confidential' ? { childId: invitation.childId, reference: link.reference } : {}),
    }, today);
    if (outcome === 'stored') answered += 1;
  }
  return answered;
}
