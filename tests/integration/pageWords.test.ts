/**
 * Every placeholder filled: young people answer surveys in English and in the
 * right-to-left test language (ar-XB) through every page there is (start,
 * each section, errors, a text too long, check, thank-you with "Help is
 * here", "I need help now" before and after asking, already answered, page
 * not found, a refused form, closed), and are invited and reminded by email.
 * No page or email has a `{placeholder}` left, and every wording with a
 * placeholder is shown somewhere, so none escapes the check. (The character
 * count's `%{count}` is GOV.UK Frontend's own, filled in the browser.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCouncilStack, type TestStack } from '#tests/support/stack.js';
import { SurveyBrowser, answersFor } from '#tests/support/surveyClient.js';
import { CARE_LEAVER_SURVEY, PLACEMENT_SURVEY_YOUNG } from '#domain/surveys/definitions.js';
import type { SurveyDefinition } from '#domain/surveys/schema.js';
import { ENGLISH_WORDS, type WordKey, placeholdersOf } from '#domain/surveys/pageWords.js';
import { RTL_TEST_LANGUAGE, RTL_TEST_PLACEMENT_8_TO_10, registerRtlTestLanguage } from '#local/rtlTestLanguage.js';
import { wordsOf } from '#domain/surveys/translation.js';
import type { ChildRecord } from '#domain/people.js';
import { CARE_LEAVER_FACTS, dispatchSurveys, inCareSince, scheduledCampaign, surveyLinkTo, writeChild } from '#tests/support/records.js';

const TODAY = '2027-01-18';
const REMINDER_DAY = '2027-01-25';
/** A `{name}` left unfilled; GOV.UK Frontend's `%{count}` is filled in the browser. */
const LEFT = /(?<!%)\{[a-zA-Z]+\}/g;
let stack: TestStack;

const addressOf = (id: string) => `young-${id.toLowerCase()}@${stack.councilId}.test`;
const linkFor = (id: string) => surveyLinkTo(stack, addressOf(id));

async function addChild(id: string, dateOfBirth: string, language?: string, leaver = false) {
  const child: ChildRecord = {
    councilId: stack.councilId, id, firstName: 'Ash', lastName: 'Penn', dateOfBirth, holderId: 'sw-1', createdAt: TODAY, version: 0,
    email: addressOf(id), ...(language ? { language } : {}),
  };
  await writeChild(stack, child, leaver ? [...CARE_LEAVER_FACTS] : inCareSince(), TODAY);
}

/** What a reader sees of a page or email: tags and the escapes nunjucks writes undone. */
const decoded = (html: string) => html.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** Every page a young person can meet on one link, and its help page, in the language their record prefers. */
async function walk(id: string, definition: SurveyDefinition): Promise<string[]> {
  const link = await linkFor(id);
  const browser = new SurveyBrowser(stack.baseUrl);
  const pages: string[] = [];
  const keep = (p: { html: string }) => pages.push(p.html);
  keep(await browser.get(link));
  keep(await browser.get(`${link}/help`));
  keep(await browser.get(`${link}/nowhere`));
  const answers = answersFor(definition, { 'feel-safe-home': 'never' });
  const [first] = definition.sections;
  keep(await browser.post(`${link}/${first!.id}`, {}));
  keep(await browser.post(`${link}/${first!.id}`, answers[first!.id]!, { csrf: null }));
  for (const s of definition.sections) {
    keep(await browser.get(`${link}/${s.id}`));
    if (s.id === 'anything-else') keep(await browser.post(`${link}/${s.id}`, { 'anything-else': 'x'.repeat(1001) }));
    const scale = s.questions.find((q) => q.type === 'scale');
    if (scale) keep(await browser.post(`${link}/${s.id}`, { ...answers[s.id]!, [scale.id]: '11' }));
    await browser.post(`${link}/${s.id}`, answers[s.id]!);
  }
  keep(await browser.get(`${link}/check`));
  await browser.post(`${link}/check`, {});
  keep(await browser.get(`${link}/done`));
  keep(await browser.get(`${link}/help`));
  keep(await browser.post(`${link}/help`, {}));
  keep(await browser.get(link));
  return pages;
}

/** The closed page, and the start page of an anonymous campaign, for a young person who has not answered. */
async function closedAndAnonymous(id: string): Promise<string[]> {
  const link = await linkFor(id);
  const browser = new SurveyBrowser(stack.baseUrl);
  const start = await browser.get(link);
  process.env.KEPT_TODAY = '2027-02-15';
  try {
    const closed = await browser.get(link);
    expect(closed.status).toBe(410);
    return [start.html, closed.html];
  } finally {
    process.env.KEPT_TODAY = REMINDER_DAY;
  }
}

const mailOf = async (ids: string[]) =>
  (await stack.inbox()).filter((e) => ids.some((id) => e.destination.to[0] === addressOf(id))).flatMap((e) => [e.subject, e.body.text ?? '', e.body.html ?? '']);

beforeAll(async () => {
  process.env.KEPT_TODAY = TODAY;
  registerRtlTestLanguage();
  stack = await startCouncilStack('pagewords', { council: { outOfHoursPhone: '0300 555 0100' } });
  // Nine year olds in a confidential campaign, ten year olds in an anonymous one, a care leaver for the scale questions.
  await addChild('E-9', '2017-05-05');
  await addChild('R-9', '2017-05-05', RTL_TEST_LANGUAGE);
  await addChild('E-10', '2016-06-01');
  await addChild('R-10', '2016-06-01', RTL_TEST_LANGUAGE);
  await addChild('L-1', '2006-02-01', undefined, true);
  const placement = { surveyId: 'placement-8-11', reminderDays: [7] };
  await stack.surveys.putCampaign(scheduledCampaign(stack, TODAY, { id: 'c-conf', name: 'Confidential', mode: 'confidential', audience: { status: 'looked-after', ageFrom: 8, ageTo: 10 }, ...placement }));
  await stack.surveys.putCampaign(scheduledCampaign(stack, TODAY, { id: 'c-anon', name: 'Anonymous', mode: 'anonymous', audience: { status: 'looked-after', ageFrom: 10, ageTo: 11 }, ...placement }));
  await stack.surveys.putCampaign(scheduledCampaign(stack, TODAY, { id: 'c-leavers', name: 'Leavers', surveyId: 'care-leaver', mode: 'confidential', audience: { status: 'care-leaver', ageFrom: 16, ageTo: 26 } }));
  await dispatchSurveys(stack, TODAY);
  process.env.KEPT_TODAY = REMINDER_DAY;
  await dispatchSurveys(stack, REMINDER_DAY);
});

afterAll(async () => {
  await stack?.stop();
});

describe('every wording with its placeholders filled', () => {
  const languages = [
    { name: 'English', words: ENGLISH_WORDS, confidential: ['E-9', 'L-1'], anonymous: 'E-10', definitions: [PLACEMENT_SURVEY_YOUNG, CARE_LEAVER_SURVEY] },
    { name: RTL_TEST_LANGUAGE, words: wordsOf(RTL_TEST_PLACEMENT_8_TO_10), confidential: ['R-9'], anonymous: 'R-10', definitions: [PLACEMENT_SURVEY_YOUNG] },
  ];

  it.each(languages.map((l) => [l.name, l] as const))('in %s: on every page and email, none left, and every wording shown', async (_name, l) => {
    const shown: string[] = [];
    for (const [i, id] of l.confidential.entries()) shown.push(...(await walk(id, l.definitions[i]!)));
    shown.push(...(await closedAndAnonymous(l.anonymous)));
    shown.push(...(await mailOf([...l.confidential, l.anonymous])));
    const left = shown.flatMap((text) => [...decoded(text).matchAll(LEFT)].map((m) => `${m[0]} in …${decoded(text).slice(Math.max(0, m.index - 60), m.index + 40)}…`));
    expect(left).toEqual([]);

    // Each wording that has a placeholder appears, its fixed parts around the values.
    const scale = l.definitions.some((d) => d.sections.some((s) => s.questions.some((q) => q.type === 'scale')));
    const notReached = new Set<WordKey>([
      // Only a free-text question that must be answered says so; every free-text question may be skipped (tests/unit/surveys.test.ts).
      'writeAnswer',
      // Shown only while another press of the same help button is sending its email (helpNow.test.ts, surveyHelp.test.ts).
      'askOnItsWay',
      ...(scale ? [] : (['scaleHint', 'chooseNumber', 'outOf'] as const)),
    ]);
    const all = decoded(shown.join('\n'));
    const missing = (Object.keys(ENGLISH_WORDS) as WordKey[])
      .filter((k) => placeholdersOf(ENGLISH_WORDS[k]).length > 0 && !notReached.has(k))
      .filter((k) => !l.words[k].split(/%?\{[a-zA-Z]+\}/).every((part) => all.includes(part)));
    expect(missing).toEqual([]);
  });
});
