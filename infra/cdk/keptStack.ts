/**
 * Kept for one council: the table, one Lambda function per handler named in
 * infra/topology.ts, the HTTP API with its routes, the schedules, staff
 * sign-in, mail and the alarms that say when any of it goes wrong.
 *
 * Everything that has a counterpart in infra/local (table shape, routes,
 * schedules, handlers, environment keys) is read from topology.ts, never
 * restated here.
 */
import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps, TimeZone, Validations } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as cwActions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as lambdaDestinations from 'aws-cdk-lib/aws-lambda-destinations';
import * as lambdaEventSources from 'aws-cdk-lib/aws-lambda-event-sources';
import { FilterCriteria, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as schedulerTargets from 'aws-cdk-lib/aws-scheduler-targets';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as snsSubscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import {
  EMAIL_EVENTS_HANDLER,
  ENVIRONMENT_KEYS,
  EXPORT_JOB_HANDLER,
  EXTRACT_IMPORT_HANDLER,
  SIGN_IN_CHECK_HANDLER,
  TEXT_EVENTS_HANDLER,
  ROUTES,
  type RouteDeclaration,
  SCHEDULES,
  TABLE,
} from '#infra/topology.js';
import type { KeptConfig } from './config.js';
import { KeptAuth, useSignInCheck } from './constructs/auth.js';
import { ExtractBucket } from './constructs/extractBucket.js';
import { KeptTexts } from './constructs/texts.js';
import { KeptFunction } from './constructs/keptFunction.js';
import { KeptMail } from './constructs/mail.js';
import { SurveySourceSecret } from './constructs/surveySourceSecret.js';
import { PUBLIC_ROUTE_REASONS } from './publicRoutes.js';

export interface KeptStackProps extends StackProps {
  config: KeptConfig;
  /** Repository root (holds functions/, package-lock.json, tsconfig.json). */
  projectRoot: string;
}

type Uses = RouteDeclaration['uses'];
type HandlerKind = 'route' | 'schedule' | 'events' | 'import' | 'job';

/** "api/listChildren" -> "ApiListChildren": a stable construct id per handler. */
export function handlerId(handler: string): string {
  return handler
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join('');
}

const TIMEOUTS: Record<HandlerKind, Duration> = {
  // API Gateway gives up after 30 s; a person should not wait that long.
  route: Duration.seconds(10),
  // The morning sweep and the survey dispatch pace their mail to the SES sending rate.
  schedule: Duration.minutes(10),
  events: Duration.seconds(30),
  // Lambda's limit; the 2,000-child import bench takes well under it (README, Benchmarks).
  import: Duration.minutes(15),
  // A council-wide export: well under a minute at 5,000 young people (README, Benchmarks).
  job: Duration.minutes(EXPORT_JOB_HANDLER.timeoutMinutes),
};

const MEMORY: Record<HandlerKind, number> = { route: 512, schedule: 1024, events: 1024, import: 2048, job: 2048 };

/** Each handler's `uses`, merged over every route or schedule that names it (one function serves them all). */
function usesByHandler(): Map<string, Uses> {
  const merged = new Map<string, Uses>();
  const declarations: { handler: string; uses: Uses }[] = [
    ...ROUTES,
    ...SCHEDULES,
    EMAIL_EVENTS_HANDLER,
    TEXT_EVENTS_HANDLER,
    EXTRACT_IMPORT_HANDLER,
    SIGN_IN_CHECK_HANDLER,
    EXPORT_JOB_HANDLER,
  ];
  for (const { handler, uses } of declarations) {
    const before = merged.get(handler) ?? {};
    const table = before.table === 'write' || uses.table === 'write' ? 'write' : (before.table ?? uses.table);
    merged.set(handler, {
      ...(table ? { table } : {}),
      ...(before.email || uses.email ? { email: true } : {}),
      ...(before.text || uses.text ? { text: true } : {}),
      ...(before.web || uses.web ? { web: true } : {}),
      ...(before.surveySourceSecret || uses.surveySourceSecret ? { surveySourceSecret: true } : {}),
      ...(before.extracts || uses.extracts ? { extracts: true } : {}),
    });
  }
  return merged;
}

/** The values of `keys`, and only those; a key without a value is a type error naming the key. */
function onlyKeys<K extends string>(keys: readonly K[], values: NoInfer<Record<K, string>>): Record<K, string> {
  return Object.fromEntries(keys.map((key) => [key, values[key]])) as Record<K, string>;
}

export class KeptStack extends Stack {
  readonly table: dynamodb.Table;
  readonly api: apigwv2.HttpApi;
  readonly apiStage: apigwv2.HttpStage;
  readonly auth: KeptAuth;
  readonly mail: KeptMail;
  readonly texts: KeptTexts;
  readonly surveySourceSecret: SurveySourceSecret;
  /** Where the council's nightly extract lands, and what imports it. */
  readonly extracts: ExtractBucket;
  readonly alarmTopic: sns.Topic;
  /** Where failed scheduled and event-driven runs end up. */
  readonly deadLetterQueue: sqs.Queue;
  /** One function per handler module, keyed by the handler path in topology.ts. */
  readonly functions = new Map<string, KeptFunction>();

  constructor(scope: Construct, id: string, props: KeptStackProps) {
    super(scope, id, props);
    const { config } = props;

    // ---- Data ---------------------------------------------------------------
    this.table = new dynamodb.Table(this, 'Table', {
      partitionKey: { name: TABLE.partitionKey, type: dynamodb.AttributeType.STRING },
      sortKey: { name: TABLE.sortKey, type: dynamodb.AttributeType.STRING },
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      timeToLiveAttribute: TABLE.timeToLiveAttribute,
      // Starts the export jobs (EXPORT_JOB_HANDLER) when their items are inserted.
      stream: dynamodb.StreamViewType.NEW_IMAGE,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    for (const index of TABLE.indexes) {
      this.table.addGlobalSecondaryIndex({
        indexName: index.name,
        partitionKey: { name: index.partitionKey, type: dynamodb.AttributeType.STRING },
        sortKey: { name: index.sortKey, type: dynamodb.AttributeType.STRING },
        projectionType: dynamodb.ProjectionType.ALL,
      });
    }

    // ---- Alarm topic, and the key that SNS topics here are encrypted with ---
    const topicKey = new kms.Key(this, 'TopicKey', {
      description: `Kept ${config.councilId}: encrypts the alarm and mail-event SNS topics`,
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    // CloudWatch (alarm actions) and SES (event publishing) write to the
    // encrypted topics, so they need the key; only on behalf of this account.
    topicKey.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'AllowAlarmsAndSesToPublishToEncryptedTopics',
        principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com'), new iam.ServicePrincipal('ses.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        resources: ['*'],
        conditions: { StringEquals: { 'aws:SourceAccount': this.account } },
      }),
    );

    this.alarmTopic = new sns.Topic(this, 'AlarmTopic', {
      displayName: `Kept ${config.councilId} alarms`,
      masterKey: topicKey,
      enforceSSL: true,
    });
    if (config.alarmEmail) {
      this.alarmTopic.addSubscription(new snsSubscriptions.EmailSubscription(config.alarmEmail));
    }
    const alarmAction = new cwActions.SnsAction(this.alarmTopic);

    // ---- Sign-in and mail -----------------------------------------------------
    this.auth = new KeptAuth(this, 'Auth', { config });
    this.mail = new KeptMail(this, 'Mail', { config, topicKey });
    this.texts = new KeptTexts(this, 'Texts', { config, topicKey });
    this.surveySourceSecret = new SurveySourceSecret(this, 'SurveySourceSecret', { councilId: config.councilId });

    // ---- Runs that failed for good -------------------------------------------
    // Scheduled and event-driven functions are invoked asynchronously: what
    // EventBridge Scheduler cannot deliver, and what a function still fails
    // after Lambda's retries, lands here instead of vanishing. Alarmed below.
    this.deadLetterQueue = new sqs.Queue(this, 'FailedRunsQueue', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(this.deadLetterQueue).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason:
        'This queue is itself the dead-letter queue (Scheduler target DLQ and Lambda on-failure destination); a dead-letter queue for it would add nothing. Its depth is alarmed.',
    });

    // ---- Functions ------------------------------------------------------------
    // What the stack can tell a function; each function gets exactly the keys
    // topology.ts lists, and the build fails if one of them has no value here.
    const values = {
      TABLE_NAME: this.table.tableName,
      COUNCIL_ID: config.councilId,
      APP_URL: config.appUrl,
      MAIL_FROM: config.mailFrom,
      MAIL_REPLY_TO: config.mailReplyTo,
      MAIL_CONFIGURATION_SET: this.mail.configurationSet.configurationSetName,
      MAIL_RATE_PER_SECOND: String(config.mailRatePerSecond),
      SMS_ORIGINATION_IDENTITY: config.smsOriginationIdentity ?? '',
      SMS_CONFIGURATION_SET: this.texts.configurationSetName,
      SMS_RATE_PER_SECOND: String(config.smsRatePerSecond),
      SAFEGUARDING_EMAIL: config.safeguardingEmail,
      AUTH_ISSUER: this.auth.issuer,
      AUTH_AUDIENCE: this.auth.client.userPoolClientId,
      AUTH_JWKS_URL: this.auth.jwksUrl,
      AUTH_DOMAIN: this.auth.domain.baseUrl(),
    };
    const environment = onlyKeys(ENVIRONMENT_KEYS, values);

    const allUses = usesByHandler();
    const functionFor = (handler: string, kind: HandlerKind, only: Record<string, string> = environment): KeptFunction => {
      const existing = this.functions.get(handler);
      if (existing) return existing;
      const uses = allUses.get(handler)!;
      const kept = new KeptFunction(this, handlerId(handler), {
        projectRoot: props.projectRoot,
        handler,
        environment: only,
        timeout: TIMEOUTS[kind],
        memorySize: MEMORY[kind],
        logRetention: config.logRetention,
        web: uses.web === true,
      });
      this.grantUses(kept, uses);
      if (kind !== 'route') {
        // Asynchronous invocations: retry twice while the run is still timely,
        // then keep the event where someone will see it.
        kept.fn.configureAsyncInvoke({
          retryAttempts: 2,
          maxEventAge: Duration.hours(2),
          onFailure: new lambdaDestinations.SqsDestination(this.deadLetterQueue),
        });
      }
      this.functions.set(handler, kept);
      new cloudwatch.Alarm(this, `${handlerId(handler)}Errors`, {
        alarmDescription: `Kept ${handler} threw or timed out`,
        metric: kept.fn.metricErrors({ period: Duration.minutes(5), statistic: cloudwatch.Stats.SUM }),
        threshold: 1,
        evaluationPeriods: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      }).addAlarmAction(alarmAction);
      return kept;
    };

    // ---- HTTP API -------------------------------------------------------------
    this.api = new apigwv2.HttpApi(this, 'Api', {
      apiName: `kept-${config.councilId}`,
      description: `Kept for ${config.councilId}`,
      createDefaultStage: false,
      corsPreflight: {
        allowOrigins: [config.appUrl],
        allowMethods: [
          apigwv2.CorsHttpMethod.GET,
          apigwv2.CorsHttpMethod.POST,
          apigwv2.CorsHttpMethod.PUT,
          apigwv2.CorsHttpMethod.DELETE,
          apigwv2.CorsHttpMethod.OPTIONS,
        ],
        allowHeaders: ['authorization', 'content-type'],
        allowCredentials: true,
        maxAge: Duration.hours(1),
      },
    });

    const accessLogs = new logs.LogGroup(this, 'ApiAccessLogs', { retention: config.logRetention });
    this.apiStage = this.api.addStage('DefaultStage', {
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: config.apiRateLimit, burstLimit: config.apiBurstLimit },
      accessLogSettings: {
        destination: new apigwv2.LogGroupLogDestination(accessLogs),
        // The route key, never the raw path: /calendar/{token} carries a secret.
        // No source IP or user: no personal data in logs.
        format: apigw.AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            requestTime: '$context.requestTime',
            routeKey: '$context.routeKey',
            status: '$context.status',
            protocol: '$context.protocol',
            responseLength: '$context.responseLength',
            responseLatency: '$context.responseLatency',
            integrationLatency: '$context.integrationLatency',
            integrationStatus: '$context.integrationStatus',
            integrationError: '$context.integrationErrorMessage',
            authorizerError: '$context.authorizer.error',
            error: '$context.error.message',
          }),
        ),
      },
    });

    const jwtAuthorizer = new HttpJwtAuthorizer('CognitoJwt', this.auth.issuer, {
      authorizerName: 'cognito-jwt',
      jwtAudience: [this.auth.client.userPoolClientId],
      identitySource: ['$request.header.Authorization'],
    });

    for (const route of ROUTES) {
      const kept = functionFor(route.handler, 'route');
      const [httpRoute] = this.api.addRoutes({
        path: route.path,
        methods: [apigwv2.HttpMethod[route.method]],
        integration: new HttpLambdaIntegration(`${handlerId(route.handler)}Integration`, kept.fn),
        ...(route.auth ? { authorizer: jwtAuthorizer } : {}),
      });
      if (!route.auth && httpRoute) {
        const routeKey = `${route.method} ${route.path}`;
        const why = PUBLIC_ROUTE_REASONS[routeKey];
        if (!why) {
          throw new Error(
            `Kept: ${routeKey} has auth: false in infra/topology.ts but no reason in PUBLIC_ROUTE_REASONS (infra/cdk/publicRoutes.ts). Say there why it may be called without a bearer token, or set auth: true.`,
          );
        }
        Validations.of(httpRoute).acknowledge({
          id: 'AwsSolutions-APIG4',
          reason: `${routeKey} is public by design (topology.ts auth: false): ${why}; the stage throttles it like every route.`,
        });
      }
    }

    new cloudwatch.Alarm(this, 'ApiServerErrors', {
      alarmDescription: 'Kept API answered with 5xx',
      metric: this.api.metricServerError({ period: Duration.minutes(5), statistic: cloudwatch.Stats.SUM }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    }).addAlarmAction(alarmAction);

    // ---- Schedules -------------------------------------------------------------
    // One role for EventBridge Scheduler to invoke the scheduled functions and
    // dead-letter what still fails; only schedules in this account may use it.
    const schedulerRole = new iam.Role(this, 'SchedulerRole', {
      assumedBy: new iam.ServicePrincipal('scheduler.amazonaws.com', {
        conditions: { StringEquals: { 'aws:SourceAccount': this.account } },
      }),
      description: 'Kept: EventBridge Scheduler invokes the scheduled functions',
    });

    for (const declared of SCHEDULES) {
      const kept = functionFor(declared.handler, 'schedule');
      Validations.of(schedulerRole).acknowledge({
        id: `AwsSolutions-IAM5[Resource::<${this.getLogicalId(kept.fn.node.defaultChild as lambda.CfnFunction)}.Arn>:*]`,
        reason: `Granted by LambdaInvoke (Function.grantInvoke): the ${declared.handler} function and its versions/aliases (:*), that one function only.`,
      });
      new scheduler.Schedule(this, `Schedule${handlerId(declared.name)}`, {
        description: `Kept ${declared.name}: ${declared.cron} ${declared.timezone}`,
        schedule: scheduler.ScheduleExpression.expression(declared.cron, TimeZone.of(declared.timezone)),
        target: new schedulerTargets.LambdaInvoke(kept.fn, {
          // The event infra/local's clock sends: the handler works out "today" in London.
          input: scheduler.ScheduleTargetInput.fromObject({}),
          retryAttempts: 3,
          maxEventAge: Duration.hours(2),
          deadLetterQueue: this.deadLetterQueue,
          role: schedulerRole,
        }),
      });
    }

    new cloudwatch.Alarm(this, 'FailedRuns', {
      alarmDescription: 'A scheduled or event-driven run of Kept failed after its retries (see the failed-runs queue)',
      metric: this.deadLetterQueue.metricApproximateNumberOfMessagesVisible({
        period: Duration.minutes(5),
        statistic: cloudwatch.Stats.MAXIMUM,
      }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    }).addAlarmAction(alarmAction);

    // ---- Sign-in through the council's identity provider ---------------------------
    // Cognito asks Kept's staff list who each person is before it issues a token.
    // The trigger is not told the user pool's ids (the pool names the trigger: a cycle), and needs none.
    if (config.signIn.kind !== 'passwords') {
      const { AUTH_ISSUER: _i, AUTH_AUDIENCE: _a, AUTH_JWKS_URL: _j, AUTH_DOMAIN: _d, ...withoutPool } = environment;
      useSignInCheck(this.auth, functionFor(SIGN_IN_CHECK_HANDLER.handler, 'route', withoutPool).fn);
    }

    // ---- Bounces and complaints -------------------------------------------------
    const emailEvents = functionFor(EMAIL_EVENTS_HANDLER.handler, 'events');
    this.mail.eventsTopic.addSubscription(new snsSubscriptions.LambdaSubscription(emailEvents.fn));
    this.texts.eventsTopic.addSubscription(new snsSubscriptions.LambdaSubscription(functionFor(TEXT_EVENTS_HANDLER.handler, 'events').fn));

    // SES suspends sending for an account whose bounce or complaint rate stays
    // high; say so long before (review thresholds: 5% bounces, 0.1% complaints).
    const reputation = (name: string, metricName: string, threshold: number, description: string) =>
      new cloudwatch.Alarm(this, name, {
        alarmDescription: description,
        metric: new cloudwatch.Metric({
          namespace: 'AWS/SES',
          metricName,
          period: Duration.hours(1),
          statistic: cloudwatch.Stats.MAXIMUM,
        }),
        threshold,
        evaluationPeriods: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      }).addAlarmAction(alarmAction);
    reputation('MailBounceRate', 'Reputation.BounceRate', 0.04, 'SES bounce rate is near the 5% review threshold');
    reputation('MailComplaintRate', 'Reputation.ComplaintRate', 0.0008, 'SES complaint rate is near the 0.1% review threshold');

    // ---- The nightly extract import ------------------------------------------------
    this.extracts = new ExtractBucket(this, 'Extracts', {
      councilId: config.councilId,
      importer: functionFor(EXTRACT_IMPORT_HANDLER.handler, 'import'),
      deadLetterQueue: this.deadLetterQueue,
    });

    // ---- Export jobs ----------------------------------------------------------------
    // The table's stream hands the export job function each new job item and
    // nothing else (the filter); a run that still fails after its retry is
    // sent to the failed-runs queue. The job marks itself failed first, so
    // the person who asked sees that it failed.
    const exportJob = functionFor(EXPORT_JOB_HANDLER.handler, 'job');
    exportJob.fn.addEventSource(
      new lambdaEventSources.DynamoEventSource(this.table, {
        startingPosition: StartingPosition.LATEST,
        batchSize: 1,
        retryAttempts: 1,
        bisectBatchOnError: false,
        onFailure: new lambdaEventSources.SqsDlq(this.deadLetterQueue),
        filters: [
          // FilterRule.isEqual(x) is [x]; written out, as FilterRule's helpers are typed `any`.
          FilterCriteria.filter({ eventName: ['INSERT'], dynamodb: { NewImage: { itemType: { S: [EXPORT_JOB_HANDLER.streamItemType] } } } }),
        ],
      }),
    );
    Validations.of(exportJob.role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'Granted by DynamoEventSource: dynamodb:ListStreams, which has no resource-level permissions in IAM; reading the stream itself (DescribeStream, GetRecords, GetShardIterator) is granted on this table\'s stream ARN only.',
    });

    // ---- Outputs ------------------------------------------------------------------
    new CfnOutput(this, 'ApiUrl', { value: this.apiStage.url, description: 'Base URL of the Kept HTTP API' });
    new CfnOutput(this, 'UserPoolId', { value: this.auth.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: this.auth.client.userPoolClientId });
    new CfnOutput(this, 'SignInUrl', {
      value: this.auth.domain.baseUrl(),
      description: 'Cognito hosted sign-in (OAuth 2 authorization code + PKCE)',
    });
    new CfnOutput(this, 'TableName', { value: this.table.tableName });
    new CfnOutput(this, 'MailConfigurationSet', { value: this.mail.configurationSet.configurationSetName });
    new CfnOutput(this, 'AlarmTopicArn', { value: this.alarmTopic.topicArn });
    new CfnOutput(this, 'ExtractBucketName', { value: this.extracts.bucket.bucketName, description: 'Upload the nightly extract here (README, Bulk import)' });
  }

  /** Least privilege from topology.ts: read or read/write on the table, SES send only when it mails, the secret only where read. */
  private grantUses(kept: KeptFunction, uses: Uses): void {
    if (uses.table === 'read') this.table.grantReadData(kept.role);
    if (uses.table === 'write') this.table.grantReadWriteData(kept.role);
    if (uses.table) {
      Validations.of(kept.role).acknowledge({
        id: `AwsSolutions-IAM5[Resource::<${this.getLogicalId(this.table.node.defaultChild as dynamodb.CfnTable)}.Arn>/index/*]`,
        reason:
          'Granted by Table.grantReadData/grantReadWriteData: the table ARN plus its indexes (/index/*) so the handler can query byDueDate and byHolder; limited to this one table.',
      });
    }
    if (uses.email) this.mail.grantSend(kept.role);
    if (uses.text) this.texts.grantSend(kept.role);
    if (uses.surveySourceSecret) this.surveySourceSecret.grantTo(kept);
  }
}
