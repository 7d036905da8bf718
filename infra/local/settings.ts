/**
 * The local stack's settings, from the environment, and the AWS-style
 * environment the handlers read: the same variables the CDK stack sets,
 * pointed at DynamoDB Local, the SES emulator, the local SMS endpoint and
 * the local token issuer.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { SURVEY_SOURCE_SECRET } from '#platform/secrets.js';
import { surveySourceSecretFile } from './secrets.js';

export interface LocalSettings {
  port: number;
  sesPort: number;
  /** The local SMS endpoint (infra/local/sms.ts). */
  smsPort: number;
  dynamoPort: number;
  dataDir: string;
  tableName: string;
  councilId: string;
}

function port(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 1 || value > 65535) throw new Error(`${name} must be a port number, not ${process.env[name]}`);
  return value;
}

export function localSettings(): LocalSettings {
  return {
    port: port('PORT', 3000),
    sesPort: port('SES_PORT', 8005),
    smsPort: port('SMS_PORT', 8006),
    dynamoPort: port('DYNAMODB_PORT', 8000),
    dataDir: resolve(process.env.KEPT_DATA_DIR ?? '.kept'),
    tableName: process.env.TABLE_NAME ?? 'kept',
    councilId: process.env.COUNCIL_ID ?? 'demo',
  };
}

export const LOCAL_AUDIENCE = 'kept-local';
export const localIssuer = (s: LocalSettings) => `http://localhost:${s.port}/local-issuer`;
export const jwksPath = (s: LocalSettings) => resolve(s.dataDir, 'jwks.json');

/** Sets the variables the handlers and AWS SDK read. */
export function applyLocalEnvironment(s: LocalSettings): void {
  const set = (key: string, value: string) => {
    process.env[key] = value;
  };
  // This machine runs Node 20 on purpose (Lambda runs the newest runtime); the SDK need not say so on every start.
  set('AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED', 'true');
  set('AWS_REGION', process.env.AWS_REGION ?? 'eu-west-2');
  set('AWS_ACCESS_KEY_ID', process.env.AWS_ACCESS_KEY_ID ?? 'local');
  set('AWS_SECRET_ACCESS_KEY', process.env.AWS_SECRET_ACCESS_KEY ?? 'local');
  set('AWS_ENDPOINT_URL_DYNAMODB', `http://127.0.0.1:${s.dynamoPort}`);
  set('AWS_ENDPOINT_URL_SES', `http://127.0.0.1:${s.sesPort}`);
  set('AWS_ENDPOINT_URL_PINPOINT_SMS_VOICE_V2', `http://127.0.0.1:${s.smsPort}`);
  set('TABLE_NAME', s.tableName);
  set('COUNCIL_ID', s.councilId);
  set('APP_URL', process.env.APP_URL ?? `http://localhost:${s.port}`);
  set('MAIL_FROM', process.env.MAIL_FROM ?? 'Kept reminders <reminders@kept.example.org>');
  set('MAIL_REPLY_TO', process.env.MAIL_REPLY_TO ?? 'children.services@kept.example.org');
  // The council's safeguarding inbox, told when a young person's worker or manager cannot be (required in AWS).
  set('SAFEGUARDING_EMAIL', `safeguarding@${s.councilId}.kept.example.org`);
  // A sender ID, as a UK council would register; the local endpoint accepts any.
  set('SMS_ORIGINATION_IDENTITY', process.env.SMS_ORIGINATION_IDENTITY ?? 'KeptDemo');
  set('SMS_RATE_PER_SECOND', process.env.SMS_RATE_PER_SECOND ?? '20');
  set('AUTH_ISSUER', localIssuer(s));
  set('AUTH_AUDIENCE', LOCAL_AUDIENCE);
  set('AUTH_JWKS_URL', pathToFileURL(jwksPath(s)).href);
  set(SURVEY_SOURCE_SECRET, pathToFileURL(surveySourceSecretFile(s)).href);
}

/** True when a command failed because nothing answers on the DynamoDB port (the local stack is not running). */
export function cannotReachDynamo(error: unknown): boolean {
  const { message, code, cause } = (error ?? {}) as { message?: unknown; code?: unknown; cause?: { code?: unknown; message?: unknown } };
  return [message, code, cause?.code, cause?.message].some((text) => typeof text === 'string' && text.includes('ECONNREFUSED'));
}
