/**
 * What one council's deployment is configured with: CDK context values
 * (cdk.json defaults, overridden with `cdk deploy -c key=value`), checked
 * once here so a typo fails the synth with a message instead of a broken
 * stack.
 */
import type { Node } from 'constructs';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';

export interface KeptConfig {
  /** Short council identifier, e.g. "demo", "camden"; names the stack and goes to COUNCIL_ID. */
  councilId: string;
  /** Where people open Kept: links in email, the OAuth callback, the only CORS origin. No trailing slash. */
  appUrl: string;
  /** Sender, as the handlers put it in Source: "Name <address>" or a bare address. */
  mailFrom: string;
  /** The address part of mailFrom. */
  mailFromAddress: string;
  /** The SES identity that is (or will be) verified: the sender's domain or its address. */
  mailIdentity: string;
  mailReplyTo: string;
  mailRatePerSecond: number;
  /** The ARN of the phone number, sender ID or pool survey texts come from; no texts when absent. */
  smsOriginationIdentity: string | undefined;
  smsRatePerSecond: number;
  /**
   * The council's safeguarding inbox: told about a young person's call for
   * help or worrying survey answer whenever their worker or the worker's
   * manager cannot be emailed. Required: there is no default.
   */
  safeguardingEmail: string;
  /** Where alarms are emailed; none when empty. */
  alarmEmail: string | undefined;
  /** Cognito hosted sign-in domain prefix: https://<prefix>.auth.<region>.amazoncognito.com */
  authDomainPrefix: string;
  /** Path under appUrl that receives the OAuth authorization code. */
  authCallbackPath: string;
  /**
   * How staff sign in: Kept's own passwords with TOTP (the default), or only
   * through the council's identity provider (OIDC, such as Microsoft Entra
   * ID, or SAML), federated into the user pool.
   */
  signIn: SignInConfig;
  /** Cognito sends invitations and password resets through SES from mailFrom (false: Cognito's own, 50 a day). */
  cognitoEmailViaSes: boolean;
  logRetention: RetentionDays;
  apiRateLimit: number;
  apiBurstLimit: number;
  region: string | undefined;
  account: string | undefined;
}

export type SignInConfig =
  | { kind: 'passwords' }
  /** `clientSecretName`: the Secrets Manager secret holding the provider's client secret (its whole value). */
  | { kind: 'oidc'; issuer: string; clientId: string; clientSecretName: string }
  | { kind: 'saml'; metadataUrl: string };

const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;

class ConfigError extends Error {
  constructor(key: string, problem: string) {
    super(`Kept configuration: context "${key}" ${problem} (set it in cdk.json or with -c ${key}=...)`);
  }
}

/** A context value as text: CDK context arrives as JSON, so objects are shown as JSON rather than "[object Object]". */
function contextText(raw: unknown): string {
  return typeof raw === 'object' && raw !== null ? JSON.stringify(raw) : String(raw);
}

/** Reads and checks the context values; throws ConfigError naming the key on bad input. */
export function readKeptConfig(node: Node): KeptConfig {
  const str = (key: string, fallback?: string): string => {
    const raw: unknown = node.tryGetContext(key);
    const value = raw === undefined || raw === null ? fallback : contextText(raw).trim();
    if (value === undefined || value === '') throw new ConfigError(key, 'is required');
    return value;
  };
  const optional = (key: string): string | undefined => {
    const raw: unknown = node.tryGetContext(key);
    const value = raw === undefined || raw === null ? '' : contextText(raw).trim();
    return value === '' ? undefined : value;
  };
  const num = (key: string, fallback: number, min: number, max: number): number => {
    const raw: unknown = node.tryGetContext(key);
    const value = raw === undefined || raw === null || raw === '' ? fallback : Number(raw);
    if (!Number.isFinite(value) || value < min || value > max) {
      throw new ConfigError(key, `must be a number from ${min} to ${max}, not ${contextText(raw)}`);
    }
    return value;
  };
  const bool = (key: string, fallback: boolean): boolean => {
    const raw: unknown = node.tryGetContext(key);
    if (raw === undefined || raw === null || raw === '') return fallback;
    if (raw === true || raw === 'true') return true;
    if (raw === false || raw === 'false') return false;
    throw new ConfigError(key, `must be true or false, not ${contextText(raw)}`);
  };

  const councilId = str('councilId');
  if (!/^[a-z][a-z0-9-]{0,30}$/.test(councilId)) {
    throw new ConfigError('councilId', `must be lower-case letters, digits and hyphens, starting with a letter (got "${councilId}")`);
  }

  const appUrl = str('appUrl').replace(/\/+$/, '');
  let parsed: URL;
  try {
    parsed = new URL(appUrl);
  } catch {
    throw new ConfigError('appUrl', `must be an absolute URL (got "${appUrl}")`);
  }
  const local = parsed.hostname === 'localhost' || parsed.hostname === '127.0.0.1';
  if (parsed.protocol !== 'https:' && !local) throw new ConfigError('appUrl', 'must use https');
  if (parsed.pathname !== '/' && parsed.pathname !== '') throw new ConfigError('appUrl', 'must be an origin without a path');

  const mailFrom = str('mailFrom');
  const mailFromAddress = (/<([^<>]+)>\s*$/.exec(mailFrom)?.[1] ?? mailFrom).trim();
  if (!EMAIL.test(mailFromAddress)) throw new ConfigError('mailFrom', `must be an email address (got "${mailFrom}")`);
  const mailDomain = mailFromAddress.slice(mailFromAddress.lastIndexOf('@') + 1).toLowerCase();

  const mailIdentity = str('mailIdentity', mailDomain);
  if (mailIdentity !== mailFromAddress && mailIdentity.toLowerCase() !== mailDomain) {
    throw new ConfigError('mailIdentity', `must be the sender's address (${mailFromAddress}) or its domain (${mailDomain})`);
  }

  const mailReplyTo = str('mailReplyTo', mailFromAddress);
  if (!EMAIL.test(mailReplyTo)) throw new ConfigError('mailReplyTo', `must be an email address (got "${mailReplyTo}")`);

  const smsOriginationIdentity = optional('smsOriginationIdentity');
  if (smsOriginationIdentity !== undefined && !/^arn:aws[a-z-]*:sms-voice:[a-z0-9-]+:\d{12}:(phone-number|sender-id|pool)\/\S+$/.test(smsOriginationIdentity)) {
    throw new ConfigError('smsOriginationIdentity', `must be the ARN of a phone number, sender ID or pool (got "${smsOriginationIdentity}")`);
  }

  const safeguardingEmail = str('safeguardingEmail');
  if (!EMAIL.test(safeguardingEmail)) throw new ConfigError('safeguardingEmail', `must be an email address (got "${safeguardingEmail}")`);

  const alarmEmail = optional('alarmEmail');
  if (alarmEmail !== undefined && !EMAIL.test(alarmEmail)) {
    throw new ConfigError('alarmEmail', `must be an email address or empty (got "${alarmEmail}")`);
  }

  const authDomainPrefix = str('authDomainPrefix', `kept-${councilId}`);
  if (!/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(authDomainPrefix) || /aws|amazon|cognito/.test(authDomainPrefix)) {
    throw new ConfigError(
      'authDomainPrefix',
      `must be lower-case letters, digits and hyphens without "aws", "amazon" or "cognito" (got "${authDomainPrefix}")`,
    );
  }

  const authCallbackPath = str('authCallbackPath', '/auth/callback');
  if (!authCallbackPath.startsWith('/')) throw new ConfigError('authCallbackPath', 'must start with /');

  const signIn = readSignIn(str, optional);

  const retentionDays = num('logRetentionDays', 90, 1, 3653);
  const allowedRetention = Object.values(RetentionDays).filter((v): v is number => typeof v === 'number');
  if (!allowedRetention.includes(retentionDays)) {
    throw new ConfigError('logRetentionDays', `must be one of ${allowedRetention.join(', ')}`);
  }

  return {
    councilId,
    appUrl,
    mailFrom,
    mailFromAddress,
    mailIdentity,
    mailReplyTo,
    mailRatePerSecond: num('mailRatePerSecond', 1, 0.1, 1000),
    smsOriginationIdentity,
    smsRatePerSecond: num('smsRatePerSecond', 1, 0.1, 1000),
    safeguardingEmail,
    alarmEmail,
    authDomainPrefix,
    authCallbackPath,
    signIn,
    cognitoEmailViaSes: bool('cognitoEmailViaSes', true),
    logRetention: retentionDays,
    apiRateLimit: num('apiRateLimit', 50, 1, 10_000),
    apiBurstLimit: num('apiBurstLimit', 100, 1, 5_000),
    region: optional('region') ?? process.env.CDK_DEFAULT_REGION,
    account: optional('account') ?? process.env.CDK_DEFAULT_ACCOUNT,
  };
}

/** `-c signInWith=oidc -c oidcIssuer=... -c oidcClientId=... -c oidcClientSecretName=...`, or `-c signInWith=saml -c samlMetadataUrl=...`. */
function readSignIn(str: (key: string) => string, optional: (key: string) => string | undefined): SignInConfig {
  const kind = optional('signInWith') ?? 'passwords';
  const httpsUrl = (key: string): string => {
    const value = str(key);
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      throw new ConfigError(key, `must be an https URL (got "${value}")`);
    }
    if (url.protocol !== 'https:') throw new ConfigError(key, `must be an https URL (got "${value}")`);
    return value.replace(/\/+$/, '');
  };
  switch (kind) {
    case 'passwords':
      return { kind };
    case 'oidc': {
      const clientSecretName = str('oidcClientSecretName');
      if (!/^[A-Za-z0-9/_+=.@-]{1,512}$/.test(clientSecretName)) throw new ConfigError('oidcClientSecretName', `must be a Secrets Manager secret name (got "${clientSecretName}")`);
      return { kind, issuer: httpsUrl('oidcIssuer'), clientId: str('oidcClientId'), clientSecretName };
    }
    case 'saml':
      return { kind, metadataUrl: httpsUrl('samlMetadataUrl') };
    default:
      throw new ConfigError('signInWith', `must be passwords, oidc or saml (got "${kind}")`);
  }
}
