/**
 * "Not answered yet": for each survey campaign that is open, the signed-in
 * worker's own young people (those whose team they are in) who were sent an
 * invitation and have not answered, so the worker can encourage them. In a
 * confidential campaign the list names them by case reference and initials,
 * never their answers; in an anonymous one only how many of theirs have and
 * have not answered, through the suppression rules, so no one is singled out.
 */
import type { Principal } from '#domain/principal.js';
import { initials } from '#domain/people.js';
import { addDaysIso } from '#domain/dates.js';
import { type Shown, suppressTable } from '#domain/suppression.js';
import type { CampaignMode } from '#domain/surveys/campaign.js';
import type { KeptStore } from '#store/ports/stores.js';
import type { SurveyStore } from '#store/ports/surveys.js';

export interface NotAnsweredCampaign {
  campaignId: string;
  name: string;
  mode: CampaignMode;
  lastDay: string;
  /** Confidential campaigns: who has not answered, by case reference and initials. Null in an anonymous one. */
  children: Array<{ childId: string; initials: string }> | null;
  /** Anonymous campaigns: how many of the worker's invited young people have answered and not. */
  counts: { invited: Shown; answered: Shown; notAnswered: Shown } | null;
}

export async function notAnsweredYet(store: Pick<KeptStore, 'listChildrenInTeamOf'>, surveys: SurveyStore, principal: Principal, today: string): Promise<NotAnsweredCampaign[]> {
  if (principal.role !== 'practitioner' && principal.role !== 'manager') return [];
  const open = (await surveys.listCampaigns(principal.councilId)).filter((c) => c.state === 'open' && today <= addDaysIso(c.closes, -1));
  if (open.length === 0) return [];
  const mine = new Map((await store.listChildrenInTeamOf(principal.councilId, principal.staffId)).map((c) => [c.id, c]));
  if (mine.size === 0) return [];
  const out: NotAnsweredCampaign[] = [];
  for (const campaign of open.sort((a, b) => a.closes.localeCompare(b.closes) || a.name.localeCompare(b.name))) {
    const invited = (await surveys.listInvitations(principal.councilId, campaign.id)).filter((i) => i.sentAt && mine.has(i.childId));
    if (invited.length === 0) continue;
    const waiting = invited.filter((i) => !i.answered);
    const common = { campaignId: campaign.id, name: campaign.name, mode: campaign.mode, lastDay: addDaysIso(campaign.closes, -1) };
    if (campaign.mode === 'confidential') {
      const children = waiting
        .map((i) => mine.get(i.childId)!)
        .sort((a, b) => a.id.localeCompare(b.id))
        .map((c) => ({ childId: c.id, initials: initials(c.firstName, c.lastName) }));
      out.push({ ...common, children, counts: null });
    } else {
      const table = suppressTable({ rows: ['Mine'], columns: ['Answered', 'Not answered'], counts: [[invited.length - waiting.length, waiting.length]] });
      out.push({ ...common, children: null, counts: { invited: table.total, answered: table.cells[0]![0]!, notAnswered: table.cells[0]![1]! } });
    }
  }
  return out;
}
