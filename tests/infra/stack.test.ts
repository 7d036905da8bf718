/**
 * The CDK stack, synthesized once with the same context `cdk synth` uses
 * (cdk.json) and the same cdk-nag AWS Solutions checks, asserted against
 * infra/topology.ts: what the local stack runs is what AWS gets.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { App, Duration, Stack, Validations } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKeptApp, PROJECT_ROOT } from '#cdk/keptApp.js';
import { SURVEY_SOURCE_SECRET } from '#platform/secrets.js';
import { KeptFunction } from '#cdk/constructs/keptFunction.js';
import { LAMBDA_TASK_ROOT, WEB_DIRECTORIES } from '#cdk/constructs/webFiles.js';
import { handlerId, type KeptStack } from '#cdk/keptStack.js';
import { PUBLIC_ROUTE_REASONS } from '#cdk/publicRoutes.js';
import {
  EMAIL_EVENTS_HANDLER,
  ENVIRONMENT_KEYS,
  EXTRACT_IMPORT_HANDLER,
  TEXT_EVENTS_HANDLER,
  UNREACHABLE_TEXT_EVENTS,
  ROLES,
  ROUTES,
  type RouteDeclaration,
  SCHEDULES,
  TABLE,
} from '#infra/topology.js';

type Json = Record<string, any>;

const cdkJson = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'cdk.json'), 'utf8')) as { context: Json };
/** The context `cdk synth` runs with, and the app mode that makes synth throw on validation failures. */
const SMS_IDENTITY = 'arn:aws:sms-voice:eu-west-2:123456789012:sender-id/KeptDemo/GB';
const context: Json = { ...cdkJson.context, smsOriginationIdentity: SMS_IDENTITY, '@aws-cdk/core:appMode': 'inmemory' };

type Uses = RouteDeclaration['uses'];
/** One entry per handler module; a handler named by several routes needs what any of them says it uses. */
const HANDLERS: { handler: string; uses: Uses }[] = [];
for (const { handler, uses } of [...ROUTES, ...SCHEDULES, EMAIL_EVENTS_HANDLER, TEXT_EVENTS_HANDLER, EXTRACT_IMPORT_HANDLER] as { handler: string; uses: Uses }[]) {
  const seen = HANDLERS.find((h) => h.handler === handler);
  if (!seen) HANDLERS.push({ handler, uses: { ...uses } });
  else {
    if (uses.table === 'write' || !seen.uses.table) seen.uses.table = uses.table ?? seen.uses.table;
    seen.uses.email ||= uses.email;
    seen.uses.text ||= uses.text;
    seen.uses.web ||= uses.web;
    seen.uses.surveySourceSecret ||= uses.surveySourceSecret;
    seen.uses.extracts ||= uses.extracts;
  }
}
const WEB_HANDLERS = HANDLERS.filter((h) => h.uses.web).map((h) => h.handler);
const WEB_KEYS = Object.keys(WEB_DIRECTORIES);

/** The newest nodejsNN.x runtime this aws-cdk-lib knows, computed rather than restated. */
const NEWEST_NODE = Object.values(lambda.Runtime)
  .filter((r): r is lambda.Runtime => r instanceof lambda.Runtime && /^nodejs\d+\.x$/.test(r.name))
  .map((r) => r.name)
  .sort((a, b) => Number(/\d+/.exec(b)![0]) - Number(/\d+/.exec(a)![0]))[0];

const outdirs: string[] = [];
function outdir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'kept-cdk-'));
  outdirs.push(dir);
  return dir;
}

let stack: KeptStack;
let template: Template;
let resources: Record<string, Json>;
let assemblyDir: string;

beforeAll(() => {
  const built = createKeptApp({ context, outdir: outdir() });
  stack = built.stack;
  // Bundles every handler with esbuild and runs cdk-nag; throws on an unacknowledged finding.
  assemblyDir = built.app.synth().directory;
  template = Template.fromStack(stack);
  resources = template.toJSON().Resources as Record<string, Json>;
}, 240_000);

afterAll(() => {
  for (const dir of outdirs) rmSync(dir, { recursive: true, force: true });
});

const ofType = (type: string) => Object.entries(resources).filter(([, r]) => r.Type === type);
/** The logical id of the one resource of a type. */
const onlyId = (type: string): string => {
  const ids = ofType(type).map(([id]) => id);
  expect(ids, type).toHaveLength(1);
  return ids[0]!;
};
const functionIdOf = (handler: string): string => {
  const ids = ofType('AWS::Lambda::Function')
    .map(([id]) => id)
    .filter((id) => id.startsWith(`${handlerId(handler)}Fn`));
  expect(ids, `one function for ${handler}`).toHaveLength(1);
  return ids[0]!;
};
/** Every IAM statement attached to the role of a function. */
const statementsOf = (functionId: string): Json[] => {
  const roleRef = resources[functionId]!.Properties.Role['Fn::GetAtt'][0] as string;
  return ofType('AWS::IAM::Policy')
    .filter(([, p]) => (p.Properties.Roles as Json[]).some((r) => r.Ref === roleRef))
    .flatMap(([, p]) => p.Properties.PolicyDocument.Statement as Json[]);
};
const actionsOf = (statements: Json[]) => statements.flatMap((s) => [s.Action].flat() as string[]);

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
        expect(JSON.stringify(statement.Resource), handler).not.toBe('"*"');
      }
    }
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

describe('the HTTP API', () => {
  it('has every topology route, each answered by its own handler, JWT-protected exactly when auth is true', () => {
    const routes = ofType('AWS::ApiGatewayV2::Route').map(([, r]) => r.Properties as Json);
    expect(routes).toHaveLength(ROUTES.length);
    const authorizerId = onlyId('AWS::ApiGatewayV2::Authorizer');
    for (const declared of ROUTES) {
      const key = `${declared.method} ${declared.path}`;
      const route = routes.find((r) => r.RouteKey === key);
      expect(route, key).toBeDefined();
      if (declared.auth) {
        expect(route!.AuthorizationType, key).toBe('JWT');
        expect(route!.AuthorizerId, key).toEqual({ Ref: authorizerId });
      } else {
        expect(route!.AuthorizationType ?? 'NONE', key).toBe('NONE');
        expect(route!.AuthorizerId, key).toBeUndefined();
      }
      const integrationId = (route!.Target['Fn::Join'][1] as Json[])[1]!.Ref as string;
      expect(resources[integrationId]!.Properties.IntegrationUri, key).toEqual({
        'Fn::GetAtt': [functionIdOf(declared.handler), 'Arn'],
      });
    }
  });

  it('checks tokens issued by the user pool to the web client, from the Authorization header', () => {
    const poolId = onlyId('AWS::Cognito::UserPool');
    const clientId = onlyId('AWS::Cognito::UserPoolClient');
    template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: {
        Audience: [{ Ref: clientId }],
        Issuer: {
          'Fn::Join': ['', Match.arrayWith([Match.stringLikeRegexp('^https://cognito-idp\\.'), { Ref: poolId }])],
        },
      },
    });
  });

  it('logs every request as JSON to a log group, without paths (calendar tokens) or people, and throttles', () => {
    const [, stage] = ofType('AWS::ApiGatewayV2::Stage')[0]!;
    expect(stage.Properties.StageName).toBe('$default');
    expect(stage.Properties.AutoDeploy).toBe(true);
    expect(stage.Properties.DefaultRouteSettings).toEqual({
      ThrottlingRateLimit: expect.any(Number),
      ThrottlingBurstLimit: expect.any(Number),
    });
    const destination = stage.Properties.AccessLogSettings.DestinationArn['Fn::GetAtt'] as [string, string];
    expect(resources[destination[0]]!.Type).toBe('AWS::Logs::LogGroup');
    const format = JSON.parse(stage.Properties.AccessLogSettings.Format as string) as Record<string, string>;
    expect(format.requestId).toBe('$context.requestId');
    expect(format.routeKey).toBe('$context.routeKey');
    const variables = Object.values(format).join(' ');
    expect(variables).not.toMatch(/\$context\.path|sourceIp|claims/);
  });

  it('allows cross-origin calls from the app only', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      CorsConfiguration: Match.objectLike({ AllowOrigins: [context.appUrl], AllowCredentials: true }),
    });
  });

  it('never logs the raw path, which carries the secret of /calendar/{token} and /s/{token}: only the route key', () => {
    const [, stage] = ofType('AWS::ApiGatewayV2::Stage')[0]!;
    const format = stage.Properties.AccessLogSettings.Format as string;
    expect(format).not.toContain('$context.path');
    const variables = format.match(/\$context\.[A-Za-z.]+/g) ?? [];
    expect(variables).toContain('$context.routeKey');
    expect(variables.filter((v) => /path|uri|querystring/i.test(v))).toEqual([]);
  });

  it('hands every route to its function as a payload 2.0 proxy, with no response mapping (Set-Cookie from `cookies` reaches the browser)', () => {
    const integrations = ofType('AWS::ApiGatewayV2::Integration').map(([, i]) => i.Properties as Json);
    expect(integrations).toHaveLength(ROUTES.length);
    for (const integration of integrations) {
      expect(integration.IntegrationType).toBe('AWS_PROXY');
      expect(integration.PayloadFormatVersion).toBe('2.0');
      expect(integration.ResponseParameters).toBeUndefined();
      expect(integration.RequestParameters).toBeUndefined();
    }
    const [, stage] = ofType('AWS::ApiGatewayV2::Stage')[0]!;
    expect(stage.Properties.RouteSettings).toBeUndefined();
  });

  it('serves the survey pages, their assets and campaigns, the pages and assets without a bearer token', () => {
    const routes = ofType('AWS::ApiGatewayV2::Route').map(([, r]) => r.Properties as Json);
    const byKey = (key: string) => routes.find((r) => r.RouteKey === key);
    for (const key of ['GET /s/{token}', 'GET /s/{token}/{page}', 'POST /s/{token}/{page}', 'GET /assets/{file+}']) {
      expect(ROUTES.some((r) => `${r.method} ${r.path}` === key && !r.auth && r.uses.web), key).toBe(true);
      expect(byKey(key), key).toBeDefined();
      expect(byKey(key)!.AuthorizationType ?? 'NONE', key).toBe('NONE');
      expect(byKey(key)!.AuthorizerId, key).toBeUndefined();
    }
    for (const key of ['GET /campaigns', 'POST /campaigns']) {
      expect(byKey(key)?.AuthorizationType, key).toBe('JWT');
    }
  });
});

describe('the functions that render pages (uses.web)', () => {
  /** The cdk.out directory of a function's code: asset.<hash> for Code.S3Key <hash>.zip. */
  const assetDirOf = (handler: string): string => {
    const key = resources[functionIdOf(handler)]!.Properties.Code.S3Key as string;
    const dir = path.join(assemblyDir, `asset.${key.replace(/\.zip$/, '')}`);
    expect(existsSync(path.join(dir, 'index.mjs')), dir).toBe(true);
    return dir;
  };
  const variablesOf = (handler: string) => resources[functionIdOf(handler)]!.Properties.Environment.Variables as Json;

  /**
   * Runs a bundled handler from cdk.out in a fresh Node process, as Lambda
   * would: its own environment from the template, with /var/task standing
   * for the asset directory, outside the repository (no node_modules to
   * fall back on).
   */
  const invoke = (handler: string, event: Json): Json => {
    const dir = assetDirOf(handler);
    const variables = variablesOf(handler);
    const env: Record<string, string> = { PATH: process.env.PATH ?? '', AWS_REGION: 'eu-west-2', NODE_NO_WARNINGS: '1' };
    for (const [key, value] of Object.entries(variables)) {
      if (typeof value === 'string') env[key] = value.startsWith(`${LAMBDA_TASK_ROOT}/`) ? path.join(dir, value.slice(LAMBDA_TASK_ROOT.length + 1)) : value;
    }
    env.APP_URL = context.appUrl as string;
    env.TABLE_NAME = 'kept-test-not-used';
    const script = `
      const { handler } = await import(${JSON.stringify(pathToFileURL(path.join(dir, 'index.mjs')).href)});
      const result = await handler(${JSON.stringify(event)}, {});
      console.log();
      console.log('RESULT ' + JSON.stringify(result));`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: dir, env, encoding: 'utf8', timeout: 20_000 });
    const line = run.stdout.split('\n').find((l) => l.startsWith('RESULT '));
    expect(line, `${handler} printed no result; exit ${run.status}\n${run.stderr}\n${run.stdout}`).toBeDefined();
    return JSON.parse(line!.slice('RESULT '.length)) as Json;
  };

  it('include the survey pages and their assets', () => {
    expect(WEB_HANDLERS).toEqual(expect.arrayContaining(['web/assets', 'web/survey']));
  });

  it('are told where their views, GOV.UK Frontend templates and assets are, under the task root', () => {
    for (const handler of WEB_HANDLERS) {
      expect(variablesOf(handler), handler).toMatchObject({
        KEPT_VIEWS_DIR: `${LAMBDA_TASK_ROOT}/views`,
        GOVUK_FRONTEND_DIR: `${LAMBDA_TASK_ROOT}/govuk-frontend`,
        KEPT_ASSETS_DIR: `${LAMBDA_TASK_ROOT}/assets`,
      });
    }
    for (const { handler } of HANDLERS.filter((h) => !h.uses.web)) {
      for (const key of WEB_KEYS) expect(variablesOf(handler)[key], `${handler} ${key}`).toBeUndefined();
    }
  });

  it('have those files beside the bundle, and GOV.UK Frontend only as far as the pages need it', () => {
    for (const handler of WEB_HANDLERS) {
      const dir = assetDirOf(handler);
      for (const file of [
        'views/layout.njk',
        'views/message.njk',
        'govuk-frontend/govuk/template.njk',
        'govuk-frontend/govuk/components/button/macro.njk',
        'govuk-frontend/govuk/components/button/template.njk',
        'govuk-frontend/govuk/macros/attributes.njk',
        'govuk-frontend/govuk/govuk-frontend.min.js',
        'assets/kept.css',
        'assets/init.js',
      ]) {
        expect(existsSync(path.join(dir, file)), `${handler}: ${file}`).toBe(true);
      }
      expect(readFileSync(path.join(dir, 'assets/kept.css'), 'utf8')).toBe(
        readFileSync(path.join(PROJECT_ROOT, 'shared/web/assets/kept.css'), 'utf8'),
      );
      // Not the Sass, the compiled CSS or the unminified bundles of dist/govuk.
      expect(existsSync(path.join(dir, 'govuk-frontend/govuk/index.scss')), handler).toBe(false);
      expect(existsSync(path.join(dir, 'govuk-frontend/govuk/all.bundle.js')), handler).toBe(false);
    }
    for (const { handler } of HANDLERS.filter((h) => !h.uses.web)) {
      expect(existsSync(path.join(assetDirOf(handler), 'views')), handler).toBe(false);
    }
  });

  it('have Nunjucks bundled in, not required at run time', () => {
    for (const handler of WEB_HANDLERS) {
      const bundle = readFileSync(path.join(assetDirOf(handler), 'index.mjs'), 'utf8');
      expect(bundle, handler).toContain('FileSystemLoader');
      expect(bundle, handler).not.toMatch(/\(\s*["']nunjucks["']\s*\)|from\s*["']nunjucks["']/);
    }
  });

  it('serve kept.css and GOV.UK Frontend\'s script from the deployed asset (web/assets run from cdk.out)', () => {
    const css = invoke('web/assets', { pathParameters: { file: 'kept.css' } });
    expect(css.statusCode).toBe(200);
    expect(css.headers['content-type']).toMatch(/^text\/css/);
    expect(css.body).toBe(readFileSync(path.join(PROJECT_ROOT, 'shared/web/assets/kept.css'), 'utf8'));
    const script = invoke('web/assets', { pathParameters: { file: 'govuk-frontend.min.js' } });
    expect(script.statusCode).toBe(200);
    expect(script.headers['content-type']).toMatch(/^text\/javascript/);
    expect(script.body.length).toBeGreaterThan(1000);
    expect(invoke('web/assets', { pathParameters: { file: '../index.mjs' } }).statusCode).toBe(404);
  });

  it('render a page through the GOV.UK template, with a cookie, from the deployed asset (web/survey run from cdk.out)', () => {
    // A token that cannot be a link is answered before the table is read.
    const page = invoke('web/survey', {
      pathParameters: { token: 'not-a-link' },
      requestContext: { http: { method: 'GET' } },
      headers: {},
    });
    expect(page.statusCode, page.body).toBe(404);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.body).toContain('We cannot find this survey');
    expect(page.body).toContain('class="govuk-template"'); // govuk/template.njk
    expect(page.body).toContain('/assets/kept.css'); // views/layout.njk
    expect(page.cookies).toEqual([expect.stringMatching(/^kept_csrf=[^;]+; Path=\/s\/; HttpOnly; SameSite=Strict; Secure$/)]);
  });

  it('stop the synth, saying what to run, when kept.css has not been built', () => {
    const root = outdir();
    for (const [file, text] of [
      ['shared/web/views/layout.njk', ''],
      ['shared/web/assets/init.js', ''],
      ['node_modules/govuk-frontend/package.json', '{"name":"govuk-frontend"}'],
      ['node_modules/govuk-frontend/dist/govuk/template.njk', ''],
    ] as const) {
      mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      writeFileSync(path.join(root, file), text);
    }
    const make = () =>
      new KeptFunction(new Stack(new App({ outdir: outdir() }), 'Bare'), 'Page', {
        projectRoot: root,
        handler: 'web/survey',
        environment: {},
        timeout: Duration.seconds(3),
        memorySize: 128,
        logRetention: RetentionDays.ONE_DAY,
        web: true,
      });
    expect(make).toThrow(/shared\/web\/assets\/kept\.css is missing.*npm run build:css/);
  });
});


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
  it('publishes bounces and complaints to an encrypted topic the email-events function is subscribed to', () => {
    const [, destination] = ofType('AWS::SES::ConfigurationSetEventDestination')[0]!;
    const events = destination.Properties.EventDestination.MatchingEventTypes as string[];
    expect(events.map((e) => e.toLowerCase()).sort()).toEqual(['bounce', 'complaint']);
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

  it('publish permanent delivery failures to an encrypted topic the text-events function is subscribed to', () => {
    const [, set] = ofType('AWS::SMSVOICE::ConfigurationSet')[0]!;
    const [destination, ...more] = set.Properties.EventDestinations as Json[];
    expect(more).toHaveLength(0);
    expect([...destination!.MatchingEventTypes].sort()).toEqual([...UNREACHABLE_TEXT_EVENTS].sort());
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

describe('sign-in', () => {
  it('is a user pool only administrators add people to, with MFA, threat protection and the council attributes', () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      AdminCreateUserConfig: Match.objectLike({ AllowAdminCreateUserOnly: true }),
      MfaConfiguration: 'ON',
      UserPoolTier: 'PLUS',
      UserPoolAddOns: { AdvancedSecurityMode: 'ENFORCED' },
      Schema: Match.arrayWith([
        Match.objectLike({ Name: 'council', AttributeDataType: 'String' }),
        Match.objectLike({ Name: 'staff_id', AttributeDataType: 'String' }),
      ]),
    });
    const groups = ofType('AWS::Cognito::UserPoolGroup').map(([, g]) => g.Properties.GroupName as string);
    expect(groups.sort()).toEqual([...ROLES].sort());
  });

  it('has a public web client: authorization code (PKCE), no secret, callback on the app, cannot rewrite its council', () => {
    const [, client] = ofType('AWS::Cognito::UserPoolClient')[0]!;
    expect(client.Properties.GenerateSecret ?? false).toBe(false);
    expect(client.Properties.AllowedOAuthFlows).toEqual(['code']);
    expect(client.Properties.AllowedOAuthFlowsUserPoolClient).toBe(true);
    expect(client.Properties.CallbackURLs).toEqual([`${context.appUrl}/auth/callback`]);
    expect(client.Properties.WriteAttributes.some((a: string) => a.startsWith('custom:'))).toBe(false);
    expect(client.Properties.ReadAttributes).toEqual(expect.arrayContaining(['custom:council', 'custom:staff_id']));
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

describe('cdk-nag (AWS Solutions)', () => {
  it('reports no unacknowledged finding for the stack', () => {
    // synth() above would have thrown on an error; the report shows no violation either.
    const report = JSON.parse(readFileSync(path.join(assemblyDir, 'validation-report.json'), 'utf8')) as {
      pluginReports: { pluginName: string; conclusion: string; violations: { ruleName: string; severity: string }[] }[];
    };
    const nag = report.pluginReports.filter((r) => r.pluginName === 'AwsSolutions');
    expect(nag.flatMap((r) => r.violations)).toEqual([]);
    expect(report.pluginReports.filter((r) => r.conclusion === 'failure')).toEqual([]);
  });

  it('acknowledges only known rules, each with a reason a reviewer can check', () => {
    const acknowledged: { path: string; id: string; reason: string }[] = [];
    const visit = (node: IConstruct) => {
      for (const entry of node.node.metadata) {
        if (entry.type !== Validations.ACKNOWLEDGED_RULES_METADATA_KEY) continue;
        for (const [id, reason] of Object.entries(entry.data as Record<string, string>)) {
          acknowledged.push({ path: node.node.path, id: id.replace(/^annotation::/i, ''), reason });
        }
      }
      node.node.children.forEach(visit);
    };
    visit(stack);
    expect(acknowledged.length).toBeGreaterThan(0);
    for (const ack of acknowledged) {
      expect(ack.id, ack.path).toMatch(
        /^AwsSolutions-(APIG4|SQS3|SMG4|S1|IAM5\[Resource::<Table[A-Z0-9]+\.Arn>\/index\/\*\]|IAM5\[Resource::<[A-Za-z0-9]+Fn[A-Z0-9]+\.Arn>:\*\]|IAM5\[Resource::<ExtractsBucket[A-Z0-9]+\.Arn>\/ssd(a903)?\/\*(\/_report\.json)?\])$/,
      );
      expect(ack.reason.length, ack.id).toBeGreaterThan(60);
    }
    // Only the extract bucket's access-log bucket goes without access logs of its own.
    expect(acknowledged.filter((a) => a.id === 'AwsSolutions-S1').map((a) => a.path)).toEqual([`${stack.node.path}/Extracts/AccessLogs`]);
    // The public routes, and no others, are acknowledged as unauthorised, each with its own reason.
    const publicRoutes = acknowledged.filter((a) => a.id === 'AwsSolutions-APIG4');
    const declaredPublic = ROUTES.filter((r) => !r.auth).map((r) => `${r.method} ${r.path}`);
    expect(publicRoutes).toHaveLength(declaredPublic.length);
    for (const key of declaredPublic) {
      const ack = publicRoutes.filter((a) => a.reason.startsWith(`${key} is public by design`));
      expect(ack, key).toHaveLength(1);
      expect(ack[0]!.reason, key).toContain(PUBLIC_ROUTE_REASONS[key]);
    }
    expect(Object.keys(PUBLIC_ROUTE_REASONS).sort(), 'no reasons left for routes that are gone or protected').toEqual(
      declaredPublic.sort(),
    );
  });

  it('will not let a new public route through without a written reason', () => {
    const routes = ROUTES as RouteDeclaration[];
    routes.push({ method: 'GET', path: '/unexplained', handler: 'api/health', auth: false, uses: {} });
    try {
      expect(() =>
        createKeptApp({ context: { ...context, 'aws:cdk:bundling-stacks': [] }, outdir: outdir() }),
      ).toThrow(/GET \/unexplained has auth: false .* no reason in PUBLIC_ROUTE_REASONS/);
    } finally {
      routes.pop();
    }
  });

  it('does run: the same app with a careless queue added fails to synthesize', () => {
    // Skip bundling: this app only needs its construct tree checked.
    const { app, stack: careless } = createKeptApp({
      context: { ...context, 'aws:cdk:bundling-stacks': [] },
      outdir: outdir(),
    });
    new sqs.Queue(careless, 'CarelessQueue');
    expect(() => app.synth()).toThrow(/AwsSolutions-SQS4/);
  });

  it('does run on any app it is added to, and honours acknowledgements', () => {
    const failing = new App({ outdir: outdir(), context: { '@aws-cdk/core:appMode': 'inmemory' } });
    Validations.of(failing).addPlugins(new AwsSolutionsChecks(failing));
    new sqs.Queue(new Stack(failing, 'Throwaway'), 'Queue');
    let message = '';
    try {
      failing.synth();
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/AwsSolutions-SQS3/); // no dead-letter queue
    expect(message).toMatch(/AwsSolutions-SQS4/); // no SSL-only policy

    const acknowledged = new App({ outdir: outdir(), context: { '@aws-cdk/core:appMode': 'inmemory' } });
    Validations.of(acknowledged).addPlugins(new AwsSolutionsChecks(acknowledged));
    const queue = new sqs.Queue(new Stack(acknowledged, 'Throwaway'), 'Queue');
    Validations.of(queue).acknowledge(
      { id: 'AwsSolutions-SQS3', reason: 'test: a queue with no dead-letter queue, deliberately' },
      { id: 'AwsSolutions-SQS4', reason: 'test: a queue without an SSL-only policy, deliberately' },
    );
    expect(() => acknowledged.synth()).not.toThrow();
  });
});
