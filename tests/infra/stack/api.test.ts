/**
 * The stack's HTTP API and its sign-in, in the app synthesized once for
 * tests/infra/stack (synth.ts), asserted against the routes and roles of
 * infra/topology.ts.
 */
import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { ROLES, ROUTES } from '#infra/topology.js';
import { context, type Json } from './app.js';
import { functionIdOf, ofType, onlyId, resources, template } from './template.js';

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
