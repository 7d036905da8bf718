/**
 * Subject access and erasure for one person, through the real commands
 * (`npm run subject-access`, `npm run erase`) against DynamoDB Local, after
 * the person's record was built through the API and they answered surveys
 * through the survey pages.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { staffTokens, startCouncilStack, type TestStack } from '#tests/support/stack.js';
import { SurveyBrowser, completeSurvey } from '#tests/support/surveyClient.js';
import type { SurveyStore } from '#store/ports/surveys.js';
import { documentClient } from '#store/dynamo/client.js';
import { runSurveyDispatch } from '#services/surveyDispatch.js';
import { sesSender } from '#email/sender.js';
import { tokenHash } from '#platform/tokens.js';
import { PLACEMENT_SURVEY_OLDER } from '#domain/surveys/definitions.js';
import type { AuditEntry } from '#store/ports/audit.js';
import { londonDateOf } from '#domain/dates.js';
import { runScript } from '#tests/support/command.js';

const TODAY = '2027-01-18';

let stack: TestStack;
let surveys: SurveyStore;
let t: Record<string, string>;
const campaigns: Record<'confidential' | 'anonymous', string> = { confidential: '', anonymous: '' };
/** Each child's survey link hashes, by campaign mode. */
const linkHashes: Record<string, Record<string, string>> = {};

const young = (who: string) => `young-${who}@${stack.councilId}.test`;

const subjectAccess = (id: string) => runScript('infra/local/subjectAccess.ts', [id, '--by', 'admin-1']);
const erase = (id: string, ...more: string[]) => runScript('infra/local/erase.ts', [id, '--by', 'admin-1', ...more]);

async function partition(pk: string): Promise<Record<string, unknown>[]> {
  const out = await documentClient().send(
    new QueryCommand({ TableName: stack.tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': pk }, ConsistentRead: true }),
  );
  return (out.Items ?? []) as Record<string, unknown>[];
}
const sendMarkers = (items: Record<string, unknown>[]) => items.map((i) => String(i.sk)).filter((sk) => sk.startsWith('SEND#'));
const responses = async (mode: 'confidential' | 'anonymous') => surveys.listResponses(stack.councilId, campaigns[mode]);
const audit = async (id: string) => (await stack.call('GET', `/children/${id}/audit`, { token: t.admin })).body.entries as AuditEntry[];

async function answer(who: string, mode: 'confidential' | 'anonymous'): Promise<void> {
  const mail = (await stack.inbox()).find((e) => e.destination.to[0] === young(who) && e.body.text!.includes(`It is ${mode}`))!;
  const link = new URL(/Answer here: (\S+)/.exec(mail.body.text!)![1]!).pathname;
  const pages = await completeSurvey(new SurveyBrowser(stack.baseUrl), link, PLACEMENT_SURVEY_OLDER, { 'anything-else': `Words from ${who}` });
  expect(pages.at(-1)!.html).toContain('Thank you');
  (linkHashes[who] ??= {})[mode] = tokenHash(link.split('/')[2]!);
}

beforeAll(async () => {
  process.env.KEPT_TODAY = TODAY;
  stack = await startCouncilStack('subject');
  surveys = stack.surveys;
  t = await staffTokens(stack, { admin: 'admin-1', lead: 'lead-1', sw1: 'sw-1' });

  // Two young people in care, 13 years old, with addresses: the one who asks (S-1) and another (S-2).
  const people = [
    { id: 'S-1', firstName: 'Imogen', lastName: 'Vasquez', dateOfBirth: '2013-05-05', holderId: 'sw-1', email: young('s1') },
    { id: 'S-2', firstName: 'Barnaby', lastName: 'Quist', dateOfBirth: '2013-07-07', holderId: 'sw-2', email: young('s2') },
  ];
  for (const p of people) {
    expect((await stack.call('POST', '/children', { token: t.admin, body: p })).status).toBe(201);
    for (const fact of [
      { type: 'entered-care', date: '2026-10-01' },
      { type: 'placement-started', date: '2026-10-01', placementId: 'P1', longTerm: false, arrangement: 'foster' },
      { type: 'visit', date: '2026-10-05', seenAlone: true },
    ]) {
      expect((await stack.call('POST', `/children/${p.id}/facts`, { token: t.admin, body: fact })).status).toBe(201);
    }
    expect((await stack.call('GET', `/children/${p.id}`, { token: t.admin })).status).toBe(200);
  }

  // A confidential and an anonymous placement survey; both ask both of them.
  for (const mode of ['confidential', 'anonymous'] as const) {
    const made = await stack.call('POST', '/campaigns', {
      token: t.lead,
      body: { surveyId: 'placement-11-17', name: `Placements (${mode})`, audience: { status: 'looked-after', ageFrom: 11, ageTo: 18 }, opens: TODAY, closes: '2027-02-15', mode },
    });
    expect(made.status).toBe(201);
    campaigns[mode] = made.body.campaign.id;
  }
  const dispatched = await runSurveyDispatch({ store: stack.store, surveys, claims: stack.claims, councilId: stack.councilId, today: TODAY, send: sesSender({ ratePerSecond: 0 }), appUrl: stack.baseUrl });
  expect(dispatched).toMatchObject({ opened: 2, invited: 4 });
  for (const who of ['s1', 's2']) for (const mode of ['confidential', 'anonymous'] as const) await answer(who, mode);
  expect((await responses('confidential')).map((r) => r.childId).sort()).toEqual(['S-1', 'S-2']);
  expect((await responses('anonymous')).map((r) => r.childId)).toEqual([undefined, undefined]);
  // A lead hands over Annex A list 8 naming both of them: one audit access for the list.
  const listed = await fetch(`${stack.baseUrl}/reports/annex-a/children-in-care?format=csv`, { headers: { authorization: `Bearer ${t.lead}` } });
  expect(listed.status).toBe(200);
  expect(await listed.text()).toMatch(/S-1[\s\S]*S-2/);
}, 120_000);

afterAll(async () => {
  await stack?.stop();
});

describe('subject access', () => {
  it('prints everything held about the person, and nothing of anyone else', async () => {
    const { code, stdout, stderr } = await subjectAccess('S-1');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(out).toMatchObject({ caseReference: 'S-1', councilId: stack.councilId });
    expect(out.child).toMatchObject({ id: 'S-1', firstName: 'Imogen', lastName: 'Vasquez', dateOfBirth: '2013-05-05', email: young('s1'), holderId: 'sw-1' });
    expect(out.facts.map((f: { fact: { type: string } }) => f.fact.type)).toEqual(['entered-care', 'placement-started', 'visit']);
    expect(out.obligations.length).toBeGreaterThan(0);
    expect(out.obligations.every((o: { childId: string }) => o.childId === 'S-1')).toBe(true);

    expect(out.surveyInvitations.map((i: { campaignId: string }) => i.campaignId).sort()).toEqual([campaigns.confidential, campaigns.anonymous].sort());
    expect(out.surveyInvitations.every((i: { answered: boolean; sentAt: string }) => i.answered && i.sentAt)).toBe(true);
    expect(out.surveyLinks).toHaveLength(2);
    // The confidential link keeps whom and when; the anonymous one only that it was answered.
    const linkOf = (c: string) => out.surveyLinks.find((l: { campaignId: string }) => l.campaignId === c);
    expect(linkOf(campaigns.confidential)).toMatchObject({ childId: 'S-1', usedOn: TODAY, answered: true });
    expect(linkOf(campaigns.anonymous)).toEqual({ councilId: stack.councilId, campaignId: campaigns.anonymous, lastDay: expect.any(String), answered: true });
    // Links without their token hashes, anywhere.
    expect(stdout).not.toMatch(/linkHash/);
    for (const hash of Object.values(linkHashes.s1!)) expect(stdout).not.toContain(hash);

    // The confidential response, not the anonymous one (which cannot be found, and the output says so).
    expect(out.confidentialSurveyResponses).toHaveLength(1);
    expect(out.confidentialSurveyResponses[0]).toMatchObject({ campaignId: campaigns.confidential, childId: 'S-1', answers: { 'anything-else': 'Words from s1' } });
    expect(out.notes.join(' ')).toMatch(/[Aa]nonymous survey responses .* cannot be found/);

    // Audit entries about the person, ending with this export.
    const actions = out.auditEntries.map((e: AuditEntry) => e.action);
    expect(actions).toEqual(['create', 'record-fact', 'record-fact', 'record-fact', 'read', 'export', 'export']);
    // The list both were in, as this person's entry only.
    expect(out.auditEntries.at(-2)).toMatchObject({ staffId: 'lead-1', role: 'lead', route: 'GET /reports/annex-a/children-in-care', childId: 'S-1' });
    expect(out.auditEntries.at(-1)).toMatchObject({ staffId: 'admin-1', role: 'operator', route: 'npm run subject-access', childId: 'S-1' });
    expect(out.auditEntries.every((e: AuditEntry) => e.childId === 'S-1')).toBe(true);

    // Nothing of the other young person.
    expect(stdout).not.toMatch(/S-2|Barnaby|Quist|2013-07-07|young-s2|Words from s2/);
    const otherReference = (await responses('confidential')).find((r) => r.childId === 'S-2')!.reference!;
    expect(stdout).not.toContain(otherReference);
    for (const hash of Object.values(linkHashes.s2!)) expect(stdout).not.toContain(hash);
  });

  it('says when Kept holds nothing about a case reference, and turns bad arguments away', async () => {
    const nothing = await subjectAccess('S-404');
    expect(nothing.code).toBe(1);
    expect(nothing.stdout).toBe('');
    expect(nothing.stderr).toMatch(/holds nothing about case reference S-404/);
    expect(await audit('S-404')).toBeUndefined(); // 404: not even an entry was written
    const bad = await runScript('infra/local/subjectAccess.ts', []);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/usage: npm run subject-access -- CHILD_ID/);
  });
});

describe('erasure', () => {
  it('without --confirm, prints what it would remove, removes nothing and exits 2', async () => {
    const { code, stdout, stderr } = await erase('S-1');
    expect(code).toBe(2);
    expect(stderr).toMatch(/--confirm/);
    const plan = JSON.parse(stdout).wouldErase;
    expect(plan).toMatchObject({ caseReference: 'S-1', childRecord: true, facts: 3, recomputeMarker: expect.any(Boolean), surveyLinks: 2 });
    expect(plan.obligations).toBeGreaterThan(0);
    expect(plan.surveyInvitations.sort()).toEqual([campaigns.confidential, campaigns.anonymous].sort());
    expect(plan.confidentialResponsesUnlinked).toEqual([{ campaignId: campaigns.confidential, responseId: expect.any(String) }]);
    expect(await stack.store.getChild(stack.councilId, 'S-1')).not.toBeNull();
    expect((await stack.store.getChildHistory(stack.councilId, 'S-1')).facts).toHaveLength(3);
    expect((await responses('confidential')).filter((r) => r.childId === 'S-1')).toHaveLength(1);
  });

  it('with --confirm, removes the person, unlinks their confidential answers, leaves others alone and keeps the audit trail', async () => {
    const other = {
      child: await stack.store.getChild(stack.councilId, 'S-2'),
      history: await stack.store.getChildHistory(stack.councilId, 'S-2'),
      invitations: await Promise.all(Object.values(campaigns).map(async (c) => (await surveys.listInvitations(stack.councilId, c)).filter((i) => i.childId === 'S-2'))),
      links: await Promise.all(Object.values(linkHashes.s2!).map((h) => surveys.getLink(h))),
      responses: (await responses('confidential')).filter((r) => r.childId === 'S-2'),
    };
    const confidentialBefore = (await responses('confidential')).find((r) => r.childId === 'S-1')!;
    const anonymousBefore = await responses('anonymous');
    const auditBefore = await audit('S-1');
    for (const c of Object.values(campaigns)) expect(sendMarkers(await partition(`CAMPAIGN#${stack.councilId}#${c}`))).toEqual(['SEND#S-1#INVITE', 'SEND#S-2#INVITE']);

    const { code, stdout, stderr } = await erase('S-1', '--confirm');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ erased: true, caseReference: 'S-1', childRecord: true, facts: 3, surveyLinks: 2 });

    // The record, facts, obligations and recompute marker are gone.
    expect(await stack.store.getChild(stack.councilId, 'S-1')).toBeNull();
    expect(await partition(`CHILD#${stack.councilId}#S-1`)).toEqual([]);
    expect((await stack.store.dueForHolder(stack.councilId, 'sw-1')).filter((d) => d.childId === 'S-1')).toEqual([]);
    // So are the invitations, the markers of the emails sent for them, and the links.
    for (const c of Object.values(campaigns)) expect((await surveys.listInvitations(stack.councilId, c)).map((i) => i.childId)).toEqual(['S-2']);
    for (const c of Object.values(campaigns)) expect(sendMarkers(await partition(`CAMPAIGN#${stack.councilId}#${c}`))).toEqual(['SEND#S-2#INVITE']);
    for (const hash of Object.values(linkHashes.s1!)) {
      const { Item } = await documentClient().send(new GetCommand({ TableName: stack.tableName, Key: { pk: `SURVEYLINK#${hash}`, sk: 'LINK' } }));
      expect(Item).toBeUndefined();
    }
    // The confidential response stays, as an anonymous one: answers and bands, no person.
    const kept = (await responses('confidential')).find((r) => r.responseId === confidentialBefore.responseId)!;
    expect(kept.childId).toBeUndefined();
    expect(kept.reference).toBeUndefined();
    expect(kept.answers).toEqual(confidentialBefore.answers);
    expect(kept.bands).toEqual(confidentialBefore.bands);
    expect(Object.keys(kept).sort()).toEqual(['answers', 'bands', 'responseId', 'submittedOn', 'surveyId', 'version']);
    expect(await responses('anonymous')).toEqual(anonymousBefore);

    // The other young person is untouched.
    expect(await stack.store.getChild(stack.councilId, 'S-2')).toEqual(other.child);
    expect(await stack.store.getChildHistory(stack.councilId, 'S-2')).toEqual(other.history);
    expect(await Promise.all(Object.values(campaigns).map(async (c) => (await surveys.listInvitations(stack.councilId, c)).filter((i) => i.childId === 'S-2')))).toEqual(other.invitations);
    expect(await Promise.all(Object.values(linkHashes.s2!).map((h) => surveys.getLink(h)))).toEqual(other.links);
    expect((await responses('confidential')).filter((r) => r.childId === 'S-2')).toEqual(other.responses);
    expect((await stack.call('GET', '/children/S-2', { token: t.admin })).status).toBe(200);

    // The audit trail stays, by case reference only, and ends with the erasure.
    const after = await audit('S-1');
    expect(after.slice(0, auditBefore.length)).toEqual(auditBefore);
    expect(after.slice(auditBefore.length).map((e) => [e.action, e.staffId, e.role, e.route])).toEqual([['erase', 'admin-1', 'operator', 'npm run erase']]);
    expect(JSON.stringify(after)).not.toMatch(/Imogen|Vasquez|2013-05-05/);
    const day = (await stack.call('GET', `/audit?date=${londonDateOf(new Date(after.at(-1)!.at))}`, { token: t.admin })).body.entries as AuditEntry[];
    expect(day.some((e) => e.childId === 'S-1' && e.action === 'erase')).toBe(true);

    // Through the API the person is gone; another export finds only the audit trail.
    expect((await stack.call('GET', '/children/S-1', { token: t.sw1 })).status).toBe(404);
    const again = JSON.parse((await subjectAccess('S-1')).stdout);
    expect(again).toMatchObject({ child: null, facts: [], obligations: [], surveyInvitations: [], surveyLinks: [], confidentialSurveyResponses: [] });
    expect(again.auditEntries.map((e: AuditEntry) => e.action).slice(-2)).toEqual(['erase', 'export']);
    expect(JSON.stringify(again)).not.toMatch(/Imogen|Vasquez|2013-05-05|young-s1|Words from s1/);

    // Erasing again finds nothing to erase.
    const twice = await erase('S-1', '--confirm');
    expect(twice.code).toBe(1);
    expect(twice.stderr).toMatch(/holds nothing about case reference S-1/);
  });
});
