/**
 * One answer per young person per campaign, whatever the path: a worker who
 * starts a survey with someone who answered by email is told so and no
 * link that could take a second response exists; a dispatch sends nothing more to someone who has answered; a link issued after they
 * answered (a race with the worker, or with a dispatch) opens "You have already
 * answered" by its URL and its short code and stores nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCouncilStack, type TestStack } from '#tests/support/stack.js';
import { SurveyBrowser, completeSurvey } from '#tests/support/surveyClient.js';
import { runSurveyDispatch } from '#services/surveyDispatch.js';
import { sesSender } from '#email/sender.js';
import { smsSender } from '#email/textSender.js';
import { newCode, newToken, tokenHash } from '#platform/tokens.js';
import { CARE_LEAVER_SURVEY } from '#domain/surveys/definitions.js';
import type { ChildRecord } from '#domain/people.js';
import { CARE_LEAVER_FACTS, scheduledCampaign, surveyLinkTo, writeChild } from '#tests/support/records.js';
import { textOf, webSession } from '#tests/support/webSession.js';

const TODAY = '2027-01-18';
const TOMORROW = '2027-01-19';
const ALREADY = 'You have already answered, thank you';
let stack: TestStack;
const address = (id: string) => `young-${id.toLowerCase()}@${stack.councilId}.test`;
let phone = 0;
const mobile = () => `+4477009${String(20_000 + phone++).padStart(5, '0')}`;

async function addLeaver(id: string, contact: Partial<ChildRecord>) {
  const child: ChildRecord = { councilId: stack.councilId, id, firstName: 'Noor', lastName: 'Aske', dateOfBirth: '2006-03-01', holderId: 'sw-1', createdAt: TODAY, version: 0, ...contact };
  await writeChild(stack, child, [...CARE_LEAVER_FACTS], TODAY);
}

async function campaign(id: string) {
  await stack.surveys.putCampaign(scheduledCampaign(stack, TODAY, { id, name: `Leavers ${id}`, surveyId: 'care-leaver', mode: 'anonymous', audience: { status: 'care-leaver', ageFrom: 16, ageTo: 26 } }));
}

const dispatch = (today: string, sendText = smsSender({ endpoint: stack.smsEndpoint, ratePerSecond: 0 })!) =>
  runSurveyDispatch({ store: stack.store, surveys: stack.surveys, claims: stack.claims, councilId: stack.councilId, today, send: sesSender({ ratePerSecond: 0 }), sendText, appUrl: stack.baseUrl });

beforeAll(async () => {
  process.env.KEPT_TODAY = TODAY;
  stack = await startCouncilStack('once');
});

afterAll(() => stack?.stop());

describe('one answer per young person per campaign', () => {
  it('answered by email, then a worker starts a survey: they are told so, and a link issued anyway opens "already answered"', async () => {
    await addLeaver('A-1', { email: address('A-1') });
    await campaign('c-assisted');
    await dispatch(TODAY);
    const emailLink = await surveyLinkTo(stack, address('A-1'));
    expect((await completeSurvey(new SurveyBrowser(stack.baseUrl), emailLink, CARE_LEAVER_SURVEY)).at(-1)!.html).toContain('Thank you');

    const started = await stack.call('POST', '/children/A-1/survey-links', { token: await stack.token('practitioner', 'sw-1'), body: { campaignId: 'c-assisted' } });
    expect(started.status).toBe(409);
    expect(started.body.message ?? started.text).toMatch(/A-1 has already answered/);
    // The case page says so instead of offering the button.
    const casePage = textOf((await webSession(stack.baseUrl, await stack.token('practitioner', 'sw-1')).get('/case/A-1')).html);
    expect(casePage).toMatch(/open until .*: they have answered this survey, thank you/);
    expect(casePage).not.toContain('Start a survey with this young person');

    // As when they answer between the worker's look and the link: the link is born answered.
    const token = newToken();
    const code = newCode();
    const issued = await stack.surveys.issueLink({ linkHash: tokenHash(token), councilId: stack.councilId, campaignId: 'c-assisted', childId: 'A-1', lastDay: '2027-02-14', assisted: true, codeHash: tokenHash(code) }, 2_000_000_000);
    expect(issued).toEqual({ answered: true });
    const browser = new SurveyBrowser(stack.baseUrl);
    for (const path of [`/s/${token}`, `/s/${code}`, `/s/${token}/check`, emailLink]) expect((await browser.get(path)).html, path).toContain(ALREADY);
    const again = await completeSurvey(browser, `/s/${token}`, CARE_LEAVER_SURVEY);
    expect(again.every((p) => !p.html.includes('Check your answers'))).toBe(true);
    expect(await stack.surveys.listResponses(stack.councilId, 'c-assisted')).toHaveLength(1);
    expect(await stack.surveys.getInvitation(stack.councilId, 'c-assisted', 'A-1')).toMatchObject({ answered: true });
  });

  it('text failed on day 1, answered by email: the next day’s dispatch texts nothing, the email link says "already answered", one response', async () => {
    const number = mobile();
    await addLeaver('B-1', { email: address('B-1'), mobile: number, preferredChannel: 'both' });
    await campaign('c-retry');
    const down = smsSender({ endpoint: 'http://127.0.0.1:9', ratePerSecond: 0, maxAttempts: 1 })!;
    expect(await dispatch(TODAY, down)).toMatchObject({ failed: 1, opened: 0 });
    const emailLink = await surveyLinkTo(stack, address('B-1'));
    expect((await completeSurvey(new SurveyBrowser(stack.baseUrl), emailLink, CARE_LEAVER_SURVEY)).at(-1)!.html).toContain('Thank you');

    process.env.KEPT_TODAY = TOMORROW;
    try {
      expect(await dispatch(TOMORROW)).toMatchObject({ texts: 0, failed: 0, opened: 1 });
      expect((await stack.texts()).filter((t) => t.to === number)).toEqual([]);
      const browser = new SurveyBrowser(stack.baseUrl);
      expect((await browser.get(emailLink)).html).toContain(ALREADY);
      // Answering again from the same link stores nothing.
      await completeSurvey(browser, emailLink, CARE_LEAVER_SURVEY);
    } finally {
      process.env.KEPT_TODAY = TODAY;
    }
    expect(await stack.surveys.listResponses(stack.councilId, 'c-retry')).toHaveLength(1);
  });
});
