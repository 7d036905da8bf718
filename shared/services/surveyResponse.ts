/**
 * A young person answering a survey through their single-use link: opening
 * it, saving a section's answers, sending the response, and raising the
 * safeguarding alert when an answer says they may not be safe. Knows nothing
 * of pages or requests: the browser adapter (shared/web/pages/survey.ts)
 * turns these outcomes into pages.
 */
import { epochAfter } from '#domain/dates.js';
import { keyedHash, tokenHash } from '#platform/tokens.js';
import { type Answers, type AnswerError, cleanAnswers, firstIncompleteSection, hasWorryingAnswer, readSection } from '#domain/surveys/answers.js';
import type { Section, SurveyDefinition } from '#domain/surveys/schema.js';
import { buildHistory } from '#domain/history.js';
import { type Bands, UNKNOWN_BANDS, personOf } from '#domain/surveys/bands.js';
import type { LinkCampaign } from '#domain/surveys/campaign.js';
import type { KeptStore } from '#store/ports/stores.js';
import type { SubmitOutcome, SurveyLink, SurveyStore } from '#store/ports/surveys.js';
import type { SendEmail } from '#email/sender.js';
import type { SendClaims } from '#store/ports/sendClaims.js';
import { log } from '#platform/log.js';
import { type Council, loadCouncil } from './council.js';
import { definitionFor } from './surveyDefinitions.js';
import { CODE_PATTERN } from '#domain/surveys/codes.js';
import { previousCampaign } from './reports.js';
import { tellOnce } from './safeguardingSend.js';
import { openDraft, sealDraft } from './sealedDraft.js';

export interface SurveyResponseDeps {
  store: KeptStore;
  surveys: SurveyStore;
  send: SendEmail;
  /** Claims what is sent about a young person (a worrying answer's alert, "ask my worker to contact me") before it is sent. */
  claims: SendClaims;
  /** The council's safeguarding inbox: told whenever the worker or their manager cannot be. */
  safeguardingEmail?: string;
  today: string;
  appUrl: string;
  /** The secret that keys the wrong-link counter, so a stored key cannot be traced back to an address. */
  sourceSecret: () => Promise<string>;
  nowMs?: () => number;
}

/** Wrong survey links allowed from one address in ten minutes before it has to wait. */
export const WRONG_LINKS_ALLOWED = 10;

/** A link that was found, with what it belongs to. */
export interface OpenSurvey {
  link: SurveyLink;
  campaign: LinkCampaign;
  definition: SurveyDefinition;
  council: Council;
}

export type LinkState =
  | { state: 'too-many-tries' }
  | { state: 'not-found'; council?: Council }
  | { state: 'answered' | 'closed' | 'open'; survey: OpenSurvey };

/** Text that cannot be a link is turned away without a look-up (and is not counted as a try). */
const WELL_FORMED = /^[A-Za-z0-9_-]{20,100}$/;

/**
 * Finds the survey a link opens. Guessing links is futile (256 random bits),
 * and repeated wrong links from one address are slowed down; the address is
 * kept only as a keyed hash (HMAC under a secret from configuration), which
 * cannot be reversed by trying every IPv4 address.
 */
/** An anonymous draft is sealed for its invitation, so each link issued for it (a reminder's) opens it. */
const draftScope = (link: SurveyLink) => `${link.campaignId}:${link.childId ?? ''}`;

export async function openSurveyLink(deps: SurveyResponseDeps, token: string, callerAddress: string): Promise<LinkState> {
  const code = CODE_PATTERN.test(token) ? token : null;
  if (!code && !WELL_FORMED.test(token)) return { state: 'not-found' };
  const source = keyedHash(await deps.sourceSecret(), `survey-link-source:${callerAddress}`).slice(0, 32);
  const now = deps.nowMs?.() ?? Date.now();
  const { link, misses } = await deps.surveys.findLink(code ? { codeHash: tokenHash(code) } : { linkHash: tokenHash(token) }, source, now);
  if (misses >= WRONG_LINKS_ALLOWED) return { state: 'too-many-tries' };
  const campaign = link ? await campaignOf(deps, link) : null;
  if (!link || !campaign) {
    await deps.surveys.countMiss(source, now);
    return { state: 'not-found' };
  }
  const council = await loadCouncil(deps.store, link.councilId);
  const definition = definitionFor(campaign, council);
  if (!definition) return { state: 'not-found', council };
  const draft = campaign.mode === 'anonymous' && !link.answered ? openDraft(await deps.sourceSecret(), draftScope(link), link.draft) : link.draft;
  const survey = { link: { ...link, draft }, campaign, definition, council };
  if (link.usedOn || link.answered) return { state: 'answered', survey };
  // A campaign is closed on the day it closes, and a link's last day is the day before.
  if (deps.today > link.lastDay) return { state: 'closed', survey };
  return { state: 'open', survey };
}

/** The campaign as the link carries it; read from the store for a link that carries nothing (answered, or issued before links carried it). */
async function campaignOf(deps: SurveyResponseDeps, link: SurveyLink): Promise<LinkCampaign | null> {
  if (link.carried) return { ...link.carried.campaign, id: link.campaignId, councilId: link.councilId };
  return deps.surveys.getCampaign(link.councilId, link.campaignId);
}

export interface Help {
  show: boolean;
  workerName?: string;
  outOfHoursPhone?: string;
  /** The worker has been asked to get in touch (confidential campaigns). */
  alerted?: true;
}

/**
 * Who to contact, shown as soon as an answer says the young person may not
 * be safe. Once sent, an anonymous answer leaves no trace of that with the
 * link, so the thank-you page is told by the browser that sent it
 * (`sentWorrying`, from a cookie on the link's path).
 */
export async function helpFor(deps: Pick<SurveyResponseDeps, 'store'>, { link, definition, council }: OpenSurvey, sentWorrying = false): Promise<Help> {
  const answered = link.usedOn || link.answered;
  const show = answered ? link.worrying === true || sentWorrying : hasWorryingAnswer(definition, link.draft ?? {});
  if (!show) return { show: false };
  const child = link.childId ? await deps.store.getChild(link.councilId, link.childId) : null;
  const worker = child ? await deps.store.getStaff(link.councilId, child.holderId) : null;
  return { show: true, workerName: worker?.name, outOfHoursPhone: council.outOfHoursPhone, ...(link.alerted ? { alerted: true as const } : {}) };
}

/** What the council said it did after the last campaign of this survey ("You said, we did"). */
export async function lastReply(deps: Pick<SurveyResponseDeps, 'surveys'>, { link, campaign }: OpenSurvey): Promise<string | undefined> {
  return previousCampaign(campaign, await deps.surveys.listCampaigns(link.councilId))?.youSaidWeDid;
}

export type SectionOutcome =
  | { outcome: 'invalid'; errors: AnswerError[]; entered: Answers }
  | { outcome: 'saved'; next: Section | null }
  | { outcome: 'already-answered' };

/**
 * Saves one section's answers (given by question id) with the link. A
 * worrying answer in a confidential campaign alerts the worker, once.
 */
export async function saveSection(deps: SurveyResponseDeps, survey: OpenSurvey, section: Section, given: Record<string, string | undefined>): Promise<SectionOutcome> {
  const { link, campaign, definition } = survey;
  const { answers, errors } = readSection(section, given);
  if (errors.length) {
    const entered: Answers = { ...(link.draft ?? {}) };
    for (const q of section.questions) if (given[q.id] !== undefined) entered[q.id] = given[q.id]!;
    return { outcome: 'invalid', errors, entered };
  }
  const draft: Answers = { ...(link.draft ?? {}) };
  for (const q of section.questions) delete draft[q.id];
  Object.assign(draft, answers);
  let alerted = link.alerted === true;
  if (hasWorryingAnswer(definition, draft) && campaign.mode === 'confidential' && !alerted) alerted = await alertWorker(deps, survey);
  const kept = campaign.mode === 'anonymous' ? sealDraft(await deps.sourceSecret(), draftScope(link), draft) : draft;
  if (!(await deps.surveys.saveDraft(link.linkHash, kept, alerted && !link.alerted ? true : undefined))) return { outcome: 'already-answered' };
  const sections = definition.sections;
  return { outcome: 'saved', next: sections[sections.indexOf(section) + 1] ?? null };
}

export type SubmitResult = { outcome: 'incomplete'; section: Section } | { outcome: SubmitOutcome; worrying?: boolean };

/** Sends the response: stored and the link used up in one transaction, so a double submit stores one. */
export async function submitResponse(deps: SurveyResponseDeps, survey: OpenSurvey): Promise<SubmitResult> {
  const { link, campaign, definition } = survey;
  const draft = link.draft ?? {};
  const missing = firstIncompleteSection(definition, draft);
  if (missing) return { outcome: 'incomplete', section: missing };
  const worrying = hasWorryingAnswer(definition, draft);
  const outcome = await deps.surveys.submit(
    link,
    {
      surveyId: definition.id,
      version: definition.version,
      submittedOn: deps.today,
      answers: cleanAnswers(definition, draft),
      bands: { ...(await bandsOf(deps, survey)), ...(link.assisted ? { assisted: true as const } : {}) },
      ...(campaign.mode === 'confidential' ? { childId: link.childId, reference: link.reference } : {}),
    },
    deps.today,
    worrying,
  );
  log.info('survey response', { campaignId: campaign.id, outcome });
  return { outcome, worrying };
}

/**
 * The coarse groups stored with the answers: those the link carries while
 * they still hold, else worked out from the record (all unknown when the
 * child's record is gone).
 */
async function bandsOf(deps: SurveyResponseDeps, { link, council }: OpenSurvey): Promise<Bands> {
  const carried = link.carried;
  if (carried?.bands && deps.today <= (carried.bandsUntil ?? '')) return carried.bands;
  const child = link.childId ? await deps.store.getChild(link.councilId, link.childId) : null;
  if (!child) return { ...UNKNOWN_BANDS };
  const { facts } = await deps.store.getChildHistory(link.councilId, child.id);
  const history = buildHistory({ id: child.id, dateOfBirth: child.dateOfBirth }, facts.map((f) => f.fact), deps.today);
  return personOf(history, council.policy.personalAdviser.untilAge).bands;
}

/**
 * Confidential mode: the worker and their manager (or the safeguarding
 * inbox) hear at once that a young person needs contact today, with the
 * case reference and the response reference but none of the answers;
 * claimed first, so a double submit tells them once. Throws when nobody
 * could be told, so the section is not saved and the young person's next
 * try sends it. (An anonymous campaign alerts nobody: it cannot say who.)
 */
async function alertWorker(deps: SurveyResponseDeps, { link, campaign }: OpenSurvey): Promise<boolean> {
  const child = link.childId ? await deps.store.getChild(link.councilId, link.childId) : null;
  if (!child) return false;
  const told = await tellOnce(
    deps,
    { kind: 'worrying-alert', councilId: link.councilId, campaignId: campaign.id, childId: child.id },
    child,
    { kind: 'worrying-answer', reference: link.reference, caseUrl: `${deps.appUrl}/case/${encodeURIComponent(child.id)}` },
    epochAfter(campaign.closes),
  );
  if (told === 'sent' || told === 'sent-part') log.warn('safeguarding alert sent', { councilId: link.councilId, childId: child.id, reference: link.reference });
  // Alerted only once everyone is told: a message another run holds (perhaps a dead one) is tried again on the next save.
  return told === 'sent' || told === 'sent-before';
}
