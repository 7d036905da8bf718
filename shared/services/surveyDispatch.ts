/**
 * The daily survey dispatch: for each campaign, the step its day calls for
 * (campaign.ts's `nextStep`): open it (dispatch/invite.ts), send a reminder
 * (dispatch/remind.ts) or close it. A campaign moves on (opens, counts a
 * reminder sent) only once its step is complete: until then each run takes
 * the step again and sends only what is missing, so a failed send is retried.
 *
 * Each message is claimed before it is sent (a send claim per campaign,
 * child, message and channel: dispatch/deliver.ts), so a retried or
 * concurrent run never sends one twice, and a run stopped part-way leaves the
 * rest to the next. Each claim names this run (`runId`); a message another
 * run holds within its lease is neither sent nor counted as sent here, and
 * the run ends failed (`dispatchFailure`), so the scheduler's retry after the
 * lease finishes the work. A young person whose sends fail three times is
 * marked not reachable for the campaign and skipped, so the campaign opens and
 * reminds everyone else (dispatch/deliver.ts).
 */
import { randomUUID } from 'node:crypto';
import { nextStep } from '#domain/surveys/campaign.js';
import { loadCouncil } from './council.js';
import { definitionFor } from './surveyDefinitions.js';
import { invite } from './dispatch/invite.js';
import { remind } from './dispatch/remind.js';
import type { DeliveryCounts, DispatchOptions, StepResult } from './dispatch/run.js';
import { log } from '#platform/log.js';

export type { DispatchOptions } from './dispatch/run.js';

/** A run's counts over every campaign, invitations and reminders together. */
export interface DispatchReport extends DeliveryCounts {
  /** Campaigns opened: every invitation of theirs is sent. */
  opened: number;
  /** Invitations sent, now or by earlier runs, for the campaigns this run opened or tried to. */
  invited: number;
  /** Reminders this run sent. */
  reminded: number;
  closed: number;
}

function add(report: DispatchReport, step: StepResult): void {
  report.sent += step.sent;
  report.texts += step.texts;
  report.alreadyClaimed += step.alreadyClaimed;
  report.held += step.held;
  report.claimsLost += step.claimsLost;
  report.failed += step.failed;
  report.notReachable += step.notReachable;
  report.stoppedEarly ||= step.stoppedEarly;
}

export async function runSurveyDispatch(o: DispatchOptions): Promise<DispatchReport> {
  const report: DispatchReport = { opened: 0, invited: 0, reminded: 0, closed: 0, sent: 0, texts: 0, alreadyClaimed: 0, held: 0, claimsLost: 0, failed: 0, notReachable: 0, stoppedEarly: false };
  const owner = o.runId ?? randomUUID();
  const council = await loadCouncil(o.store, o.councilId);
  for (const campaign of await o.surveys.listCampaigns(o.councilId)) {
    const step = nextStep(campaign, o.today);
    if (step.action === 'none') continue;
    if (step.action === 'close') {
      await o.surveys.updateCampaign(o.councilId, campaign.id, { state: 'closed' });
      report.closed += 1;
      continue;
    }
    const definition = definitionFor(campaign, council);
    if (!definition) {
      log.error('campaign has no survey definition', { councilId: o.councilId, campaignId: campaign.id });
      continue;
    }
    const run = { o, council, campaign, definition, owner };
    if (step.action === 'open') {
      const invited = await invite(run);
      add(report, invited);
      report.invited += invited.reached;
      if (invited.complete) {
        await o.surveys.updateCampaign(o.councilId, campaign.id, { state: 'open', invited: invited.reached });
        report.opened += 1;
      }
    } else {
      const reminded = await remind(run, step.number);
      add(report, reminded);
      report.reminded += reminded.reached;
      if (reminded.complete) await o.surveys.updateCampaign(o.councilId, campaign.id, { remindersSent: step.number });
    }
    if (report.stoppedEarly) break;
  }
  log.info('survey dispatch finished', { councilId: o.councilId, today: o.today, ...report });
  return report;
}

/** Why a finished dispatch must count as failed (so that it is retried), or undefined when it succeeded. */
export function dispatchFailure(report: DispatchReport): string | undefined {
  const why = [
    report.failed && `${report.failed} survey message(s) could not be sent`,
    report.held && `${report.held} survey message(s) held by another run`,
    report.claimsLost && `${report.claimsLost} survey message claim(s) lost before being marked sent`,
  ].filter(Boolean);
  return why.length ? why.join('; ') : undefined;
}
