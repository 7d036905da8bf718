/**
 * The pure parts of a first import: a member of staff awaiting an email gets
 * no digest and cannot sign in; the staff CSV's per-line checks; the day an
 * extract was taken, from its folder's name.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_REMINDER_POLICY, planDigests, type DueEntry } from '#domain/reminders.js';
import type { Staff } from '#domain/people.js';
import { readStaffCsv } from '#domain/import/staffCsv.js';
import { takenOnOf } from '#domain/import/manifest.js';
import { whoSignsIn } from '#services/signInCheck.js';

const manager: Staff = { councilId: 'c', id: 'tm', name: 'Tess Manager', email: 'tm@x.test', role: 'manager' };
const waiting: Staff = { councilId: 'c', id: 'sw-01', name: 'Demo Worker One', email: '', role: 'practitioner', managerId: 'tm', awaitingEmail: { since: '2026-12-01' } };
const entry = (over: Partial<DueEntry>): DueEntry => ({ childId: 'C-1', initials: 'A.B.', kind: 'statutory-visit', dueDate: '2027-01-18', holderId: 'sw-01', ...over });

describe('a member of staff awaiting an email', () => {
  it('gets no digest: their items are unreachable, and overdue ones still escalate to their manager', () => {
    const plan = planDigests([entry({ dueDate: '2027-01-11' }), entry({ childId: 'C-2' })], [manager, waiting], '2027-01-18', DEFAULT_REMINDER_POLICY);
    expect(plan.unreachable.map((e) => e.childId)).toEqual(['C-1', 'C-2']);
    expect(plan.digests.map((d) => d.recipient.id)).toEqual(['tm']);
    expect(plan.digests[0]!.escalations.map((l) => [l.childId, l.responsibleName])).toEqual([['C-1', 'Demo Worker One']]);
  });

  it('cannot sign in, even if a lookup found them', async () => {
    const lookup = { findStaffByEmail: () => Promise.resolve(waiting) };
    await expect(whoSignsIn(lookup, 'c', { email: 'someone@x.test', email_verified: 'true' })).rejects.toThrow('Kept does not have your email address yet');
    await expect(whoSignsIn({ findStaffByEmail: () => Promise.resolve({ ...waiting, awaitingEmail: undefined, email: 'sw@x.test' }) }, 'c', { email: 'sw@x.test', email_verified: 'true' })).resolves.toMatchObject({ staffId: 'sw-01' });
  });
});

describe('the staff CSV', () => {
  const header = 'worker_id,name,email,role,team_role,manager_worker_id';

  it('reads each line, any column order, roles in any case', () => {
    const { lines, problems } = readStaffCsv('staff.csv', 'Email,Name,Worker_ID,Role\nellen@x.test,Ellen Ward,sw-01,Practitioner\n');
    expect(problems).toEqual([]);
    expect(lines).toEqual([{ line: 2, staff: { id: 'sw-01', name: 'Ellen Ward', email: 'ellen@x.test', role: 'practitioner' } }]);
  });

  it('reads a staff CSV saved from Excel: BOM, CRLF, a quoted name with a comma, title-case roles', () => {
    const text = '\uFEFFworker_id,name,email,role,team_role,manager_worker_id\r\n'
      + 'sw-01,"Ward, Ellen",Ellen.Ward@Barset.gov.uk,Practitioner,Social-Worker,tm-1\r\n'
      + 'tm-1,Tia Main,tia@barset.gov.uk,Manager,,\r\n';
    const { lines, problems } = readStaffCsv('staff.csv', text);
    expect(problems).toEqual([]);
    expect(lines).toEqual([
      { line: 2, staff: { id: 'sw-01', name: 'Ward, Ellen', email: 'ellen.ward@barset.gov.uk', role: 'practitioner', teamRole: 'social-worker', managerId: 'tm-1' } },
      { line: 3, staff: { id: 'tm-1', name: 'Tia Main', email: 'tia@barset.gov.uk', role: 'manager' } },
    ]);
  });

  it('names the line and column of every problem', () => {
    const text = [
      header,
      'sw-01,Ellen Ward,ellen@x.test,practitioner,social-worker,tm-1',
      'sw-01,Omar Reese,omar@x.test,practitioner,,tm-1',
      'tm-2,Tia Main,ellen@x.test,manager,iro,',
      'sw-03,,sw-03@x.test,wizard,,sw-03',
    ].join('\n');
    const { problems } = readStaffCsv('staff.csv', text);
    expect(problems.map((p) => [p.line, p.column])).toEqual([
      [3, 'worker_id'],
      [4, 'team_role'],
      [4, 'email'],
      [5, 'name'],
      [5, 'role'],
    ]);
    expect(problems[0]!.message).toBe('sw-01 is also on line 2');
  });

  it('needs its columns, and at least one line', () => {
    expect(readStaffCsv('staff.csv', 'worker_id,name\nsw-01,Ellen').problems).toEqual([{ file: 'staff.csv', line: 1, column: '(header)', message: 'needs the column(s) email, role' }]);
    expect(readStaffCsv('staff.csv', `${header}\n`).problems).toEqual([{ file: 'staff.csv', line: 1, column: '(file)', message: 'has no staff lines' }]);
  });
});

describe('the day an extract was taken', () => {
  it("is the start of its folder's name, when that is a real date", () => {
    expect(takenOnOf('s3://bucket/ssd/2026-12-01/')).toBe('2026-12-01');
    expect(takenOnOf('ssd/2026-12-01-retry')).toBe('2026-12-01');
    expect(takenOnOf('/home/me/extracts/2026-12-01')).toBe('2026-12-01');
    expect(takenOnOf('tests/fixtures/ssd')).toBeNull();
    expect(takenOnOf('ssd/2026-02-30')).toBeNull();
    expect(takenOnOf('ssd/2026-12-011')).toBeNull();
  });
});
