/**
 * The stack's table, functions, secret, alarms and outputs, in the app
 * synthesized once for tests/infra/stack (synth.ts), asserted against
 * infra/topology.ts: what the local stack runs is what AWS gets.
 */
import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { SURVEY_SOURCE_SECRET } from '#platform/secrets.js';
import { ENVIRONMENT_KEYS, EXPORT_JOB_HANDLER, TABLE } from '#infra/topology.js';
import { context, HANDLERS, type Json, NEWEST_NODE, WEB_HANDLERS, WEB_KEYS } from './app.js';
import { actionsOf, functionIdOf, ofType, onlyId, resources, statementsOf, template } from './template.js';

describe('the table', () => {
  it('is the topology table: pk/sk, on demand, TTL, point-in-time recovery, retained', () => {
    template.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: Match.objectLike({
        KeySchema: [
          { AttributeName: TABLE.partitionKey, KeyType: 'HASH' },
          { AttributeName: TABLE.sortKey, KeyType: 'RANGE' },
        ],
        BillingMode: 'PAY_PER_REQUEST',
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        TimeToLiveSpecification: { AttributeName: TABLE.timeToLiveAttribute, Enabled: true },
        DeletionProtectionEnabled: true,
      }),
    });
    template.resourceCountIs('AWS::DynamoDB::Table', 1);
  });

  it('has every index in the topology, string keys, all attributes projected', () => {
    const [, table] = ofType('AWS::DynamoDB::Table')[0]!;
    const indexes = table.Properties.GlobalSecondaryIndexes as Json[];
    expect(indexes.map((i) => i.IndexName).sort()).toEqual(TABLE.indexes.map((i) => i.name).sort());
    for (const declared of TABLE.indexes) {
      expect(indexes.find((i) => i.IndexName === declared.name)).toEqual({
        IndexName: declared.name,
        KeySchema: [
          { AttributeName: declared.partitionKey, KeyType: 'HASH' },
          { AttributeName: declared.sortKey, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      });
    }
    const types = Object.fromEntries((table.Properties.AttributeDefinitions as Json[]).map((a) => [a.AttributeName, a.AttributeType]));
    for (const key of [TABLE.partitionKey, TABLE.sortKey, ...TABLE.indexes.flatMap((i) => [i.partitionKey, i.sortKey])]) {
      expect(types[key], key).toBe('S');
    }
  });
});

describe('the functions', () => {
  it('are one per handler in the topology and nothing else (no helper functions CDK slipped in)', () => {
    expect(ofType('AWS::Lambda::Function')).toHaveLength(HANDLERS.length);
    for (const { handler } of HANDLERS) functionIdOf(handler);
  });

  it(`run on arm64 and the newest Node runtime (${NEWEST_NODE}), with every environment key`, () => {
    expect(NEWEST_NODE).toBeDefined();
    const webIds = WEB_HANDLERS.map(functionIdOf);
    for (const [id, fn] of ofType('AWS::Lambda::Function')) {
      expect(fn.Properties.Architectures, id).toEqual(['arm64']);
      expect(fn.Properties.Runtime, id).toBe(NEWEST_NODE);
      const variables = fn.Properties.Environment.Variables as Json;
      const secretIds = HANDLERS.filter((h) => h.uses.surveySourceSecret).map((h) => functionIdOf(h.handler));
      const expected = [...ENVIRONMENT_KEYS, 'NODE_OPTIONS', ...(webIds.includes(id) ? WEB_KEYS : []), ...(secretIds.includes(id) ? [SURVEY_SOURCE_SECRET] : [])];
      expect(Object.keys(variables).sort(), id).toEqual(expected.sort());
      expect(variables.NODE_OPTIONS).toBe('--enable-source-maps');
      expect(variables.COUNCIL_ID).toBe(context.councilId);
      expect(variables.SAFEGUARDING_EMAIL, id).toBe(context.safeguardingEmail);
      expect(fn.Properties.LoggingConfig.LogGroup, `${id} logs to its own group`).toEqual({ Ref: expect.any(String) });
    }
  });

  it('log to groups that expire', () => {
    for (const [id, group] of ofType('AWS::Logs::LogGroup')) {
      expect(group.Properties.RetentionInDays, id).toBe(context.logRetentionDays);
    }
  });

  it('may read or write the table exactly as their `uses` says, and nothing else in DynamoDB', () => {
    const writes = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'];
    for (const { handler, uses } of HANDLERS) {
      const statements = statementsOf(functionIdOf(handler));
      const actions = actionsOf(statements);
      expect(actions.includes('dynamodb:Query'), `${handler} reads`).toBe(uses.table !== undefined);
      expect(actions.some((a) => writes.includes(a)), `${handler} writes`).toBe(uses.table === 'write');
      for (const statement of statements.filter((s) => actionsOf([s]).some((a) => a.startsWith('dynamodb:')))) {
        // ListStreams has no resource-level permissions; the export job's stream source needs it, and nothing else may be on "*".
        if (actionsOf([statement]).join() === 'dynamodb:ListStreams' && handler === EXPORT_JOB_HANDLER.handler) continue;
        expect(JSON.stringify(statement.Resource), handler).not.toBe('"*"');
      }
    }
  });

  it("start the export job from the table's stream, on inserted export jobs only", () => {
    expect(resources[onlyId('AWS::DynamoDB::Table')]!.Properties.StreamSpecification).toEqual({ StreamViewType: 'NEW_IMAGE' });
    const mappings = ofType('AWS::Lambda::EventSourceMapping').map(([, m]) => m.Properties as Json);
    expect(mappings).toHaveLength(1);
    expect(mappings[0]).toMatchObject({ FunctionName: { Ref: functionIdOf(EXPORT_JOB_HANDLER.handler) }, BatchSize: 1, MaximumRetryAttempts: 1, StartingPosition: 'LATEST' });
    expect(JSON.parse(mappings[0]!.FilterCriteria.Filters[0].Pattern)).toEqual({
      eventName: ['INSERT'],
      dynamodb: { NewImage: { itemType: { S: [EXPORT_JOB_HANDLER.streamItemType] } } },
    });
  });

  it('may send mail only when they mail, only as the configured identity through the configuration set', () => {
    for (const { handler, uses } of HANDLERS) {
      const statements = statementsOf(functionIdOf(handler));
      expect(actionsOf(statements).includes('ses:SendEmail'), `${handler} mails`).toBe(uses.email === true);
    }
    const sesStatements = ofType('AWS::IAM::Policy')
      .flatMap(([, p]) => p.Properties.PolicyDocument.Statement as Json[])
      .filter((s) => actionsOf([s]).some((a) => a.startsWith('ses:')));
    expect(sesStatements.length).toBeGreaterThan(0);
    for (const statement of sesStatements) {
      expect(actionsOf([statement]).sort()).toEqual(['ses:SendEmail', 'ses:SendRawEmail']);
      const targets = [statement.Resource].flat().map((r) => JSON.stringify(r));
      expect(targets).not.toContain('"*"');
      for (const target of targets) expect(target).toMatch(/:identity\/|:configuration-set\//);
      expect(targets.some((t) => t.includes(':configuration-set/'))).toBe(true);
      const sender = /<([^<>]+)>\s*$/.exec(context.mailFrom as string)?.[1] ?? (context.mailFrom as string);
      expect(targets.some((t) => t.includes(`:identity/${sender}"`)), sender).toBe(true);
    }
  });
});

describe('the secret that keys the wrong-link counter', () => {
  it('is generated by Secrets Manager, and only the functions that use it may read it, by its ARN', () => {
    const secretId = onlyId('AWS::SecretsManager::Secret');
    expect(resources[secretId]!.Properties.GenerateSecretString).toMatchObject({ PasswordLength: 48, ExcludePunctuation: true });
    const readers = HANDLERS.filter((h) => h.uses.surveySourceSecret).map((h) => h.handler);
    expect(readers).toEqual(['web/survey']);
    for (const { handler, uses } of HANDLERS) {
      const id = functionIdOf(handler);
      const statements = statementsOf(id).filter((st) => actionsOf([st]).some((a) => a.startsWith('secretsmanager:')));
      const variable = (resources[id]!.Properties.Environment.Variables as Json)[SURVEY_SOURCE_SECRET];
      if (!uses.surveySourceSecret) {
        expect(statements, handler).toEqual([]);
        expect(variable, handler).toBeUndefined();
        continue;
      }
      expect(variable).toEqual({ Ref: secretId });
      expect(statements).toHaveLength(1);
      expect(actionsOf(statements).sort()).toEqual(['secretsmanager:DescribeSecret', 'secretsmanager:GetSecretValue']);
      expect(statements[0]!.Resource).toEqual({ Ref: secretId });
    }
  });
});

describe('alarms', () => {
  const alarms = () => ofType('AWS::CloudWatch::Alarm').map(([, a]) => a.Properties as Json);
  const alarmTopicRef = () => ({ Ref: ofType('AWS::SNS::Topic').find(([id]) => id.startsWith('AlarmTopic'))![0] });

  it('go off on the first error of any function', () => {
    for (const { handler } of HANDLERS) {
      const fnId = functionIdOf(handler);
      const alarm = alarms().find(
        (a) => a.MetricName === 'Errors' && a.Dimensions?.some((d: Json) => d.Value?.Ref === fnId),
      );
      expect(alarm, handler).toMatchObject({
        Namespace: 'AWS/Lambda',
        Threshold: 1,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
        AlarmActions: [alarmTopicRef()],
      });
    }
  });

  it('go off when a scheduled run lands in the dead-letter queue, and on API 5xx', () => {
    expect(alarms()).toContainEqual(
      expect.objectContaining({
        Namespace: 'AWS/SQS',
        MetricName: 'ApproximateNumberOfMessagesVisible',
        Threshold: 1,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
        AlarmActions: [alarmTopicRef()],
      }),
    );
    expect(alarms()).toContainEqual(
      expect.objectContaining({ Namespace: 'AWS/ApiGateway', MetricName: '5xx', AlarmActions: [alarmTopicRef()] }),
    );
  });
});

it('outputs what a council needs after deploying', () => {
  for (const output of ['ApiUrl', 'UserPoolId', 'UserPoolClientId', 'TableName']) {
    template.hasOutput(output, {});
  }
});
