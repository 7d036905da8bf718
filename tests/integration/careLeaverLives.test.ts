/**
 * Care leavers' lives against DynamoDB Local: a personal adviser records a
 * 19th-birthday contact with activity and accommodation from the browser's
 * contact page (asked because the birthday return is due), Annex A list 9
 * shows them in the template's words, and the on-time page gives the
 * in-touch, EET and suitable-accommodation shares for 19 to 21.
 */
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCouncilStack, type TestStack } from '#tests/support/stack.js';
import { csrfOf, newOnce, textOf, webSession } from '#tests/support/webSession.js';
import { writeChild } from '#tests/support/records.js';
import type { ChildRecord } from '#domain/people.js';
import type { Fact } from '#domain/facts.js';

const TODAY = '2027-07-25';
let stack: TestStack;

/** Born 20 July `year`, in care from 12, left care on the 18th birthday: their 19th to 21st birthday falls on 20 July 2027. */
async function addLeaver(id: string, year: number, status?: Fact) {
  const child: ChildRecord = {
    councilId: stack.councilId, id, firstName: 'Cara', lastName: 'Lee', dateOfBirth: `${year}-07-20`, holderId: 'sw-1',
    team: { socialWorker: 'sw-1', personalAdviser: 'pa-1' }, createdAt: '2026-01-01', version: 0,
  };
  const facts: Fact[] = [
    { type: 'entered-care', date: `${year + 12}-09-01` },
    { type: 'placement-started', date: `${year + 12}-09-01`, placementId: 'P1', longTerm: false, arrangement: 'foster' },
    { type: 'left-care', date: `${year + 18}-07-20`, reason: 'age-18' },
  ];
  await writeChild(stack, child, status ? [...facts, status] : facts, TODAY, { at: '2027-05-10T08:00:00Z' });
}

beforeAll(async () => {
  process.env.KEPT_TODAY = TODAY;
  stack = await startCouncilStack('lives');
  await stack.store.createStaff({ councilId: stack.councilId, id: 'pa-1', name: 'Pat Adviser', email: `pa-1@${stack.councilId}.test`, role: 'practitioner', teamRole: 'personal-adviser', managerId: 'tm-1' });
  await addLeaver('CL-01', 2008);
  // Six more in touch, in higher education, semi-independent and suitable; six not in touch: all with the status in the window.
  for (let k = 2; k <= 7; k++) await addLeaver(`CL-0${k}`, 2006 + (k % 3), { type: 'care-leaver-status', date: '2027-05-10', inTouch: 'YES', activity: 'F1', accommodation: 'D', accommodationSuitable: true });
  for (let k = 8; k <= 13; k++) await addLeaver(`CL-${String(k).padStart(2, '0')}`, 2006 + (k % 3), { type: 'care-leaver-status', date: '2027-05-10', inTouch: 'NO' });
});

afterAll(async () => {
  delete process.env.KEPT_TODAY;
  await stack?.stop();
});

describe("a care leaver's 19th birthday contact", () => {
  it('the adviser records it with activity and accommodation; the return is answered', async () => {
    expect((await stack.store.getChildHistory(stack.councilId, 'CL-01')).obligations.find((o) => o.kind === 'care-leaver-return')?.dueDate).toBe('2027-07-20');
    const web = webSession(stack.baseUrl, await stack.token('practitioner', 'pa-1'));
    const form = await web.get('/children/CL-01/record/personal-adviser-contact');
    expect(form.status).toBe(200);
    const words = textOf(form.html);
    expect(words).toContain('What does the young person mainly do?');
    expect(words).not.toContain('(optional)');
    expect(words).toMatch(/Their birthday return is due Tuesday, 20 July 2027: DfE children looked after return \(SSDA903 OC3\)/);
    const csrf = csrfOf(form.html);
    const answers = { 'date-day': '22', 'date-month': '7', 'date-year': '2027', activity: 'F2', accommodation: 'U', suitable: 'yes' };

    // Without accommodation it comes back naming the fields, and nothing is stored.
    const before = (await stack.store.getChildHistory(stack.councilId, 'CL-01')).facts.length;
    const bad = await web.post('/children/CL-01/record/personal-adviser-contact', { csrf, ...answers, accommodation: '', suitable: '' });
    expect(bad.status).toBe(400);
    expect(textOf(bad.html)).toContain('Select where the young person lives');
    expect(textOf(bad.html)).toContain('Select yes if the accommodation is suitable');

    const check = await web.post('/children/CL-01/record/personal-adviser-contact', { csrf, ...answers });
    expect(check.status).toBe(200);
    expect(textOf(check.html)).toMatch(/Main activity\s+Full-time in education other than higher education/);
    expect(textOf(check.html)).toMatch(/Accommodation\s+Independent living/);
    const done = await web.post('/children/CL-01/record/personal-adviser-contact/confirm', { csrf, once: newOnce(), ...answers });
    expect(done.status).toBe(303);

    const history = await stack.store.getChildHistory(stack.councilId, 'CL-01');
    expect(history.facts).toHaveLength(before + 1);
    expect(history.facts.find((f) => f.fact.type === 'care-leaver-status')).toMatchObject({ recordedBy: 'pa-1', fact: { type: 'care-leaver-status', date: '2027-07-22', inTouch: 'YES', activity: 'F2', accommodation: 'U', accommodationSuitable: true } });
    // Answered: the next is the 20th birthday's. The contact counts as adviser contact: 22 July + 8 weeks = 16 September.
    expect(history.obligations.find((o) => o.kind === 'care-leaver-return')?.dueDate).toBe('2028-07-20');
    expect(history.obligations.find((o) => o.kind === 'personal-adviser-contact')?.dueDate).toBe('2027-09-16');
  });

  it('Annex A list 9 shows in touch, accommodation, its suitability and activity in the template\'s words', async () => {
    const res = await fetch(`${stack.baseUrl}/reports/annex-a/care-leavers?format=csv`, { headers: { authorization: `Bearer ${await stack.token('lead', 'lead-1')}` } });
    expect(res.status).toBe(200);
    const [header, ...rows]: string[][] = parse(await res.text());
    const row = (id: string) => Object.fromEntries(header!.map((h, i) => [h, rows.find((r) => r[0] === id)![i]]));
    expect(row('CL-01')).toMatchObject({
      'LA in Touch': 'a) Yes', 'Latest Date of Contact': '22/07/2027', 'Type of Accommodation': 'U: Independent living',
      'Suitability of Accommodation': 'a) Suitable', 'Activity Status': 'F2: Full time in education other than higher',
    });
    expect(row('CL-08')).toMatchObject({ 'LA in Touch': 'b) No', 'Type of Accommodation': '', 'Activity Status': '' });
  });

  it('the on-time page gives the shares for 19 to 21, each with its definition', async () => {
    const res = await fetch(`${stack.baseUrl}/reports/on-time?format=json`, { headers: { authorization: `Bearer ${await stack.token('lead', 'lead-1')}` } });
    expect(res.status).toBe(200);
    const figures = new Map(((await res.json()) as { figures: Array<{ id: string; numerator: number; denominator: number; percent: number; definition: string }> }).figures.map((f) => [f.id, f]));
    // 13 birthdays on 20 July 2027: 7 in touch (CL-01 to CL-07), all 7 in EET and suitably housed; 6 not in touch.
    for (const id of ['care-leavers-19-21-in-touch', 'care-leavers-19-21-eet', 'care-leavers-19-21-suitable-accommodation']) {
      expect(figures.get(id), id).toMatchObject({ numerator: 7, denominator: 13, percent: 53.8 });
      expect(figures.get(id)!.definition).toMatch(/19th, 20th or 21st birthday/);
    }
    // None aged 17 or 18 in the year.
    expect(figures.get('care-leavers-17-18-in-touch')).toMatchObject({ numerator: 0, denominator: 0 });
    const page = await fetch(`${stack.baseUrl}/reports/on-time`, { headers: { authorization: `Bearer ${await stack.token('lead', 'lead-1')}` } });
    expect(textOf(await page.text())).toContain('Care leavers aged 19 to 21 in education, employment or training');
  });
});
