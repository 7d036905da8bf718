import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { startCouncilStack, type TestStack } from '#tests/support/stack.js';
import { browserForFile } from '#tests/support/browser.js';
import type { SurveyStore } from '#store/ports/surveys.js';
import { projector } from '#services/council.js';
import { STATUTORY_POLICY } from '#domain/policy.js';
import { CARE_LEAVER_SURVEY } from '#domain/surveys/definitions.js';
import { makeRng, syntheticChild } from '#local/histories.js';
import { seedLastYear, syntheticAnswers } from '#local/demoResponses.js';
import type { Campaign } from '#domain/surveys/campaign.js';
import type { ChildRecord } from '#domain/people.js';
import type { Bands } from '#domain/surveys/bands.js';

const TODAY = '2027-01-18';
let stack: TestStack;
let surveys: SurveyStore;
const tokens: Record<string, string> = {};

const campaign = (over: Partial<Campaign>): Campaign => ({
  id: 'c-now', councilId: '', surveyId: 'care-leaver', version: 1, name: 'Care leavers 2027', mode: 'anonymous', state: 'open',
  audience: { status: 'care-leaver', ageFrom: 16, ageTo: 26 }, opens: '2027-01-04', closes: '2027-02-01', reminderDays: [],
  createdBy: 'lead-1', createdAt: TODAY, invited: 40, remindersSent: 0, ...over,
});

async function get(path: string, token?: string) {
  const r = await fetch(`${stack.baseUrl}${path}`, { headers: token ? { cookie: `kept_session=${token}` } : {}, redirect: 'manual' });
  return { status: r.status, text: await r.text(), location: r.headers.get('location'), type: r.headers.get('content-type') ?? '' };
}

beforeAll(async () => {
  process.env.KEPT_TODAY = TODAY;
  stack = await startCouncilStack('reports');
  surveys = stack.surveys;
  const rng = makeRng(99);
  const children: Array<{ child: ChildRecord; facts: never[] | ReturnType<typeof syntheticChild>['facts'] }> = [];
  for (let i = 0; i < 45; i++) {
    const h = syntheticChild(rng, TODAY, false);
    children.push({ child: { councilId: stack.councilId, id: `C-${i}`, firstName: 'N', lastName: 'M', dateOfBirth: h.dateOfBirth, holderId: ['sw-1', 'sw-2', 'sw-3'][i % 3]!, createdAt: TODAY, version: 0 }, facts: h.facts });
  }
  await stack.store.writeChildren(children.map(({ child, facts }) => ({ child, facts: facts.map((fact) => ({ fact, recordedAt: `${TODAY}T08:00:00Z`, recordedBy: child.holderId })), projection: projector(STATUTORY_POLICY, TODAY)(child, facts.map((fact) => ({ fact }))) })));
  const bands = (i: number): Bands => ({ ageBand: i % 4 === 0 ? '16-17' : '18-20', placementType: 'care-leaver', area: 'unknown' });
  await surveys.putCampaign(campaign({ id: 'c-last', councilId: stack.councilId, name: 'Care leavers 2026', state: 'closed', opens: '2026-01-05', closes: '2026-02-02' }));
  await surveys.putCampaign(campaign({ councilId: stack.councilId }));
  await surveys.putResponses(stack.councilId, 'c-last', Array.from({ length: 30 }, (_, i) => ({ surveyId: 'care-leaver', version: 1, submittedOn: '2026-01-20', answers: syntheticAnswers(CARE_LEAVER_SURVEY, rng, -0.3), bands: bands(i) })));
  await surveys.putResponses(stack.councilId, 'c-now', Array.from({ length: 24 }, (_, i) => ({
    surveyId: 'care-leaver', version: 1, submittedOn: TODAY,
    answers: { ...syntheticAnswers(CARE_LEAVER_SURVEY, rng), ...(i === 0 ? { 'anything-else': '<script>alert(1)</script> more help with rent' } : {}) },
    bands: bands(i),
  })));
  for (const [key, role, id] of [['lead', 'lead', 'lead-1'], ['admin', 'admin', 'admin-1'], ['manager', 'manager', 'tm-1'], ['sw', 'practitioner', 'sw-1']] as const) {
    tokens[key] = await stack.token(role, id);
  }
});

afterAll(async () => {
  await stack.stop();
});

describe('who may see reports', () => {
  it('sends a browser without a session to sign in, and answers 401 to a data request', async () => {
    const page = await get('/reports/surveys/c-now');
    expect(page.status).toBe(303);
    expect(page.location).toBe('/sign-in?next=%2Freports%2Fsurveys%2Fc-now');
    expect((await get('/reports/surveys/c-now?format=json')).status).toBe(401);
  });

  it('shows practitioners none of it', async () => {
    for (const path of ['/reports', '/reports/surveys/c-now', '/reports/surveys/c-now?format=json', '/reports/on-time?format=csv']) {
      expect((await get(path, tokens.sw)).status, path).toBe(403);
    }
  });

  it('shows managers their own team only, and no free text', async () => {
    const onTime = JSON.parse((await get('/reports/on-time?format=json&team=tm-2', tokens.manager)).text);
    expect(onTime.scope).toEqual({ team: 'tm-1', name: "Mo Manager's team" });
    expect(onTime.teams).toBeUndefined();
    const summary = JSON.parse((await get('/reports/surveys/c-now?format=json', tokens.manager)).text).summary;
    expect(summary.comments).toBeNull();
    expect((await get('/reports/surveys/c-now', tokens.manager)).text).toContain('Comments are shown to leads only.');
  });
});

describe('survey summaries', () => {
  it('give the same figures as HTML, JSON and CSV', async () => {
    const json = JSON.parse((await get('/reports/surveys/c-now?format=json', tokens.lead)).text);
    const s = json.summary;
    expect(s).toMatchObject({ invited: 40, answered: 24, responseRate: 60 });
    const csv = parse<Record<string, string>>((await get('/reports/surveys/c-now?format=csv', tokens.lead)).text, { columns: true });
    for (const q of s.questions.filter((x: { table: unknown }) => x.table)) {
      q.table.columns.forEach((answer: string, i: number) => {
        const row = csv.find((r) => r.section === 'question' && r.question_id === q.id && r.answer === answer)!;
        expect(row.count).toBe(String(q.table.cells[0][i]));
        expect(row.percent).toBe(q.percents[i] == null ? '' : String(q.percents[i]));
      });
    }
    const html = (await get('/reports/surveys/c-now', tokens.lead)).text;
    const safe = s.indicators.find((i: { id: string }) => i.id === 'feel-safe-home');
    expect(html).toContain(`${safe.title}: ${safe.percent == null ? 'not shown' : `${safe.percent}%`}`);
  });

  it('never publishes a count of 1 to 5, nor a lone hidden count beside a total', async () => {
    const s = JSON.parse((await get('/reports/surveys/c-now?format=json', tokens.lead)).text).summary;
    const tables = [
      ...s.questions.filter((q: { table: unknown }) => q.table).map((q: { table: unknown }) => q.table),
      ...s.indicators.flatMap((i: { breakdowns: Array<{ table: unknown }> }) => i.breakdowns.map((b) => b.table)),
    ] as Array<{ cells: Array<Array<number | 'c'>>; rowTotals: Array<number | 'c'>; columnTotals: Array<number | 'c'>; total: number | 'c' }>;
    let hiddenSeen = 0;
    for (const t of tables) {
      for (const v of [...t.cells.flat(), ...t.rowTotals, ...t.columnTotals, t.total]) {
        if (v === 'c') hiddenSeen += 1;
        else expect(v === 0 || v > 5).toBe(true);
      }
      t.cells.forEach((row, i) => {
        if (t.rowTotals[i] !== 'c') expect(row.filter((v) => v === 'c').length).not.toBe(1);
      });
    }
    expect(hiddenSeen).toBeGreaterThan(0); // 24 answers across many options: some must be hidden
  });

  it('compares with the previous campaign of the same survey', async () => {
    const s = JSON.parse((await get('/reports/surveys/c-now?format=json', tokens.lead)).text).summary;
    const life = s.indicators.find((i: { id: string }) => i.id === 'life-satisfaction');
    expect(typeof life.mean).toBe('number');
    const withChange = s.questions.filter((q: { change: unknown }) => Array.isArray(q.change));
    expect(withChange.length).toBeGreaterThan(0);
  });

  it('shows leads the comments, escaped', async () => {
    const html = (await get('/reports/surveys/c-now', tokens.lead)).text;
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; more help with rent');
    expect(html).not.toContain('<script>alert(1)');
  });

  it('lets a lead publish "You said, we did", which the next campaign shows young people', async () => {
    const page = await fetch(`${stack.baseUrl}/reports/surveys/c-last`, { headers: { cookie: `kept_session=${tokens.lead}` } });
    const csrf = /kept_reports_csrf=([^;]+)/.exec(page.headers.getSetCookie().join(';'))![1]!;
    const post = (token: string, body: string) =>
      fetch(`${stack.baseUrl}/reports/surveys/c-last/reply`, {
        method: 'POST',
        headers: { cookie: `kept_session=${token}; kept_reports_csrf=${csrf}`, 'content-type': 'application/x-www-form-urlencoded' },
        body,
        redirect: 'manual',
      });
    expect((await post(tokens.manager!, `csrf=${csrf}&youSaidWeDid=x`)).status).toBe(403);
    expect((await post(tokens.lead!, `csrf=wrong&youSaidWeDid=x`)).status).toBe(403);
    expect((await post(tokens.lead!, `csrf=${csrf}&youSaidWeDid=`)).status).toBe(400);
    const ok = await post(tokens.lead!, `csrf=${csrf}&youSaidWeDid=${encodeURIComponent('You said the move was rushed. We now plan moves 6 months ahead.')}`);
    expect(ok.status).toBe(303);
    expect((await surveys.getCampaign(stack.councilId, 'c-last'))!.youSaidWeDid).toBe('You said the move was rushed. We now plan moves 6 months ahead.');
    // A young person opening this year's survey sees it.
    const { tokenHash } = await import('#platform/tokens.js');
    const token = 'reportstestlinktoken000000000000000000000';
    await surveys.issueLink({ linkHash: tokenHash(token), councilId: stack.councilId, campaignId: 'c-now', childId: 'C-1', lastDay: '2027-01-31' }, 2_000_000_000);
    expect((await get(`/s/${token}`)).text).toContain('We now plan moves 6 months ahead.');
  });
});

describe('invited and answered', () => {
  it('are the same on /reports, the survey page (HTML and JSON) and GET /campaigns, for the demo\'s campaign without invitations', async () => {
    // The demo's closed campaign from last year: 58 recorded as invited, 34 answers stored, no invitations left.
    const council = `${stack.councilId}-demo`;
    await seedLastYear(surveys, council, TODAY);
    stack.serveCouncil(council);
    const lead = await stack.token('lead', 'lead-1', council);
    const cell = (html: string, key: string) => new RegExp(`>\\s*${key}\\s*</dt>\\s*<dd[^>]*>\\s*([^<]+?)\\s*</dd>`).exec(html)?.[1];

    const home = (await get('/reports', lead)).text;
    const row = /<tr[^>]*>(?:(?!<\/tr>)[\s\S])*Care leavers survey, last year(?:(?!<\/tr>)[\s\S])*<\/tr>/.exec(home)?.[0] ?? '';
    const numbers = [...row.matchAll(/govuk-table__cell--numeric[^>]*>\s*([^<]+?)\s*</g)].map((m) => m[1]);
    expect(numbers).toEqual(['58', '34']);

    const page = (await get('/reports/surveys/cmp-care-leavers-last-year', lead)).text;
    expect([cell(page, 'Invited'), cell(page, 'Answered')]).toEqual(['58', '34']);
    const { summary } = JSON.parse((await get('/reports/surveys/cmp-care-leavers-last-year?format=json', lead)).text);
    expect(summary).toMatchObject({ invited: 58, answered: 34 });

    const listed = await stack.call('GET', '/campaigns', { token: lead });
    expect(listed.body.campaigns.find((c: { id: string }) => c.id === 'cmp-care-leavers-last-year')).toMatchObject({ invited: 58, answered: 34 });
  });
});

describe('on-time figures', () => {
  it('gives every figure with its definition and denominator, for the council and each team', async () => {
    const r = await get('/reports/on-time?format=json&from=2026-01-19&to=2027-01-18', tokens.lead);
    expect(r.status).toBe(200);
    const data = JSON.parse(r.text);
    expect(data.figures.map((f: { id: string }) => f.id)).toEqual(['visits-on-time', 'visits-seen-alone', 'reviews-on-time', 'reviews-participation', 'health-on-time', 'pep-in-date', 'sdq-done', 'rhi-within-72-hours', 'pathway-plan-in-date', 'complaints-stage-1-on-time', 'iro-alerts-answered-in-time', 'iro-alerts-resolved', 'iro-alerts-open-stage-1', 'iro-alerts-open-stage-2', 'iro-alerts-open-stage-3', 'care-leavers-19-21-in-touch', 'care-leavers-19-21-eet', 'care-leavers-19-21-suitable-accommodation', 'care-leavers-17-18-in-touch', 'care-leavers-17-18-eet', 'care-leavers-17-18-suitable-accommodation', 'placements-3-or-more', 'placement-same-2-years', 'placed-over-20-miles', 'placed-out-of-area']);
    for (const f of data.figures) {
      expect(f.definition).toMatch(/Denominator/);
      if (f.numerator !== 'c' && f.denominator !== 'c') expect(f.numerator).toBeLessThanOrEqual(f.denominator);
    }
    expect(data.monthly).toHaveLength(12);
    expect(data.monthly.at(-1).month).toBe('2027-01');
    expect(data.teams.map((t: { team: string }) => t.team)).toEqual(['tm-1', 'tm-2']);
    const visits = data.figures[0];
    const sum = data.teams.reduce((n: number, t: { figures: Array<{ denominator: number | 'c' }> }) => n + (t.figures[0]!.denominator as number), 0);
    expect(visits.denominator).toBe(sum);
  });

  it('turns bad dates away with the field named', async () => {
    const r = await get('/reports/on-time?format=json&from=2027-02-30', tokens.lead);
    expect(r.status).toBe(400);
    expect(JSON.parse(r.text).error).toContain('from: must be a date written YYYY-MM-DD');
  });
});

describe('accessibility', () => {
  const chromium = browserForFile();
  beforeAll(() => chromium.ready());
  afterAll(() => chromium.close());

  it('axe-core finds no violations on the reports pages', async () => {
    const axe = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
    const context = await (await chromium.browser()).newContext();
    await context.addCookies([{ name: 'kept_session', value: tokens.lead!, url: stack.baseUrl }]);
    const page = await context.newPage();
    const found: Record<string, string[]> = {};
    for (const path of ['/reports', '/reports/surveys/c-now', '/reports/surveys/c-last', '/reports/on-time', '/case/C-1']) {
      await page.goto(`${stack.baseUrl}${path}`);
      await page.evaluate(axe);
      const result = await page.evaluate(() => (window as unknown as { axe: { run: (d: Document, o: object) => Promise<{ violations: Array<{ id: string }> }> } }).axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } }));
      found[path] = result.violations.map((v) => v.id);
    }
    expect(Object.entries(found).filter(([, v]) => v.length)).toEqual([]);
  });
});
