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
 * rest to the next.
 */
import { nextStep } from '#domain/surveys/campaign.js';
import { loadCouncil } from './council.js';
import { definitionFor } from './surveyDefinitions.js';
import { invite } from './dispatch/invite.js';
import { remind } from './dispatch/remind.js';
import type { DispatchOptions, StepResult } from './dispatch/run.js';
import { log } from '#platform/log.js';

export type { DispatchOptions } from './dispatch/run.js';

export interface DispatchReport {
  /** Campaigns opened: every invitation of theirs is sent. */
  opened: number;
  /** Invitations sent, now or by earlier runs, for the campaigns this run opened or tried to. */
  invited: number;
  /** Reminders this run sent. */
  reminded: number;
  closed: number;
  /** Messages this run sent (invitations and reminders), by any channel. */
  sent: number;
  /** Texts among them (a message to someone who wants both counts once in `sent`). */
  texts: number;
  /** Messages another run had sent or was sending. */
  alreadyClaimed: number;
  /** Messages whose send failed; they are given back for the next run. */
  failed: number;
  stoppedEarly: boolean;
}

function add(report: DispatchReport, step: StepResult): void {
  report.sent += step.sent;
  report.texts += step.texts;
  report.alreadyClaimed += step.alreadyClaimed;
  report.failed += step.failed;
  report.stoppedEarly ||= step.stoppedEarly;
}

export async function runSurveyDispatch(o: DispatchOptions): Promise<DispatchReport> {
  const report: DispatchReport = { opened: 0, invited: 0, reminded: 0, closed: 0, sent: 0, texts: 0, alreadyClaimed: 0, failed: 0, stoppedEarly: false };
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
    const run = { o, council, campaign, definition };
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
