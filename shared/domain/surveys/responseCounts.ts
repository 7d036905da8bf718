/**
 * How many young people a campaign invited and how many answered, counted
 * one way wherever the numbers appear (GET /campaigns, the reports list and
 * the survey report), and published through the suppression rules.
 */
import { type Shown, percent, suppressTable } from '#domain/suppression.js';

export interface ResponseCounts {
  invited: number;
  answered: number;
}

/**
 * invited: the invitations sent, or the count the campaign recorded when it
 * opened where invitations no longer exist (a young person's record erased
 * since, or a campaign whose answers were brought in without invitations);
 * answered: the responses stored, which outlive their invitations. The
 * invitations may be given as the number sent, when the store counted them.
 */
export function responseCounts(campaign: { invited?: number }, invitations: ReadonlyArray<{ sentAt?: string }> | number, responsesStored: number): ResponseCounts {
  const sent = typeof invitations === 'number' ? invitations : invitations.filter((i) => i.sentAt).length;
  return { invited: Math.max(sent, campaign.invited ?? 0), answered: responsesStored };
}

export interface PublishedCounts {
  invited: Shown;
  answered: Shown;
  /** Answered as a share of invited, when both can be shown and 10 or more were invited. */
  responseRate: number | null;
}

/** The counts as leads see them: a table of answered and not answered, suppressed like every other. */
export function publishCounts(counts: ResponseCounts): PublishedCounts {
  const table = suppressTable({ rows: ['All'], columns: ['Answered', 'Not answered'], counts: [[counts.answered, Math.max(0, counts.invited - counts.answered)]] });
  return { invited: table.total, answered: table.cells[0]![0]!, responseRate: percent(table.cells[0]![0]!, table.total) };
}
