/**
 * Response rates while a campaign is open: overall and by team, channel and
 * age band against the campaign's target, the same in HTML, JSON and CSV and
 * adding up; each worker's own young people who have not answered yet on My
 * work (names only in a confidential campaign); and the case page's "Start a
 * survey with this young person", whose page shows the QR code, the code and
 * the link, with a printable letter, and whose code opens the survey at /s.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { startCouncilStack, type TestStack } from '#tests/support/stack.js';
import { SurveyBrowser, completeSurvey } from '#tests/support/surveyClient.js';
import { csrfOf, textOf, webSession } from '#tests/support/webSession.js';
import { browserForFile, closeBrowserAndStack } from '#tests/support/browser.js';
import { axeViolations } from '#tests/support/axe.js';
import { PLACEMENT_SURVEY_OLDER } from '#domain/surveys/definitions.js';
import type { ChildRecord } from '#domain/people.js';
import { dispatchSurveys, inCareSince, writeChild } from '#tests/support/records.js';

const TODAY = '2027-01-18';
let stack: TestStack;
const chromium = browserForFile();
const tokens: Record<'sw1' | 'sw3' | 'tm1' | 'lead', string> = { sw1: '', sw3: '', tm1: '', lead: '' };
const campaigns: Record<'confidential' | 'anonymous', string> = { confidential: '', anonymous: '' };
const inCare = inCareSince();
// tm-1's team: 14 young people (sw-1 and sw-2 alternately); tm-2's: 12 (sw-3). N-1 (sw-1) has no email, so is not invited.
const TEAM1 = Array.from({ length: 14 }, (_, i) => `T1-${String(i + 1).padStart(2, '0')}`);
const TEAM2 = Array.from({ length: 12 }, (_, i) => `T2-${String(i + 1).padStart(2, '0')}`);
const holderOf = (id: string) => (id.startsWith('T2') ? 'sw-3' : Number(id.slice(3)) % 2 ? 'sw-1' : 'sw-2');

async function addChild(id: string, holderId: string, email?: string) {
  const child: ChildRecord = { councilId: stack.councilId, id, firstName: 'Rowan', lastName: 'Quill', dateOfBirth: '2013-05-05', holderId, createdAt: TODAY, version: 0, ...(email ? { email } : {}) };
  await writeChild(stack, child, inCare, TODAY);
}
const address = (id: string) => `${id.toLowerCase()}@${stack.councilId}.test`;

/** The link in the invitation a young person was sent for the campaign of that mode. */
async function linkFor(id: string, mode: 'confidential' | 'anonymous'): Promise<string> {
  const mail = (await stack.inbox()).find((e) => e.destination.to[0] === address(id) && e.body.text!.includes(`It is ${mode}`))!;
  return new URL(/http\S+\/s\/[A-Za-z0-9_-]{43}/.exec(mail.body.text!)![0]).pathname;
}

const report = (id: string, format = '') => fetch(`${stack.baseUrl}/reports/surveys/${id}${format ? `?format=${format}` : ''}`, { headers: { cookie: `kept_session=${tokens.lead}` } });

beforeAll(async () => {
  process.env.KEPT_TODAY = TODAY;
  stack = await startCouncilStack('rates', { council: { outOfHoursPhone: '0300 555 0100' } });
  for (const id of [...TEAM1, ...TEAM2]) await addChild(id, holderOf(id), address(id));
  await addChild('N-1', 'sw-1');
  for (const [key, role, id] of [['sw1', 'practitioner', 'sw-1'], ['sw3', 'practitioner', 'sw-3'], ['tm1', 'manager', 'tm-1'], ['lead', 'lead', 'lead-1']] as const) tokens[key] = await stack.token(role, id);
  const audience = { status: 'looked-after', ageFrom: 11, ageTo: 18 };
  for (const mode of ['confidential', 'anonymous'] as const) {
    const made = await stack.call('POST', '/campaigns', {
      token: tokens.lead,
      body: { surveyId: 'placement-11-17', name: `Placements (${mode})`, audience, opens: TODAY, closes: '2027-02-15', mode, ...(mode === 'confidential' ? { targetRate: 45 } : {}) },
    });
    expect(made.status).toBe(201);
    campaigns[mode] = made.body.campaign.id;
  }
  await dispatchSurveys(stack, TODAY);
  // Half of each team answers the confidential campaign: T1-01..07 (sw-1 has 01, 03, 05, 07) and T2-01..06.
  for (const id of [...TEAM1.slice(0, 7), ...TEAM2.slice(0, 6)]) {
    const pages = await completeSurvey(new SurveyBrowser(stack.baseUrl), await linkFor(id, 'confidential'), PLACEMENT_SURVEY_OLDER);
    expect(pages.at(-1)!.html).toContain('Thank you');
  }
  await chromium.ready();
}, 120_000);

afterAll(() => closeBrowserAndStack(chromium, stack));

describe('response rates on the survey report', () => {
  it('refuses a target rate outside 0 to 100, naming the field, and stores nothing', async () => {
    const before = (await stack.call('GET', '/campaigns', { token: tokens.lead })).body.campaigns.length;
    const bad = await stack.call('POST', '/campaigns', {
      token: tokens.lead,
      body: { surveyId: 'placement-11-17', name: 'Too keen', audience: { status: 'looked-after', ageFrom: 11, ageTo: 18 }, opens: TODAY, closes: '2027-02-15', mode: 'anonymous', targetRate: 120 },
    });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('targetRate');
    expect((await stack.call('GET', '/campaigns', { token: tokens.lead })).body.campaigns.length).toBe(before);
  });

  it('gives the rate overall and by team, channel and age band against the target, adding up, the same in JSON and CSV', async () => {
    const json = await (await report(campaigns.confidential, 'json')).json();
    expect(json.rates).toMatchObject({ target: 45, invited: 26, answered: 13, rate: 50, meetsTarget: true, undelivered: 0, assisted: 0 });
    const rows = (d: string) => json.rates.breakdowns.find((b: { dimension: string }) => b.dimension === d).rows.map((r: Record<string, unknown>) => [r.label, r.invited, r.answered, r.rate]);
    expect(rows('team')).toEqual([
      ["Meg Manager's team", 12, 6, 50],
      ["Mo Manager's team", 14, 7, 50],
    ]);
    expect(rows('channel')).toEqual([['Email', 26, 13, 50]]);
    expect(rows('ageBand')).toEqual([['11-15', 26, 13, 50]]);
    // The rate is the summary's too: one definition of invited and answered.
    expect(json.summary).toMatchObject({ invited: 26, answered: 13, responseRate: 50 });

    const csv: string[][] = parse(await (await report(campaigns.confidential, 'csv')).text());
    const team = csv.filter((r) => r[0] === 'response by team');
    expect(team.map((r) => [r[2], r[3], r[4], r[5]])).toEqual([
      ["Meg Manager's team", 'Invited', '12', ''],
      ["Meg Manager's team", 'Answered', '6', '50'],
      ["Mo Manager's team", 'Invited', '14', ''],
      ["Mo Manager's team", 'Answered', '7', '50'],
    ]);
    expect(csv.find((r) => r[2] === 'Target response rate')![5]).toBe('45');

    const page = textOf(await (await report(campaigns.confidential)).text());
    expect(page).toContain('Target 45%. The target is reached.');
    expect(page).toContain("Response rate by team Team Invited Answered Rate Meg Manager's team 12 6 50% Mo Manager's team 14 7 50%");
    // The anonymous campaign has the default target, and no answers yet.
    const anonymous = await (await report(campaigns.anonymous, 'json')).json();
    expect(anonymous.rates).toMatchObject({ target: 30, invited: 26, answered: 0, rate: 0, meetsTarget: false });
  });
});

describe("a worker's young people who have not answered yet", () => {
  it('lists only their own, by case reference and initials, in a confidential campaign; counts only in an anonymous one', async () => {
    const mine = textOf((await webSession(stack.baseUrl, tokens.sw1).get('/')).html);
    const section = mine.slice(mine.indexOf('Surveys: not answered yet'));
    // sw-1 holds the odd T1s: 01 to 07 answered, so 09, 11 and 13 have not.
    expect(section).toContain('Placements (confidential)');
    for (const id of ['T1-09', 'T1-11', 'T1-13']) expect(section).toContain(`${id} R.Q.`);
    for (const id of ['T1-01', 'T1-03', 'T1-10', 'T2-07', 'N-1']) expect(section).not.toContain(id);
    // Campaigns closing the same day come in name order: the anonymous one first.
    const anonymous = section.slice(section.indexOf('Placements (anonymous)'), section.indexOf('Placements (confidential)'));
    expect(anonymous).toContain('of 7 of your young people invited, 0 answered and 7 not yet');
    expect(anonymous).not.toMatch(/T1-|T2-/);

    const theirs = textOf((await webSession(stack.baseUrl, tokens.sw3).get('/')).html);
    expect(theirs).toContain('T2-07 R.Q.');
    expect(theirs).not.toMatch(/T1-/);
    expect(textOf((await webSession(stack.baseUrl, tokens.lead).get('/')).html)).not.toContain('not answered yet');
  });
});

describe("the case page's survey action", () => {
  it('is offered to the holder for each open campaign, not to a lead', async () => {
    const page = await webSession(stack.baseUrl, tokens.sw1).get('/case/N-1');
    expect(page.status).toBe(200);
    expect(textOf(page.html)).toContain('Placements (confidential) (confidential), open until');
    expect(page.html.match(/Start a survey with this young person/g)).toHaveLength(2);
    expect((await webSession(stack.baseUrl, tokens.lead).get('/case/N-1')).html).not.toContain('Start a survey');
  });

  it('makes a link on POST with CSRF: the QR code, the code and the URL, a printable letter naming no one, and the code opens the survey at /s', async () => {
    const session = webSession(stack.baseUrl, tokens.sw1);
    const casePage = await session.get('/case/N-1');
    const refused = await session.post('/children/N-1/start-survey', { csrf: 'x'.repeat(32), campaignId: campaigns.confidential });
    expect(refused.status).toBe(403);
    expect((await stack.surveys.listInvitations(stack.councilId, campaigns.confidential)).some((i) => i.childId === 'N-1')).toBe(false);

    const started = await session.post('/children/N-1/start-survey', { csrf: csrfOf(casePage.html), campaignId: campaigns.confidential });
    expect(started.status).toBe(201);
    expect(started.html).toMatch(/<svg role="img" aria-label="QR code that opens the survey"[^>]*>[\s\S]*<path/);
    const code = /([A-HJ-KM-NP-Z2-9]{5}-[A-HJ-KM-NP-Z2-9]{5})/.exec(textOf(started.html))![1]!;
    const url = /href="(http[^"]+\/s\/[A-Za-z0-9_-]{43})"/.exec(started.html)![1]!;
    expect(started.html).toContain('href="#letter">Print an invitation letter</a>');
    const letter = textOf(started.html.slice(started.html.indexOf('<section id="letter"'), started.html.indexOf('</section>', started.html.indexOf('<section id="letter"'))));
    expect(letter).toContain('Test Borough A survey for you');
    expect(letter).toContain(`go to ${stack.baseUrl}/s and type this code: ${code}`);
    expect(letter).toContain('Test Borough out of hours: 0300 555 0100');
    expect(letter).not.toMatch(/N-1|Rowan|Quill|R\.Q\.|Sue Worker/);
    // Nothing but a POST makes a link: there is no page to reload that would make another.
    expect([404, 405]).toContain((await session.get('/children/N-1/start-survey')).status);

    const browser = new SurveyBrowser(stack.baseUrl);
    const typed = await browser.get(`/s?code=${encodeURIComponent(code)}`);
    expect(typed.status).toBe(303);
    expect(typed.location).toBe(`/s/${code.replace('-', '')}`);
    expect((await browser.get(typed.location!)).status).toBe(200);
    expect((await fetch(url)).status).toBe(200);
  });

  it('answers a campaign the young person is not in with a page that names the field', async () => {
    const session = webSession(stack.baseUrl, tokens.sw1);
    const casePage = await session.get('/case/N-1');
    const bad = await session.post('/children/N-1/start-survey', { csrf: csrfOf(casePage.html), campaignId: 'cmp-nope' });
    expect(bad.status).toBe(404);
    const blank = await session.post('/children/N-1/start-survey', { csrf: csrfOf(casePage.html), campaignId: '' });
    expect(blank.status).toBe(400);
    expect(textOf(blank.html)).toContain('campaignId');
  });
});

describe('the new pages in a browser', () => {
  it('pass axe-core at 390 px, with no sideways scrolling: the report, My work, the case page and the survey-started page', async () => {
    const context = await (await chromium.browser()).newContext({ viewport: { width: 390, height: 844 } });
    const found: Record<string, string[]> = {};
    const check = async (name: string) => {
      found[name] = await axeViolations(page);
    };
    await context.addCookies([{ name: 'kept_session', value: tokens.lead, url: stack.baseUrl }]);
    const page = await context.newPage();
    await page.goto(`${stack.baseUrl}/reports/surveys/${campaigns.confidential}`);
    await check('report');
    await context.addCookies([{ name: 'kept_session', value: tokens.sw1, url: stack.baseUrl }]);
    await page.goto(`${stack.baseUrl}/`);
    await check('my work');
    await page.goto(`${stack.baseUrl}/case/N-1`);
    await check('case');
    // Without JavaScript's help: the button is a plain form post.
    await page.getByRole('button', { name: 'Start a survey with this young person' }).first().click();
    await page.waitForURL('**/start-survey');
    expect(await page.getByRole('heading', { name: 'Survey started' }).count()).toBe(1);
    await check('survey started');
    // Printed, only the letter is left.
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('heading', { name: 'Survey started' }).isVisible()).toBe(false);
    expect(await page.getByRole('heading', { name: 'A survey for you' }).isVisible()).toBe(true);
    expect(await page.locator('.govuk-service-navigation').isVisible()).toBe(false);
    await context.close();
    expect(found).toEqual({ report: [], 'my work': [], case: [], 'survey started': [] });
  });
});
