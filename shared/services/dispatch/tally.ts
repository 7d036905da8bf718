/** Adds one delivery to a step's result. */
import type { Delivery } from './deliver.js';
import type { StepResult } from './run.js';

export function tally(step: StepResult, delivery: Delivery): void {
  step.texts += delivery.texts;
  step.claimsLost += delivery.claimsLost;
  const { outcome } = delivery;
  if (outcome === 'sent') step.sent += 1;
  else if (outcome === 'failed') step.failed += 1;
  else if (outcome === 'held') step.held += 1;
  else if (outcome === 'not-reachable') step.notReachable += 1;
  else step.alreadyClaimed += 1;
  // Not reachable: given up on for this campaign, so it no longer keeps the step open.
  if (outcome === 'failed' || outcome === 'held') step.complete = false;
}
