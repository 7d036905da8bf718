import { describe, expect, it } from 'vitest';
import { type InvitationGroups, type RateBreakdown, countByGroup, responseRates } from '#domain/surveys/responseRates.js';
import { responseCounts } from '#domain/surveys/responseCounts.js';
import { campaignInputSchema } from '#domain/surveys/campaign.js';

const AT = '2027-02-01T09:00:00Z';
const invite = (n: number, groups: InvitationGroups, answered: number): InvitationGroups[] =>
  Array.from({ length: n }, (_, i) => ({ sentAt: AT, answered: i < answered, ...groups }));

const teamName = (t: string) => `${t}'s team`;
const sum = (b: RateBreakdown, key: 'invited' | 'answered') => b.rows.reduce((n, r) => n + (r[key] as number), 0);

describe('response rates', () => {
  // 66 invited, 29 answered, every group big enough to show.
  const invitations = [
    ...invite(20, { team: 'tm-1', ageBand: '11-15', channel: 'email' }, 8),
    ...invite(14, { team: 'tm-1', ageBand: '16-17', channel: 'text' }, 7),
    ...invite(20, { team: 'tm-2', ageBand: '11-15', channel: 'both' }, 8),
    ...invite(12, { team: 'tm-3', ageBand: '16-17', channel: 'email' }, 6),
  ];
  const totals = responseCounts({ invited: 66 }, invitations, 29);

  it('adds up: each breakdown sums to the totals, and the overall rate is answered over invited', () => {
    const rates = responseRates({ totals, invitations, assistedAnswers: 7, teamName });
    expect(rates).toMatchObject({ invited: 66, answered: 29, rate: 43.9, target: 30, meetsTarget: true, assisted: 7, undelivered: 0 });
    for (const b of rates.breakdowns) {
      expect(b.shown).toBe(true);
      expect(sum(b, 'invited')).toBe(66);
      expect(sum(b, 'answered')).toBe(29);
    }
    const rows = (d: string) => rates.breakdowns.find((b) => b.dimension === d)!.rows.map((r) => [r.label, r.invited, r.answered, r.rate]);
    expect(rows('team')).toEqual([
      ["tm-1's team", 34, 15, 44.1],
      ["tm-2's team", 20, 8, 40],
      ["tm-3's team", 12, 6, 50],
    ]);
    expect(rows('channel')).toEqual([
      ['Email', 32, 14, 43.8],
      ['Text', 14, 7, 50],
      ['Email and text', 20, 8, 40],
    ]);
    expect(rows('ageBand')).toEqual([
      ['11-15', 40, 16, 40],
      ['16-17', 26, 13, 50],
    ]);
  });

  it('hides small groups as every other figure is hidden, and a rate under a base of 10', () => {
    const more = [...invitations, ...invite(10, { team: 'tm-4', ageBand: '18-20', channel: 'email' }, 3)];
    const rates = responseRates({ totals: responseCounts({}, more, 32), invitations: more, assistedAnswers: 0, teamName });
    const team = rates.breakdowns.find((b) => b.dimension === 'team')!;
    expect(team.shown).toBe(true);
    const small = team.rows.find((r) => r.group === 'tm-4')!;
    expect(small.answered).toBe('c');
    expect(small.rate).toBeNull();
    // Hiding 3 alone would let it be worked out from the total: another answered count is hidden too.
    expect(team.rows.filter((r) => r.answered === 'c').length).toBeGreaterThanOrEqual(2);
    // Every group's invited count is over 5, so all are shown, and they still add up to the total.
    expect(team.rows.filter((r) => r.invited === 'c')).toEqual([]);
    expect(sum(team, 'invited')).toBe(76);
  });

  it('keeps what the groups do not hold in "Not recorded", so the totals still add up', () => {
    // 40 recorded at opening, 30 invitations kept (10 erased since), 3 answers from links with no invitation sent.
    const kept = invite(30, { team: 'tm-1', ageBand: '18-20', channel: 'email' }, 12);
    const t = responseCounts({ invited: 40 }, [...kept, { answered: true }], 15);
    const groups = countByGroup(t, kept, (i) => i.team, [], teamName);
    expect(groups).toEqual([
      { group: 'tm-1', label: "tm-1's team", invited: 30, answered: 12 },
      { group: 'not-recorded', label: 'Not recorded', invited: 10, answered: 3 },
    ]);
  });

  it('compares with the target the campaign set, 30% when it set none', () => {
    expect(responseRates({ totals, invitations, assistedAnswers: 0, targetRate: 45, teamName })).toMatchObject({ target: 45, meetsTarget: false });
    expect(responseRates({ totals: { invited: 8, answered: 6 }, invitations: [], assistedAnswers: 0, teamName })).toMatchObject({ rate: null, meetsTarget: null });
    expect(campaignInputSchema.parse(base).targetRate).toBe(30);
    expect(campaignInputSchema.parse({ ...base, targetRate: 37.5 }).targetRate).toBe(37.5);
    const bad = campaignInputSchema.safeParse({ ...base, targetRate: 140 });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0]!.path).toEqual(['targetRate']);
  });

  it('hides a group of one so that it cannot be worked out from the total', () => {
    // 12 invited, 7 answered: a group of 1 and a group of 11.
    const few = [...invite(1, { team: 'tm-1', ageBand: '11-15', channel: 'email' }, 1), ...invite(11, { team: 'tm-2', ageBand: '11-15', channel: 'email' }, 6)];
    const rates = responseRates({ totals: responseCounts({ invited: 12 }, few, 7), invitations: few, assistedAnswers: 0, teamName });
    expect(rates).toMatchObject({ invited: 12, answered: 'c', rate: null });
    const team = rates.breakdowns.find((b) => b.dimension === 'team')!;
    expect(team.rows.map((r) => [r.invited, r.answered])).toEqual([['c', 'c'], ['c', 'c']]);
  });

  it('counts as undelivered the texts sent to a number since found unreachable', () => {
    const sent = [
      { sentAt: AT, channel: 'text' as const, textFailed: true },
      { sentAt: AT, channel: 'both' as const, textFailed: true },
      { sentAt: AT, channel: 'email' as const, textFailed: true },
      ...invite(20, { channel: 'text' }, 5),
    ];
    expect(responseRates({ totals: responseCounts({}, sent, 5), invitations: sent, assistedAnswers: 0, teamName }).undelivered).toBe('c');
    const many = Array.from({ length: 7 }, () => ({ sentAt: AT, channel: 'text' as const, textFailed: true }));
    expect(responseRates({ totals: responseCounts({}, many, 0), invitations: many, assistedAnswers: 0, teamName }).undelivered).toBe(7);
  });

  it('counts as undelivered the emails sent to an address since found unreachable, an invitation sent both ways once', () => {
    const undelivered = (invitations: Parameters<typeof responseRates>[0]['invitations']) =>
      responseRates({ totals: responseCounts({}, invitations, 0), invitations, assistedAnswers: 0, teamName }).undelivered;
    const emails = Array.from({ length: 6 }, () => ({ sentAt: AT, channel: 'email' as const, emailFailed: true }));
    expect(undelivered(emails)).toBe(6);
    // Sent by text only, an unreachable address does not matter; sent both ways with both failed, it counts once.
    expect(undelivered([...emails, { sentAt: AT, channel: 'text' as const, emailFailed: true }])).toBe(6);
    expect(undelivered([...emails, { sentAt: AT, channel: 'both' as const, emailFailed: true, textFailed: true }])).toBe(7);
    expect(undelivered([...emails.slice(1), { sentAt: AT, channel: 'text' as const, textFailed: true }, { sentAt: AT, channel: 'both' as const, emailFailed: true }])).toBe(7);
    // Not sent: nothing to deliver.
    expect(undelivered([...emails, { channel: 'email' as const, emailFailed: true }])).toBe(6);
  });
});

const base = { surveyId: 'care-leaver', name: 'Leavers', audience: { status: 'care-leaver', ageFrom: 16, ageTo: 26 }, opens: '2027-02-01', closes: '2027-03-01', mode: 'anonymous' };
