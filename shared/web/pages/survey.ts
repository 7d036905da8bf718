/**
 * The pages a young person answers a survey on, at /s/{link}. No sign-in:
 * the single-use link is the key. One section a page, a back link, an error
 * summary, answers kept when going back, a "check your answers" step and a
 * thank-you page. Works without JavaScript. What happens to the answers is
 * the survey-response use case's (shared/services/surveyResponse.ts).
 *
 * Every page is worded in the language chosen on the start page (or the
 * young person's recorded one) when the survey version has it, with `lang`
 * and `dir` set; answers are read and stored by question id and option
 * value whatever the language. The youngest surveys' questions carry a
 * "Read aloud" button that /assets/read-aloud.js shows where the browser
 * can speak.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import escapeHtml from 'escape-html';
import type { HttpResult } from '#http/responses.js';
import { type AnswerError, type Answers, firstIncompleteSection } from '#domain/surveys/answers.js';
import type { Question } from '#domain/surveys/schema.js';
import { longDateIn } from '#domain/dateText.js';
import { type OpenSurvey, type SurveyResponseDeps, helpFor, lastReply, openSurveyLink, saveSection, submitResponse } from '#services/surveyResponse.js';
import { type HelpRequestOutcome, helpContacts, newRequestId, requestContact } from '#services/helpRequest.js';
import { log } from '#platform/log.js';
import { csrfMatches, readForm } from '#web/http.js';
import { normalCode } from '#domain/surveys/codes.js';
import { ENGLISH, type LocalSurvey, chooseLanguage, inLanguage, languagesOf } from '#domain/surveys/languages.js';
import { fill } from '#domain/surveys/pageWords.js';
import { loadCouncil } from '#services/council.js';
import { type Page, pageFor } from './page.js';
import { privacyNoticeFor } from './legal.js';

const CSRF_COOKIE = 'kept_csrf';
/** The language chosen for one link's pages (its path is the link's). */
const LANGUAGE_COOKIE = 'kept_lang';
/**
 * Set on the link's path when the answer just sent was worrying, so the
 * thank-you page shows who to contact: an anonymous answer leaves nothing
 * stored that could say so.
 */
const SENT_HELP_COOKIE = 'kept_sent_help';

/** The council whose stack this is (in AWS a stack serves one council: COUNCIL_ID), named on pages that have no link to go by. */
export interface SurveyHome {
  councilId: string;
}

export async function surveyPage(event: APIGatewayProxyEventV2, deps: SurveyResponseDeps, home?: SurveyHome): Promise<HttpResult> {
  const page = pageFor(event, deps.appUrl, { cookie: CSRF_COOKIE, path: '/s/' });
  const token = event.pathParameters?.token ?? '';
  const step = event.pathParameters?.page ?? '';
  const method = event.requestContext.http.method;
  const homeName = async () => (home ? (await loadCouncil(deps.store, home.councilId)).name : 'Kept');
  // A page that only says "we cannot find this" must reach the young person even when the council's name cannot be read.
  const homeNameIfReadable = () => homeName().catch(() => 'Kept');
  const callerAddress = event.requestContext.http.sourceIp ?? 'unknown';

  if (!event.pathParameters?.token) return codePage(page, deps, callerAddress, await homeName(), event.queryStringParameters?.code);
  const opened = await openSurveyLink(deps, token, callerAddress);
  if (opened.state === 'too-many-tries') return tooManyTries(page, await homeNameIfReadable());
  if (opened.state === 'not-found') {
    return page.message(404, {
      councilName: opened.council?.name ?? (await homeNameIfReadable()),
      title: 'We cannot find this survey',
      paragraphs: opened.council
        ? ['Please talk to your worker.']
        : ['The link may be mistyped, or a newer email may have replaced it. Please use the link in the most recent email we sent you.', 'If you need help, talk to your worker.'],
    });
  }
  const { survey } = opened;
  const { council, definition, link } = survey;
  const base = `/s/${token}`;
  const { local, setCookie } = await languageFor(event, deps, survey, page, base, step);
  const words = local.words;
  const shown = { councilName: council.name, htmlLang: local.htmlLang, htmlDir: local.language.dir, words, helpNowHref: `${base}/help`, privacyHref: privacyNoticeFor(definition) };
  const render = (status: number, view: string, context: Record<string, unknown>) => withCookie(page.render(status, view, { ...shown, ...context }), setCookie);
  const message = (status: number, title: string, paragraphs: string[]) => render(status, 'message.njk', { title, paragraphs });
  const alreadyAnswered = () => message(200, words.alreadyTitle, [words.already]);

  if (step === 'help') return helpNowPage(page, event, deps, survey, base, method, (status, view, context) => render(status, view, { title: words.getHelpTitle, ...context }));
  if (opened.state === 'answered') {
    // A second press of "Send" (or one that crossed the first) lands on the thank-you page the first went to.
    if (step === 'check' && method === 'POST') return page.redirect(`${base}/done`);
    if (step !== 'done') return alreadyAnswered();
    const help = await helpFor(deps, survey, page.cookies[SENT_HELP_COOKIE] === '1');
    return render(200, 'survey-done.njk', { title: words.thankYou, help, youSaidWeDid: await lastReply(deps, survey) });
  }
  if (opened.state === 'closed') {
    return message(410, words.closedTitle, [fill(words.closed, { date: longDateIn(local.language.tag, link.lastDay) }), words.closedTalk]);
  }

  const form = method === 'POST' ? readForm(event) : {};
  if (method === 'POST' && !csrfMatches(form.csrf, page.cookies[CSRF_COOKIE])) {
    return message(403, words.notSavedTitle, [words.notSaved]);
  }
  const sections = definition.sections;

  if (step === '' && method === 'GET') {
    const languages = languagesOf(definition);
    return render(200, 'survey-start.njk', {
      title: local.definition.title,
      purpose: local.definition.purpose,
      mode: survey.campaign.mode,
      howLong: fill(words.howLong, { pages: sections.length, minutes: Math.max(3, Math.round(sections.reduce((n, s) => n + s.questions.length, 0) / 3)) }),
      answerUntil: fill(words.answerUntil, { date: longDateIn(local.language.tag, link.lastDay) }),
      startHref: `${base}/${sections[0]!.id}`,
      languages,
      language: local.language.tag,
      languageAction: base,
      languageItems: languages.map((l) => ({ value: l.tag, text: l.name, label: { attributes: { lang: l.tag === ENGLISH ? 'en-GB' : l.tag, dir: l.dir } } })),
      help: await helpFor(deps, survey),
      youSaidWeDid: await lastReply(deps, survey),
    });
  }

  const index = sections.findIndex((s) => s.id === step);
  if (index >= 0) {
    const section = sections[index]!;
    const show = (values: Answers, errors: AnswerError[], entered: Record<string, string | undefined>, help: object, status = 200) =>
      sectionPage(render, local, base, page.csrf, index, values, errors, entered, help, status);
    if (method === 'GET') return show(link.draft ?? {}, [], {}, await helpFor(deps, survey));
    const saved = await saveSection(deps, survey, section, form);
    if (saved.outcome === 'invalid') return show(saved.entered, saved.errors, form, await helpFor(deps, survey), 400);
    if (saved.outcome === 'already-answered') return alreadyAnswered();
    return page.redirect(saved.next ? `${base}/${saved.next.id}` : `${base}/check`);
  }

  if (step === 'check') {
    if (method === 'POST') {
      const sent = await submitResponse(deps, survey);
      if (sent.outcome === 'incomplete') return page.redirect(`${base}/${sent.section.id}`);
      const helpCookie = sent.outcome === 'stored' && sent.worrying ? `${SENT_HELP_COOKIE}=1; Path=${base}; Max-Age=86400; HttpOnly; SameSite=Lax${page.https ? '; Secure' : ''}` : undefined;
      return withCookie(page.redirect(`${base}/done`), helpCookie);
    }
    const draft = link.draft ?? {};
    const missing = firstIncompleteSection(definition, draft);
    if (missing) return page.redirect(`${base}/${missing.id}`);
    return render(200, 'survey-check.njk', {
      title: words.checkTitle,
      backHref: `${base}/${sections.at(-1)!.id}`,
      action: `${base}/check`,
      csrf: page.csrf,
      help: await helpFor(deps, survey),
      sections: local.definition.sections.map((s) => ({
        title: s.title,
        rows: s.questions.map((q) => ({
          key: { text: q.text },
          value: { text: answerText(q, draft[q.id], words) },
          actions: { items: [{ href: `${base}/${s.id}#${q.id}`, text: words.change, visuallyHiddenText: q.text }] },
        })),
      })),
    });
  }

  if (step === 'done') return page.redirect(`${base}/check`);
  return message(404, words.notFoundTitle, [words.notFound]);
}

type Render = (status: number, view: string, context: Record<string, unknown>) => HttpResult;

/**
 * The language the pages are shown in: the one chosen on the start page
 * (`?lang=`, remembered in a cookie for this link's pages only), else the one
 * remembered, else the young person's recorded preference, when the survey
 * version has it; English otherwise.
 */
async function languageFor(event: APIGatewayProxyEventV2, deps: SurveyResponseDeps, survey: OpenSurvey, page: Page, base: string, step: string): Promise<{ local: LocalSurvey; setCookie?: string }> {
  const { definition, link } = survey;
  const languages = languagesOf(definition);
  if (languages.length === 1) return { local: inLanguage(definition, ENGLISH) };
  const has = (tag: string | undefined): tag is string => tag !== undefined && languages.some((l) => l.tag === tag);
  const chosen = step === '' ? event.queryStringParameters?.lang : undefined;
  const remembered = page.cookies[LANGUAGE_COOKIE];
  let tag: string;
  if (has(chosen)) tag = chosen;
  else if (has(remembered)) tag = remembered;
  else tag = chooseLanguage(definition, [link.childId ? (await deps.store.getChild(link.councilId, link.childId))?.language : undefined]);
  const setCookie = tag === remembered ? undefined : `${LANGUAGE_COOKIE}=${tag}; Path=${base}; HttpOnly; SameSite=Lax${page.https ? '; Secure' : ''}`;
  return { local: inLanguage(definition, tag), setCookie };
}

function withCookie(result: HttpResult, cookie: string | undefined): HttpResult {
  return cookie ? { ...result, cookies: [...(result.cookies ?? []), cookie] } : result;
}

function tooManyTries(page: Page, councilName: string): HttpResult {
  const r = page.message(429, { councilName, title: 'Too many tries', paragraphs: ['Please wait a few minutes, then use the link in your most recent email.'] });
  return { ...r, headers: { ...r.headers, 'retry-after': '600' } };
}

/**
 * The form at /s where a young person types the short code a worker gave
 * them; a GET form, so it changes nothing. A code that is mistyped, or that
 * opens no survey, shows the form again with the error and the code as typed
 * (a code that opens nothing counts as a wrong link, as at /s/{code}).
 */
async function codePage(page: Page, deps: SurveyResponseDeps, callerAddress: string, councilName: string, typed: string | undefined): Promise<HttpResult> {
  const context = { councilName, title: 'Enter your survey code', value: typed ?? '', errors: [] as Array<{ text: string; href: string }>, error: undefined as string | undefined };
  if (typed === undefined) return page.render(200, 'survey-code.njk', context);
  const again = (error: string) => page.render(400, 'survey-code.njk', { ...context, error, errors: [{ text: error, href: '#code' }] });
  const code = normalCode(typed);
  if (!code) return again('Enter the 10 letters and numbers of your code, like ABCDE-23456');
  const opened = await openSurveyLink(deps, code, callerAddress);
  if (opened.state === 'too-many-tries') return tooManyTries(page, councilName);
  if (opened.state === 'not-found') return again('We cannot find a survey with that code. Check each letter and number, or ask your worker for a new code');
  return page.redirect(`/s/${code}`);
}

/**
 * "I need help now": who to contact, and in a confidential campaign a button
 * that asks their worker to get in touch. Each showing of the button carries
 * a fresh request id. "Done" only once the email has gone: a send that
 * failed says so and offers the button again.
 */
async function helpNowPage(page: Page, event: APIGatewayProxyEventV2, deps: SurveyResponseDeps, survey: OpenSurvey, base: string, method: string, render: Render): Promise<HttpResult> {
  const contacts = await helpContacts(deps, survey);
  let asked: HelpRequestOutcome | 'not-sent' | undefined;
  if (method === 'POST') {
    const form = readForm(event);
    if (!csrfMatches(form.csrf, page.cookies[CSRF_COOKIE])) {
      return page.message(403, { councilName: survey.council.name, title: 'Sorry, that did not work', paragraphs: ['Please go back, reload the page and try again, or call one of the numbers on it.'] });
    }
    try {
      asked = deps.claims ? await requestContact({ ...deps, claims: deps.claims }, survey, form.request ?? '') : 'unavailable';
    } catch (error) {
      log.error('help request not sent', { councilId: survey.link.councilId, campaignId: survey.campaign.id, error: (error as Error).name ?? 'Error', deadLetter: true });
      asked = 'not-sent';
    }
  }
  return render(200, 'survey-help.njk', {
    helpNowHref: undefined,
    backHref: base,
    action: `${base}/help`,
    csrf: page.csrf,
    requestId: newRequestId(),
    contacts,
    asked,
  });
}

function sectionPage(
  render: Render,
  { definition, words, language }: LocalSurvey,
  base: string,
  csrf: string,
  index: number,
  values: Answers,
  errors: AnswerError[],
  entered: Record<string, string | undefined>,
  help: object,
  status: number,
): HttpResult {
  const sections = definition.sections;
  const section = sections[index]!;
  const messageFor = (q: Question) => {
    const question = q.text.replace(/[?؟]$/u, '');
    if (q.type === 'choice') return fill(words.chooseAnswer, { question });
    if (q.type === 'scale') return fill(words.chooseNumber, { question, min: q.min, max: q.max });
    return (entered[q.id] ?? '').trim() ? fill(words.tooLong, { max: q.maxLength }) : fill(words.writeAnswer, { question });
  };
  const messages = new Map(errors.map((e) => [e.questionId, messageFor(section.questions.find((q) => q.id === e.questionId)!)]));
  return render(status, 'survey-section.njk', {
    title: section.title,
    intro: section.intro,
    picture: section.picture,
    pageOf: fill(words.pageOf, { number: index + 1, count: sections.length }),
    backHref: index === 0 ? base : `${base}/${sections[index - 1]!.id}`,
    action: `${base}/${section.id}`,
    csrf,
    help,
    readAloud: definition.young === true,
    errors: errors.map((e) => ({ text: messages.get(e.questionId), href: `#${e.questionId}` })),
    questions: section.questions.map((q) => questionView(q, values[q.id], messages.get(q.id), definition.young === true, words)),
    language: language.tag,
  });
}

function questionView(q: Question, value: Answers[string] | undefined, error: string | undefined, young: boolean, words: LocalSurvey['words']) {
  const common = { id: q.id, type: q.type, text: q.optional ? fill(words.optional, { question: q.text }) : q.text, hint: q.hint, error };
  if (q.type === 'text') return { ...common, maxLength: q.maxLength, value: value === undefined ? '' : String(value) };
  if (q.type === 'scale') {
    const items = [];
    for (let n = q.min; n <= q.max; n++) items.push({ value: String(n), text: String(n) });
    const scale = fill(words.scaleHint, { min: q.min, max: q.max, minLabel: q.minLabel.toLowerCase(), maxLabel: q.maxLabel.toLowerCase() });
    return { ...common, hint: `${q.hint ? `${q.hint} ` : ''}${scale}`, inline: true, items, value: value === undefined ? undefined : String(value) };
  }
  return {
    ...common,
    value: value === undefined ? undefined : String(value),
    inline: false,
    items: q.options.map((o) => ({
      value: o.value,
      ...(young && o.emoji ? { html: `<span aria-hidden="true">${escapeHtml(o.emoji)}</span> ${escapeHtml(o.label)}` } : { text: o.label }),
    })),
  };
}

/** How an answer reads back on the "check your answers" page, in the page's language. */
function answerText(q: Question, value: Answers[string] | undefined, words: LocalSurvey['words']): string {
  if (value === undefined) return words.notAnswered;
  if (q.type === 'choice') return q.options.find((o) => o.value === value)?.label ?? String(value);
  if (q.type === 'scale') return fill(words.outOf, { value, max: q.max });
  return String(value);
}
