/**
 * Recording work from the browser, against DynamoDB Local: from the case
 * page's "Record ..." action through the question page, check your answers
 * and the confirmation with the next due date; bad answers, a missing CSRF
 * value and someone else's case store nothing; from a link while signed
 * out, through the local sign-in page and back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCouncilStack, type TestStack } from '#tests/support/stack.js';
import { csrfOf, textOf, webSession } from '#tests/support/webSession.js';
import type { ChildRecord } from '#domain/people.js';
import type { Fact } from '#domain/facts.js';
import { longDate } from '#domain/dateText.js';
import { inCareSince, writeChild } from '#tests/support/records.js';
import { newOnce } from '#tests/support/webSession.js';

const TODAY = '2027-01-18';
let stack: TestStack;
const tokens: Record<string, string> = {};

async function addChild(id: string, holderId: string, facts: Fact[], dateOfBirth = '2015-03-02') {
  const child: ChildRecord = { councilId: stack.councilId, id, firstName: 'Ellie', lastName: 'Walker', dateOfBirth, holderId, createdAt: TODAY, version: 0 };
  await writeChild(stack, child, facts, TODAY, { at: '2026-11-01T08:00:00Z' });
}

const inCare = inCareSince;

const factsOf = async (id: string) => (await stack.store.getChildHistory(stack.councilId, id)).facts;
const dueOf = async (id: string, kind: string) => (await stack.store.getChildHistory(stack.councilId, id)).obligations.find((o) => o.kind === kind);

beforeAll(async () => {
  process.env.KEPT_TODAY = TODAY;
  stack = await startCouncilStack('record-pages', { localSignIn: true });
  for (const [role, id] of [['practitioner', 'sw-1'], ['practitioner', 'sw-2'], ['lead', 'lead-1'], ['manager', 'tm-1']] as const) tokens[id] = await stack.token(role, id);
  await addChild('C-1', 'sw-1', inCare('2026-12-18'));
  await addChild('C-2', 'sw-1', [...inCare('2026-06-01'), { type: 'review', date: '2026-06-20' }, { type: 'review', date: '2026-09-20' }]);
  await addChild('C-3', 'sw-1', inCare('2026-12-18'));
  await addChild('C-4', 'sw-1', [...inCare('2026-10-01'), { type: 'missing-episode', start: '2027-01-15T09:00:00Z', returned: '2027-01-15T17:00:00Z' }]);
});

afterAll(async () => {
  await stack?.stop();
});

describe('recording a visit from the case page', () => {
  it('follows the Record action, checks the answers, records the visit and shows its next due date', async () => {
    const web = webSession(stack.baseUrl, tokens['sw-1']);
    const casePage = await web.get('/case/C-1');
    expect(casePage.status).toBe(200);
    const link = /<a class="govuk-link" href="(\/children\/C-1\/record\/statutory-visit)">\s*(Record[^<]*)/.exec(casePage.html);
    expect(link?.[2]).toBe('Record statutory visit');
    expect(textOf(casePage.html)).toContain('Social worker Sue Worker');
    expect(textOf(casePage.html)).toContain('Responsible Sue Worker');

    const question = await web.get(link![1]!);
    expect(question.status).toBe(200);
    expect(question.html).toContain('name="date-day"');
    expect(question.html).toContain('name="date-month"');
    expect(question.html).toContain('name="date-year"');
    expect(textOf(question.html)).toContain('Was the child seen alone?');
    const csrf = csrfOf(question.html);

    const before = (await factsOf('C-1')).length;
    const check = await web.post('/children/C-1/record/statutory-visit', { csrf, 'date-day': '15', 'date-month': '1', 'date-year': '2027', seenAlone: 'yes' });
    expect(check.status).toBe(200);
    expect(textOf(check.html)).toContain('Check your answers');
    expect(textOf(check.html)).toContain('15 January 2027');
    expect(textOf(check.html)).toMatch(/Seen alone\s+Yes/);
    expect((await factsOf('C-1')).length).toBe(before);

    const recorded = await web.post('/children/C-1/record/statutory-visit/confirm', { csrf, once: newOnce(), 'date-day': '15', 'date-month': '1', 'date-year': '2027', seenAlone: 'yes' });
    expect(recorded.status).toBe(303);
    expect(recorded.location).toBe('/children/C-1/record/statutory-visit/done');
    const facts = await factsOf('C-1');
    expect(facts).toHaveLength(before + 1);
    expect(facts.at(-1)).toMatchObject({ recordedBy: 'sw-1', fact: { type: 'visit', date: '2027-01-15', seenAlone: true } });

    const next = await dueOf('C-1', 'statutory-visit');
    // A visit on 15 January, in the first year of the placement: the next within six weeks (CPPCR reg 28(2)(b)).
    expect(next?.dueDate).toBe('2027-02-26');
    const done = await web.get(recorded.location!);
    expect(done.status).toBe(200);
    expect(textOf(done.html)).toContain('Recorded');
    expect(textOf(done.html)).toContain(`Statutory visit: next due ${longDate('2027-02-26')}`);

    const history = textOf((await web.get('/case/C-1')).html);
    expect(history).toContain('Visit Seen alone Sue Worker');
  });

  it('gives the same answer as the API: the fact is audited like POST /children/{id}/facts', async () => {
    const entries = await stack.audit.forChild(stack.councilId, 'C-1');
    expect(entries.some((e) => e.action === 'record-fact' && e.route === 'POST /children/{id}/record/{kind}/confirm' && e.staffId === 'sw-1')).toBe(true);
  });

  it('shows the error summary naming each field, and stores nothing, for bad answers', async () => {
    const web = webSession(stack.baseUrl, tokens['sw-1']);
    const csrf = csrfOf((await web.get('/children/C-3/record/statutory-visit')).html);
    const before = (await factsOf('C-3')).length;
    const cases: Array<[Record<string, string>, string[]]> = [
      [{}, ['Enter the date of the visit', 'Select yes if the child was seen alone']],
      [{ 'date-day': '31', 'date-month': '2', 'date-year': '2027', seenAlone: 'no' }, ['Date of the visit must be a real date']],
      [{ 'date-day': '1', 'date-month': '', 'date-year': '', seenAlone: 'no' }, ['Date of the visit must include a month and year']],
      [{ 'date-day': '1', 'date-month': '2', 'date-year': '2027', seenAlone: 'no' }, ['Date of the visit must be today or in the past']],
    ];
    for (const [answers, messages] of cases) {
      for (const path of ['/children/C-3/record/statutory-visit', '/children/C-3/record/statutory-visit/confirm']) {
        const r = await web.post(path, { csrf, ...answers });
        expect(r.status, path).toBe(400);
        expect(r.html).toContain('govuk-error-summary');
        for (const m of messages) expect(textOf(r.html)).toContain(m);
        expect(r.html).toContain('<title>Error: ');
      }
    }
    expect((await factsOf('C-3')).length).toBe(before);
  });

  it('refuses a form without its CSRF value, and someone else\'s case, storing nothing', async () => {
    const answers = { 'date-day': '15', 'date-month': '1', 'date-year': '2027', seenAlone: 'yes' };
    const before = (await factsOf('C-3')).length;
    const mine = webSession(stack.baseUrl, tokens['sw-1']);
    await mine.get('/children/C-3/record/statutory-visit');
    expect((await mine.post('/children/C-3/record/statutory-visit/confirm', { ...answers, csrf: 'x'.repeat(32) })).status).toBe(403);
    expect((await mine.post('/children/C-3/record/statutory-visit/confirm', answers)).status).toBe(403);

    for (const who of ['sw-2', 'lead-1']) {
      const other = webSession(stack.baseUrl, tokens[who]);
      const page = await other.get('/children/C-3/record/statutory-visit');
      expect(page.status, who).toBe(403);
      expect(textOf(page.html)).toContain('You cannot record this');
      // The staff header and a way back, not the young people's footer.
      expect(textOf(page.html)).toMatch(/My work .* Go to (my work|reports) Signed in as/);
      const csrf = other.cookies.get('kept_record_csrf')!;
      expect((await other.post('/children/C-3/record/statutory-visit/confirm', { ...answers, csrf })).status, who).toBe(403);
    }
    expect((await factsOf('C-3')).length).toBe(before);
    // The case holder's manager may record, as through the API.
    const manager = webSession(stack.baseUrl, tokens['tm-1']);
    expect((await manager.get('/children/C-3/record/statutory-visit')).status).toBe(200);
  });

  it('answers 404 for a kind Kept does not record and a case that does not exist', async () => {
    const web = webSession(stack.baseUrl, tokens['sw-1']);
    expect((await web.get('/children/C-1/record/not-a-kind')).status).toBe(404);
    expect((await web.get('/children/NOPE/record/statutory-visit')).status).toBe(404);
  });
});

describe('the other kinds', () => {
  it('records a review with its participation code in plain words, and shows it in the history', async () => {
    const web = webSession(stack.baseUrl, tokens['sw-1']);
    const question = await web.get('/children/C-2/record/looked-after-review');
    const text = textOf(question.html);
    expect(text).toContain('Did not come, but briefed an advocate to speak for them');
    expect(text).toContain('PN7');
    const csrf = csrfOf(question.html);
    const missing = await web.post('/children/C-2/record/looked-after-review', { csrf, 'date-day': '10', 'date-month': '1', 'date-year': '2027' });
    expect(missing.status).toBe(400);
    expect(textOf(missing.html)).toContain('Select how the child took part in the review');
    const answers = { csrf, once: newOnce(), 'date-day': '10', 'date-month': '1', 'date-year': '2027', participation: 'PN5' };
    expect(textOf((await web.post('/children/C-2/record/looked-after-review', answers)).html)).toContain('How the child took part Did not come, but briefed an advocate');
    expect((await web.post('/children/C-2/record/looked-after-review/confirm', answers)).status).toBe(303);
    expect((await factsOf('C-2')).at(-1)!.fact).toEqual({ type: 'review', date: '2027-01-10', participation: 'PN5', childParticipated: true });
    // Later reviews every six months (CPPCR reg 33(3)(b)).
    expect((await dueOf('C-2', 'looked-after-review'))?.dueDate).toBe('2027-07-10');
    expect(textOf((await web.get('/children/C-2/record/looked-after-review/done')).html)).toContain(`next due ${longDate('2027-07-10')}`);
    expect(textOf((await web.get('/case/C-2')).html)).toContain('PN5: Did not come, but briefed an advocate to speak for them');
  });

  it('records an SDQ score, refusing one over 40', async () => {
    const web = webSession(stack.baseUrl, tokens['sw-1']);
    const csrf = csrfOf((await web.get('/children/C-2/record/sdq')).html);
    const date = { 'date-day': '11', 'date-month': '1', 'date-year': '2027' };
    const wrong = await web.post('/children/C-2/record/sdq/confirm', { csrf, ...date, score: '41' });
    expect(wrong.status).toBe(400);
    expect(textOf(wrong.html)).toContain('Total difficulties score must be a whole number from 0 to 40');
    expect((await web.post('/children/C-2/record/sdq/confirm', { csrf, once: newOnce(), ...date, score: '18' })).status).toBe(303);
    expect((await factsOf('C-2')).at(-1)!.fact).toEqual({ type: 'sdq', date: '2027-01-11', score: 18 });
    expect(textOf((await web.get('/case/C-2')).html)).toContain('SDQ Score 18');
  });

  it('records a health assessment of the kind that was due, and a placement plan for the current placement', async () => {
    const web = webSession(stack.baseUrl, tokens['sw-1']);
    const question = await web.get('/children/C-3/record/initial-health-assessment');
    expect(question.html).toMatch(/value="initial" checked/);
    const csrf = csrfOf(question.html);
    expect((await web.post('/children/C-3/record/initial-health-assessment/confirm', { csrf, once: newOnce(), 'date-day': '12', 'date-month': '1', 'date-year': '2027', healthKind: 'initial' })).status).toBe(303);
    expect((await factsOf('C-3')).at(-1)!.fact).toEqual({ type: 'health-assessment', date: '2027-01-12', kind: 'initial' });
    const done = textOf((await web.get('/children/C-3/record/initial-health-assessment/done')).html);
    expect(done).toContain('Review health assessment: next due');

    expect((await web.post('/children/C-3/record/placement-plan/confirm', { csrf, once: newOnce(), 'date-day': '12', 'date-month': '1', 'date-year': '2027' })).status).toBe(303);
    expect((await factsOf('C-3')).at(-1)!.fact).toEqual({ type: 'placement-plan', date: '2027-01-12', placementId: 'P1' });
  });
});

describe('recording a return home interview', () => {
  it('takes the interview time on the 24-hour clock, refusing one that is not a time, and shows it in the history', async () => {
    const web = webSession(stack.baseUrl, tokens['sw-1']);
    expect((await dueOf('C-4', 'return-home-interview'))?.dueDate).toBe('2027-01-18');
    const question = await web.get('/children/C-4/record/return-home-interview');
    expect(textOf(question.html)).toContain('Time of the interview (optional)');
    const csrf = csrfOf(question.html);
    const date = { 'date-day': '18', 'date-month': '1', 'date-year': '2027' };
    const wrong = await web.post('/children/C-4/record/return-home-interview/confirm', { csrf, ...date, time: '25:10' });
    expect(wrong.status).toBe(400);
    expect(textOf(wrong.html)).toContain('Time of the interview must be a time on the 24-hour clock, such as 14:30');
    expect((await factsOf('C-4')).some((f) => f.fact.type === 'return-home-interview')).toBe(false);
    expect(textOf((await web.post('/children/C-4/record/return-home-interview', { csrf, ...date, time: '9.30' })).html)).toContain('Time of the interview 09:30');
    expect((await web.post('/children/C-4/record/return-home-interview/confirm', { csrf, once: newOnce(), ...date, time: '9.30' })).status).toBe(303);
    expect((await factsOf('C-4')).at(-1)!.fact).toEqual({ type: 'return-home-interview', date: '2027-01-18', time: '09:30' });
    expect(await dueOf('C-4', 'return-home-interview')).toBeUndefined();
    expect(textOf((await web.get('/case/C-4')).html)).toContain('Return home interview At 09:30');
  });
});

describe('from a link while signed out', () => {
  it('goes through the local sign-in page and comes back to the record page', async () => {
    const web = webSession(stack.baseUrl);
    const first = await web.get('/children/C-1/record/statutory-visit');
    expect(first.status).toBe(303);
    expect(first.location).toBe(`/sign-in?next=${encodeURIComponent('/children/C-1/record/statutory-visit')}`);
    const signIn = await web.get(first.location!);
    expect(signIn.status).toBe(200);
    const next = /name="next" value="([^"]+)"/.exec(signIn.html)![1]!;
    const signedIn = await web.post('/sign-in', { staffId: 'sw-1', next });
    expect(signedIn.status).toBe(303);
    expect(signedIn.location).toBe('/children/C-1/record/statutory-visit');
    const page = await web.get(signedIn.location!);
    expect(page.status).toBe(200);
    expect(textOf(page.html)).toContain('Record statutory visit');
  });
});

describe('recorded in error', () => {
  it('asks to confirm, withdraws the fact with a correction, shows both with who did it, and works out what is due again', async () => {
    const web = webSession(stack.baseUrl, tokens['sw-1']);
    const csrf = csrfOf((await web.get('/children/C-1/record/statutory-visit')).html);
    const before = (await dueOf('C-1', 'statutory-visit'))!.dueDate;
    expect((await web.post('/children/C-1/record/statutory-visit/confirm', { csrf, once: newOnce(), 'date-day': '16', 'date-month': '1', 'date-year': '2027', seenAlone: 'no' })).status).toBe(303);
    expect((await dueOf('C-1', 'statutory-visit'))!.dueDate).not.toBe(before);
    const visit = (await factsOf('C-1')).at(-1)!;
    expect(visit.fact).toMatchObject({ type: 'visit', date: '2027-01-16' });

    const casePage = await web.get('/case/C-1');
    const href = `/children/C-1/facts/${encodeURIComponent(visit.id!)}/recorded-in-error`;
    expect(casePage.html).toContain(`href="${href}"`);
    const question = await web.get(href);
    expect(question.status).toBe(200);
    expect(textOf(question.html)).toContain('Was this recorded in error?');
    expect(textOf(question.html)).toContain('Not seen alone');

    const unanswered = await web.post(href, { csrf: csrfOf(question.html) });
    expect(unanswered.status).toBe(400);
    expect(textOf(unanswered.html)).toContain('Select yes if this was recorded in error');
    expect((await web.post(href, { csrf: csrfOf(question.html), inError: 'no' })).location).toBe('/case/C-1');
    expect((await factsOf('C-1')).at(-1)!.id).toBe(visit.id);

    const done = await web.post(href, { csrf: csrfOf(question.html), inError: 'yes' });
    expect(done.status).toBe(303);
    expect(done.location).toBe('/case/C-1?done=withdrawn');
    expect(textOf((await web.get(done.location!)).html)).toContain('Success Marked as recorded in error.');
    // Sent again (Back, a double click): nothing more is recorded, and the same page says what happened.
    const again = await web.post(href, { csrf: csrfOf(question.html), inError: 'yes' });
    expect(again.location).toBe('/case/C-1?done=withdrawn');
    expect((await factsOf('C-1')).filter((f) => f.fact.type === 'correction')).toHaveLength(1);
    const correction = (await factsOf('C-1')).at(-1)!;
    expect(correction).toMatchObject({ recordedBy: 'sw-1', fact: { type: 'correction', date: TODAY, factId: visit.id, reason: 'recorded-in-error' } });
    expect((await dueOf('C-1', 'statutory-visit'))!.dueDate).toBe(before);

    const history = textOf((await web.get('/case/C-1')).html);
    expect(history).toContain('Correction Recorded in error Withdraws: Visit of Saturday, 16 January 2027 Sue Worker');
    expect(history).toMatch(/Visit Not seen alone Withdrawn recorded in error, said Sue Worker on/);
    expect((await web.get(href)).status).toBe(409);
  });
});
