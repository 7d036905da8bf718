/**
 * My work, the team page, the case page's team and the local sign-in page,
 * against DynamoDB Local, signed in with the session cookie as a browser is.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCouncilStack, testStaff, type TestStack } from '#tests/support/stack.js';
import { csrfOf, textOf, webSession } from '#tests/support/webSession.js';
import type { ChildRecord } from '#domain/people.js';
import type { Fact } from '#domain/facts.js';
import { addDaysIso } from '#domain/dates.js';
import { inCareSince, writeChild } from '#tests/support/records.js';

const TODAY = '2027-01-18';
const HORIZON = addDaysIso(TODAY, 28);
let stack: TestStack;
const tokens: Record<string, string> = {};

async function addChild(id: string, holderId: string, facts: Fact[], extra: Record<string, unknown> = {}) {
  const child = { councilId: stack.councilId, id, firstName: 'Ellie', lastName: 'Walker', dateOfBirth: '2012-03-02', holderId, createdAt: TODAY, version: 0, ...extra } as ChildRecord;
  await writeChild(stack, child, facts, TODAY, { at: '2026-11-01T08:00:00Z' });
}

const inCare = inCareSince;

const cards = (html: string) => [...html.matchAll(/<h3 class="govuk-summary-card__title">\s*([^<]+?)\s*<\/h3>/g)].map((m) => m[1]!);

beforeAll(async () => {
  process.env.KEPT_TODAY = TODAY;
  stack = await startCouncilStack('work-pages', { localSignIn: true });
  for (const [role, id] of [['practitioner', 'sw-1'], ['practitioner', 'sw-2'], ['manager', 'tm-1'], ['practitioner', 'sw-3']] as const) tokens[id] = await stack.token(role, id);
  // W-2 came into care three days ago: nothing is overdue yet. W-1 a month ago: its first visit is overdue.
  await addChild('W-2', 'sw-1', inCare('2027-01-15'));
  await addChild('W-1', 'sw-1', inCare('2026-12-18'));
  await addChild('W-3', 'sw-2', inCare('2026-12-18'), { team: { socialWorker: 'sw-2', iro: 'sw-3' } });
});

afterAll(async () => {
  await stack?.stop();
});

describe('My work', () => {
  it('lists what I have to do by child, the child with overdue work first, with counts', async () => {
    const web = webSession(stack.baseUrl, tokens['sw-1']);
    const page = await web.get('/');
    expect(page.status).toBe(200);
    const mine = await stack.store.dueForHolder(stack.councilId, 'sw-1');
    const overdue = mine.filter((i) => i.dueDate < TODAY);
    expect(overdue.length).toBeGreaterThan(0);
    expect(overdue.every((i) => i.childId === 'W-1')).toBe(true);
    expect(cards(page.html)).toEqual([`W-1 (E.W.): ${overdue.length} overdue`, 'W-2 (E.W.)']);
    const text = textOf(page.html);
    expect(text).toContain(`${overdue.length} overdue`);
    expect(text).toContain(`${mine.length} in all, for 2 children`);
    expect(text).not.toContain('W-3');
    expect(page.html).toMatch(/href="\/children\/W-1\/record\/statutory-visit">Record<span class="govuk-visually-hidden"> statutory visit \(W-1 \(E.W.\)/);
  });

  it('opens on overdue and the next 4 weeks, with everything a choice, and filters by kind', async () => {
    const web = webSession(stack.baseUrl, tokens['sw-1']);
    const mine = await stack.store.dueForHolder(stack.councilId, 'sw-1');
    const later = mine.filter((i) => i.dueDate > HORIZON);
    expect(later.length).toBeGreaterThan(0);
    const rows = (html: string) => (html.match(/govuk-summary-list__row/g) ?? []).length;
    const opening = await web.get('/');
    expect(opening.html).toMatch(/value="next-4-weeks" checked/);
    expect(rows(opening.html)).toBe(mine.length - later.length);
    expect(textOf(opening.html)).toContain(`Show everything (${mine.length} items)`);
    const everything = await web.get('/?view=all');
    expect(everything.html).toMatch(/value="all" checked/);
    expect(rows(everything.html)).toBe(mine.length);
    expect(textOf(everything.html)).not.toContain('Show everything');

    const visits = await web.get('/?kind=statutory-visit&view=all');
    expect(cards(visits.html)).toHaveLength(2);
    expect(textOf(visits.html)).toContain('2 in all');
    expect(visits.html).not.toContain('Looked-after review</dt>');
    expect(visits.html).toMatch(/<option value="statutory-visit" selected>/);
    expect(textOf((await web.get('/?kind=no-such-kind')).html)).toContain(`${mine.length} in all`);
  });

  it('shows long lists a page of children at a time', async () => {
    for (let n = 0; n < 21; n++) await addChild(`P-${String(n).padStart(2, '0')}`, 'sw-4', inCare('2026-12-18'));
    const web = webSession(stack.baseUrl, await stack.token('practitioner', 'sw-4'));
    const first = await web.get('/');
    expect(cards(first.html)).toHaveLength(20);
    expect(textOf(first.html)).toContain('Page 1 of 2');
    expect(first.html).toContain('href="/?page=2"');
    const second = await web.get('/?page=2');
    expect(cards(second.html)).toHaveLength(1);
    expect(textOf(second.html)).toContain('Page 2 of 2');
    expect(second.html).toContain('href="/?page=1"');
    const seen = new Set([...cards(first.html), ...cards(second.html)].map((c) => c.split(' ')[0]));
    expect(seen.size).toBe(21);
    expect(cards((await web.get('/?page=99')).html)).toEqual(cards(second.html));
  });

  it('says who is signed in by name, not staff id', async () => {
    const text = textOf((await webSession(stack.baseUrl, tokens['sw-1']).get('/')).html);
    expect(text).toContain('Signed in as Sue Worker.');
    expect(text).not.toMatch(/sw-1/);
  });

  it('lands a lead with no work of their own on their reports', async () => {
    const lead = webSession(stack.baseUrl, await stack.token('lead', 'lead-1'));
    const landing = await lead.get('/');
    expect(landing.status).toBe(303);
    expect(landing.location).toBe('/reports');
  });

  it('gives a private calendar link, as https and webcal:, that replaces the last one', async () => {
    const web = webSession(stack.baseUrl, tokens['sw-1']);
    const myWork = await web.get('/');
    expect(textOf(myWork.html)).toContain('Add to your calendar');
    expect(myWork.html).toContain('action="/calendar-link"');
    const csrf = csrfOf(myWork.html);
    expect((await web.post('/calendar-link', { csrf: 'x'.repeat(32) })).status).toBe(403);
    const first = await web.post('/calendar-link', { csrf });
    expect(first.status).toBe(201);
    expect(textOf(first.html)).toContain('You have a new calendar link');
    const url = /<code id="calendar-url">([^<]+)<\/code>/.exec(first.html)![1]!;
    expect(url).toMatch(new RegExp(`^${stack.baseUrl}/calendar/[A-Za-z0-9_-]{43}\\.ics$`));
    expect(first.html).toContain(`href="${url.replace(/^http:/, 'webcal:')}"`);
    const feed = await fetch(url);
    expect(feed.status).toBe(200);
    expect(await feed.text()).toContain('Responsible: Sue Worker');
    const second = await web.post('/calendar-link', { csrf });
    const replaced = /<code id="calendar-url">([^<]+)<\/code>/.exec(second.html)![1]!;
    expect(replaced).not.toBe(url);
    expect((await fetch(url)).status).toBe(404);
    expect((await fetch(replaced)).status).toBe(200);
  });

  it('sends a browser that is not signed in through sign-in and back', async () => {
    const page = await webSession(stack.baseUrl).get('/');
    expect(page.status).toBe(303);
    expect(page.location).toBe('/sign-in?next=%2F');
  });
});

describe('the case page', () => {
  it("shows the child's team where the record has one, and only the social worker where it does not", async () => {
    const manager = webSession(stack.baseUrl, tokens['tm-1']);
    const withTeam = textOf((await manager.get('/case/W-3')).html);
    expect(withTeam).toContain('Social worker Sid Worker');
    expect(withTeam).toContain('Independent reviewing officer (IRO) Sal Worker');
    expect(withTeam).toContain('Personal adviser Not allocated');
    const holderOnly = textOf((await manager.get('/case/W-1')).html);
    expect(holderOnly).toContain('Social worker Sue Worker');
    expect(holderOnly).toContain('Only the social worker (who holds the case) is recorded');
    expect(holderOnly).toContain('Responsible Sue Worker');
  });
});

describe('the team page', () => {
  it("shows a manager the team's overdue work by person, each worker's next 4 weeks, and children with no IRO", async () => {
    const web = webSession(stack.baseUrl, tokens['tm-1']);
    const page = await web.get('/team');
    expect(page.status).toBe(200);
    const text = textOf(page.html);
    const count = async (id: string, from: string, to: string) => (await stack.store.dueForHolder(stack.councilId, id)).filter((i) => i.dueDate >= from && i.dueDate <= to).length;
    const sueOverdue = await count('sw-1', '0000-01-01', addDaysIso(TODAY, -1));
    const sidOverdue = await count('sw-2', '0000-01-01', addDaysIso(TODAY, -1));
    expect(text).toContain(`Sue Worker: ${sueOverdue} overdue`);
    expect(text).toContain(`Sid Worker: ${sidOverdue} overdue`);
    expect(text).toContain(`Sue Worker ${sueOverdue} ${await count('sw-1', TODAY, HORIZON)}`);
    expect(text).toContain(`Sid Worker ${sidOverdue} ${await count('sw-2', TODAY, HORIZON)}`);
    expect(text).not.toContain('Sal Worker'); // in tm-2's team
    // W-1 and W-2 are looked after with no IRO recorded; W-3 has one.
    expect(text).toContain('W-1 (E.W.) No IRO');
    expect(text).toContain('W-2 (E.W.) No IRO');
    expect(text).not.toContain('W-3 (E.W.) No IRO');
  });

  it('is for managers only', async () => {
    const page = await webSession(stack.baseUrl, tokens['sw-1']).get('/team');
    expect(page.status).toBe(403);
    expect(textOf(page.html)).toContain('This page is for team managers');
    expect((await webSession(stack.baseUrl).get('/team')).location).toBe('/sign-in?next=%2Fteam');
  });
});

describe('the local sign-in page', () => {
  it('lists every member of staff, grouped by role, and signs in as the one chosen', async () => {
    const web = webSession(stack.baseUrl);
    const page = await web.get('/sign-in?next=%2Fteam');
    const text = textOf(page.html);
    const headings = [...page.html.matchAll(/<h2 class="govuk-heading-m">([^<]+)<\/h2>/g)].map((m) => m[1]);
    expect(headings).toEqual(['Practitioners', 'Team managers', 'Leads', 'Admins']);
    for (const s of testStaff(stack.councilId)) expect(text).toContain(`Sign in as ${s.name} (${s.id})`);
    const signedIn = await web.post('/sign-in', { staffId: 'tm-1', next: '/team' });
    expect(signedIn.location).toBe('/team');
    expect((await web.get('/team')).status).toBe(200);
  });

  it('lands on My work when no page was asked for', async () => {
    const web = webSession(stack.baseUrl);
    const signedIn = await web.post('/sign-in', { staffId: 'sw-1', next: '' });
    expect(signedIn.location).toBe('/');
    expect(textOf((await web.get('/')).html)).toContain('My work');
  });
});

describe('changing a child\'s team in the browser', () => {
  it('lets the manager allocate an IRO from the team page, and the reviews move to the IRO that day', async () => {
    const web = webSession(stack.baseUrl, tokens['tm-1']);
    const team = await web.get('/team');
    expect(team.html).toContain('href="/children/W-1/team"');
    const form = await web.get('/children/W-1/team');
    expect(form.status).toBe(200);
    expect(textOf(form.html)).toContain('Change the team');
    const csrf = csrfOf(form.html);

    const missing = await web.post('/children/W-1/team', { csrf, socialWorker: '' });
    expect(missing.status).toBe(400);
    expect(missing.html).toContain('govuk-error-summary');
    expect((await stack.store.getChild(stack.councilId, 'W-1'))?.team).toBeUndefined();

    const saved = await web.post('/children/W-1/team', { csrf, socialWorker: 'sw-1', iro: 'sw-3', personalAdviser: '', virtualSchool: '', health: '' });
    expect(saved.status).toBe(303);
    expect(saved.location).toBe('/case/W-1?done=team');
    expect(textOf((await web.get(saved.location!)).html)).toContain('Success The team has been changed.');
    expect((await stack.store.getChild(stack.councilId, 'W-1'))?.team).toEqual({ socialWorker: 'sw-1', iro: 'sw-3' });
    const review = (await stack.store.getChildHistory(stack.councilId, 'W-1')).obligations.find((o) => o.kind === 'looked-after-review');
    expect(review?.responsibleId).toBe('sw-3');
  });

  it('refuses practitioners and a form without its CSRF value, changing nothing', async () => {
    const before = await stack.store.getChild(stack.councilId, 'W-2');
    expect((await webSession(stack.baseUrl, tokens['sw-1']).get('/children/W-2/team')).status).toBe(403);
    const web = webSession(stack.baseUrl, tokens['tm-1']);
    await web.get('/children/W-2/team');
    expect((await web.post('/children/W-2/team', { csrf: 'x'.repeat(32), socialWorker: 'sw-2' })).status).toBe(403);
    expect(await stack.store.getChild(stack.councilId, 'W-2')).toEqual(before);
  });
});
