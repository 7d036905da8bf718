/**
 * Builds the Kept CDK app: one stack for one council, with the cdk-nag AWS
 * Solutions checks registered as a validation plugin so every synth (the CLI
 * and the tests alike) fails on an unacknowledged finding and writes
 * cdk.out/validation-report.json.
 */
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { App, type AppProps, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { readKeptConfig } from './config.js';
import { KeptStack } from './keptStack.js';

/** Repository root: two levels above infra/cdk. */
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export function createKeptApp(props: AppProps = {}): { app: App; stack: KeptStack } {
  const app = new App(props);
  const config = readKeptConfig(app.node);
  const stack = new KeptStack(app, `Kept-${config.councilId}`, {
    config,
    projectRoot: PROJECT_ROOT,
    description: `Kept for ${config.councilId}: statutory reminders for children in care and care leavers`,
    env: { account: config.account, region: config.region },
    tags: { app: 'kept', council: config.councilId },
    terminationProtection: true,
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { app, stack };
}
