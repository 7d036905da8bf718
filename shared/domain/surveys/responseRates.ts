/**
 * A campaign's response rate, overall and by team, by channel and by age
 * band, against the target the campaign set, and how many invitations could
 * not be delivered. Pure; "invited" and "answered" are responseCounts'
 * totals, and every figure passes through the suppression module.
 *
 * Each invitation records, when it is sent, the team, the age band and the
 * channels it went by. A group's invited and answered are its sent
 * invitations and those of them answered; what the totals hold beyond the
 * groups (invitations no longer kept, answers through a link no invitation
 * was sent for, invitations from before groups were recorded) is one more
 * group, "Not recorded", so each breakdown adds up to the totals.
 */
import { type Shown, HIDDEN, percent, suppressCount, suppressDistribution, suppressTable } from '#domain/suppression.js';
import { type ResponseCounts, publishCounts } from './responseCounts.js';

/** The target when a campaign sets none, in percent. */
export const DEFAULT_TARGET_RATE = 30;

export const CHANNEL_GROUPS = ['email', 'text', 'both'] as const;
export type ChannelGroup = (typeof CHANNEL_GROUPS)[number];

/** What an invitation records for the breakdowns (none of it more than its child id already gives). */
export interface InvitationGroups {
  sentAt?: string;
  answered?: boolean;
  /** The id of the manager whose team held the case when it was sent; `no-team` when none. */
  team?: string;
  ageBand?: string;
  channel?: ChannelGroup;
  /** The young person's email address was found unreachable (a bounce or complaint) after the campaign opened. */
  emailFailed?: boolean;
  /** The young person's mobile number was found unreachable after the campaign opened. */
  textFailed?: boolean;
  /** Sends to them failed three times in this campaign: not reachable for this survey, and not tried again. */
  notReachable?: boolean;
}

export const NOT_RECORDED = 'Not recorded';

export interface RateRow {
  group: string;
  label: string;
  invited: Shown;
  answered: Shown;
  /** Answered as a share of invited, in percent; null where not publishable. */
  rate: number | null;
}

export interface RateBreakdown {
  dimension: 'team' | 'channel' | 'ageBand';
  title: string;
  /** False when the breakdown would give away a count the totals hide or show differently: then no row is shown. */
  shown: boolean;
  rows: RateRow[];
}

export interface ResponseRates {
  /** In percent. */
  target: number;
  invited: Shown;
  answered: Shown;
  rate: number | null;
  /** Whether the rate reaches the target; null when the rate cannot be shown. */
  meetsTarget: boolean | null;
  breakdowns: RateBreakdown[];
  /** Answers given with a worker's help (an assisted link), from the responses themselves; whoever was invited by whatever channel. */
  assisted: Shown;
  /**
   * Invitations sent by email to an address since found unreachable (it
   * bounced for good, or the young person complained), or by text to a
   * number since found unreachable; one sent both ways counts once.
   */
  undelivered: Shown;
  /** Young people whose sends failed three times in this campaign, so it went on without them (invited only if their invitation went before). */
  notReachable: Shown;
}

const CHANNEL_LABELS: Record<ChannelGroup, string> = { email: 'Email', text: 'Text', both: 'Email and text' };
const AGE_BANDS = ['4-7', '8-10', '11-15', '16-17', '18-20', '21-25'];

interface GroupCount {
  group: string;
  label: string;
  invited: number;
  answered: number;
}

/** Sent invitations counted by group, with "Not recorded" holding what the totals have beyond them. */
export function countByGroup(
  totals: ResponseCounts,
  invitations: readonly InvitationGroups[],
  groupOf: (i: InvitationGroups) => string | undefined,
  order: readonly string[] = [],
  labelOf: (group: string) => string = (g) => g,
): GroupCount[] {
  const counts = new Map<string, GroupCount>();
  for (const group of order) counts.set(group, { group, label: labelOf(group), invited: 0, answered: 0 });
  for (const i of invitations) {
    if (!i.sentAt) continue;
    const group = groupOf(i);
    if (group === undefined) continue;
    const c = counts.get(group) ?? { group, label: labelOf(group), invited: 0, answered: 0 };
    c.invited += 1;
    if (i.answered) c.answered += 1;
    counts.set(group, c);
  }
  const known = [...counts.values()].filter((c) => c.invited > 0);
  const invited = known.reduce((n, c) => n + c.invited, 0);
  const answered = known.reduce((n, c) => n + c.answered, 0);
  // The groups never hold more than the totals: the totals count every sent invitation and every stored answer.
  const rest = { group: 'not-recorded', label: NOT_RECORDED, invited: Math.max(0, totals.invited - invited), answered: Math.max(0, totals.answered - answered) };
  const sorted = known.sort((a, b) => {
    const ia = order.indexOf(a.group);
    const ib = order.indexOf(b.group);
    if (ia !== ib) return (ia < 0 ? Infinity : ia) - (ib < 0 ? Infinity : ib);
    return a.label.localeCompare(b.label);
  });
  return rest.invited > 0 || rest.answered > 0 ? [...sorted, rest] : sorted;
}

/**
 * One breakdown as leads see it: a table of answered and not answered by
 * group, suppressed like every other, whose totals must be the headline's;
 * when the suppression would show them otherwise the breakdown is withheld.
 */
export function publishBreakdown(dimension: RateBreakdown['dimension'], title: string, groups: readonly GroupCount[], headline: { invited: Shown; answered: Shown }): RateBreakdown {
  if (groups.length === 0) return { dimension, title, shown: true, rows: [] };
  const table = suppressTable({
    rows: groups.map((g) => g.label),
    columns: ['Answered', 'Not answered'],
    counts: groups.map((g) => [g.answered, Math.max(0, g.invited - g.answered)]),
  });
  if (table.total !== headline.invited || table.columnTotals[0] !== headline.answered) {
    return { dimension, title, shown: false, rows: groups.map((g) => ({ group: g.group, label: g.label, invited: HIDDEN, answered: HIDDEN, rate: null })) };
  }
  return {
    dimension,
    title,
    shown: true,
    rows: groups.map((g, i) => {
      const answered = table.cells[i]![0]!;
      const invited = table.rowTotals[i]!;
      return { group: g.group, label: g.label, invited, answered, rate: percent(answered, invited) };
    }),
  };
}

export function responseRates(input: {
  totals: ResponseCounts;
  invitations: readonly InvitationGroups[];
  /** Responses stored with `assisted: true` among their bands. */
  assistedAnswers: number;
  targetRate?: number;
  teamName: (team: string) => string;
}): ResponseRates {
  const { totals, invitations } = input;
  const target = input.targetRate ?? DEFAULT_TARGET_RATE;
  const headline = publishCounts(totals);
  const heads = { invited: headline.invited, answered: headline.answered };
  const breakdowns = [
    publishBreakdown('team', 'Team', countByGroup(totals, invitations, (i) => i.team, [], input.teamName), heads),
    publishBreakdown('channel', 'Channel', countByGroup(totals, invitations, (i) => i.channel, CHANNEL_GROUPS, (g) => CHANNEL_LABELS[g as ChannelGroup] ?? g), heads),
    publishBreakdown('ageBand', 'Age band', countByGroup(totals, invitations, (i) => i.ageBand, AGE_BANDS), heads),
  ];
  const assisted = suppressDistribution({ categories: ['With a worker', 'On their own'], counts: [input.assistedAnswers, Math.max(0, totals.answered - input.assistedAnswers)] });
  const byEmail = (i: InvitationGroups) => i.channel === 'email' || i.channel === 'both';
  const byText = (i: InvitationGroups) => i.channel === 'text' || i.channel === 'both';
  const undelivered = invitations.filter((i) => i.sentAt && ((i.emailFailed && byEmail(i)) || (i.textFailed && byText(i)))).length;
  return {
    target,
    invited: headline.invited,
    answered: headline.answered,
    rate: headline.responseRate,
    meetsTarget: headline.responseRate === null ? null : headline.responseRate >= target,
    breakdowns,
    assisted: assisted.total === headline.answered ? assisted.counts[0]! : HIDDEN,
    undelivered: suppressCount(undelivered),
    notReachable: suppressCount(invitations.filter((i) => i.notReachable).length),
  };
}
