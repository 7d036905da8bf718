/**
 * Anonymity by construction: an anonymous campaign is run end to end
 * (invited, a section saved as a draft, a worrying answer sent, a reminder
 * to someone else, closed), then every item in the table is read. No item
 * that names the young person (their case reference, anywhere in it) holds
 * `usedOn`, `worrying`, a draft, answers or any of their answers' words;
 * the thank-you page still shows who to contact, and nobody is alerted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { startCouncilStack, type TestStack } from '#tests/support/stack.js';
import { SurveyBrowser, answersFor, completeSurvey } from '#tests/support/surveyClient.js';
import { documentClient } from '#store/dynamo/client.js';
import { CARE_LEAVER_SURVEY } from '#domain/surveys/definitions.js';
import type { ChildRecord } from '#domain/people.js';
import { CARE_LEAVER_FACTS, dispatchSurveys, scheduledCampaign, surveyLinkTo, writeChild } from '#tests/support/records.js';

const TODAY = '2027-01-18';
const WEEK_ON = '2027-01-25';
const CLOSES = '2027-02-15';
const WORDS = 'Quokka lanterns seventy one';
let stack: TestStack;
const address = (id: string) => `young-${id.toLowerCase()}@${stack.councilId}.test`;

async function scanAll(): Promise<Array<Record<string, unknown>>> {
  const items: Array<Record<string, unknown>> = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await documentClient().send(new ScanCommand({ TableName: stack.tableName, ConsistentRead: true, ExclusiveStartKey: start }));
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}

async function onDay<T>(day: string, run: () => Promise<T>): Promise<T> {
  process.env.KEPT_TODAY = day;
  try {
    return await run();
  } finally {
    process.env.KEPT_TODAY = TODAY;
  }
}

beforeAll(async () => {
  process.env.KEPT_TODAY = TODAY;
  stack = await startCouncilStack('anonymity', { council: { outOfHoursPhone: '0300 555 0100' } });
  for (const id of ['Q-7', 'R-8']) {
    const child: ChildRecord = { councilId: stack.councilId, id, firstName: 'Ilse', lastName: 'Tarn', dateOfBirth: '2006-03-01', holderId: 'sw-1', createdAt: TODAY, version: 0, email: address(id) };
    await writeChild(stack, child, [...CARE_LEAVER_FACTS], TODAY);
  }
  await stack.surveys.putCampaign(
    scheduledCampaign(stack, TODAY, { id: 'c-anon', name: 'Leavers', surveyId: 'care-leaver', mode: 'anonymous', closes: CLOSES, reminderDays: [7], audience: { status: 'care-leaver', ageFrom: 16, ageTo: 26 } }),
  );
});

afterAll(() => stack?.stop());

describe('an anonymous campaign', () => {
  it('keeps nothing that ties a young person to their answers, worrying or not, once they have sent them', async () => {
    await dispatchSurveys(stack, TODAY);
    const link = await surveyLinkTo(stack, address('Q-7'));
    const browser = new SurveyBrowser(stack.baseUrl);
    // A draft first (a section saved, then left), then the rest a week later, worrying and with words of their own.
    const answers = answersFor(CARE_LEAVER_SURVEY, { 'feel-safe-home': 'never', 'anything-else': WORDS });
    const first = CARE_LEAVER_SURVEY.sections[0]!;
    await browser.get(link);
    expect((await browser.post(`${link}/${first.id}`, answers[first.id]!)).status).toBe(303);
    // Kept with the link that names them, but sealed: no question nor answer of theirs can be read from the table.
    const waiting = (await scanAll()).find((i) => i.itemType === 'survey-link' && i.childId === 'Q-7')!;
    expect(Object.keys(waiting.draft as object)).toEqual(['sealed']);
    for (const [question, answer] of Object.entries(answers[first.id]!)) {
      expect(JSON.stringify(waiting)).not.toContain(question);
      if (answer.length > 3) expect(JSON.stringify(waiting)).not.toContain(answer);
    }
    // The young person's own link still shows what they saved.
    const back = await browser.get(`${link}/${first.id}`);
    for (const answer of Object.values(answers[first.id]!)) expect(back.html).toContain(`value="${answer}" checked`);

    const staffBefore = (await stack.inbox()).filter((m) => !m.destination.to[0]!.startsWith('young-')).length;
    const pages = await onDay(WEEK_ON, async () => {
      const done = await completeSurvey(browser, link, CARE_LEAVER_SURVEY, { 'feel-safe-home': 'never', 'anything-else': WORDS });
      expect(await dispatchSurveys(stack, WEEK_ON)).toMatchObject({ reminded: 1 });
      return done;
    });
    // The thank-you page still shows who to contact; nobody was alerted about anyone.
    expect(pages.at(-1)!.html).toContain('Thank you');
    expect(pages.at(-1)!.html).toContain('0300 555 0100');
    expect((await stack.inbox()).filter((m) => !m.destination.to[0]!.startsWith('young-')).length).toBe(staffBefore);
    await onDay(CLOSES, () => dispatchSurveys(stack, CLOSES));
    expect((await stack.surveys.getCampaign(stack.councilId, 'c-anon'))!.state).toBe('closed');

    const items = await scanAll();
    const responses = items.filter((i) => String(i.sk).startsWith('RESPONSE#'));
    expect(responses).toHaveLength(1);
    expect(JSON.stringify(responses[0])).toContain(WORDS);
    const answerWords = Object.values(responses[0]!.answers as Record<string, unknown>).filter((v) => typeof v === 'string' && v.length > 12) as string[];
    expect(answerWords).toContain(WORDS);

    const naming = items.filter((i) => JSON.stringify(i).includes('Q-7'));
    expect(naming.length).toBeGreaterThan(0);
    for (const item of naming) {
      const where = `${String(item.pk)} ${String(item.sk)}`;
      for (const field of ['usedOn', 'worrying', 'draft', 'answers', 'alerted']) expect(item, where).not.toHaveProperty(field);
      for (const words of answerWords) expect(JSON.stringify(item), where).not.toContain(words);
    }
    // What is kept about them: that they were invited and that they answered (for reminders and the response rate).
    expect(naming.find((i) => String(i.sk) === 'INVITE#Q-7')).toMatchObject({ answered: true, reminders: 0 });
    // The link they answered with says only that it was answered; no item ties it to a day.
    const used = items.filter((i) => i.itemType === 'survey-link' && i.answered === true);
    expect(used).toHaveLength(1);
    expect(Object.keys(used[0]!).sort()).toEqual(['answered', 'campaignId', 'councilId', 'expiresAt', 'itemType', 'lastDay', 'linkHash', 'pk', 'sk']);
    // R-8 never answered and was reminded: their link holds no answers either.
    expect(naming.some((i) => 'answers' in i)).toBe(false);
    expect(responses[0]).not.toHaveProperty('childId');
    expect(responses[0]!.submittedOn).toBe(WEEK_ON);
  });
});
