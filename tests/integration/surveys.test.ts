import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { startTestStack, testStaff, type TestStack } from '#tests/support/stack.js';
import { SurveyBrowser, answersFor, completeSurvey } from '#tests/support/surveyClient.js';
import type { SurveyStore } from '#store/ports/surveys.js';
import { runSurveyDispatch } from '#services/surveyDispatch.js';
import { sesSender } from '#email/sender.js';
import { projector } from '#services/council.js';
import { STATUTORY_POLICY } from '#domain/policy.js';
import { CARE_LEAVER_SURVEY, PLACEMENT_SURVEY_OLDER, pledgeSurvey } from '#domain/surveys/definitions.js';
import { DEMO_PLEDGE } from '#local/demoPledge.js';
import { documentClient } from '#store/dynamo/client.js';
import type { ChildRecord } from '#domain/people.js';
import type { Fact } from '#domain/facts.js';
import type { ReceivedEmail } from '#local/services.js';

const TODAY = '2027-01-18';
let stack: TestStack;
let surveys: SurveyStore;
let lead: string;
const campaigns: Record<string, string> = {};

const leaverFacts: Fact[] = [
  { type: 'entered-care', date: '2020-05-01' },
  { type: 'placement-started', date: '2020-05-01', placementId: 'P1', longTerm: true, arrangement: 'foster' },
  { type: 'left-care', date: '2024-03-01', reason: 'age-18' },
];
const inCareFacts: Fact[] = [
  { type: 'entered-care', date: '2025-01-01' },
  { type: 'placement-started', date: '2025-01-01', placementId: 'P1', longTerm: false, arrangement: 'foster', outOfArea: true },
];

async function addChild(id: string, dateOfBirth: string, holderId: string, facts: Fact[], email?: string) {
  const child: ChildRecord = { councilId: stack.councilId, id, firstName: 'Zara', lastName: 'Quill', dateOfBirth, holderId, createdAt: TODAY, version: 0, ...(email ? { email } : {}) };
  await stack.store.writeChildren([{ child, facts: facts.map((fact) => ({ fact, recordedAt: `${TODAY}T08:00:00Z`, recordedBy: holderId })), projection: projector(STATUTORY_POLICY, TODAY)(child, facts.map((fact) => ({ fact }))) }]);
}

const young = (name: string) => `young-${name}@${stack.councilId}.test`;
const dispatch = (today: string) => runSurveyDispatch({ store: stack.store, surveys, claims: stack.claims, councilId: stack.councilId, today, send: sesSender({ ratePerSecond: 0 }), appUrl: stack.baseUrl });

async function emailsTo(address: string): Promise<ReceivedEmail[]> {
  return (await stack.inbox()).filter((e) => e.destination.to[0] === address);
}
async function linkFor(address: string): Promise<string> {
  const mails = await emailsTo(address);
  const text = mails.at(-1)!.body.text!;
  return new URL(/Answer here: (\S+)/.exec(text)![1]!).pathname;
}
async function responses(campaignId: string): Promise<Record<string, unknown>[]> {
  const out = await documentClient().send(
    new QueryCommand({
      TableName: stack.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :r)',
      ExpressionAttributeValues: { ':pk': `CAMPAIGN#${stack.councilId}#${campaignId}`, ':r': 'RESPONSE#' },
      ConsistentRead: true,
    }),
  );
  return (out.Items ?? []) as Record<string, unknown>[];
}

beforeAll(async () => {
  process.env.KEPT_TODAY = TODAY;
  stack = await startTestStack('surveys');
  surveys = stack.surveys;
  await stack.store.putCouncil({ id: stack.councilId, name: 'Test Borough', outOfHoursPhone: '0300 555 0100', pledge: [...DEMO_PLEDGE] });
  for (const s of testStaff(stack.councilId)) await stack.store.createStaff(s);
  await addChild('L-1', '2006-03-01', 'sw-1', leaverFacts, young('l1'));
  await addChild('L-2', '2006-04-01', 'sw-2', leaverFacts, young('l2'));
  await addChild('L-3', '2006-05-01', 'sw-2', leaverFacts, young('l3'));
  await addChild('P-1', '2013-05-05', 'sw-1', inCareFacts, young('p1'));
  await addChild('P-2', '2013-06-06', 'sw-2', inCareFacts, young('p2'));
  await addChild('P-3', '2013-07-07', 'sw-3', inCareFacts); // no address: cannot be invited
  await addChild('Y-1', '2017-08-08', 'sw-3', inCareFacts, young('y1'));
  lead = await stack.token('lead', 'lead-1');
});

afterAll(async () => {
  await stack.stop();
});

describe('campaigns', () => {
  const body = (over: Record<string, unknown> = {}) => ({
    surveyId: 'care-leaver',
    name: 'Care leavers 2027',
    audience: { status: 'care-leaver', ageFrom: 16, ageTo: 26 },
    opens: TODAY,
    closes: '2027-02-15',
    mode: 'anonymous',
    reminderDays: [7, 14],
    ...over,
  });

  it('are created by leads and admins, checked first', async () => {
    expect((await stack.call('POST', '/campaigns', { token: await stack.token('practitioner', 'sw-1'), body: body() })).status).toBe(403);
    expect((await stack.call('POST', '/campaigns', { token: await stack.token('manager', 'tm-1'), body: body() })).status).toBe(403);
    const bad = await stack.call('POST', '/campaigns', { token: lead, body: body({ closes: '2027-01-01', mode: 'public', reminderDays: [1, 2, 3] }) });
    expect(bad.status).toBe(400);
    expect(bad.body.problems.map((p: { field: string }) => p.field).sort()).toEqual(['mode', 'reminderDays']);
    const order = await stack.call('POST', '/campaigns', { token: lead, body: body({ closes: '2027-01-10' }) });
    expect(order.body.problems).toEqual([{ field: 'closes', message: 'must be after opens' }]);
    expect((await stack.call('POST', '/campaigns', { token: lead, body: body({ surveyId: 'favourite-colour' }) })).body.error).toMatch(/surveyId: no survey/);
    expect((await stack.call('POST', '/campaigns', { token: lead, body: body({ audience: { status: 'care-leaver', ageFrom: 8, ageTo: 26 } }) })).body.error).toMatch(/audience/);
    expect(await surveys.listCampaigns(stack.councilId)).toEqual([]);

    const made = await stack.call('POST', '/campaigns', { token: lead, body: body() });
    expect(made.status).toBe(201);
    expect(made.body.campaign).toMatchObject({ state: 'scheduled', version: 1, mode: 'anonymous' });
    campaigns.leavers = made.body.campaign.id;
    const placements = await stack.call('POST', '/campaigns', {
      token: lead,
      body: body({ surveyId: 'placement-11-17', name: 'Placements', audience: { status: 'looked-after', ageFrom: 11, ageTo: 18 }, mode: 'confidential' }),
    });
    campaigns.placements = placements.body.campaign.id;
    const pledge = await stack.call('POST', '/campaigns', {
      token: await stack.token('admin', 'admin-1'),
      body: body({ surveyId: 'pledge', name: 'Our pledge', audience: { status: 'looked-after', ageFrom: 8, ageTo: 11 }, reminderDays: [] }),
    });
    expect(pledge.status).toBe(201);
    campaigns.pledge = pledge.body.campaign.id;
  });

  it('open on their day: each person in the audience with an address gets one invitation', async () => {
    const report = await dispatch(TODAY);
    expect(report).toMatchObject({ opened: 3, invited: 6 });
    for (const who of ['l1', 'l2', 'l3', 'p1', 'p2', 'y1']) expect(await emailsTo(young(who))).toHaveLength(1);
    const leaver = (await emailsTo(young('l1')))[0]!;
    expect(leaver.subject).toBe(`${CARE_LEAVER_SURVEY.title} – Test Borough`);
    expect(leaver.body.text).toContain('Test Borough wants to hear from you.');
    expect(leaver.body.text).toContain('It is anonymous');
    expect((await emailsTo(young('p1')))[0]!.body.text).toContain('It is confidential');
    expect(leaver.body.text).not.toMatch(/Zara|Quill|2006/);
    // Rerunning the same day sends nothing more.
    expect(await dispatch(TODAY)).toMatchObject({ opened: 0, invited: 0, reminded: 0 });
    expect(await emailsTo(young('l1'))).toHaveLength(1);
    const listed = await stack.call('GET', '/campaigns', { token: lead });
    expect(listed.body.campaigns.find((c: { id: string }) => c.id === campaigns.leavers)).toMatchObject({ state: 'open', invited: 3, answered: 0 });
  });
});

describe('answering', () => {
  it('takes a care leaver through every page, stores an anonymous response with coarse bands only', async () => {
    const link = await linkFor(young('l1'));
    const browser = new SurveyBrowser(stack.baseUrl);
    const pages = await completeSurvey(browser, link, CARE_LEAVER_SURVEY);
    expect(pages[0]!.status).toBe(200);
    expect(pages[0]!.html).toContain('This survey is anonymous');
    for (const p of pages.filter((_, i) => i > 0 && i % 2 === 0 && i <= CARE_LEAVER_SURVEY.sections.length * 2)) expect(p.status).toBe(303);
    const check = pages.at(-3)!;
    expect(check.html).toContain('Check your answers');
    expect(pages.at(-2)!.location).toBe(`${link}/done`);
    expect(pages.at(-1)!.html).toContain('Thank you');

    const stored = await responses(campaigns.leavers!);
    expect(stored).toHaveLength(1);
    const item = stored[0]!;
    expect(item.childId).toBeUndefined();
    expect(item.reference).toBeUndefined();
    expect(item.bands).toEqual({ ageBand: '18-20', placementType: 'care-leaver', area: 'unknown' });
    expect(Object.keys(item).sort()).toEqual(['answers', 'bands', 'itemType', 'pk', 'responseId', 'sk', 'submittedOn', 'surveyId', 'version']);
    expect(JSON.stringify(item)).not.toMatch(/L-1|l1@|2006-03-01|Zara|sw-1/);
    expect((item.answers as Record<string, unknown>)['life-satisfaction']).toBe(6);

    const again = await browser.get(link);
    expect(again.html).toContain('You have already answered, thank you');
  });

  it('stores one response when the same answers are sent twice at once', async () => {
    const link = await linkFor(young('l3'));
    const browser = new SurveyBrowser(stack.baseUrl);
    await browser.get(link);
    const answers = answersFor(CARE_LEAVER_SURVEY);
    for (const s of CARE_LEAVER_SURVEY.sections) await browser.post(`${link}/${s.id}`, answers[s.id]!);
    const [a, b] = await Promise.all([browser.post(`${link}/check`, {}), browser.post(`${link}/check`, {})]);
    expect([a.status, b.status]).toEqual([303, 303]);
    expect(await responses(campaigns.leavers!)).toHaveLength(2); // l1 and l3, once each
    const late = await browser.post(`${link}/check`, {});
    expect([late.status, late.location]).toEqual([303, `${link}/done`]);
    expect(await responses(campaigns.leavers!)).toHaveLength(2);
  });

  it('says what is missing in an error summary, and keeps answers when going back', async () => {
    const link = await linkFor(young('l2'));
    const browser = new SurveyBrowser(stack.baseUrl);
    await browser.get(link);
    const [first, second] = CARE_LEAVER_SURVEY.sections;
    const empty = await browser.post(`${link}/${first!.id}`, {});
    expect(empty.status).toBe(400);
    expect(empty.html).toContain('There is a problem');
    expect(empty.html).toMatch(/<title>Error: /);
    // Only the question about feeling safe must be answered; the others are marked optional.
    expect(empty.html).toContain('href="#feel-safe-home"');
    expect(empty.html.match(/govuk-error-summary__list[\s\S]*?<\/ul>/)![0].match(/<li>/g)).toHaveLength(1);
    expect(empty.html).toContain('Does the place you live feel right for you? (optional)');
    expect(empty.html).not.toContain('Do you feel safe where you live? (optional)');
    // The check page cannot be reached with the required question unanswered.
    expect((await browser.get(`${link}/check`)).location).toBe(`${link}/${first!.id}`);
    const answers = answersFor(CARE_LEAVER_SURVEY);
    await browser.post(`${link}/${first!.id}`, answers[first!.id]!);
    const back = await browser.get(`${link}/${first!.id}`);
    const firstQuestion = first!.questions[0]!;
    expect(back.html).toMatch(new RegExp(`name="${firstQuestion.id}" type="radio" value="${answers[first!.id]![firstQuestion.id]}" checked`));
    const next = await browser.get(`${link}/${second!.id}`);
    expect(next.html).toContain(`href="${link}/${first!.id}"`); // the back link
  });

  it('refuses a form without its CSRF token, and saves nothing', async () => {
    const link = await linkFor(young('p2'));
    const browser = new SurveyBrowser(stack.baseUrl);
    await browser.get(link);
    const home = PLACEMENT_SURVEY_OLDER.sections[0]!;
    const answers = answersFor(PLACEMENT_SURVEY_OLDER)[home.id]!;
    expect((await browser.post(`${link}/${home.id}`, answers, { csrf: null })).status).toBe(403);
    expect((await browser.post(`${link}/${home.id}`, answers, { csrf: 'x'.repeat(32) })).status).toBe(403);
    const stranger = new SurveyBrowser(stack.baseUrl);
    expect((await stranger.post(`${link}/${home.id}`, { ...answers, csrf: browser.csrf! })).status).toBe(403);
    const stored = await surveys.getLink((await import('#platform/tokens.js')).tokenHash(link.split('/')[2]!));
    expect(stored!.draft).toEqual({});
  });

  it('escapes a script typed into a free-text answer everywhere it is shown', async () => {
    const link = await linkFor(young('p2'));
    const browser = new SurveyBrowser(stack.baseUrl);
    const payload = '<script>alert("x")</script><img src=x onerror=alert(1)>';
    const pages = await completeSurvey(browser, link, PLACEMENT_SURVEY_OLDER, { 'anything-else': payload });
    const check = pages.at(-3)!;
    expect(check.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;');
    expect(check.html).not.toContain('<script>alert');
    expect(check.html).not.toContain('<img src=x');
  });
});

describe('safeguarding', () => {
  it('confidential: shows who to contact at once and tells the worker and manager, without the answers', async () => {
    const link = await linkFor(young('p1'));
    const browser = new SurveyBrowser(stack.baseUrl);
    await browser.get(link);
    const [home, next] = PLACEMENT_SURVEY_OLDER.sections;
    const answers = { ...answersFor(PLACEMENT_SURVEY_OLDER)[home!.id]!, 'feel-safe-home': 'never' };
    const saved = await browser.post(`${link}/${home!.id}`, answers);
    expect(saved.status).toBe(303);
    const following = await browser.get(`${link}/${next!.id}`);
    expect(following.html).toContain('Help is here');
    expect(following.html).toContain('0800 1111');
    expect(following.html).toContain('0300 555 0100');
    expect(following.html).toContain('Sue Worker');

    const alerts = (await stack.inbox()).filter((e) => e.subject.startsWith('Kept: please contact P-1'));
    expect(alerts.map((e) => e.destination.to[0]).sort()).toEqual([`sw-1@${stack.councilId}.test`, `tm-1@${stack.councilId}.test`]);
    for (const alert of alerts) {
      expect(alert.body.text).toMatch(/Reference: K-[0-9A-F]{8}/);
      expect(alert.body.text).not.toMatch(/never|safe where you live|Zara/i);
    }
    // Saving the page again does not alert twice.
    await browser.post(`${link}/${home!.id}`, answers);
    expect((await stack.inbox()).filter((e) => e.subject.startsWith('Kept: please contact P-1'))).toHaveLength(2);

    const pages = await completeSurvey(browser, link, PLACEMENT_SURVEY_OLDER, { 'feel-safe-home': 'never' });
    expect(pages.at(-1)!.html).toContain('Help is here');
    const stored = (await responses(campaigns.placements!)).find((r) => r.childId === 'P-1')!;
    expect(stored.reference).toMatch(/^K-/);
    expect((stored.answers as Record<string, string>)['feel-safe-home']).toBe('never');
    expect(stored.bands).toEqual({ ageBand: '11-15', placementType: 'foster', area: 'out-of-area' });
  });

  it('anonymous: shows who to contact but alerts nobody', async () => {
    const before = (await stack.inbox()).length;
    const link = await linkFor(young('l2'));
    const browser = new SurveyBrowser(stack.baseUrl);
    await browser.get(link);
    const [home, next] = CARE_LEAVER_SURVEY.sections;
    await browser.post(`${link}/${home!.id}`, { ...answersFor(CARE_LEAVER_SURVEY)[home!.id]!, 'feel-safe-home': 'never' });
    expect((await browser.get(`${link}/${next!.id}`)).html).toContain('Help is here');
    expect((await stack.inbox()).length).toBe(before);
  });
});

describe('links', () => {
  it('answers 404 for an unknown link and 410 once the campaign has closed', async () => {
    const browser = new SurveyBrowser(stack.baseUrl);
    const unknown = await browser.get('/s/abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG');
    expect(unknown.status).toBe(404);
    expect(unknown.html).toContain('We cannot find this survey');
    expect((await browser.get('/s/short')).status).toBe(404);

    const link = await linkFor(young('y1'));
    process.env.KEPT_TODAY = '2027-02-15';
    try {
      const closed = await browser.get(link);
      expect(closed.status).toBe(410);
      expect(closed.html).toContain('This survey has closed');
    } finally {
      process.env.KEPT_TODAY = TODAY;
    }
  });

  it('reminds only those who have not answered, with a new link that keeps their answers so far', async () => {
    const link = await linkFor(young('l2'));
    const report = await dispatch('2027-01-25');
    // l1 and l3 answered the leavers' survey, p1 and p2 the placement survey, and the pledge
    // campaign has no reminders: only l2 is reminded.
    expect(report.reminded).toBe(1);
    expect(await emailsTo(young('l1'))).toHaveLength(1);
    const reminder = (await emailsTo(young('l2'))).at(-1)!;
    expect(reminder.subject).toMatch(/^Reminder: /);
    const fresh = await linkFor(young('l2'));
    expect(fresh).not.toBe(link);
    const browser = new SurveyBrowser(stack.baseUrl);
    expect((await browser.get(link)).status).toBe(404);
    const home = CARE_LEAVER_SURVEY.sections[0]!;
    expect((await browser.get(`${fresh}/${home.id}`)).html).toMatch(/name="feel-safe-home" type="radio" value="never" checked/);
    expect(await dispatch('2027-01-25')).toMatchObject({ reminded: 0 });
  });

  it('builds the pledge survey from the council’s own promises', async () => {
    const link = await linkFor(young('y1'));
    const definition = pledgeSurvey({ name: 'Test Borough', pledge: DEMO_PLEDGE });
    const pages = await completeSurvey(new SurveyBrowser(stack.baseUrl), link, definition);
    expect(pages.at(-1)!.html).toContain('Thank you');
    const [stored] = await responses(campaigns.pledge!);
    expect(Object.keys(stored!.answers as object)).toContain('pledge-safe-home');
  });

  it('closes campaigns on their closing day', async () => {
    expect(await dispatch('2027-02-15')).toMatchObject({ closed: 3 });
    expect((await surveys.getCampaign(stack.councilId, campaigns.leavers!))!.state).toBe('closed');
  });
});

describe('a child record gone by the time the answers are sent', () => {
  it('stores the response with every band unknown, not an invented age band', async () => {
    await surveys.putCampaign({
      id: 'c-gone', councilId: stack.councilId, surveyId: 'care-leaver', version: 1, name: 'Leavers', mode: 'anonymous', state: 'open',
      audience: { status: 'care-leaver', ageFrom: 16, ageTo: 26 }, opens: TODAY, closes: '2027-02-15', reminderDays: [],
      createdBy: 'lead-1', createdAt: TODAY, invited: 1, remindersSent: 0,
    });
    const { newToken, tokenHash } = await import('#platform/tokens.js');
    const token = newToken();
    await surveys.issueLink({ linkHash: tokenHash(token), councilId: stack.councilId, campaignId: 'c-gone', childId: 'ERASED-1', lastDay: '2027-02-14' }, 2_000_000_000);
    const pages = await completeSurvey(new SurveyBrowser(stack.baseUrl), `/s/${token}`, CARE_LEAVER_SURVEY);
    expect(pages.at(-1)!.html).toContain('Thank you');
    const [stored] = await responses('c-gone');
    expect(stored!.bands).toEqual({ ageBand: 'unknown', placementType: 'not-recorded', area: 'unknown' });
  });
});
