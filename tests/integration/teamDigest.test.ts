/**
 * The morning digest with teams, through DynamoDB Local and the SES
 * emulator: each person gets one email about what they answer for, grouped
 * by child, and what is overdue goes to the responsible person's manager.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, testStaff, type TestStack } from '#tests/support/stack.js';
import { runSweep } from '#services/sweep.js';
import { sesSender, type SendEmail } from '#email/sender.js';
import { projector } from '#services/council.js';
import { STATUTORY_POLICY } from '#domain/policy.js';
import type { ChildRecord, Staff } from '#domain/people.js';
import type { Fact } from '#domain/facts.js';
import type { ReceivedEmail } from '#local/services.js';
import { longDate } from '#domain/dateText.js';

let stack: TestStack;
let send: SendEmail;
const TODAY = '2027-01-18';

const sweep = (today: string) => runSweep({ store: stack.store, claims: stack.claims, councilId: stack.councilId, today, send, appUrl: 'https://kept.example.org' });
const digestsOn = async (today: string): Promise<ReceivedEmail[]> => (await stack.inbox()).filter((e) => e.subject.endsWith(longDate(today)));
const to = (emails: ReceivedEmail[], id: string) => emails.filter((e) => e.destination.to[0]!.startsWith(`${id}@`));

beforeAll(async () => {
  process.env.KEPT_TODAY = TODAY;
  stack = await startTestStack('teamdigest');
  send = sesSender({ ratePerSecond: 0 });
  const c = stack.councilId;
  await stack.store.putCouncil({ id: c, name: 'Test Borough' });
  const extra: Staff[] = [
    { councilId: c, id: 'irm-1', name: 'Irene Manager', email: `irm-1@${c}.test`, role: 'manager', managerId: 'lead-1' },
    { councilId: c, id: 'iro-1', name: 'Ira Reviewer', email: `iro-1@${c}.test`, role: 'practitioner', managerId: 'irm-1', teamRole: 'iro' },
    { councilId: c, id: 'nurse-1', name: 'Nia Nurse', email: `nurse-1@${c}.test`, role: 'practitioner', managerId: 'irm-1', teamRole: 'health' },
  ];
  for (const s of [...testStaff(c), ...extra]) await stack.store.createStaff(s);
  // In care since 1 December 2026: the first review (20 working days) fell due on 31 December, 11 working days before 18 January.
  const facts: Fact[] = [
    { type: 'entered-care', date: '2026-12-01' },
    { type: 'placement-started', date: '2026-12-01', placementId: 'P1', longTerm: false, arrangement: 'foster' },
    { type: 'care-plan', date: '2026-12-02' },
    { type: 'placement-plan', date: '2026-12-02', placementId: 'P1' },
  ];
  const child = (id: string, firstName: string, team?: ChildRecord['team']): ChildRecord => ({
    councilId: c, id, firstName, lastName: 'Wren', dateOfBirth: '2014-06-01', holderId: 'sw-1', createdAt: '2026-12-01T00:00:00Z', version: 0, ...(team ? { team } : {}),
  });
  const children = [child('C-1030', 'Elsie', { socialWorker: 'sw-1', iro: 'iro-1', health: 'nurse-1' }), child('C-1031', 'Ezra', { socialWorker: 'sw-1', iro: 'iro-1' })];
  await stack.store.writeChildren(children.map((ch) => ({
    child: ch, facts: facts.map((fact) => ({ fact, recordedAt: '2026-12-02T09:00:00Z', recordedBy: 'sw-1' })), projection: projector(STATUTORY_POLICY, TODAY)(ch, facts.map((fact) => ({ fact }))),
  })));
});

afterAll(async () => {
  await stack.stop();
});

describe('the digest with teams', () => {
  it('sends each responsible person one email about their own work, grouped by child', async () => {
    const report = await sweep(TODAY);
    expect(report).toMatchObject({ ran: true, failed: 0, unreachable: 0 });
    const emails = await digestsOn(TODAY);
    for (const id of ['sw-1', 'iro-1', 'nurse-1', 'tm-1', 'irm-1']) expect(to(emails, id), id).toHaveLength(1);
    const iro = to(emails, 'iro-1')[0]!.body.text!;
    expect(iro).toMatch(/\* C-1030 \(E\.W\.\): looked-after review, 11 working days overdue\n/);
    expect(iro).toMatch(/\* C-1031 \(E\.W\.\): looked-after review, 11 working days overdue\n/);
    expect(iro).toContain('Record the looked-after review: https://kept.example.org/children/C-1030/record/looked-after-review');
    expect(iro).not.toMatch(/statutory visit|health assessment/);
    const nurse = to(emails, 'nurse-1')[0]!.body.text!;
    expect(nurse).toMatch(/\* C-1030 \(E\.W\.\): initial health assessment, \d+ working days overdue/);
    expect(nurse).not.toContain('C-1031');
    const sw = to(emails, 'sw-1')[0]!.body.text!;
    expect(sw).not.toContain('looked-after review');
    // C-1031 has no nurse allocated: its health assessment stays with the social worker, on the same line as the visit.
    expect(sw).toMatch(/\* C-1031 \(E\.W\.\): [^\n]*statutory visit, \d+ working days overdue[^\n]*initial health assessment/);
    for (const e of emails) expect(`${e.subject}${e.body.text}${e.body.html}`).not.toMatch(/Elsie|Ezra|Wren|2014-06-01/);
  });

  it("escalates to the responsible person's manager, not the social worker's", async () => {
    const emails = await digestsOn(TODAY);
    const irm = to(emails, 'irm-1')[0]!.body.text!;
    expect(irm).toContain('Overdue in your team');
    expect(irm).toMatch(/C-1030 \(E\.W\.\): looked-after review, 11 working days overdue – Ira Reviewer is responsible/);
    expect(irm).toMatch(/C-1030 \(E\.W\.\): initial health assessment, \d+ working days overdue – Nia Nurse is responsible/);
    const tm = to(emails, 'tm-1')[0]!.body.text!;
    expect(tm).not.toContain('looked-after review');
    expect(tm).toContain('Sue Worker is responsible');
  });

  it('sends nothing twice on the same day', async () => {
    const before = (await digestsOn(TODAY)).length;
    expect((await sweep(TODAY)).sent).toBe(0);
    expect(await digestsOn(TODAY)).toHaveLength(before);
  });
});
