/**
 * Survey submissions against the local stack (the real HTTP server, handler,
 * DynamoDB Local): p50/p95 latency of the final "send" for 2,000 sequential
 * and 200 concurrent submissions, each with its own link and full answers,
 * held against the floor (floor.ts): the same TransactWriteItems sent
 * straight to DynamoDB Local from as many clients, and every DynamoDB call
 * the submissions made, likewise.
 */
import { ensureTable } from '#local/table.js';
import { dynamoStores } from '#store/dynamo/stores.js';
import { CARE_LEAVER_SURVEY } from '#domain/surveys/definitions.js';
import { answersFor } from '#tests/support/surveyClient.js';
import { newToken, tokenHash } from '#platform/tokens.js';
import type { ChildRecord } from '#domain/people.js';
import { signLocalToken } from '#local/issuer.js';
import { makeRng } from '#local/histories.js';
import { syntheticAnswers } from '#local/demoResponses.js';
import { summariseSurvey } from '#domain/surveySummary.js';
import type { Campaign } from '#domain/surveys/campaign.js';
import { buildHistory } from '#domain/history.js';
import { carriedOnLink } from '#services/linkCarries.js';
import { loadCouncil } from '#services/council.js';
import { startBenchStack } from './stack.js';
import { copyTable, describeTimings, type Recorded, type Replay, refusedText, replay, startRecording, stopRecording } from './floor.js';

const TODAY = '2027-01-18';
type Figures = Record<string, number | string>;


const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

export async function benchSurveys(): Promise<Array<[string, Figures]>> {
  const { settings, dynamo, ses, server, base } = await startBenchStack('bench-surveys', 'bench', TODAY);
  try {
    await ensureTable('bench-surveys');
    const { store, surveys } = dynamoStores('bench-surveys');
    await store.putCouncil({ id: 'bench', name: 'Bench Borough' });
    await store.createStaff({ councilId: 'bench', id: 'sw-1', name: 'W', email: 'w@bench.test', role: 'practitioner' });
    const campaign: Campaign = {
      id: 'c-1', councilId: 'bench', surveyId: 'care-leaver', version: 1, name: 'Bench', mode: 'anonymous', state: 'open',
      audience: { status: 'care-leaver', ageFrom: 16, ageTo: 26 }, opens: TODAY, closes: '2027-03-01', reminderDays: [],
      createdBy: 'sw-1', createdAt: TODAY, invited: 0, remindersSent: 0,
    };
    await surveys.putCampaign(campaign);
    const children: ChildRecord[] = Array.from({ length: 2200 }, (_, i) => ({
      councilId: 'bench', id: `L-${i}`, firstName: 'A', lastName: 'B', dateOfBirth: '2006-01-01', holderId: 'sw-1', createdAt: TODAY, version: 0,
    }));
    for (let i = 0; i < children.length; i += 250) await store.writeChildren(children.slice(i, i + 250).map((child) => ({ child, facts: [], projection: { obligations: [], refreshOn: null } })));
    const draft = Object.assign({}, ...Object.values(answersFor(CARE_LEAVER_SURVEY))) as Record<string, string>;
    const typed = Object.fromEntries(Object.entries(draft).map(([k, v]) => [k, /^\d+$/.test(v) ? Number(v) : v]));
    const tokens: string[] = [];
    const council = await loadCouncil(store, 'bench');
    for (const child of children) {
      const token = newToken();
      // As the dispatch issues it: carrying the campaign and the young person's bands.
      const carried = carriedOnLink(campaign, { history: buildHistory(child, [], TODAY), careLeaverUntilAge: council.policy.personalAdviser.untilAge });
      await surveys.issueLink({ linkHash: tokenHash(token), councilId: 'bench', campaignId: 'c-1', childId: child.id, lastDay: '2027-02-28', carried }, 2_000_000_000);
      await surveys.saveDraft(tokenHash(token), typed);
      tokens.push(token);
    }
    // The table as it stands before any submission, twice: one copy for each floor.
    const floorTables = { writes: 'bench-surveys-floor-writes', all: 'bench-surveys-floor-all' };
    await copyTable('bench-surveys', floorTables.writes);
    await copyTable('bench-surveys', floorTables.all);
    const csrf = 'b'.repeat(40);
    const submit = async (token: string) => {
      const started = performance.now();
      const r = await fetch(`${base}/s/${token}/check`, {
        method: 'POST',
        headers: { cookie: `kept_csrf=${csrf}`, 'content-type': 'application/x-www-form-urlencoded' },
        body: `csrf=${csrf}`,
        redirect: 'manual',
      });
      await r.text();
      if (r.status !== 303) throw new Error(`submit answered ${r.status}`);
      return performance.now() - started;
    };
    const sequential: number[] = [];
    startRecording();
    const seqStart = performance.now();
    for (const token of tokens.slice(0, 2000)) sequential.push(await submit(token));
    const seqSeconds = (performance.now() - seqStart) / 1000;
    const seqCalls = stopRecording();
    startRecording();
    const concStart = performance.now();
    const concurrent = await Promise.all(tokens.slice(2000).map(submit));
    const concSeconds = (performance.now() - concStart) / 1000;
    const concCalls = stopRecording();
    const stored = (await surveys.listResponses('bench', 'c-1')).length;

    // The floor: the same work straight to DynamoDB Local, with nothing else running.
    const writesOf = (calls: Recorded[]) => calls.filter((c) => c.name === 'TransactWriteItemsCommand');
    const floors = {
      seqWrites: await replay(writesOf(seqCalls.commands), 'bench-surveys', floorTables.writes, 1),
      concWrites: await replay(writesOf(concCalls.commands), 'bench-surveys', floorTables.writes, 200),
      seqAll: await replay(seqCalls.commands, 'bench-surveys', floorTables.all, 1),
      concAll: await replay(concCalls.commands, 'bench-surveys', floorTables.all, 200),
    };

    // A campaign of 10,000 responses: the summary alone, and the whole JSON report through the API.
    const rng = makeRng(10_000);
    const many = Array.from({ length: 10_000 }, (_, i) => ({
      surveyId: 'care-leaver', version: 1, submittedOn: TODAY, answers: syntheticAnswers(CARE_LEAVER_SURVEY, rng),
      bands: { ageBand: (['16-17', '18-20', '21-25'] as const)[i % 3]!, placementType: 'care-leaver', area: 'unknown' as const },
    }));
    let started = performance.now();
    summariseSurvey({ definition: CARE_LEAVER_SURVEY, invited: 20_000, responses: many, includeComments: true });
    const summaryMs = performance.now() - started;
    await surveys.putCampaign({
      id: 'c-big', councilId: 'bench', surveyId: 'care-leaver', version: 1, name: 'Big', mode: 'anonymous', state: 'open',
      audience: { status: 'care-leaver', ageFrom: 16, ageTo: 26 }, opens: TODAY, closes: '2027-03-01', reminderDays: [],
      createdBy: 'sw-1', createdAt: TODAY, invited: 20_000, remindersSent: 0,
    });
    await surveys.putResponses('bench', 'c-big', many);
    await store.createStaff({ councilId: 'bench', id: 'lead-1', name: 'L', email: 'l@bench.test', role: 'lead' });
    const token = await signLocalToken(settings, { role: 'lead', staffId: 'lead-1', councilId: 'bench' });
    started = performance.now();
    const report = await fetch(`${base}/reports/surveys/c-big?format=json`, { headers: { authorization: `Bearer ${token}` } });
    const body = (await report.json()) as { summary: { answered: number } };
    const reportMs = performance.now() - started;
    const figures = (label: string, times: number[], seconds: number, calls: ReturnType<typeof stopRecording>, writes: Replay, all: Replay): [string, Figures] => {
      const sorted = [...times].sort((a, b) => a - b);
      const perSecond = times.length / seconds;
      return [label, {
        submissions: times.length,
        'p50, ms': Number(percentile(sorted, 50).toFixed(1)),
        'p95, ms': Number(percentile(sorted, 95).toFixed(1)),
        'max, ms': Number(sorted.at(-1)!.toFixed(1)),
        'per second': Math.round(perSecond),
        'DynamoDB calls a submission': describeTimings(calls.timings, times.length),
        'floor: the same transactions, per second': `${Math.round(writes.perSecond)} (${writes.commands} TransactWriteItems; refused: ${refusedText(writes)})`,
        'Kept ÷ floor': Number((perSecond / writes.perSecond).toFixed(2)),
        'floor: every call the submissions made, s': `${all.seconds.toFixed(2)} for ${all.commands} calls (Kept: ${seconds.toFixed(2)} s; refused: ${refusedText(all)})`,
        'Kept ÷ its own DynamoDB calls alone': Number((all.seconds / seconds).toFixed(2)),
      }];
    };
    return [
      figures('Survey submissions, 2,000 one after another', sequential, seqSeconds, seqCalls, floors.seqWrites, floors.seqAll),
      figures('Survey submissions, 200 at once', concurrent, concSeconds, concCalls, floors.concWrites, floors.concAll),
      ['Survey submissions stored', { expected: 2200, stored }],
      ['Survey summary, one campaign of 10,000 responses', {
        'summary alone, ms': Math.round(summaryMs),
        'JSON report through the API (read from DynamoDB Local + summary), ms': Math.round(reportMs),
        'answered in the report': body.summary.answered,
      }],
    ];
  } finally {
    await new Promise((r) => server.close(() => r(undefined)));
    await Promise.all([dynamo.stop(), ses.stop()]);
  }
}
