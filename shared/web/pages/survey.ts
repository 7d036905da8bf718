/**
 * The pages a young person answers a survey on, at /s/{link}. No sign-in:
 * the single-use link is the key. One section a page, a back link, an error
 * summary, answers kept when going back, a "check your answers" step and a
 * thank-you page. Works without JavaScript. What happens to the answers is
 * the survey-response use case's (shared/services/surveyResponse.ts).
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import escapeHtml from 'escape-html';
import type { HttpResult } from '#http/responses.js';
import { type Answers, answerLabel, firstIncompleteSection } from '#domain/surveys/answers.js';
import type { Question } from '#domain/surveys/schema.js';
import { longDate } from '#domain/dateText.js';
import { type OpenSurvey, type SurveyResponseDeps, helpFor, lastReply, openSurveyLink, saveSection, submitResponse } from '#services/surveyResponse.js';
import { type HelpRequestOutcome, helpContacts, requestContact } from '#services/helpRequest.js';
import { csrfMatches, readForm } from '#web/http.js';
import { normalCode } from '#domain/surveys/codes.js';
import { type Page, pageFor } from './page.js';

const CSRF_COOKIE = 'kept_csrf';

const alreadyAnswered = (page: Page, councilName: string, helpNowHref: string) =>
  page.message(200, { councilName, helpNowHref, title: 'You have already answered, thank you', paragraphs: ['We have your answers. Each link can only be used once.'] });

export async function surveyPage(event: APIGatewayProxyEventV2, deps: SurveyResponseDeps): Promise<HttpResult> {
  const page = pageFor(event, deps.appUrl, { cookie: CSRF_COOKIE, path: '/s/' });
  const token = event.pathParameters?.token ?? '';
  const step = event.pathParameters?.page ?? '';
  const method = event.requestContext.http.method;

  if (!event.pathParameters?.token) return codePage(page, event.queryStringParameters?.code);
  const opened = await openSurveyLink(deps, token, event.requestContext.http.sourceIp ?? 'unknown');
  if (opened.state === 'too-many-tries') {
    const r = page.message(429, { councilName: 'Kept', title: 'Too many tries', paragraphs: ['Please wait a few minutes, then use the link in your most recent email.'] });
    return { ...r, headers: { ...r.headers, 'retry-after': '600' } };
  }
  if (opened.state === 'not-found') {
    return page.message(404, {
      councilName: opened.council?.name ?? 'Kept',
      title: 'We cannot find this survey',
      paragraphs: opened.council
        ? ['Please talk to your worker.']
        : ['The link may be mistyped, or a newer email may have replaced it. Please use the link in the most recent email we sent you.', 'If you need help, talk to your worker.'],
    });
  }
  const { survey } = opened;
  const { council, definition, link } = survey;
  const base = `/s/${token}`;
  const helpNowHref = `${base}/help`;
  if (step === 'help') return helpNowPage(page, event, deps, survey, base, method);
  if (opened.state === 'answered') {
    if (step !== 'done') return alreadyAnswered(page, council.name, helpNowHref);
    return page.render(200, 'survey-done.njk', { councilName: council.name, helpNowHref, title: 'Thank you', help: await helpFor(deps, survey), youSaidWeDid: await lastReply(deps, survey) });
  }
  if (opened.state === 'closed') {
    return page.message(410, {
      councilName: council.name,
      helpNowHref,
      title: 'This survey has closed',
      paragraphs: [
        `You could answer until ${longDate(link.lastDay)}. Thank you for wanting to take part.`,
        'If there is something you want us to know, talk to your worker: you do not have to wait for a survey.',
      ],
    });
  }

  const form = method === 'POST' ? readForm(event) : {};
  if (method === 'POST' && !csrfMatches(form.csrf, page.cookies[CSRF_COOKIE])) {
    return page.message(403, { councilName: council.name, title: 'Sorry, we could not save that', paragraphs: ['Please go back, reload the page and try again.'] });
  }
  const sections = definition.sections;

  if (step === '' && method === 'GET') {
    return page.render(200, 'survey-start.njk', {
      councilName: council.name,
      helpNowHref,
      title: definition.title,
      purpose: definition.purpose,
      mode: survey.campaign.mode,
      sectionCount: sections.length,
      minutes: Math.max(3, Math.round(sections.reduce((n, s) => n + s.questions.length, 0) / 3)),
      lastDay: longDate(link.lastDay),
      startHref: `${base}/${sections[0]!.id}`,
      help: await helpFor(deps, survey),
      youSaidWeDid: await lastReply(deps, survey),
    });
  }

  const section = sections.find((s) => s.id === step);
  if (section) {
    if (method === 'GET') return sectionPage(page, survey, base, section.id, link.draft ?? {}, [], await helpFor(deps, survey));
    const saved = await saveSection(deps, survey, section, form);
    if (saved.outcome === 'invalid') return sectionPage(page, survey, base, section.id, saved.entered, saved.errors, await helpFor(deps, survey), 400);
    if (saved.outcome === 'already-answered') return alreadyAnswered(page, council.name, helpNowHref);
    return page.redirect(saved.next ? `${base}/${saved.next.id}` : `${base}/check`);
  }

  if (step === 'check') {
    if (method === 'POST') {
      const sent = await submitResponse(deps, survey);
      return page.redirect(sent.outcome === 'incomplete' ? `${base}/${sent.section.id}` : `${base}/done`);
    }
    const draft = link.draft ?? {};
    const missing = firstIncompleteSection(definition, draft);
    if (missing) return page.redirect(`${base}/${missing.id}`);
    return page.render(200, 'survey-check.njk', {
      councilName: council.name,
      helpNowHref,
      title: 'Check your answers',
      backHref: `${base}/${sections.at(-1)!.id}`,
      action: `${base}/check`,
      csrf: page.csrf,
      help: await helpFor(deps, survey),
      sections: sections.map((s) => ({
        title: s.title,
        rows: s.questions.map((q) => ({
          key: { text: q.text },
          value: { text: answerLabel(q, draft[q.id]) },
          actions: { items: [{ href: `${base}/${s.id}#${q.id}`, text: 'Change', visuallyHiddenText: q.text }] },
        })),
      })),
    });
  }

  if (step === 'done') return page.redirect(`${base}/check`);
  return page.message(404, { councilName: council.name, title: 'Page not found', paragraphs: ['Please use the link in your email.'] });
}

/** The form at /s where a young person types the short code a worker gave them; a GET form, so it changes nothing. */
function codePage(page: Page, typed: string | undefined): HttpResult {
  const context = { councilName: 'Kept', title: 'Enter your survey code', value: typed ?? '', errors: [] as Array<{ text: string; href: string }>, error: undefined as string | undefined };
  if (typed === undefined) return page.render(200, 'survey-code.njk', context);
  const code = normalCode(typed);
  if (code) return page.redirect(`/s/${code}`);
  const error = 'Enter the 10 letters and numbers of your code, like ABCDE-23456';
  return page.render(400, 'survey-code.njk', { ...context, error, errors: [{ text: error, href: '#code' }] });
}

/** "I need help now": who to contact, and in a confidential campaign a button that asks their worker to get in touch. */
async function helpNowPage(page: Page, event: APIGatewayProxyEventV2, deps: SurveyResponseDeps, survey: OpenSurvey, base: string, method: string): Promise<HttpResult> {
  const contacts = await helpContacts(deps, survey);
  let asked: HelpRequestOutcome | undefined;
  if (method === 'POST') {
    if (!csrfMatches(readForm(event).csrf, page.cookies[CSRF_COOKIE])) {
      return page.message(403, { councilName: survey.council.name, title: 'Sorry, that did not work', paragraphs: ['Please go back, reload the page and try again, or call one of the numbers on it.'] });
    }
    asked = deps.claims ? await requestContact({ ...deps, claims: deps.claims }, survey) : 'unavailable';
  }
  return page.render(200, 'survey-help.njk', {
    councilName: survey.council.name,
    title: 'Get help now',
    backHref: base,
    action: `${base}/help`,
    csrf: page.csrf,
    contacts,
    asked,
  });
}

function sectionPage(
  page: Page,
  { council, definition }: OpenSurvey,
  base: string,
  sectionId: string,
  values: Answers,
  errors: Array<{ questionId: string; message: string }>,
  help: object,
  status = 200,
): HttpResult {
  const sections = definition.sections;
  const index = sections.findIndex((s) => s.id === sectionId);
  const section = sections[index]!;
  return page.render(status, 'survey-section.njk', {
    councilName: council.name,
    helpNowHref: `${base}/help`,
    title: section.title,
    intro: section.intro,
    number: index + 1,
    sectionCount: sections.length,
    backHref: index === 0 ? base : `${base}/${sections[index - 1]!.id}`,
    action: `${base}/${section.id}`,
    csrf: page.csrf,
    help,
    errors: errors.map((e) => ({ text: e.message, href: `#${e.questionId}` })),
    questions: section.questions.map((q) => questionView(q, values[q.id], errors.find((e) => e.questionId === q.id)?.message, definition.young === true)),
  });
}

function questionView(q: Question, value: Answers[string] | undefined, error: string | undefined, young: boolean) {
  const common = { id: q.id, type: q.type, text: q.optional ? `${q.text} (optional)` : q.text, hint: q.hint, error };
  if (q.type === 'text') return { ...common, maxLength: q.maxLength, value: value === undefined ? '' : String(value) };
  if (q.type === 'scale') {
    const items = [];
    for (let n = q.min; n <= q.max; n++) items.push({ value: String(n), text: String(n) });
    return { ...common, hint: `${q.hint ? `${q.hint} ` : ''}${q.min} means ${q.minLabel.toLowerCase()}, ${q.max} means ${q.maxLabel.toLowerCase()}.`, inline: true, items, value: value === undefined ? undefined : String(value) };
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
