/**
 * The DynamoDB calls sending a survey makes: the link a dispatch or a worker
 * issues carries the campaign and the young person's bands, so sending the
 * answers reads the link (with the wrong-link count, in one call) and writes
 * once. Bands a birthday may have changed since the link was issued are
 * worked out again from the record.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentClient } from '#store/dynamo/client.js';
import { startCouncilStack, type TestStack } from '#tests/support/stack.js';
import { SurveyBrowser, answersFor } from '#tests/support/surveyClient.js';
import { CARE_LEAVER_SURVEY } from '#domain/surveys/definitions.js';
import { syntheticAnswers } from '#local/demoResponses.js';
import { makeRng } from '#local/histories.js';
import type { ChildRecord } from '#domain/people.js';
import { CARE_LEAVER_FACTS, dispatchSurveys, scheduledCampaign, surveyLinkTo, writeChild } from '#tests/support/records.js';

const TODAY = '2027-01-18';
const WEEK_ON = '2027-01-25';
let stack: TestStack;
const address = (id: string) => `young-${id.toLowerCase()}@${stack.councilId}.test`;

let recording: string[] | undefined;
let queried: string[] = [];
function recordCalls(): void {
  documentClient().middlewareStack.add(
    (next, context) => async (args) => {
      recording?.push(context.commandName as string);
      const values = (args.input as { ExpressionAttributeValues?: Record<string, unknown> }).ExpressionAttributeValues;
      if (context.commandName === 'QueryCommand') queried.push(`${values?.[':pk'] as string} ${(values?.[':prefix'] ?? values?.[':p'] ?? '') as string}`);
      return next(args);
    },
    { step: 'initialize', name: 'surveyCallsRecorder' },
  );
}

/** Answers every section, then sends them; returns the names of the DynamoDB commands the send made. */
async function answerAndSend(link: string): Promise<string[]> {
  const browser = new SurveyBrowser(stack.baseUrl);
  await browser.get(link);
  const answers = answersFor(CARE_LEAVER_SURVEY);
  for (const s of CARE_LEAVER_SURVEY.sections) expect((await browser.post(`${link}/${s.id}`, answers[s.id]!)).status).toBe(303);
  recording = [];
  const sent = await browser.post(`${link}/check`, {});
  const calls = recording;
  recording = undefined;
  expect(sent.location).toBe(`${link}/done`);
  return calls;
}

async function bandsStored(campaignId: string) {
  return (await stack.surveys.listResponses(stack.councilId, campaignId)).map((r) => r.bands);
}

beforeAll(async () => {
  process.env.KEPT_TODAY = TODAY;
  stack = await startCouncilStack('survey-calls');
  recordCalls();
  // S-1 is 20 until 2027-03-01; T-2 turns 21 on 2027-01-20, two days after the invitation.
  const born: Record<string, string> = { 'S-1': '2006-03-01', 'T-2': '2006-01-20', 'U-3': '2006-03-01' };
  for (const [id, dateOfBirth] of Object.entries(born)) {
    const child: ChildRecord = { councilId: stack.councilId, id, firstName: 'Noor', lastName: 'Vale', dateOfBirth, holderId: 'sw-1', createdAt: TODAY, version: 0, email: address(id) };
    await writeChild(stack, child, [...CARE_LEAVER_FACTS], TODAY);
  }
  await stack.surveys.putCampaign(
    scheduledCampaign(stack, TODAY, { id: 'c-calls', name: 'Leavers', surveyId: 'care-leaver', mode: 'anonymous', reminderDays: [7], audience: { status: 'care-leaver', ageFrom: 16, ageTo: 26 } }),
  );
  await dispatchSurveys(stack, TODAY);
});

afterAll(async () => {
  process.env.KEPT_TODAY = TODAY;
  await stack?.stop();
});

describe('sending a survey', () => {
  it('reads the link once and writes once, storing the bands the link carries', async () => {
    const calls = await answerAndSend(await surveyLinkTo(stack, address('S-1')));
    expect(calls).toEqual(['BatchGetItemCommand', 'TransactWriteItemsCommand']);
    expect(await bandsStored('c-calls')).toEqual([{ ageBand: '18-20', placementType: 'care-leaver', area: 'unknown' }]);
  });

  it('works the bands out again once a birthday may have changed them', async () => {
    process.env.KEPT_TODAY = '2027-01-21';
    try {
      await answerAndSend(await surveyLinkTo(stack, address('T-2')));
    } finally {
      process.env.KEPT_TODAY = TODAY;
    }
    expect((await bandsStored('c-calls')).map((b) => b.ageBand).sort()).toEqual(['18-20', '21-25']);
  });

  it("from a reminder's link, still reads once and writes once, with the invitation link's bands", async () => {
    process.env.KEPT_TODAY = WEEK_ON;
    try {
      await dispatchSurveys(stack, WEEK_ON);
      const reminded = await surveyLinkTo(stack, address('U-3'));
      const calls = await answerAndSend(reminded);
      expect(calls).toEqual(['BatchGetItemCommand', 'TransactWriteItemsCommand']);
    } finally {
      process.env.KEPT_TODAY = TODAY;
    }
    expect((await bandsStored('c-calls')).filter((b) => b.ageBand === '18-20')).toEqual([
      { ageBand: '18-20', placementType: 'care-leaver', area: 'unknown' },
      { ageBand: '18-20', placementType: 'care-leaver', area: 'unknown' },
    ]);
  });
});

describe("a survey report of a campaign whose invitations have gone (by TTL, after it closed)", () => {
  it("does not read the young people's records, which it needs only for the invitations' marks", async () => {
    const campaign = { ...scheduledCampaign(stack, '2026-10-01', { id: 'c-old', name: 'Last year', surveyId: 'care-leaver', mode: 'anonymous' as const, audience: { status: 'care-leaver' as const, ageFrom: 16, ageTo: 26 } }), closes: '2026-11-01', state: 'closed' as const, invited: 40 };
    await stack.surveys.putCampaign(campaign);
    const rng = makeRng(7);
    await stack.surveys.putResponses(stack.councilId, 'c-old', Array.from({ length: 12 }, () => ({
      surveyId: 'care-leaver', version: 1, submittedOn: '2026-10-10', answers: syntheticAnswers(CARE_LEAVER_SURVEY, rng), bands: { ageBand: '18-20' as const, placementType: 'care-leaver', area: 'unknown' as const },
    })));
    const lead = await stack.token('lead', 'lead-1');
    queried = [];
    const report = await stack.call('GET', '/reports/surveys/c-old?format=json', { token: lead });
    expect(report.status).toBe(200);
    expect(report.body.summary.answered).toBe(12);
    expect(queried.filter((q) => q === `COUNCIL#${stack.councilId} CHILD#`)).toEqual([]);
    // Its invitations and answers are read as before.
    expect(queried).toContain(`CAMPAIGN#${stack.councilId}#c-old RESPONSE#`);
  });
});
