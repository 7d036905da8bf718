/** Adds one delivery to a step's result: true when the message is now sent (by this run or an earlier one). */
import type { Delivery } from './deliver.js';
import type { StepResult } from './run.js';

export function tally(step: StepResult, delivery: Delivery): boolean {
  step.texts += delivery.texts;
  step.claimsLost += delivery.claimsLost;
  if (delivery.outcome === 'sent') step.sent += 1;
  else if (delivery.outcome === 'failed') step.failed += 1;
  else if (delivery.outcome === 'held') step.held += 1;
  else step.alreadyClaimed += 1;
  const done = delivery.outcome === 'sent' || delivery.outcome === 'sent-before';
  if (!done) step.complete = false;
  return done;
}
