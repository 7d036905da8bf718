import { describe, expect, it } from 'vitest';
import { gapsOf, inboxMessage, workerMessage } from '#domain/contactAlert.js';
import type { Staff } from '#domain/people.js';

const staff = (id: string, name: string, extra: Partial<Staff> = {}): Staff => ({ councilId: 'c', id, name, email: `${id}@example.gov.uk`, role: 'practitioner', ...extra });
const about = { caseRef: 'C-77', initials: 'A.B.', reference: 'R-1', caseUrl: 'https://kept.example/case/C-77' };

describe('the words of a call for contact', () => {
  it('tells the safeguarding inbox why it hears, naming each person who could not be told', () => {
    expect(gapsOf(null, null)).toEqual(['The young person has no allocated worker in Kept.']);
    expect(gapsOf(staff('sw', 'Sue'), null)).toEqual(['Their worker, Sue, has been emailed too.', 'Sue has no manager in Kept.']);
    expect(gapsOf(staff('sw', 'Sue', { undeliverable: { since: '2026-12-01', reason: 'bounced' } }), staff('tm', 'Mo'))).toEqual([
      'Their worker, Sue, cannot be emailed: their address bounced.',
      "Sue's manager, Mo, has been emailed too.",
    ]);
    expect(gapsOf(staff('sw', 'Sue', { accessEnded: { at: '2026-11-01', by: 'admin' } }), staff('tm', 'Mo', { awaitingEmail: { since: '2026-11-01' } }))).toEqual([
      'Their worker, Sue, no longer works for the council.',
      "Sue's manager, Mo, has no email address in Kept yet.",
    ]);
  });

  it('speaks to the worker as the young person’s worker, and to the inbox as a team that may not know them', () => {
    const worker = workerMessage('help-request', about);
    expect(worker.text).toMatch(/^A young person you support pressed "I need help now"/);
    const inbox = inboxMessage('worrying-answer', about, ['Sue has no manager in Kept.']);
    expect(inbox.text).not.toContain('you support');
    expect(inbox.text).toContain('Sue has no manager in Kept.');
    expect(inbox.text).toContain('Case reference: C-77 (A.B.)');
    expect(inbox.text).toContain('case management system');
    expect(inbox.subject).toContain('C-77');
  });
});
