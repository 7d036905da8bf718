/**
 * Cognito's pre token generation trigger (functions/events/signInCheck.ts)
 * with the V2 event shapes Cognito sends, against DynamoDB Local: who a
 * person is comes from Kept's staff list matched on the email, never from
 * the provider's claims; someone not on it, another council's, or a leaver is refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PreTokenGenerationV2TriggerEvent } from 'aws-lambda';
import { startCouncilStack, type TestStack } from '#tests/support/stack.js';
import { handler } from '#functions/events/signInCheck.js';

let stack: TestStack;

beforeAll(async () => {
  stack = await startCouncilStack('signincheck');
  await stack.store.createStaff({ councilId: 'elsewhere', id: 'x-1', name: 'Xan Elsewhere', email: 'x-1@elsewhere.test', role: 'admin' });
});

afterAll(async () => {
  await stack.stop();
});

/** The event Cognito sends for a hosted sign-in through the council's OIDC provider (a federated user). */
function federatedEvent(userAttributes: Record<string, string>): PreTokenGenerationV2TriggerEvent {
  return {
    version: '2',
    region: 'eu-west-2',
    userPoolId: 'eu-west-2_Example',
    triggerSource: 'TokenGeneration_HostedAuth',
    userName: 'Council_3f0c2c1e-5a1b-4c4d-9e9e-1d2f3a4b5c6d',
    callerContext: { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId: 'exampleclientid' },
    request: {
      userAttributes: {
        sub: '3f0c2c1e-5a1b-4c4d-9e9e-1d2f3a4b5c6d',
        'cognito:user_status': 'EXTERNAL_PROVIDER',
        identities: JSON.stringify([{ userId: 'entra-oid', providerName: 'Council', providerType: 'OIDC', issuer: null, primary: 'true', dateCreated: '1733390000000' }]),
        ...userAttributes,
      },
      groupConfiguration: { groupsToOverride: [], iamRolesToOverride: [], preferredRole: undefined },
      scopes: ['openid', 'email', 'profile'],
    },
    response: { claimsAndScopeOverrideDetails: {} },
  };
}

describe('the sign-in check', () => {
  it("sets the council, staff id and role from Kept's staff list, whatever the provider claims", async () => {
    const out = await handler(federatedEvent({ email: `TM-1@${stack.councilId}.test`, 'custom:council': 'other', 'custom:staff_id': 'admin-1' }));
    const details = out.response.claimsAndScopeOverrideDetails;
    expect(details.idTokenGeneration?.claimsToAddOrOverride).toEqual({ 'custom:council': stack.councilId, 'custom:staff_id': 'tm-1' });
    expect(details.groupOverrideDetails?.groupsToOverride).toEqual(['manager']);
  });

  it('refuses someone not on the staff list, someone of another council, and a local user whose email is not verified', async () => {
    await expect(handler(federatedEvent({ email: `stranger@${stack.councilId}.test` }))).rejects.toThrow(/not on Kept's staff list/);
    await expect(handler(federatedEvent({ email: 'x-1@elsewhere.test' }))).rejects.toThrow(/not on Kept's staff list/);
    await expect(handler(federatedEvent({}))).rejects.toThrow(/verified work email/);
    const local = federatedEvent({ email: `sw-1@${stack.councilId}.test`, email_verified: 'false' });
    delete local.request.userAttributes.identities;
    local.triggerSource = 'TokenGeneration_Authentication';
    await expect(handler(local)).rejects.toThrow(/verified work email/);
    local.request.userAttributes.email_verified = 'true';
    expect((await handler(local)).response.claimsAndScopeOverrideDetails.groupOverrideDetails?.groupsToOverride).toEqual(['practitioner']);
  });

  it('refuses a leaver, on sign-in and on refreshing their tokens', async () => {
    const admin = await stack.token('admin', 'admin-1');
    expect((await stack.call('DELETE', '/staff/sw-2', { token: admin })).status).toBe(200);
    const refresh = federatedEvent({ email: `sw-2@${stack.councilId}.test` });
    refresh.triggerSource = 'TokenGeneration_RefreshTokens';
    await expect(handler(refresh)).rejects.toThrow(/access to Kept has ended/);
    await expect(handler(federatedEvent({ email: `sw-2@${stack.councilId}.test` }))).rejects.toThrow(/access to Kept has ended/);
  });
});
