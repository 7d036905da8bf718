import { describe, expect, it } from 'vitest';
import { DEFAULT_REMINDER_POLICY, horizonEnd, planDigests, reminderPolicySchema, shouldEscalate, type DueEntry } from '#domain/reminders.js';
import { renderDigest } from '#email/digestEmail.js';
import type { Staff } from '#domain/people.js';
import { toDayNumber } from '#domain/dates.js';
import { isWorkingDay } from '#domain/workingDays.js';
import { toCronerPattern } from '#local/clock.js';
import { SCHEDULES } from '#infra/topology.js';
import { Cron } from 'croner';

const staff: Staff[] = [
  { councilId: 'c', id: 'tm', name: 'Tess Manager', email: 'tm@x.test', role: 'manager' },
  { councilId: 'c', id: 'sw', name: 'Sam Worker', email: 'sw@x.test', role: 'practitioner', managerId: 'tm' },
  { councilId: 'c', id: 'gone', name: 'Gone Away', email: 'gone@x.test', role: 'practitioner', managerId: 'tm', undeliverable: { since: '2027-01-01', reason: 'bounced' } },
];
const entry = (over: Partial<DueEntry>): DueEntry => ({ childId: 'C-1', initials: 'A.B.', kind: 'statutory-visit', dueDate: '2027-01-18', holderId: 'sw', ...over });
const policy = DEFAULT_REMINDER_POLICY;

describe('reminder policy', () => {
  it('defaults to 10 working days ahead, escalation after 1 working day, weekly', () => {
    expect(policy).toEqual({ horizonWorkingDays: 10, escalateAfterWorkingDays: 1, escalateEveryDays: 7 });
    expect(horizonEnd('2027-01-18', policy)).toBe('2027-02-01');
    expect(horizonEnd('2026-12-18', policy)).toBe('2027-01-06'); // over Christmas and New Year
  });

  it('rejects a policy a council cannot mean', () => {
    expect(reminderPolicySchema.safeParse({ horizonWorkingDays: -1 }).success).toBe(false);
    expect(reminderPolicySchema.safeParse({ escalateEveryDays: 0 }).success).toBe(false);
    expect(reminderPolicySchema.safeParse({ surprise: true }).success).toBe(false);
  });
});

describe('escalation', () => {
  it('starts one working day after the due date', () => {
    expect(shouldEscalate(entry({ dueDate: '2027-01-18' }), '2027-01-18', policy)).toBe(false);
    expect(shouldEscalate(entry({ dueDate: '2027-01-18' }), '2027-01-19', policy)).toBe(true);
    // Due Friday: not until Monday, the next working day.
    expect(shouldEscalate(entry({ dueDate: '2027-01-15' }), '2027-01-16', policy)).toBe(false);
    expect(shouldEscalate(entry({ dueDate: '2027-01-15' }), '2027-01-18', policy)).toBe(true);
  });

  it('repeats weekly while the item stays overdue', () => {
    const escalated = entry({ dueDate: '2027-01-04', escalatedOn: '2027-01-05' });
    expect(shouldEscalate(escalated, '2027-01-11', policy)).toBe(false);
    expect(shouldEscalate(escalated, '2027-01-12', policy)).toBe(true);
    expect(shouldEscalate(escalated, '2027-01-05', policy)).toBe(true); // a rerun the same day plans the same digest
  });
});

describe('planning digests', () => {
  it('groups by holder into overdue, due today and coming up, within the horizon', () => {
    const plan = planDigests(
      [
        entry({ dueDate: '2027-01-22', kind: 'sdq' }),
        entry({ dueDate: '2027-01-18', kind: 'pep' }),
        entry({ dueDate: '2027-01-18', kind: 'statutory-visit', childId: 'C-0' }),
        entry({ dueDate: '2027-01-14', kind: 'care-plan' }),
        entry({ dueDate: '2027-03-01', kind: 'dental-check' }),
      ],
      staff,
      '2027-01-18',
      policy,
    );
    const sw = plan.digests.find((d) => d.recipient.id === 'sw')!;
    expect(sw.overdue.map((l) => l.kind)).toEqual(['care-plan']);
    expect(sw.dueToday.map((l) => `${l.childId}/${l.kind}`)).toEqual(['C-0/statutory-visit', 'C-1/pep']);
    expect(sw.comingUp.map((l) => l.kind)).toEqual(['sdq']);
    const tm = plan.digests.find((d) => d.recipient.id === 'tm')!;
    expect(tm.escalations.map((l) => [l.kind, l.responsibleName, l.workingDaysOverdue])).toEqual([['care-plan', 'Sam Worker', 2]]);
    expect(tm.overdue).toEqual([]);
  });

  it('reports items whose holder cannot be emailed, and still escalates them', () => {
    const plan = planDigests([entry({ holderId: 'gone', dueDate: '2027-01-11' }), entry({ holderId: 'nobody' })], staff, '2027-01-18', policy);
    expect(plan.unreachable.map((e) => e.holderId)).toEqual(['gone', 'nobody']);
    expect(plan.digests.map((d) => d.recipient.id)).toEqual(['tm']);
  });

  it("mails no leaver: their items are unreachable and escalate to their manager, and a leaver manager gets no escalations", () => {
    const left: Staff[] = staff.map((s) => (s.id === 'sw' ? { ...s, accessEnded: { at: '2027-01-12T09:00:00Z', by: 'admin' } } : s));
    const plan = planDigests([entry({ holderId: 'sw', dueDate: '2027-01-11' })], left, '2027-01-18', policy);
    expect(plan.unreachable.map((e) => e.holderId)).toEqual(['sw']);
    expect(plan.digests.map((d) => [d.recipient.id, d.escalations.length])).toEqual([['tm', 1]]);
    const managerLeft = staff.map((s) => (s.id === 'tm' ? { ...s, accessEnded: { at: '2027-01-12T09:00:00Z', by: 'admin' } } : s));
    expect(planDigests([entry({ holderId: 'sw', dueDate: '2027-01-11' })], managerLeft, '2027-01-18', policy).digests.map((d) => d.recipient.id)).toEqual(['sw']);
  });

  it('sends nobody anything when nothing is due', () => {
    expect(planDigests([entry({ dueDate: '2027-06-01' })], staff, '2027-01-18', policy).digests).toEqual([]);
  });
});

describe('the digest email', () => {
  const plan = planDigests(
    [entry({ dueDate: '2026-12-30', kind: 'care-plan', initials: '<b>.', childId: 'C-9' }), entry({ kind: 'return-home-interview', dueAt: '2027-01-18T15:30:00.000Z' })],
    staff,
    '2027-01-18',
    policy,
  );
  const email = renderDigest(plan.digests.find((d) => d.recipient.id === 'sw')!, { appUrl: 'https://kept.example', councilName: 'Test Borough' });

  it('has a short subject with the counts and the date', () => {
    expect(email.subject).toBe('Kept: 1 overdue, 1 due today – Monday, 18 January 2027');
    expect(email.to).toBe('sw@x.test');
  });

  it('gives the year of a date in another year, and the time of an hours deadline', () => {
    const december = planDigests([entry({ dueDate: '2027-01-05', kind: 'sdq' })], staff, '2026-12-18', policy).digests[0]!;
    expect(renderDigest(december, { appUrl: 'https://kept.example', councilName: 'T' }).text).toContain('C-1 (A.B.): strengths and difficulties questionnaire (SDQ), due Tue 5 Jan 2027');
    expect(email.text).toContain('return home interview, due today, 15:30');
  });

  it('groups by child, counting working days overdue exactly, and links each item to its record page', () => {
    const d = planDigests(
      [
        entry({ childId: 'C-1030', initials: 'E.W.', kind: 'statutory-visit', dueDate: '2026-12-30' }),
        entry({ childId: 'C-1030', initials: 'E.W.', kind: 'looked-after-review', dueDate: '2027-01-26' }),
        entry({ childId: 'C-7', kind: 'care-plan', dueDate: '2021-03-01' }),
        entry({ childId: 'C-8', kind: 'pep', dueDate: '2027-01-20' }),
      ],
      staff, '2027-01-18', policy,
    ).digests.find((x) => x.recipient.id === 'sw')!;
    const text = renderDigest(d, { appUrl: 'https://kept.example', councilName: 'T' }).text;
    // 30 Dec 2026 to 18 Jan 2027: 12 working days (New Year's Day a holiday).
    expect(text).toContain('* C-1030 (E.W.): statutory visit, 12 working days overdue; looked-after review, due Tue 26 Jan');
    expect(text).toContain('Record the statutory visit: https://kept.example/children/C-1030/record/statutory-visit');
    let walked = 0; // the oracle: day by day from 1 March 2021
    for (let day = toDayNumber('2021-03-02'); day <= toDayNumber('2027-01-18'); day++) if (isWorkingDay(day)) walked += 1;
    expect(walked).toBeGreaterThan(1400);
    expect(text).toContain(`C-7 (A.B.): care plan, ${walked} working days overdue`);
    expect(text.indexOf('C-7')).toBeLessThan(text.indexOf('C-1030')); // most overdue first
    expect(text).toMatch(/Coming up in the next 10 working days\n\n\* C-8 \(A\.B\.\): personal education plan \(PEP\), due Wed 20 Jan/);
    const tight = planDigests([entry({ dueDate: '2027-01-20' })], staff, '2027-01-18', { ...policy, horizonWorkingDays: 3 }).digests[0]!;
    expect(renderDigest(tight, { appUrl: 'https://kept.example', councilName: 'T' }).text).toContain('Coming up in the next 3 working days');
  });

  it('sends each item to the person responsible, and escalates to their manager', () => {
    const team: Staff[] = [...staff, { councilId: 'c', id: 'iro', name: 'Ira Reviewer', email: 'iro@x.test', role: 'practitioner', managerId: 'irm' },
      { councilId: 'c', id: 'irm', name: 'Iris Manager', email: 'irm@x.test', role: 'manager' }];
    const plan = planDigests(
      [entry({ kind: 'looked-after-review', responsibleId: 'iro', dueDate: '2027-01-11' }), entry({ kind: 'statutory-visit', dueDate: '2027-01-19' })],
      team, '2027-01-18', policy,
    );
    const of = (id: string) => plan.digests.find((x) => x.recipient.id === id);
    expect(of('iro')!.overdue.map((l) => l.kind)).toEqual(['looked-after-review']);
    expect(of('sw')!.overdue).toEqual([]);
    expect(of('sw')!.comingUp.map((l) => l.kind)).toEqual(['statutory-visit']);
    expect(of('irm')!.escalations.map((l) => [l.kind, l.responsibleName, l.workingDaysOverdue])).toEqual([['looked-after-review', 'Ira Reviewer', 5]]);
    expect(of('tm')).toBeUndefined();
  });

  it('escapes what it shows in HTML', () => {
    expect(email.html).toContain('C-9 (&lt;b&gt;.)');
    expect(email.html).not.toContain('<b>.');
  });
});

describe('the local clock', () => {
  it('reads the stack’s EventBridge cron expressions', () => {
    expect(toCronerPattern('cron(0 7 ? * MON-FRI *)')).toBe('0 7 * * MON-FRI');
    expect(toCronerPattern('cron(30 6 1 * ? *)')).toBe('30 6 1 * *');
    expect(toCronerPattern('cron(0 7 ? * 2-6 *)')).toBe('0 7 * * MON-FRI');
    expect(() => toCronerPattern('rate(1 day)')).toThrow();
    expect(toCronerPattern('cron(0/5 * * * ? *)')).toBe('0-59/5 * * * *');
  });

  it('fires the safeguarding redrive every 5 minutes on the fives', () => {
    const redrive = SCHEDULES.find((s) => s.name === 'safeguarding-redrive')!;
    const cron = new Cron(toCronerPattern(redrive.cron), { timezone: redrive.timezone, paused: true });
    expect(cron.nextRuns(3, new Date('2027-03-28T00:58:00Z')).map((d) => d.toISOString())).toEqual(['2027-03-28T01:00:00.000Z', '2027-03-28T01:05:00.000Z', '2027-03-28T01:10:00.000Z']);
    cron.stop();
  });

  it('fires the sweep at 07:00 London time on both sides of the clock change', () => {
    const sweep = SCHEDULES.find((s) => s.name === 'reminder-sweep')!;
    const cron = new Cron(toCronerPattern(sweep.cron), { timezone: sweep.timezone, paused: true });
    // Friday 26 March 2027 (GMT) then Monday 29 March 2027 (BST).
    const [a, b] = cron.nextRuns(2, new Date('2027-03-26T00:00:00Z'));
    expect(a!.toISOString()).toBe('2027-03-26T07:00:00.000Z');
    expect(b!.toISOString()).toBe('2027-03-29T06:00:00.000Z');
    cron.stop();
  });
});
