/**
 * A worker starts a survey with a young person: POST /children/{id}/survey-links
 * gives a fresh single-use link, its QR code and a short code that opens it
 * from the form at /s. The answer is stored as assisted; in an anonymous
 * campaign nothing ties it to the worker or the child. Wrong codes are
 * slowed down as wrong links are, and a code dies with its link.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { startCouncilStack, type TestStack } from '#tests/support/stack.js';
import { SurveyBrowser, completeSurvey } from '#tests/support/surveyClient.js';
import { browserForFile, closeBrowserAndStack } from '#tests/support/browser.js';
import { axeViolations, openPage } from '#tests/support/axe.js';
import { PLACEMENT_SURVEY_OLDER, PLACEMENT_SURVEY_YOUNG } from '#domain/surveys/definitions.js';
import { documentClient } from '#store/dynamo/client.js';
import type { ChildRecord } from '#domain/people.js';
import { dispatchSurveys, inCareSince, scheduledCampaign, writeChild } from '#tests/support/records.js';

const TODAY = '2027-01-18';
let stack: TestStack;
const chromium = browserForFile();
const tokens: Record<string, string> = {};
const inCare = inCareSince();

async function addChild(id: string, dateOfBirth: string, holderId = 'sw-1') {
  const child: ChildRecord = { councilId: stack.councilId, id, firstName: 'Ossian', lastName: 'Vale', dateOfBirth, holderId, createdAt: TODAY, version: 0 };
  await writeChild(stack, child, inCare, TODAY);
}

const start = (childId: string, campaignId: string, token = tokens.sw1!) => stack.call('POST', `/children/${childId}/survey-links`, { token, body: { campaignId } });
const CODE = /^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{5}-[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{5}$/;

async function responses(campaignId: string) {
  const out = await documentClient().send(new QueryCommand({
    TableName: stack.tableName, KeyConditionExpression: 'pk = :pk AND begins_with(sk, :r)',
    ExpressionAttributeValues: { ':pk': `CAMPAIGN#${stack.councilId}#${campaignId}`, ':r': 'RESPONSE#' },
  }));
  return out.Items ?? [];
}

beforeAll(async () => {
  process.env.KEPT_TODAY = TODAY;
  stack = await startCouncilStack('assisted', { council: { outOfHoursPhone: '0300 555 0100' } });
  await addChild('Y-1', '2017-08-08');
  await addChild('Y-2', '2017-09-09');
  await addChild('P-1', '2013-05-05');
  await addChild('P-3', '2013-05-05', 'sw-3');
  for (const c of [
    { id: 'c-young', name: 'Young', surveyId: 'placement-8-11', mode: 'anonymous', audience: { status: 'looked-after', ageFrom: 8, ageTo: 11 } },
    { id: 'c-older', name: 'Older', surveyId: 'placement-11-17', mode: 'confidential', audience: { status: 'looked-after', ageFrom: 11, ageTo: 18 } },
    { id: 'c-later', name: 'Later', surveyId: 'placement-11-17', mode: 'confidential', opens: '2027-03-01', closes: '2027-04-01', audience: { status: 'looked-after', ageFrom: 11, ageTo: 18 } },
  ] as const) await stack.surveys.putCampaign(scheduledCampaign(stack, TODAY, c));
  await dispatchSurveys(stack, TODAY);
  for (const [key, role, id] of [['sw1', 'practitioner', 'sw-1'], ['sw3', 'practitioner', 'sw-3'], ['tm1', 'manager', 'tm-1'], ['lead', 'lead', 'lead-1']] as const) tokens[key] = await stack.token(role, id);
  await chromium.ready();
});

afterAll(() => closeBrowserAndStack(chromium, stack));

describe('assisted survey links', () => {
  it('give the holder a fresh link, its QR code and a short code; a young person with no email or phone answers by the code', async () => {
    const r = await start('Y-1', 'c-young');
    expect(r.status).toBe(201);
    expect(r.body.url).toMatch(new RegExp(`^${stack.baseUrl}/s/[A-Za-z0-9_-]{43}$`));
    expect(r.body.code).toMatch(CODE);
    expect(r.body.qrSvg).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"[\s\S]*<path[\s\S]*<\/svg>\s*$/);

    const browser = new SurveyBrowser(stack.baseUrl);
    expect((await browser.get('/s')).html).toContain('Enter your survey code');
    const typed = await browser.get(`/s?code=${encodeURIComponent(` ${r.body.code.toLowerCase()} `)}`);
    expect(typed.status).toBe(303);
    const path = typed.location!;
    expect(path).toBe(`/s/${r.body.code.replace('-', '')}`);
    const pages = await completeSurvey(browser, path, PLACEMENT_SURVEY_YOUNG);
    expect(pages.at(-1)!.html).toContain('Thank you');

    const [stored, ...more] = await responses('c-young');
    expect(more).toHaveLength(0);
    expect(stored!.bands).toMatchObject({ assisted: true, ageBand: '8-10' });
    expect(stored!.childId).toBeUndefined();
    // Anonymous: nothing in the response names the child, the worker or the link.
    expect(JSON.stringify(stored)).not.toMatch(/Y-1|sw-1|Sue|Ossian|linkHash|codeHash/);
    // The code is used up with the link.
    expect((await browser.get(path)).html).toContain('already answered');
  });

  it('store a confidential answer from the link itself as assisted, with the case', async () => {
    const r = await start('P-1', 'c-older', tokens.tm1);
    expect(r.status).toBe(201);
    const path = new URL(r.body.url).pathname;
    await completeSurvey(new SurveyBrowser(stack.baseUrl), path, PLACEMENT_SURVEY_OLDER);
    const [stored] = await responses('c-older');
    expect(stored).toMatchObject({ childId: 'P-1', bands: { assisted: true } });
  });

  it('refuse anyone but the holder, their manager and admins, and campaigns that are not open or not the child’s, naming the field', async () => {
    expect((await start('P-3', 'c-older', tokens.sw1)).status).toBe(403);
    expect((await start('P-3', 'c-older', tokens.lead)).status).toBe(403);
    expect((await start('Y-2', 'c-missing')).status).toBe(404);
    expect((await start('NOPE', 'c-young')).status).toBe(404);
    for (const [child, campaign] of [['Y-2', 'c-older'], ['P-1', 'c-later']]) {
      const r = await start(child!, campaign!);
      expect(r.status).toBe(400);
      expect(r.text).toContain('campaignId');
    }
    const bad = await stack.call('POST', '/children/Y-2/survey-links', { token: tokens.sw1, body: { campaignId: '' } });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('campaignId');
  });

  it('lets a code die with its link: a newer link replaces both', async () => {
    const first = await start('Y-2', 'c-young');
    const second = await start('Y-2', 'c-young');
    expect(second.body.code).not.toBe(first.body.code);
    expect((await fetch(`${stack.baseUrl}/s/${first.body.code.replace('-', '')}`)).status).toBe(404);
    expect((await fetch(new URL(first.body.url).href)).status).toBe(404);
    expect((await fetch(`${stack.baseUrl}/s/${second.body.code.replace('-', '')}`)).status).toBe(200);
  });

  it('shows a code form that names a mistyped code and passes axe-core', async () => {
    const bad = await new SurveyBrowser(stack.baseUrl).get('/s?code=12345');
    expect(bad.status).toBe(400);
    expect(bad.html).toContain('href="#code"');
    // The council's name, not the product's, heads the code form and its errors.
    expect(bad.html).toContain('<title>Error: Enter your survey code – Test Borough</title>');
    // A well-formed code that opens nothing shows the form again, the code as typed, not a dead end.
    const wrong = await new SurveyBrowser(stack.baseUrl).get('/s?code=abcde-23456');
    expect(wrong.status).toBe(400);
    expect(wrong.html).toContain('govuk-error-summary');
    expect(wrong.html).toContain('We cannot find a survey with that code');
    expect(wrong.html).toMatch(/<input[^>]+id="code"[^>]+value="abcde-23456"/);
    expect(wrong.html).toContain('Test Borough');
    expect(wrong.html).not.toMatch(/Kept<\/(title|a|span)>/);
    const { page } = await openPage(await chromium.browser());
    const violations: Record<string, string[]> = {};
    for (const path of ['/s', '/s?code=12345']) {
      await page.goto(`${stack.baseUrl}${path}`);
      violations[path] = await axeViolations(page);
    }
    expect(violations).toEqual({ '/s': [], '/s?code=12345': [] });
  });

  it('slows down wrong codes as it does wrong links', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await fetch(`${stack.baseUrl}/s/ABCDEFGH${'23456789'[i % 8]}${'ABCDEFGHJKM'[i]}`)).status);
    // Earlier tests here tried two dead links and one dead code from the same address: the ten allowed include them.
    const firstSlowed = statuses.indexOf(429);
    expect(firstSlowed).toBeGreaterThanOrEqual(7);
    expect(statuses.slice(0, firstSlowed).every((s) => s === 404)).toBe(true);
    expect(statuses.slice(firstSlowed).every((s) => s === 429)).toBe(true);
    // The code form is slowed too, and says so under the council's name.
    const slowed = await new SurveyBrowser(stack.baseUrl).get('/s?code=ABCDE-23457');
    expect(slowed.status).toBe(429);
    expect(slowed.html).toContain('Too many tries – Test Borough</title>');
  });
});
