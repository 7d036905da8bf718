/**
 * One answer per young person per campaign, over interleavings: fast-check
 * draws sequences of link issues (dispatch sends, sends that failed, reminders,
 * assisted links) and answers from any link issued so far (some sent at the
 * same moment), runs them against the real store on DynamoDB Local, and
 * checks after each sequence that
 * - at most one response is stored, and exactly one once the invitation says answered;
 * - a link issued while unanswered replaces the one before (the older one is not found);
 * - the link they answered with, and every link issued after, opens as answered;
 * - until they answer, the newest link is open.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { startTestStack, type TestStack } from '#tests/support/stack.js';
import { newToken, tokenHash } from '#platform/tokens.js';
import type { SurveyLink } from '#store/ports/surveys.js';

let stack: TestStack;
let run = 0;

type Action = { kind: 'issue'; assisted: boolean; delivered: boolean } | { kind: 'answer'; pick: number[] };

const action: fc.Arbitrary<Action> = fc.oneof(
  fc.record({ kind: fc.constant('issue' as const), assisted: fc.boolean(), delivered: fc.boolean() }),
  // Answers from one or two links (by index among the links delivered so far) at the same moment.
  fc.record({ kind: fc.constant('answer' as const), pick: fc.array(fc.nat(7), { minLength: 1, maxLength: 2 }) }),
);

const opensAsAnswered = (link: SurveyLink | null) => Boolean(link && (link.answered || link.usedOn));

beforeAll(async () => {
  stack = await startTestStack('onceprop');
});

afterAll(() => stack?.stop());

describe('one answer per young person per campaign, over interleavings', () => {
  it('holds for 1,000 sequences of sends, failed sends, assisted links and answers from any link', async () => {
    const started = performance.now();
    await fc.assert(
      fc.asyncProperty(fc.boolean(), fc.array(action, { minLength: 1, maxLength: 6 }), async (anonymous, actions) => {
        const councilId = stack.councilId;
        const campaignId = `p-${run++}`;
        const childId = 'C-1';
        const issued: Array<{ hash: string; delivered: boolean; afterAnswer: boolean }> = [];
        let answeredWith: string | null = null;
        const submit = async (hash: string) => {
          const link = await stack.surveys.getLink(hash);
          if (!link || opensAsAnswered(link)) return;
          await stack.surveys.saveDraft(hash, { q: 'a' });
          const response = { surveyId: 's', version: 1, submittedOn: '2027-01-18', answers: { q: 'a' }, bands: { ageBand: '16-17' } as never, ...(anonymous ? {} : { childId, reference: link.reference }) };
          if ((await stack.surveys.submit({ ...link, draft: { q: 'a' } }, response, '2027-01-18', true)) === 'stored') answeredWith = hash;
        };
        for (const a of actions) {
          if (a.kind === 'issue') {
            const hash = tokenHash(newToken());
            const { answered } = await stack.surveys.issueLink({ linkHash: hash, councilId, campaignId, childId, lastDay: '2027-02-14', ...(a.assisted ? { assisted: true as const } : {}) }, 2_000_000_000);
            expect(answered).toBe(answeredWith !== null);
            issued.push({ hash, delivered: a.delivered, afterAnswer: answered });
          } else {
            const usable = issued.filter((l) => l.delivered);
            if (usable.length === 0) continue;
            await Promise.all(a.pick.map((i) => submit(usable[i % usable.length]!.hash)));
          }
        }

        const responses = await stack.surveys.listResponses(councilId, campaignId);
        const invitation = await stack.surveys.getInvitation(councilId, campaignId, childId);
        expect(responses.length).toBeLessThanOrEqual(1);
        expect(responses.length).toBe(invitation?.answered ? 1 : 0);
        expect(responses.length).toBe(answeredWith ? 1 : 0);
        const links = await Promise.all(issued.map((l) => stack.surveys.getLink(l.hash)));
        const before = issued.filter((l) => !l.afterAnswer);
        before.forEach((l, i) => {
          const link = links[issued.indexOf(l)]!;
          if (l.hash === answeredWith) expect(opensAsAnswered(link)).toBe(true);
          else if (i < before.length - 1) expect(link).toBeNull(); // replaced by a newer link before they answered
          else expect(link && !opensAsAnswered(link)).toBeTruthy(); // the newest, unanswered: open
        });
        issued.forEach((l, i) => {
          if (l.afterAnswer) expect(opensAsAnswered(links[i]!)).toBe(true);
        });
        if (anonymous && answeredWith) expect(links[issued.findIndex((l) => l.hash === answeredWith)]).not.toHaveProperty('childId');
      }),
      { numRuns: 1000 },
    );
    // What it costs, for the record (DynamoDB Local on a shared machine).
    console.info(`surveyOnceProperty: ${Math.round((performance.now() - started) / 1000)} ms per run`);
  }, 900_000);
});
