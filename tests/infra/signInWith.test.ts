/**
 * Sign-in with the council's own accounts: the user pool federated with its
 * OIDC (Microsoft Entra ID as the example) or SAML provider, the hosted UI
 * offering only that provider, and Kept's pre token generation trigger; and
 * without a provider, passwords with TOTP and no trigger. Synthesized without
 * bundling (the construct tree is what is checked), with the cdk-nag AWS
 * Solutions checks that fail a synth on any unacknowledged finding.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { createKeptApp } from '#cdk/keptApp.js';
import { readKeptConfig } from '#cdk/config.js';
import { App } from 'aws-cdk-lib';

const cdkJson = JSON.parse(readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8')) as { context: Record<string, unknown> };
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const ENTRA = { signInWith: 'oidc', oidcIssuer: 'https://login.microsoftonline.com/TENANT/v2.0', oidcClientId: 'x', oidcClientSecretName: 'kept/oidc' };

function synth(extra: Record<string, unknown>): Template {
  const outdir = mkdtempSync(path.join(tmpdir(), 'kept-signin-'));
  dirs.push(outdir);
  const { app, stack } = createKeptApp({ context: { ...cdkJson.context, safeguardingEmail: 'safeguarding@kept.example.org', '@aws-cdk/core:appMode': 'inmemory', 'aws:cdk:bundling-stacks': [], ...extra }, outdir });
  const assembly = app.synth(); // throws on a cdk-nag finding
  return Template.fromJSON(assembly.getStackArtifact(stack.artifactId).template as object);
}

const triggerFunctions = (t: Template) =>
  Object.values(t.findResources('AWS::Lambda::Function')).filter((f) => String(f.Properties.Description).includes('events/signInCheck'));

describe('signing in through the council’s OIDC provider (Microsoft Entra ID)', () => {
  const t = synth(ENTRA);

  it('federates the user pool with the provider, the client secret read from Secrets Manager at deploy time', () => {
    t.hasResourceProperties('AWS::Cognito::UserPoolIdentityProvider', {
      ProviderName: 'Council',
      ProviderType: 'OIDC',
      ProviderDetails: Match.objectLike({
        client_id: 'x',
        oidc_issuer: 'https://login.microsoftonline.com/TENANT/v2.0',
        authorize_scopes: 'openid email profile',
        client_secret: '{{resolve:secretsmanager:kept/oidc:SecretString:::}}',
      }),
      AttributeMapping: { email: 'email' },
    });
  });

  it('offers only that provider: no Kept passwords, no self sign-up', () => {
    // The provider's name, by reference to it: the only entry (no COGNITO, so no password page).
    t.hasResourceProperties('AWS::Cognito::UserPoolClient', { SupportedIdentityProviders: [{ Ref: Match.stringLikeRegexp('^AuthCouncilOidc') }] });
    t.hasResourceProperties('AWS::Cognito::UserPool', { AdminCreateUserConfig: { AllowAdminCreateUserOnly: true } });
  });

  it("calls Kept's sign-in check before each token (the V2 event), and lets Cognito invoke it", () => {
    expect(triggerFunctions(t)).toHaveLength(1);
    t.hasResourceProperties('AWS::Cognito::UserPool', {
      LambdaConfig: { PreTokenGenerationConfig: { LambdaArn: Match.anyValue(), LambdaVersion: 'V2_0' } },
    });
    t.hasResourceProperties('AWS::Lambda::Permission', { Principal: 'cognito-idp.amazonaws.com', Action: 'lambda:InvokeFunction' });
    const [fn] = triggerFunctions(t);
    // Told the table and the council; not the pool's own ids (which would make a cycle).
    expect(Object.keys(fn!.Properties.Environment.Variables)).toEqual(expect.arrayContaining(['TABLE_NAME', 'COUNCIL_ID']));
    expect(Object.keys(fn!.Properties.Environment.Variables)).not.toContain('AUTH_ISSUER');
  });
});

describe('signing in through the council’s SAML provider', () => {
  it('federates with the metadata URL, with the same trigger', () => {
    const t = synth({ signInWith: 'saml', samlMetadataUrl: 'https://login.microsoftonline.com/TENANT/federationmetadata/2007-06/federationmetadata.xml' });
    t.hasResourceProperties('AWS::Cognito::UserPoolIdentityProvider', {
      ProviderName: 'Council',
      ProviderType: 'SAML',
      ProviderDetails: Match.objectLike({ MetadataURL: 'https://login.microsoftonline.com/TENANT/federationmetadata/2007-06/federationmetadata.xml' }),
    });
    t.hasResourceProperties('AWS::Cognito::UserPoolClient', { SupportedIdentityProviders: [{ Ref: Match.stringLikeRegexp('^AuthCouncilSaml') }] });
    expect(triggerFunctions(t)).toHaveLength(1);
  });
});

describe('without a provider', () => {
  it('keeps Kept passwords with TOTP, and no trigger, no provider', () => {
    const t = synth({});
    t.resourceCountIs('AWS::Cognito::UserPoolIdentityProvider', 0);
    t.hasResourceProperties('AWS::Cognito::UserPoolClient', { SupportedIdentityProviders: ['COGNITO'] });
    t.hasResourceProperties('AWS::Cognito::UserPool', { MfaConfiguration: 'ON', EnabledMfas: ['SOFTWARE_TOKEN_MFA'] });
    expect(triggerFunctions(t)).toHaveLength(0);
    const pool = Object.values(t.findResources('AWS::Cognito::UserPool'))[0]!;
    expect(pool.Properties.LambdaConfig).toBeUndefined();
  });
});

describe('the sign-in context', () => {
  const config = (extra: Record<string, unknown>) => readKeptConfig(new App({ context: { ...cdkJson.context, safeguardingEmail: 'safeguarding@kept.example.org', ...extra } }).node);

  it('reads each provider, and passwords by default', () => {
    expect(config({}).signIn).toEqual({ kind: 'passwords' });
    expect(config(ENTRA).signIn).toEqual({ kind: 'oidc', issuer: ENTRA.oidcIssuer, clientId: 'x', clientSecretName: 'kept/oidc' });
  });

  it('names the key that is missing or wrong', () => {
    expect(() => config({ signInWith: 'ldap' })).toThrow(/"signInWith" must be passwords, oidc or saml/);
    expect(() => config({ ...ENTRA, oidcClientId: '' })).toThrow(/"oidcClientId" is required/);
    expect(() => config({ ...ENTRA, oidcIssuer: 'http://login.example/' })).toThrow(/"oidcIssuer" must be an https URL/);
    expect(() => config({ signInWith: 'saml' })).toThrow(/"samlMetadataUrl" is required/);
  });
});
