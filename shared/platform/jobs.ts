/**
 * How a job stored in the table gets started. In AWS nothing here runs: the
 * table's stream hands the job item's insert to the job's function (its
 * filter is in infra/cdk/keptStack.ts). The local server has no stream, so it
 * registers a runner here that plays the stream's part for jobs written
 * through its handlers.
 */
export interface JobRef {
  councilId: string;
  id: string;
}

type Runner = (job: JobRef) => void;

let localRunner: Runner | undefined;

/** The local server's stand-in for the table's stream. */
export function runJobsLocally(runner: Runner | undefined): void {
  localRunner = runner;
}

/** Called once a job's item is written. */
export function jobWritten(job: JobRef): void {
  localRunner?.(job);
}
