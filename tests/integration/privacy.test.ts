/**
 * A whole demo day with every log line and every email captured: none may
 * carry a child's name, date of birth or survey answers. A child appears in
 * email only as a case reference and initials.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '#tests/support/stack.js';
import { captureLogs } from '#platform/log.js';
import { seedDemoAnswers, seedDemoCampaigns, seedDemoCouncil } from '#local/demoCouncil.js';
import { runSweep } from '#services/sweep.js';
import { runSurveyDispatch } from '#services/surveyDispatch.js';
import { sesSender } from '#email/sender.js';
import { receivedEmails, type ReceivedEmail } from '#local/services.js';
import { SurveyBrowser, completeSurvey } from '#tests/support/surveyClient.js';
import { PLACEMENT_SURVEY_OLDER } from '#domain/surveys/definitions.js';
import { longDate } from '#domain/dateText.js';
import type { ChildRecord } from '#domain/people.js';

const TODAY = '2027-01-18';
let stack: TestStack;
let logs: ReturnType<typeof captureLogs>;
let emails: ReceivedEmail[];
let children: ChildRecord[];
const answersGiven: string[] = [];

beforeAll(async () => {
  process.env.KEPT_TODAY = TODAY;
  stack = await startTestStack('privacy');
  logs = captureLogs();
  const surveys = stack.surveys;
  await seedDemoCouncil(stack.store, stack.councilId, TODAY, 70);
  await seedDemoCampaigns(surveys, stack.councilId, TODAY);
  const send = sesSender({ ratePerSecond: 0 });
  await runSweep({ store: stack.store, claims: stack.claims, councilId: stack.councilId, today: TODAY, send, appUrl: stack.baseUrl });
  await runSurveyDispatch({ store: stack.store, surveys, claims: stack.claims, councilId: stack.councilId, today: TODAY, send, appUrl: stack.baseUrl });
  // A young person in a confidential campaign says they do not feel safe, and writes something.
  const all = await receivedEmails(stack.sesEndpoint);
  const invitation = all.find((e) => e.destination.to[0]!.includes(stack.councilId) && e.body.text!.includes('It is confidential'))!;
  const link = new URL(/Answer here: (\S+)/.exec(invitation.body.text!)![1]!).pathname;
  const secret = 'My carer shouts at me and I am scared at night';
  answersGiven.push(secret);
  await completeSurvey(new SurveyBrowser(stack.baseUrl), link, PLACEMENT_SURVEY_OLDER, { 'feel-safe-home': 'never', 'anything-else': secret });
  await seedDemoAnswers(stack.store, surveys, stack.councilId, TODAY);
  for (const campaign of ['cmp-care-leavers', 'cmp-placements']) {
    for (const r of await surveys.listResponses(stack.councilId, campaign)) {
      for (const v of Object.values(r.answers)) if (typeof v === 'string' && v.length > 20 && v !== secret) answersGiven.push(v);
    }
  }
  // Staff at work: a fact recorded, records read, reports opened, the next morning's sweep.
  const sw = await stack.token('practitioner', 'sw-01');
  const mine = (await stack.call('GET', '/children', { token: sw })).body.children;
  await stack.call('POST', `/children/${mine[0].id}/facts`, { token: sw, body: { type: 'visit', date: TODAY, seenAlone: true } });
  await stack.call('GET', `/children/${mine[0].id}`, { token: sw });
  await stack.call('POST', `/children/${mine[0].id}/facts`, { token: sw, body: { type: 'visit', date: 'not a date', seenAlone: true } });
  const lead = await stack.token('lead', 'hos-1');
  await fetch(`${stack.baseUrl}/reports/surveys/cmp-care-leavers?format=json`, { headers: { authorization: `Bearer ${lead}` } });
  await fetch(`${stack.baseUrl}/reports/on-time?format=json`, { headers: { authorization: `Bearer ${lead}` } });
  await runSweep({ store: stack.store, claims: stack.claims, councilId: stack.councilId, today: '2027-01-19', send, appUrl: stack.baseUrl });
  logs.stop();
  emails = (await receivedEmails(stack.sesEndpoint)).filter((e) => e.destination.to[0]!.includes(stack.councilId));
  children = await stack.store.listChildren(stack.councilId);
}, 240_000);

afterAll(async () => {
  await stack.stop();
});

function personalData(child: ChildRecord): string[] {
  const dob = child.dateOfBirth;
  return [`${child.firstName} ${child.lastName}`, dob, longDate(dob).replace(/^\w+, /, ''), `${Number(dob.slice(8))}/${Number(dob.slice(5, 7))}/${dob.slice(0, 4)}`];
}

describe('a demo day', () => {
  it('produced what it should', () => {
    expect(logs.lines.filter((l) => l.includes('"message":"request"')).length).toBeGreaterThanOrEqual(4);
    expect(logs.lines.some((l) => l.includes('"message":"sweep finished"'))).toBe(true);
    expect(emails.some((e) => e.subject.startsWith('Kept: please contact'))).toBe(true); // the safeguarding alert
    expect(emails.filter((e) => e.subject.startsWith('Kept: ')).length).toBeGreaterThan(10); // digests
    expect(logs.lines.some((l) => l.includes('safeguarding alert sent'))).toBe(true);
  });

  it('has no child’s name or date of birth in any log line or email', () => {
    const haystacks = [...logs.lines, ...emails.map((e) => `${e.subject}\n${e.body.text}\n${e.body.html}`)];
    const found: string[] = [];
    for (const child of children) {
      for (const needle of personalData(child)) {
        for (const text of haystacks) if (text.includes(needle)) found.push(`${child.id}: "${needle}" in ${text.slice(0, 80)}`);
      }
    }
    expect(found).toEqual([]);
  });

  it('has no survey answer in any log line or email', () => {
    expect(answersGiven.length).toBeGreaterThan(1);
    const haystacks = [...logs.lines, ...emails.map((e) => `${e.subject}\n${e.body.text}\n${e.body.html}`)];
    for (const answer of answersGiven) for (const text of haystacks) expect(text).not.toContain(answer);
    const alert = emails.find((e) => e.subject.startsWith('Kept: please contact'))!;
    expect(alert.body.text).not.toMatch(/never|scared|feel safe/i);
  });

  it('names children in digests by case reference and initials only', () => {
    const digests = emails.filter((e) => /^Kept: .* – /.test(e.subject));
    expect(digests.length).toBeGreaterThan(0);
    const byId = new Map(children.map((c) => [c.id, c]));
    for (const d of digests) {
      for (const m of d.body.text!.matchAll(/\* (C-\d+) \(([^)]*)\)/g)) {
        const child = byId.get(m[1]!)!;
        expect(m[2]).toBe(`${child.firstName[0]}.${child.lastName[0]}.`);
      }
    }
  });

  it('logs only structured lines with identifiers', () => {
    for (const line of logs.lines) {
      const entry = JSON.parse(line);
      expect(entry).toHaveProperty('level');
      expect(entry).toHaveProperty('message');
    }
  });
});
