/**
 * A council's first SSD import, against DynamoDB Local and the SES emulator:
 * an extract as the SSD specifies it (no email for any professional, one
 * child whose worker is in no table) creates every child with its due dates,
 * the professionals as staff awaiting an email (no digest, no sign-in), the
 * child without a known worker as Unallocated on the team page; then the
 * council's staff CSV gives them their emails and their digests start.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCouncilStack, type TestStack } from '#tests/support/stack.js';
import { ssdFiles, tableKeys } from '#tests/support/extracts.js';
import { textOf, webSession } from '#tests/support/webSession.js';
import { runScript } from '#tests/support/command.js';
import { readSsd } from '#domain/import/ssd.js';
import { UNALLOCATED } from '#domain/people.js';
import { importExtract } from '#services/importExtract.js';
import { importStaffCsv } from '#services/importStaff.js';
import { runSweep } from '#services/sweep.js';
import { whoSignsIn } from '#services/signInCheck.js';
import { staffView } from '#services/staff.js';
import { sesSender } from '#email/sender.js';

const TODAY = '2026-12-01';
let stack: TestStack;
const options = { today: TODAY, importedBy: 'admin-1' };

/** The demo extract as the SSD specifies it: no email column; P70003's worker PR-99 is in no table Kept has. */
function firstExtract(): Map<string, string> {
  const files = ssdFiles();
  files.set('ssd_professionals.csv', files.get('ssd_professionals.csv')!.split('\n').map((line) => line.replace(/,[^,]*$/, '')).join('\n'));
  files.set('ssd_involvements.csv', files.get('ssd_involvements.csv')!.replace('I5,PR-12,', 'I5,PR-99,'));
  return files;
}

/** The council's directory export; addresses under the stack's own domain, where the test inbox looks. */
const staffCsv = () => [
  'worker_id,name,email,role,team_role,manager_worker_id',
  'sw-01,Ellen Ward,ellen.ward@council.test,practitioner,social-worker,tm-1',
  'sw-02,Omar Reese,omar.reese@council.test,practitioner,social-worker,tm-1',
  'iro-9,Harper Quill,harper.quill@council.test,practitioner,iro,irm-1',
  'irm-1,Iris Main,iris.main@council.test,manager,,lead-1',
  'pa-7,Dana Pike,dana.pike@council.test,practitioner,personal-adviser,tm-1',
].join('\n').replaceAll('@council.test', `@${stack.councilId}.test`);

const sweep = () => runSweep({ store: stack.store, claims: stack.claims, councilId: stack.councilId, today: TODAY, send: sesSender({ ratePerSecond: 0 }), appUrl: 'https://kept.example.org' });
const history = (id: string) => stack.store.getChildHistory(stack.councilId, id);

beforeAll(async () => {
  process.env.KEPT_TODAY = TODAY;
  stack = await startCouncilStack('first-import', { localSignIn: true });
});

afterAll(async () => {
  await stack?.stop();
});

describe("a council's first SSD extract", () => {
  it('creates every child with its due dates, the professionals as staff awaiting an email, and a child with no known worker Unallocated', async () => {
    const report = await importExtract(stack.store, stack.councilId, readSsd(firstExtract()), options);
    expect(report.problems).toEqual([]);
    expect(report).toMatchObject({ ok: true, childrenCreated: 4, staffCreated: 4 });
    expect(report.staffAwaitingEmail.sort()).toEqual(['iro-9', 'pa-7', 'sw-01', 'sw-02']);
    expect(report.unallocated).toEqual([{ childId: 'P70003', reason: expect.stringContaining('PR-99') }]);

    const sw = await stack.store.getStaff(stack.councilId, 'sw-01');
    expect(staffView(sw!)).toMatchObject({ name: 'Demo Worker One', role: 'practitioner', awaitingEmail: { since: TODAY } });
    expect((await stack.store.getChild(stack.councilId, 'P70001'))?.holderId).toBe('sw-01');
    expect((await stack.store.getChild(stack.councilId, 'P70003'))?.holderId).toBe(UNALLOCATED);

    // Due dates as for any child: P70001 was last visited on 20 October in a placement of under a year, so within 6 weeks (CPPCR reg 28(2)(b)).
    const p1 = await history('P70001');
    expect(p1.obligations.find((o) => o.kind === 'statutory-visit')).toMatchObject({ dueDate: '2026-12-01', responsibleId: 'sw-01' });
    // The Unallocated child still owes every duty.
    const p3 = await history('P70003');
    expect(p3.obligations.map((o) => o.kind)).toEqual(expect.arrayContaining(['statutory-visit', 'looked-after-review', 'return-home-interview']));
  });

  it('sends staff awaiting an email nothing, and does not let them sign in', async () => {
    const before = (await stack.inbox()).length;
    const report = await sweep();
    expect(report.sent).toBe(0);
    expect(report.unreachable).toBeGreaterThan(0);
    expect((await stack.inbox()).length).toBe(before);
    await expect(whoSignsIn(stack.store, stack.councilId, { email: 'ellen.ward@council.test', email_verified: 'true' })).rejects.toThrow("not on Kept's staff list");
  });

  it("shows managers the Unallocated child and the staff awaiting an email on the team page, and lets one allocate it", async () => {
    const web = webSession(stack.baseUrl, await stack.token('manager', 'tm-2'));
    const page = await web.get('/team');
    expect(page.status).toBe(200);
    const text = textOf(page.html);
    expect(text).toMatch(/Unallocated.*P70003 \(J\.P\.\)/s);
    expect(text).toMatch(/Staff awaiting an email.*Demo Worker One.*sw-01/s);
    const form = await web.get('/children/P70003/team');
    expect(form.status).toBe(200);
  });

  it('refuses a staff CSV with a bad line, naming line and column, and changes nothing', async () => {
    const before = await tableKeys(stack);
    const bad = `${staffCsv().replace(`omar.reese@${stack.councilId}.test`, 'omar.reese')}\nsw-88,Kit Vale,kit@council.test,practitioner,,nobody-9\n`;
    const report = await importStaffCsv(stack.store, stack.councilId, 'staff.csv', bad, { importedBy: 'admin-1' });
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([
      { file: 'staff.csv', line: 3, column: 'email', message: 'must be an email address' },
    ]);
    const unknownManager = await importStaffCsv(stack.store, stack.councilId, 'staff.csv', `${staffCsv()}\nsw-88,Kit Vale,kit@council.test,practitioner,,nobody-9\n`, { importedBy: 'admin-1' });
    expect(unknownManager.problems).toEqual([
      { file: 'staff.csv', line: 7, column: 'manager_worker_id', message: 'no manager, lead or admin nobody-9 in this file or working in Kept' },
    ]);
    expect(await tableKeys(stack)).toEqual(before);
  });

  it('npm run import -- --staff FILE gives them their emails; then they sign in and get their digests', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'kept-staff-')), 'staff.csv');
    writeFileSync(file, staffCsv());
    const run = await runScript('infra/local/import.ts', ['--staff', file, '--by', 'admin-1'], { TABLE_NAME: stack.tableName, COUNCIL_ID: stack.councilId, KEPT_TODAY: TODAY });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('1 created, 4 given their email (sw-01, sw-02, iro-9, pa-7)');

    const sw = await stack.store.getStaff(stack.councilId, 'sw-01');
    expect(sw).toMatchObject({ name: 'Ellen Ward', email: `ellen.ward@${stack.councilId}.test`, managerId: 'tm-1', teamRole: 'social-worker', jobTitle: 'Social Worker' });
    expect(sw?.awaitingEmail).toBeUndefined();
    expect(await whoSignsIn(stack.store, stack.councilId, { email: `ellen.ward@${stack.councilId}.test`, email_verified: 'true' })).toEqual({ councilId: stack.councilId, staffId: 'sw-01', role: 'practitioner' });

    const report = await sweep();
    expect(report.sent).toBeGreaterThan(0);
    const to = (await stack.inbox()).map((e) => e.destination.to[0]);
    expect(to).toContain(`ellen.ward@${stack.councilId}.test`);

    // Audited as a change to each member of staff.
    const audit = await stack.audit.forStaffMember(stack.councilId, 'sw-01');
    expect(audit.map((a) => [a.action, a.staffId, a.route])).toEqual([['change-staff', 'admin-1', 'npm run import -- --staff']]);

    // The same file again changes nothing.
    const again = await importStaffCsv(stack.store, stack.councilId, 'staff.csv', staffCsv(), { importedBy: 'admin-1' });
    expect(again).toMatchObject({ ok: true, created: [], givenEmail: [], changed: [], unchanged: 5 });
  });
});
