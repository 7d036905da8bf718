/**
 * Staff sign-in: a Cognito user pool that only administrators add people to,
 * TOTP MFA for everyone, threat protection on, one group per role in
 * topology.ts, and a public app client that signs in through the hosted UI
 * with the authorization code grant and PKCE.
 *
 * With the council's identity provider (config `signIn`: OIDC or SAML), the
 * hosted UI offers only that provider: nobody has a Kept password, and a
 * pre token generation trigger (`useSignInCheck`) says who each person is
 * from Kept's staff list.
 */
import { Duration, RemovalPolicy, SecretValue, Stack } from 'aws-cdk-lib';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
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
  /** The council's identity provider, when staff sign in through it. */
  readonly provider: cognito.UserPoolIdentityProviderOidc | cognito.UserPoolIdentityProviderSaml | undefined;

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

    this.provider = councilProvider(this, this.userPool, config);

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
      // With the council's provider, the hosted UI offers only it: no Kept passwords.
      supportedIdentityProviders: [
        this.provider ? cognito.UserPoolClientIdentityProvider.custom(this.provider.providerName) : cognito.UserPoolClientIdentityProvider.COGNITO,
      ],
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.hours(12),
      authSessionValidity: Duration.minutes(5),
      readAttributes: readable,
      writeAttributes: writable,
    });

    if (this.provider) this.client.node.addDependency(this.provider);

    // Built like HttpUserPoolAuthorizer does: the `iss` claim of Cognito tokens.
    const stack = Stack.of(this);
    this.issuer = `https://cognito-idp.${stack.region}.${stack.urlSuffix}/${this.userPool.userPoolId}`;
    this.jwksUrl = `${this.issuer}/.well-known/jwks.json`;
  }
}

/** The provider's name in the user pool and on the hosted UI's button. */
export const PROVIDER_NAME = 'Council';

/**
 * The council's identity provider from the config, or none. Only the email
 * is mapped from it (Kept matches it against the staff list); nothing else
 * the provider says decides who a person is in Kept.
 */
function councilProvider(scope: Construct, userPool: cognito.UserPool, config: KeptConfig) {
  const attributeMapping: cognito.AttributeMapping = { email: cognito.ProviderAttribute.other('email') };
  switch (config.signIn.kind) {
    case 'passwords':
      return undefined;
    case 'oidc':
      return new cognito.UserPoolIdentityProviderOidc(scope, 'CouncilOidc', {
        userPool,
        name: PROVIDER_NAME,
        issuerUrl: config.signIn.issuer,
        clientId: config.signIn.clientId,
        // A dynamic reference CloudFormation resolves at deploy time: the secret itself is never in the template.
        clientSecret: SecretValue.secretsManager(config.signIn.clientSecretName).unsafeUnwrap(),
        scopes: ['openid', 'email', 'profile'],
        attributeRequestMethod: cognito.OidcAttributeRequestMethod.GET,
        attributeMapping,
      });
    case 'saml':
      return new cognito.UserPoolIdentityProviderSaml(scope, 'CouncilSaml', {
        userPool,
        name: PROVIDER_NAME,
        metadata: cognito.UserPoolIdentityProviderSamlMetadata.url(config.signIn.metadataUrl),
        // The claim Entra ID and AD FS send the address in.
        attributeMapping: { email: cognito.ProviderAttribute.other('http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress') },
      });
  }
}

/** Cognito calls `fn` before each token it issues (the V2 event, ID and access tokens): Kept's staff list says who the person is. */
export function useSignInCheck(auth: KeptAuth, fn: lambda.IFunction): void {
  auth.userPool.addTrigger(cognito.UserPoolOperation.PRE_TOKEN_GENERATION_CONFIG, fn, cognito.LambdaVersion.V2_0);
}
