/**
 * Staff sign-in: a Cognito user pool that only administrators add people to,
 * TOTP MFA for everyone, threat protection on, one group per role in
 * topology.ts, and a public app client that signs in through the hosted UI
 * with the authorization code grant and PKCE.
 */
import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { ROLES } from '#infra/topology.js';
import type { KeptConfig } from '#cdk/config.js';

/** What each group means; a person's strongest group is their role. */
const ROLE_DESCRIPTIONS: Record<(typeof ROLES)[number], string> = {
  practitioner: 'Social workers and personal advisers: their own caseload and reminders',
  manager: 'Team managers: their team, escalations of overdue work',
  lead: 'Service leads: council-wide figures and survey summaries, never an individual response',
  admin: 'Administrators: staff accounts and council settings',
};

export interface KeptAuthProps {
  config: KeptConfig;
}

export class KeptAuth extends Construct {
  readonly userPool: cognito.UserPool;
  readonly client: cognito.UserPoolClient;
  readonly domain: cognito.UserPoolDomain;
  /** JWT issuer: https://cognito-idp.<region>.amazonaws.com/<pool id> */
  readonly issuer: string;
  readonly jwksUrl: string;

  constructor(scope: Construct, id: string, props: KeptAuthProps) {
    super(scope, id);
    const { config } = props;

    this.userPool = new cognito.UserPool(this, 'UserPool', {
      userPoolName: `kept-${config.councilId}`,
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      signInCaseSensitive: false,
      autoVerify: { email: true },
      standardAttributes: {
        email: { required: true, mutable: true },
        givenName: { required: false, mutable: true },
        familyName: { required: false, mutable: true },
      },
      customAttributes: {
        // Which council a person works for: set once by an administrator.
        council: new cognito.StringAttribute({ minLen: 1, maxLen: 64, mutable: false }),
        // The staff record this sign-in belongs to (key into the table).
        staff_id: new cognito.StringAttribute({ minLen: 1, maxLen: 64, mutable: true }),
      },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        passwordHistorySize: 5,
        tempPasswordValidity: Duration.days(3),
      },
      mfa: cognito.Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false, email: false },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      featurePlan: cognito.FeaturePlan.PLUS,
      standardThreatProtectionMode: cognito.StandardThreatProtectionMode.FULL_FUNCTION,
      email: config.cognitoEmailViaSes
        ? cognito.UserPoolEmail.withSES({
            fromEmail: config.mailFromAddress,
            fromName: 'Kept',
            replyTo: config.mailReplyTo,
            ...(config.mailIdentity === config.mailFromAddress ? {} : { sesVerifiedDomain: config.mailIdentity }),
          })
        : cognito.UserPoolEmail.withCognito(config.mailReplyTo),
      userInvitation: {
        emailSubject: 'Your Kept account',
        emailBody:
          'You have been given a Kept account. Sign in with your email address {username} and the temporary password {####} within 3 days, then choose your own password and set up an authenticator app.',
      },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    for (const role of ROLES) {
      new cognito.CfnUserPoolGroup(this, `Group-${role}`, {
        userPoolId: this.userPool.userPoolId,
        groupName: role,
        description: ROLE_DESCRIPTIONS[role],
      });
    }

    this.domain = this.userPool.addDomain('HostedSignIn', {
      cognitoDomain: { domainPrefix: config.authDomainPrefix },
    });

    const readable = new cognito.ClientAttributes()
      .withStandardAttributes({ email: true, emailVerified: true, givenName: true, familyName: true })
      .withCustomAttributes('council', 'staff_id');
    // People may not rewrite which council or staff record they are.
    const writable = new cognito.ClientAttributes().withStandardAttributes({ email: true, givenName: true, familyName: true });

    this.client = this.userPool.addClient('WebClient', {
      userPoolClientName: 'kept-web',
      generateSecret: false,
      // Only the hosted UI signs people in (so MFA and threat protection always
      // apply); tokens are refreshed with the refresh token.
      authFlows: { user: false, userPassword: false, userSrp: false, custom: false, adminUserPassword: false },
      oAuth: {
        flows: { authorizationCodeGrant: true, implicitCodeGrant: false, clientCredentials: false },
        scopes: [cognito.OAuthScope.OPENID, cognito.OAuthScope.EMAIL, cognito.OAuthScope.PROFILE],
        callbackUrls: [`${config.appUrl}${config.authCallbackPath}`],
        logoutUrls: [`${config.appUrl}/`],
      },
      supportedIdentityProviders: [cognito.UserPoolClientIdentityProvider.COGNITO],
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.hours(12),
      authSessionValidity: Duration.minutes(5),
      readAttributes: readable,
      writeAttributes: writable,
    });

    // Built like HttpUserPoolAuthorizer does: the `iss` claim of Cognito tokens.
    const stack = Stack.of(this);
    this.issuer = `https://cognito-idp.${stack.region}.${stack.urlSuffix}/${this.userPool.userPoolId}`;
    this.jwksUrl = `${this.issuer}/.well-known/jwks.json`;
  }
}
