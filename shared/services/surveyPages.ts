/**
 * The pages a young person answers a survey on, at /s/{link}. No sign-in:
 * the single-use link is the key. One section a page, a back link, an error
 * summary, answers kept when going back, a "check your answers" step and a
 * thank-you page. Works without JavaScript.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { tokenHash } from '#platform/tokens.js';
import { renderPage } from '#web/render.js';
import { type HtmlResult, csrfCookie, csrfMatches, html, nonce, readCookies, readForm, redirect } from '#web/http.js';
import { type Answers, answerLabel, firstIncompleteSection, hasWorryingAnswer, readSection, cleanAnswers } from '#domain/surveys/answers.js';
import type { Question, SurveyDefinition } from '#domain/surveys/schema.js';
import { buildHistory } from '#domain/history.js';
import { personOf } from '#domain/surveys/bands.js';
import type { Campaign } from '#domain/surveys/campaign.js';
import type { KeptStore } from '#store/keptStore.js';
import type { SurveyLink, SurveyStore } from '#store/surveyStore.js';
import type { SendEmail } from '#email/sender.js';
import { type Council, loadCouncil } from './council.js';
import { definitionFor } from './surveyDefinitions.js';
import { previousCampaign } from './reports.js';
import { longDate } from '#domain/dateText.js';
import { log } from '#platform/log.js';
import escapeHtml from 'escape-html';

export interface SurveyPageDeps {
  store: KeptStore;
  surveys: SurveyStore;
  send: SendEmail;
  today: string;
  appUrl: string;
  nowMs?: () => number;
}

const CSRF_COOKIE = 'kept_csrf';
/** Wrong survey links allowed from one address in ten minutes before it has to wait. */
export const WRONG_LINKS_ALLOWED = 10;

interface Context {
  link: SurveyLink;
  campaign: Campaign;
  definition: SurveyDefinition;
  council: Council;
  token: string;
}


export async function handleSurveyPage(event: APIGatewayProxyEventV2, deps: SurveyPageDeps): Promise<HtmlResult> {
  const https = deps.appUrl.startsWith('https:');
  const cspNonce = nonce();
  const token = event.pathParameters?.token ?? '';
  const page = event.pathParameters?.page ?? '';
  const method = event.requestContext.http.method;
  const cookies = readCookies(event);
  const { value: csrf, setCookie } = csrfCookie(cookies, CSRF_COOKIE, '/s/', https);
  const setCookies = setCookie ? [setCookie] : [];
  const render = (status: number, view: string, ctx: Record<string, unknown>) =>
    html(status, renderPage(view, { cspNonce, ...ctx }), cspNonce, https, setCookies.length ? setCookies : undefined);
  const message = (status: number, councilName: string, title: string, paragraphs: string[]) =>
    render(status, 'message.njk', { councilName, title, paragraphs });

  // Guessing links is futile (256 random bits), and repeated wrong links from one address are slowed
  // down. Text that cannot be a link at all is turned away without a look-up.
  const wellFormed = /^[A-Za-z0-9_-]{20,100}$/.test(token);
  const source = tokenHash(`source:${event.requestContext.http.sourceIp ?? 'unknown'}`).slice(0, 32);
  const now = deps.nowMs?.() ?? Date.now();
  if (wellFormed && (await deps.surveys.missesSoFar(source, now)) >= WRONG_LINKS_ALLOWED) {
    const r = message(429, 'Kept', 'Too many tries', ['Please wait a few minutes, then use the link in your most recent email.']);
    return { ...r, headers: { ...r.headers, 'retry-after': '600' } };
  }
  const link = wellFormed ? await deps.surveys.getLink(tokenHash(token)) : null;
  const campaign = link ? await deps.surveys.getCampaign(link.councilId, link.campaignId) : null;
  if (!link || !campaign) {
    if (wellFormed) await deps.surveys.countMiss(source, now);
    return message(404, 'Kept', 'We cannot find this survey', [
      'The link may be mistyped, or a newer email may have replaced it. Please use the link in the most recent email we sent you.',
      'If you need help, talk to your worker.',
    ]);
  }
  const council = await loadCouncil(deps.store, link.councilId);
  const definition = definitionFor(campaign, council);
  if (!definition) return message(404, council.name, 'We cannot find this survey', ['Please talk to your worker.']);
  const ctx: Context = { link, campaign, definition, council, token };
  const base = `/s/${token}`;

  if (link.usedOn) {
    if (page === 'done') return renderDone(ctx, await helpFor(ctx, deps), await lastReply(ctx, deps), render);
    return message(200, council.name, 'You have already answered, thank you', ['We have your answers. Each link can only be used once.']);
  }
  if (deps.today > link.lastDay || campaign.state === 'closed') {
    return message(410, council.name, 'This survey has closed', [
      `You could answer until ${longDate(link.lastDay)}. Thank you for wanting to take part.`,
      'If there is something you want us to know, talk to your worker: you do not have to wait for a survey.',
    ]);
  }

  if (method === 'POST') {
    const form = readForm(event);
    if (!csrfMatches(form.csrf, cookies[CSRF_COOKIE])) {
      return message(403, council.name, 'Sorry, we could not save that', ['Please go back, reload the page and try again.']);
    }
  }

  const sections = definition.sections;
  const index = sections.findIndex((s) => s.id === page);
  const help = await helpFor(ctx, deps);
  const youSaidWeDid = page === '' ? await lastReply(ctx, deps) : undefined;

  if (page === '' && method === 'GET') {
    return render(200, 'survey-start.njk', {
      councilName: council.name,
      title: definition.title,
      purpose: definition.purpose,
      mode: campaign.mode,
      sectionCount: sections.length,
      minutes: Math.max(3, Math.round(sections.reduce((n, s) => n + s.questions.length, 0) / 3)),
      lastDay: longDate(link.lastDay),
      startHref: `${base}/${sections[0]!.id}`,
      help,
      youSaidWeDid,
    });
  }

  if (index >= 0) {
    const section = sections[index]!;
    const backHref = index === 0 ? base : `${base}/${sections[index - 1]!.id}`;
    const show = (status: number, values: Answers, errors: Array<{ questionId: string; message: string }>) =>
      render(status, 'survey-section.njk', {
        councilName: council.name,
        title: section.title,
        intro: section.intro,
        number: index + 1,
        sectionCount: sections.length,
        backHref,
        action: `${base}/${section.id}`,
        csrf,
        help,
        errors: errors.map((e) => ({ text: e.message, href: `#${e.questionId}` })),
        questions: section.questions.map((q) => questionView(q, values[q.id], errors.find((e) => e.questionId === q.id)?.message, definition.young === true)),
      });
    if (method === 'GET') return show(200, link.draft ?? {}, []);
    const form = readForm(event);
    const { answers, errors } = readSection(section, form);
    if (errors.length) {
      const entered: Answers = { ...(link.draft ?? {}) };
      for (const q of section.questions) if (form[q.id] !== undefined) entered[q.id] = form[q.id]!;
      return show(400, entered, errors);
    }
    const draft: Answers = { ...(link.draft ?? {}) };
    for (const q of section.questions) delete draft[q.id];
    Object.assign(draft, answers);
    const worrying = hasWorryingAnswer(definition, draft);
    let alerted = link.alerted;
    if (worrying && campaign.mode === 'confidential' && !link.alerted) {
      alerted = await alertWorker(ctx, deps);
    }
    if (!(await deps.surveys.saveDraft(link.linkHash, draft, alerted && !link.alerted ? true : undefined))) {
      return message(200, council.name, 'You have already answered, thank you', ['We have your answers. Each link can only be used once.']);
    }
    const next = sections[index + 1];
    return redirect(next ? `${base}/${next.id}` : `${base}/check`, https, setCookies.length ? setCookies : undefined);
  }

  if (page === 'check') {
    const draft = link.draft ?? {};
    const missing = firstIncompleteSection(definition, draft);
    if (missing) return redirect(`${base}/${missing.id}`, https, setCookies.length ? setCookies : undefined);
    if (method === 'GET') {
      return render(200, 'survey-check.njk', {
        councilName: council.name,
        title: 'Check your answers',
        backHref: `${base}/${sections.at(-1)!.id}`,
        action: `${base}/check`,
        csrf,
        help,
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
    const child = await deps.store.getChild(link.councilId, link.childId);
    const history = await deps.store.getChildHistory(link.councilId, link.childId);
    const person = child
      ? personOf(buildHistory({ id: child.id, dateOfBirth: child.dateOfBirth }, history.facts.map((f) => f.fact), deps.today), council.policy.personalAdviser.untilAge)
      : null;
    const outcome = await deps.surveys.submit(
      link,
      {
        surveyId: definition.id,
        version: definition.version,
        submittedOn: deps.today,
        answers: cleanAnswers(definition, draft),
        bands: person?.bands ?? { ageBand: '21-25', placementType: 'not-recorded', area: 'unknown' },
        ...(campaign.mode === 'confidential' ? { childId: link.childId, reference: link.reference } : {}),
      },
      deps.today,
      hasWorryingAnswer(definition, draft),
    );
    log.info('survey response', { campaignId: campaign.id, outcome });
    return redirect(`${base}/done`, https, setCookies.length ? setCookies : undefined);
  }

  if (page === 'done') return redirect(`${base}/check`, https);
  return message(404, council.name, 'Page not found', ['Please use the link in your email.']);
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

async function helpFor(ctx: Context, deps: SurveyPageDeps) {
  const show = ctx.link.usedOn ? ctx.link.worrying === true : hasWorryingAnswer(ctx.definition, ctx.link.draft ?? {});
  if (!show) return { show: false };
  const child = await deps.store.getChild(ctx.link.councilId, ctx.link.childId);
  const worker = child ? await deps.store.getStaff(ctx.link.councilId, child.holderId) : null;
  return { show: true, workerName: worker?.name, outOfHoursPhone: ctx.council.outOfHoursPhone, alerted: ctx.link.alerted === true || undefined };
}

function renderDone(ctx: Context, help: object, youSaidWeDid: string | undefined, render: (s: number, v: string, c: Record<string, unknown>) => HtmlResult): HtmlResult {
  return render(200, 'survey-done.njk', { councilName: ctx.council.name, title: 'Thank you', help, youSaidWeDid });
}

/** What the council said it did after the last campaign of this survey ("You said, we did"). */
async function lastReply(ctx: Context, deps: SurveyPageDeps): Promise<string | undefined> {
  const previous = previousCampaign(ctx.campaign, await deps.surveys.listCampaigns(ctx.link.councilId));
  return previous?.youSaidWeDid;
}

/**
 * Confidential mode: the worker and their manager hear at once that a young
 * person needs contact today, with the case reference and the response
 * reference but none of the answers.
 */
async function alertWorker(ctx: Context, deps: SurveyPageDeps): Promise<boolean> {
  const child = await deps.store.getChild(ctx.link.councilId, ctx.link.childId);
  if (!child) return false;
  const worker = await deps.store.getStaff(ctx.link.councilId, child.holderId);
  const manager = worker?.managerId ? await deps.store.getStaff(ctx.link.councilId, worker.managerId) : null;
  const to = [worker, manager].filter((s) => s && !s.undeliverable);
  const text =
    `A young person you support gave an answer in a confidential survey that needs follow-up. ` +
    `Please contact them today.\n\nCase: ${child.id}\nReference: ${ctx.link.reference}\n\n` +
    `The answers are not in this email. ${deps.appUrl}/case/${encodeURIComponent(child.id)}`;
  for (const person of to) {
    await deps.send({
      to: person!.email,
      subject: `Kept: please contact ${child.id} today (${ctx.link.reference})`,
      text,
      html: text.split('\n\n').map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`).join('\n'),
    });
  }
  log.warn('safeguarding alert sent', { councilId: ctx.link.councilId, childId: child.id, reference: ctx.link.reference, recipients: to.length });
  return to.length > 0;
}
