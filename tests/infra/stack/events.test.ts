/**
 * What the stack runs on a schedule or an event (the schedules, the nightly
 * extract import, mail and text events), in the app synthesized once for
 * tests/infra/stack (synth.ts), asserted against infra/topology.ts.
 */
import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { EMAIL_EVENTS_HANDLER, EXTRACT_IMPORT_HANDLER, SCHEDULES, TEXT_EVENTS_HANDLER } from '#infra/topology.js';
import { HANDLERS, type Json, SMS_IDENTITY } from './app.js';
import { actionsOf, functionIdOf, ofType, onlyId, resources, statementsOf, template } from './template.js';

describe('the schedules', () => {
  it('include the daily survey dispatch: its topology cron and time zone, retried, dead-lettered', () => {
    const declared = SCHEDULES.find((s) => s.name === 'survey-dispatch');
    expect(declared).toBeDefined();
    const schedule = ofType('AWS::Scheduler::Schedule')
      .map(([, s]) => s.Properties as Json)
      .find((s) => s.Target.Arn['Fn::GetAtt'][0] === functionIdOf(declared!.handler));
    expect(schedule).toMatchObject({
      ScheduleExpression: declared!.cron,
      ScheduleExpressionTimezone: declared!.timezone,
      State: 'ENABLED',
      Target: {
        RetryPolicy: { MaximumRetryAttempts: expect.any(Number), MaximumEventAgeInSeconds: expect.any(Number) },
        DeadLetterConfig: { Arn: { 'Fn::GetAtt': [onlyId('AWS::SQS::Queue'), 'Arn'] } },
      },
    });
    expect(schedule!.Target.RetryPolicy.MaximumRetryAttempts).toBeGreaterThanOrEqual(1);
  });

  it('include the safeguarding redrive every 5 minutes in London, which may send email and never texts', () => {
    const declared = SCHEDULES.find((s) => s.name === 'safeguarding-redrive')!;
    expect(declared).toMatchObject({ cron: 'cron(0/5 * * * ? *)', timezone: 'Europe/London' });
    const fnId = functionIdOf(declared.handler);
    const schedule = ofType('AWS::Scheduler::Schedule')
      .map(([, s]) => s.Properties as Json)
      .find((s) => s.Target.Arn['Fn::GetAtt'][0] === fnId);
    expect(schedule).toMatchObject({ ScheduleExpression: 'cron(0/5 * * * ? *)', ScheduleExpressionTimezone: 'Europe/London', State: 'ENABLED' });
    const actions = actionsOf(statementsOf(fnId));
    expect(actions).toContain('ses:SendEmail');
    expect(actions.some((a) => a.startsWith('sms-voice:'))).toBe(false);
  });

  it('fire the topology cron in its time zone, retry, and dead-letter to an encrypted SSL-only queue', () => {
    const schedules = ofType('AWS::Scheduler::Schedule').map(([, s]) => s.Properties as Json);
    expect(schedules).toHaveLength(SCHEDULES.length);
    for (const declared of SCHEDULES) {
      const schedule = schedules.find((s) => s.Target.Arn['Fn::GetAtt'][0] === functionIdOf(declared.handler));
      expect(schedule, declared.name).toBeDefined();
      expect(schedule!.ScheduleExpression).toBe(declared.cron);
      expect(schedule!.ScheduleExpressionTimezone).toBe(declared.timezone);
      expect(schedule!.Target.RetryPolicy.MaximumRetryAttempts).toBeGreaterThanOrEqual(1);
      expect(schedule!.Target.RetryPolicy.MaximumEventAgeInSeconds).toBeGreaterThan(0);
      const queueId = schedule!.Target.DeadLetterConfig.Arn['Fn::GetAtt'][0] as string;
      const queue = resources[queueId]!;
      expect(queue.Type).toBe('AWS::SQS::Queue');
      expect(queue.Properties.SqsManagedSseEnabled === true || queue.Properties.KmsMasterKeyId !== undefined).toBe(true);
      const queuePolicies = ofType('AWS::SQS::QueuePolicy').filter(([, p]) =>
        (p.Properties.Queues as Json[]).some((q) => q.Ref === queueId),
      );
      const statements = queuePolicies.flatMap(([, p]) => p.Properties.PolicyDocument.Statement as Json[]);
      expect(statements).toContainEqual(
        expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
      );
    }
  });

  it('keep a run that still fails after Lambda retries it in the same dead-letter queue (scheduled and email events)', () => {
    const [schedule] = ofType('AWS::Scheduler::Schedule').map(([, s]) => s.Properties as Json);
    const queueArn = schedule!.Target.DeadLetterConfig.Arn as Json;
    for (const handler of [...SCHEDULES.map((s) => s.handler), EMAIL_EVENTS_HANDLER.handler, TEXT_EVENTS_HANDLER.handler]) {
      template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
        FunctionName: { Ref: functionIdOf(handler) },
        MaximumRetryAttempts: 2,
        DestinationConfig: { OnFailure: { Destination: queueArn } },
      });
    }
  });
});

describe('the nightly extract import', () => {
  const buckets = () => ofType('AWS::S3::Bucket');
  const extractBucketId = () => buckets().find(([id]) => id.startsWith('ExtractsBucket'))![0];

  it('lands in a versioned, encrypted, private, SSL-only bucket whose objects and old versions expire, with access logs', () => {
    expect(buckets()).toHaveLength(2);
    for (const [id, bucket] of buckets()) {
      expect(bucket.Properties.BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault.SSEAlgorithm, id).toBe('AES256');
      expect(bucket.Properties.PublicAccessBlockConfiguration, id).toEqual({ BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true });
      expect(bucket.DeletionPolicy, id).toBe('Retain');
      const policy = ofType('AWS::S3::BucketPolicy').find(([, p]) => p.Properties.Bucket.Ref === id);
      expect(JSON.stringify(policy?.[1].Properties.PolicyDocument), `${id} refuses plain HTTP`).toContain('"aws:SecureTransport":"false"');
    }
    const extracts = resources[extractBucketId()]!.Properties;
    expect(extracts.VersioningConfiguration).toEqual({ Status: 'Enabled' });
    expect(extracts.LifecycleConfiguration.Rules).toEqual([
      expect.objectContaining({ Status: 'Enabled', ExpirationInDays: 35, NoncurrentVersionExpiration: { NoncurrentDays: 7 }, AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 } }),
    ]);
    expect(extracts.LoggingConfiguration.DestinationBucketName.Ref).toMatch(/^ExtractsAccessLogs/);
    expect(extracts.NotificationConfiguration).toEqual({ EventBridgeConfiguration: { EventBridgeEnabled: true } });
    template.hasOutput('ExtractBucketName', { Value: { Ref: extractBucketId() } });
  });

  it('starts the import function on a _complete marker only, retried and dead-lettered', () => {
    const [[, rule]] = ofType('AWS::Events::Rule') as [[string, Json]];
    expect(rule.Properties.EventPattern).toEqual({
      source: ['aws.s3'],
      'detail-type': ['Object Created'],
      detail: { bucket: { name: [{ Ref: extractBucketId() }] }, object: { key: [{ wildcard: 'ssd/*/_complete' }, { wildcard: 'ssda903/*/_complete' }] } },
    });
    const fnId = functionIdOf(EXTRACT_IMPORT_HANDLER.handler);
    expect(rule.Properties.Targets).toEqual([
      expect.objectContaining({ Arn: { 'Fn::GetAtt': [fnId, 'Arn'] }, RetryPolicy: { MaximumRetryAttempts: 3, MaximumEventAgeInSeconds: 7200 }, DeadLetterConfig: { Arn: { 'Fn::GetAtt': [onlyId('AWS::SQS::Queue'), 'Arn'] } } }),
    ]);
    const fn = resources[fnId]!.Properties;
    expect(fn.Timeout).toBe(900);
    expect(fn.MemorySize).toBe(2048);
  });

  it('may list the extract folders, read them and write only their reports; no other function touches the bucket', () => {
    const bucketArn = { 'Fn::GetAtt': [extractBucketId(), 'Arn'] };
    const objects = (suffix: string) => ({ 'Fn::Join': ['', [bucketArn, suffix]] });
    const s3Statements = (handler: string) => statementsOf(functionIdOf(handler)).filter((st) => actionsOf([st]).some((a) => a.startsWith('s3:')));
    expect(s3Statements(EXTRACT_IMPORT_HANDLER.handler)).toEqual([
      expect.objectContaining({ Action: 's3:ListBucket', Resource: bucketArn, Condition: { StringLike: { 's3:prefix': ['ssd/*', 'ssda903/*'] } } }),
      expect.objectContaining({ Action: 's3:GetObject', Resource: [objects('/ssd/*'), objects('/ssda903/*')] }),
      expect.objectContaining({ Action: 's3:PutObject', Resource: [objects('/ssd/*/_report.json'), objects('/ssda903/*/_report.json')] }),
    ]);
    for (const { handler } of HANDLERS.filter((h) => h.handler !== EXTRACT_IMPORT_HANDLER.handler)) expect(s3Statements(handler), handler).toEqual([]);
  });
});

describe('mail', () => {
  it('publishes sends, bounces and complaints to an encrypted topic the email-events function is subscribed to', () => {
    const [, destination] = ofType('AWS::SES::ConfigurationSetEventDestination')[0]!;
    const events = destination.Properties.EventDestination.MatchingEventTypes as string[];
    expect(events.map((e) => e.toLowerCase()).sort()).toEqual(['bounce', 'complaint', 'send']);
    const topicId = destination.Properties.EventDestination.SnsDestination.TopicARN.Ref as string;
    expect(resources[topicId]!.Properties.KmsMasterKeyId).toBeDefined();
    template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'lambda',
      TopicArn: { Ref: topicId },
      Endpoint: { 'Fn::GetAtt': [functionIdOf(EMAIL_EVENTS_HANDLER.handler), 'Arn'] },
    });
  });

  it('gives the functions the configuration set every message is sent through', () => {
    const setId = onlyId('AWS::SES::ConfigurationSet');
    for (const [, fn] of ofType('AWS::Lambda::Function')) {
      expect(fn.Properties.Environment.Variables.MAIL_CONFIGURATION_SET).toEqual({ Ref: setId });
    }
  });
});

describe('texts', () => {
  it('may be sent only by functions that text, only from the configured identity through the configuration set', () => {
    for (const { handler, uses } of HANDLERS) {
      const statements = statementsOf(functionIdOf(handler));
      expect(actionsOf(statements).some((a) => a.startsWith('sms-voice:')), `${handler} texts`).toBe(uses.text === true);
    }
    const smsStatements = ofType('AWS::IAM::Policy')
      .flatMap(([, p]) => p.Properties.PolicyDocument.Statement as Json[])
      .filter((s) => actionsOf([s]).some((a) => a.startsWith('sms-voice:')));
    expect(smsStatements.length).toBeGreaterThan(0);
    for (const statement of smsStatements) {
      expect(actionsOf([statement])).toEqual(['sms-voice:SendTextMessage']);
      const targets = [statement.Resource].flat();
      expect(targets).toHaveLength(2);
      expect(targets).toContain(SMS_IDENTITY);
      expect(JSON.stringify(targets.find((t) => t !== SMS_IDENTITY))).toMatch(/:configuration-set\/kept-demo-texts/);
    }
  });

  it('publish the events that say a text was accepted, and permanent delivery failures, to an encrypted topic the text-events function is subscribed to', () => {
    const [, set] = ofType('AWS::SMSVOICE::ConfigurationSet')[0]!;
    const [destination, ...more] = set.Properties.EventDestinations as Json[];
    expect(more).toHaveLength(0);
    expect([...destination!.MatchingEventTypes].sort()).toEqual(['TEXT_BLOCKED', 'TEXT_DELIVERED', 'TEXT_INVALID', 'TEXT_QUEUED', 'TEXT_SUCCESSFUL', 'TEXT_UNREACHABLE']);
    const topicId = destination!.SnsDestination.TopicArn.Ref as string;
    expect(resources[topicId]!.Properties.KmsMasterKeyId).toBeDefined();
    template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'lambda',
      TopicArn: { Ref: topicId },
      Endpoint: { 'Fn::GetAtt': [functionIdOf(TEXT_EVENTS_HANDLER.handler), 'Arn'] },
    });
    template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Action: 'sns:Publish', Principal: { Service: 'sms-voice.amazonaws.com' } })]) },
    });
  });

  it('tell every function the identity, configuration set and rate', () => {
    for (const [, fn] of ofType('AWS::Lambda::Function')) {
      expect(fn.Properties.Environment.Variables).toMatchObject({ SMS_ORIGINATION_IDENTITY: SMS_IDENTITY, SMS_CONFIGURATION_SET: 'kept-demo-texts', SMS_RATE_PER_SECOND: '1' });
    }
  });
});
