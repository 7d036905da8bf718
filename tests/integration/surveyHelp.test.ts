/**
 * Every call for help reaches a person, once per call: each press of "Ask
 * my worker to contact me" is its own request (a double click is one, a
 * press a week later another); a worrying answer's alert is claimed, so a
 * double submit sends one; a worker who cannot be emailed, or who has no
 * manager, means the council's safeguarding inbox is told.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCouncilStack, type TestStack } from '#tests/support/stack.js';
import { SurveyBrowser, answersFor } from '#tests/support/surveyClient.js';
import { PLACEMENT_SURVEY_OLDER } from '#domain/surveys/definitions.js';
import type { ChildRecord } from '#domain/people.js';
import { dispatchSurveys, inCareSince, scheduledCampaign, surveyLinkTo, writeChild } from '#tests/support/records.js';

const TODAY = '2027-01-18';
const WEEK_ON = '2027-01-25';
let stack: TestStack;
const addressOf = (id: string) => `young-${id.toLowerCase()}@${stack.councilId}.test`;
const at = (who: string) => `${who}@${stack.councilId}.test`;
const mailTo = async (who: string) => (await stack.inbox()).filter((m) => m.destination.to[0] === at(who));
const requestIn = (html: string) => /name="request" value="([^"]+)"/.exec(html)![1]!;
const SAFE_FIRST = PLACEMENT_SURVEY_OLDER.sections.find((s) => s.questions.some((q) => q.id === 'feel-safe-home'))!;

async function addChild(id: string, holderId: string) {
  const child: ChildRecord = { councilId: stack.councilId, id, firstName: 'Wren', lastName: 'Hollis', dateOfBirth: '2013-05-05', holderId, createdAt: TODAY, version: 0, email: addressOf(id) };
  await writeChild(stack, child, inCareSince(), TODAY);
}

async function pressHelp(browser: SurveyBrowser, link: string, times = 1) {
  const request = requestIn((await browser.get(`${link}/help`)).html);
  return Promise.all(Array.from({ length: times }, () => browser.post(`${link}/help`, { request })));
}

beforeAll(async () => {
  process.env.KEPT_TODAY = TODAY;
  stack = await startCouncilStack('surveyhelp');
  // sw-9 has no manager; sw-2's address is marked undeliverable.
  await stack.store.createStaff({ councilId: stack.councilId, id: 'sw-9', name: 'Nia Solo', email: at('sw-9'), role: 'practitioner' });
  await stack.store.markUndeliverable(stack.councilId, 'sw-2', `${TODAY}T07:00:00Z`, 'bounced');
  await addChild('H-1', 'sw-1');
  await addChild('H-2', 'sw-2');
  await addChild('H-3', 'sw-9');
  await addChild('H-4', 'sw-1');
  await stack.surveys.putCampaign(scheduledCampaign(stack, TODAY, { id: 'c-conf', name: 'Confidential', surveyId: 'placement-11-17', mode: 'confidential', audience: { status: 'looked-after', ageFrom: 11, ageTo: 18 } }));
  await dispatchSurveys(stack, TODAY);
});

afterAll(() => stack?.stop());

describe('a call for help', () => {
  it('is one request per press: a double click sends one email, a press a week later another', async () => {
    const link = await surveyLinkTo(stack, addressOf('H-1'));
    const browser = new SurveyBrowser(stack.baseUrl);
    await browser.get(link);
    const clicks = await pressHelp(browser, link, 2);
    // One click sends; the other finds it being sent ("on its way") or sent ("we have asked"): never "not sent".
    for (const r of clicks) expect(r.html).toMatch(/We have asked Sue Worker to contact you today|Your request to Sue Worker is being sent now/);
    expect(clicks.some((r) => r.html.includes('We have asked Sue Worker to contact you today'))).toBe(true);
    expect(await mailTo('sw-1')).toHaveLength(1);
    expect(await mailTo('tm-1')).toHaveLength(1);

    process.env.KEPT_TODAY = WEEK_ON;
    try {
      const [later] = await pressHelp(browser, link);
      expect(later!.html).toContain('We have asked Sue Worker to contact you today');
    } finally {
      process.env.KEPT_TODAY = TODAY;
    }
    expect(await mailTo('sw-1')).toHaveLength(2);
    expect(await mailTo('tm-1')).toHaveLength(2);
    expect(await mailTo('safeguarding')).toHaveLength(0);
  });

  it('reaches the safeguarding inbox when the worker cannot be emailed', async () => {
    const link = await surveyLinkTo(stack, addressOf('H-2'));
    const browser = new SurveyBrowser(stack.baseUrl);
    await browser.get(link);
    const [r] = await pressHelp(browser, link);
    expect(r!.html).toContain('to contact you today');
    expect(await mailTo('sw-2')).toHaveLength(0);
    expect(await mailTo('tm-1')).not.toHaveLength(0);
    const safeguarding = await mailTo('safeguarding');
    expect(safeguarding).toHaveLength(1);
    expect(safeguarding[0]!.subject).toContain('H-2');
    expect(`${safeguarding[0]!.subject} ${safeguarding[0]!.body.text}`).not.toMatch(/Wren|Hollis|2013/);
    // The inbox is not the young person's worker: it is told why it hears, and how to find the case without Kept.
    const inbox = safeguarding[0]!.body.text;
    expect(inbox).not.toContain('you support');
    expect(inbox).toContain('cannot be emailed: their address bounced');
    expect(inbox).toContain("has been emailed too");
    expect(inbox).toContain('case management system');
    expect((await mailTo('tm-1')).at(-1)!.body.text).toContain('A young person you support pressed "I need help now"');
  });
});

describe('the alert on a worrying answer', () => {
  it('goes once when the answer is sent twice at once, and to the safeguarding inbox when the worker has no manager', async () => {
    const before = (await mailTo('safeguarding')).length;
    const link = await surveyLinkTo(stack, addressOf('H-3'));
    const browser = new SurveyBrowser(stack.baseUrl);
    await browser.get(link);
    const answers = answersFor(PLACEMENT_SURVEY_OLDER, { 'feel-safe-home': 'never' })[SAFE_FIRST.id]!;
    const saved = await Promise.all([browser.post(`${link}/${SAFE_FIRST.id}`, answers), browser.post(`${link}/${SAFE_FIRST.id}`, answers)]);
    for (const r of saved) expect(r.status).toBe(303);
    expect(await mailTo('sw-9')).toHaveLength(1);
    const safeguarding = (await mailTo('safeguarding')).slice(before);
    expect(safeguarding).toHaveLength(1);
    expect(safeguarding[0]!.subject).toContain('H-3');
    expect(safeguarding[0]!.body.text).toContain('Nia Solo has no manager in Kept.');
    expect(safeguarding[0]!.body.text).not.toContain('you support');
    expect((await mailTo('sw-9'))[0]!.body.text).toContain('A young person you support gave an answer');
    // Saved again later: no second alert.
    await browser.post(`${link}/${SAFE_FIRST.id}`, answers);
    expect(await mailTo('sw-9')).toHaveLength(1);
  });

  it('goes to the worker and manager only when both can be emailed', async () => {
    const before = { sw: (await mailTo('sw-1')).length, tm: (await mailTo('tm-1')).length, safe: (await mailTo('safeguarding')).length };
    const link = await surveyLinkTo(stack, addressOf('H-4'));
    const browser = new SurveyBrowser(stack.baseUrl);
    await browser.get(link);
    await browser.post(`${link}/${SAFE_FIRST.id}`, answersFor(PLACEMENT_SURVEY_OLDER, { 'feel-safe-home': 'never' })[SAFE_FIRST.id]!);
    expect((await mailTo('sw-1')).length - before.sw).toBe(1);
    expect((await mailTo('tm-1')).length - before.tm).toBe(1);
    expect((await mailTo('safeguarding')).length).toBe(before.safe);
  });
});
