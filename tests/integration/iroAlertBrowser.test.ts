/**
 * An IRO raises an alert from the case page in headless Chromium (GOV.UK
 * question page: date, stage, a reason from the fixed list, no free text),
 * and the social worker's manager finds it in the next morning's digest,
 * which names the reason's category and nothing else about the child.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCouncilStack, type TestStack } from '#tests/support/stack.js';
import { browserForFile, closeBrowserAndStack } from '#tests/support/browser.js';
import { openPage } from '#tests/support/axe.js';
import { writeChild } from '#tests/support/records.js';
import { runSweep } from '#services/sweep.js';
import { sesSender } from '#email/sender.js';
import { longDate } from '#domain/dateText.js';
import type { ChildRecord } from '#domain/people.js';

const TODAY = '2027-03-01';
const TOMORROW = '2027-03-02';
let stack: TestStack;
const chromium = browserForFile();

beforeAll(async () => {
  process.env.KEPT_TODAY = TODAY;
  stack = await startCouncilStack('iro-alert-browser', { localSignIn: true });
  const c = stack.councilId;
  await stack.store.createStaff({ councilId: c, id: 'iro-1', name: 'Ira Reviewer', email: `iro-1@${c}.test`, role: 'practitioner', managerId: 'tm-2', teamRole: 'iro' });
  const child: ChildRecord = {
    councilId: c, id: 'A-1', firstName: 'Aled', lastName: 'Owens', dateOfBirth: '2014-06-01', holderId: 'sw-1',
    team: { socialWorker: 'sw-1', iro: 'iro-1' }, createdAt: TODAY, version: 0,
  };
  await writeChild(stack, child, [
    { type: 'entered-care', date: '2026-12-01' },
    { type: 'placement-started', date: '2026-12-01', placementId: 'P1', longTerm: false, arrangement: 'foster' },
  ], TODAY, { at: '2026-12-01T09:00:00Z' });
  await chromium.ready();
}, 120_000);

afterAll(async () => {
  delete process.env.KEPT_TODAY;
  await closeBrowserAndStack(chromium, stack);
});

describe('an IRO raises an alert in the browser', () => {
  it('from the case page to "Recorded"; the manager is told in the next digest', async () => {
    const { page, problems } = await openPage(await chromium.browser(), { session: { name: 'kept_session', value: await stack.token('practitioner', 'iro-1'), url: stack.baseUrl } });
    expect((await page.goto(`${stack.baseUrl}/case/A-1`))?.status()).toBe(200);
    await page.getByRole('link', { name: 'Raise an IRO alert' }).click();
    expect(await page.locator('h1').innerText()).toBe('Record IRO alert');
    // Nothing chosen: the error summary names each question, and nothing is stored.
    const [y, m, d] = TODAY.split('-');
    await page.fill('#date-day', String(Number(d)));
    await page.fill('#date-month', String(Number(m)));
    await page.fill('#date-year', y!);
    await page.getByRole('button', { name: 'Continue' }).click();
    expect(await page.locator('.govuk-error-summary').innerText()).toMatch(/Select the stage[\s\S]*Select why/);
    expect(await page.locator('textarea').count()).toBe(0);
    await page.check('input[name="alertStage"][value="1"]');
    await page.check('input[name="reason"][value="visits-overdue"]');
    await page.getByRole('button', { name: 'Continue' }).click();
    expect(await page.locator('h1').innerText()).toBe('Check your answers');
    expect(await page.locator('.govuk-summary-list').innerText()).toMatch(/Reason\s+Visits overdue/);
    await page.getByRole('button', { name: 'Record', exact: true }).click();
    await page.waitForURL(/\/done$/);
    expect(await page.locator('.govuk-panel__title').innerText()).toBe('Recorded');
    expect(problems).toEqual([]);
    await page.context().close();

    const { facts, obligations } = await stack.store.getChildHistory(stack.councilId, 'A-1');
    const alert = facts.find((f) => f.fact.type === 'iro-alert');
    expect(alert).toMatchObject({ recordedBy: 'iro-1', fact: { type: 'iro-alert', date: TODAY, stage: 1, reason: 'visits-overdue', alertId: expect.stringMatching(/^IRO-/) } });
    const item = obligations.find((o) => o.kind === 'iro-alert-response');
    // 5 working days from Monday 1 March: Monday 8 March, the social worker's manager's (stage 1).
    expect(item).toMatchObject({ dueDate: '2027-03-08', responsibleId: 'tm-1' });

    // The next morning's digest: to tm-1, sw-1's manager, with the alert's line and its record link.
    process.env.KEPT_TODAY = TOMORROW;
    const report = await runSweep({ store: stack.store, claims: stack.claims, councilId: stack.councilId, today: TOMORROW, send: sesSender({ ratePerSecond: 0 }), appUrl: stack.baseUrl });
    expect(report).toMatchObject({ ran: true, failed: 0 });
    const mail = (await stack.inbox()).filter((e) => e.destination.to[0] === `tm-1@${stack.councilId}.test` && e.subject.endsWith(longDate(TOMORROW)));
    expect(mail).toHaveLength(1);
    const text = mail[0]!.body.text!;
    expect(text).toMatch(/A-1 \(A\.O\.\): .*IRO alert response/);
    expect(text).toContain('/children/A-1/record/iro-alert-response');
    expect(text).not.toContain('Aled');
  }, 120_000);
});
