/**
 * One Lambda function for one handler module named in infra/topology.ts:
 * bundled ESM for the newest Node runtime, its own log group and its own role
 * that may write only to that log group. Table and mail permissions are added
 * by the stack from the handler's `uses`; a handler that renders pages
 * (`uses.web`) also gets its templates and static files copied beside the
 * bundle (see webFiles.ts).
 */
import { type Duration, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { ENTRY_FILE, NODE_MAJOR } from '#infra/build/bundling.js';
import { bundledCode } from './bundledCode.js';
import { assertWebFilesPresent, webEnvironment, webFileSources } from './webFiles.js';

/** The Lambda runtime of the Node.js version the bundles target (infra/build/bundling.ts). */
export const NODE_RUNTIME = (() => {
  // Not NODEJS_LATEST, which has the same name but may move to a newer Node than the bundles target.
  const runtime = lambda.Runtime.ALL.find((r) => r.name === `nodejs${NODE_MAJOR}.x` && !r.isVariable);
  if (!runtime) throw new Error(`aws-cdk-lib offers no nodejs${NODE_MAJOR}.x runtime: update aws-cdk-lib, or NODE_MAJOR in infra/build/bundling.ts`);
  return runtime;
})();

export interface KeptFunctionProps {
  /** Repository root: functions/, package-lock.json and tsconfig.json live here. */
  projectRoot: string;
  /** Handler module under functions/, without extension, e.g. "api/listChildren". */
  handler: string;
  environment: Record<string, string>;
  timeout: Duration;
  memorySize: number;
  logRetention: logs.RetentionDays;
  /** Renders pages: copy the views, GOV.UK Frontend templates and assets into the asset, and say where (topology.ts `uses.web`). */
  web?: boolean;
}

export class KeptFunction extends Construct {
  readonly fn: lambda.Function;
  readonly role: iam.Role;
  readonly logGroup: logs.LogGroup;

  constructor(scope: Construct, id: string, props: KeptFunctionProps) {
    super(scope, id);

    const web = props.web === true ? webFileSources(props.projectRoot) : undefined;
    // Before anything is bundled, and only when this stack is being bundled
    // (not for `cdk ls`): say what to run rather than deploy a broken page.
    if (web && Stack.of(this).bundlingRequired) assertWebFilesPresent(props.projectRoot, web);

    this.logGroup = new logs.LogGroup(this, 'Logs', {
      retention: props.logRetention,
    });

    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `Kept ${props.handler}: write its own logs, plus what topology.ts says it uses`,
    });
    // Instead of AWSLambdaBasicExecutionRole (logs:* on every log group in the
    // account): create streams and put events in this function's group only.
    this.role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        resources: [this.logGroup.logGroupArn],
      }),
    );

    // infra/build/bundling.ts decides how the code is bundled; the bundles benchmark builds with it too.
    this.fn = new lambda.Function(this, 'Fn', {
      code: bundledCode(props.projectRoot, props.handler, web),
      handler: `${ENTRY_FILE.replace(/\.mjs$/, '')}.handler`,
      runtime: NODE_RUNTIME,
      architecture: lambda.Architecture.ARM_64,
      memorySize: props.memorySize,
      timeout: props.timeout,
      description: `Kept ${props.handler}`,
      role: this.role,
      logGroup: this.logGroup,
      loggingFormat: lambda.LoggingFormat.JSON,
      environment: { ...props.environment, ...(web ? webEnvironment() : {}), NODE_OPTIONS: '--enable-source-maps' },
    });
  }
}
