/**
 * One Lambda function for one handler module named in infra/topology.ts:
 * bundled ESM for the newest Node runtime, its own log group and its own role
 * that may write only to that log group. Table and mail permissions are added
 * by the stack from the handler's `uses`; a handler that renders pages
 * (`uses.web`) also gets its templates and static files copied beside the
 * bundle (see webFiles.ts).
 */
import * as path from 'node:path';
import { type Duration, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat, SourceMapMode } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import {
  assertWebFilesPresent,
  copyWebFilesCommands,
  WEB_EXTERNAL_MODULES,
  webEnvironment,
  webFileSources,
} from './webFiles.js';

/** The newest Node.js runtime this aws-cdk-lib offers (nodejs24.x). */
export const NODE_RUNTIME = lambda.Runtime.NODEJS_24_X;
/** esbuild target matching NODE_RUNTIME. */
export const ESBUILD_TARGET = `node${NODE_RUNTIME.name.replace(/^nodejs(\d+)\.x$/, '$1')}`;

/**
 * ESM bundles of the AWS SDK call `require('node:https')` and friends, which
 * esbuild's ESM output cannot satisfy ("Dynamic require of node:https is not
 * supported"); give the bundle a real `require`.
 */
export const ESM_REQUIRE_BANNER = "import { createRequire } from 'module'; const require = createRequire(import.meta.url);";

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
  readonly fn: NodejsFunction;
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

    this.fn = new NodejsFunction(this, 'Fn', {
      entry: path.join(props.projectRoot, 'functions', `${props.handler}.ts`),
      handler: 'handler',
      projectRoot: props.projectRoot,
      depsLockFilePath: path.join(props.projectRoot, 'package-lock.json'),
      runtime: NODE_RUNTIME,
      architecture: lambda.Architecture.ARM_64,
      memorySize: props.memorySize,
      timeout: props.timeout,
      description: `Kept ${props.handler}`,
      role: this.role,
      logGroup: this.logGroup,
      loggingFormat: lambda.LoggingFormat.JSON,
      environment: { ...props.environment, ...(web ? webEnvironment() : {}), NODE_OPTIONS: '--enable-source-maps' },
      bundling: {
        format: OutputFormat.ESM,
        target: ESBUILD_TARGET,
        platform: 'node',
        minify: true,
        sourceMap: true,
        sourceMapMode: SourceMapMode.DEFAULT,
        sourcesContent: false,
        mainFields: ['module', 'main'],
        banner: ESM_REQUIRE_BANNER,
        // Bundle the SDK v3 clients the handler imports rather than use the
        // runtime's copy: pinned versions, and tree-shaken to what is used.
        bundleAwsSDK: true,
        externalModules: web ? [...WEB_EXTERNAL_MODULES] : [],
        tsconfig: path.join(props.projectRoot, 'tsconfig.json'),
        ...(web
          ? {
              commandHooks: {
                beforeBundling: () => [],
                beforeInstall: () => [],
                afterBundling: (inputDir: string, outputDir: string) => copyWebFilesCommands(web, inputDir, outputDir),
              },
            }
          : {}),
      },
    });
  }
}
