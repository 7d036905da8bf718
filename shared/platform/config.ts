/**
 * Settings every function reads from its environment. In AWS the CDK stack
 * sets them; locally infra/local sets them before loading the handlers.
 */
import { londonDateOf } from '#domain/dates.js';

function env(name: string, fallback?: string): string {
  const value = process.env[name] ?? fallback;
  if (value === undefined || value === '') throw new Error(`${name} is not set`);
  return value;
}

export const config = {
  get tableName() {
    return env('TABLE_NAME', 'kept');
  },
  get councilId() {
    return env('COUNCIL_ID', 'demo');
  },
  get appUrl() {
    return env('APP_URL', 'http://localhost:3000').replace(/\/$/, '');
  },
  get mailFrom() {
    return env('MAIL_FROM', 'Kept reminders <reminders@kept.example.org>');
  },
  get mailReplyTo() {
    return process.env.MAIL_REPLY_TO || undefined;
  },
  get mailConfigurationSet() {
    return process.env.MAIL_CONFIGURATION_SET || undefined;
  },
  /**
   * The council's safeguarding inbox, told about a young person's call for
   * help or worrying answer whenever their worker or the worker's manager
   * cannot be emailed. Required in AWS (CDK context safeguardingEmail).
   */
  get safeguardingEmail() {
    return process.env.SAFEGUARDING_EMAIL || undefined;
  },
  get mailRatePerSecond() {
    return Number(process.env.MAIL_RATE_PER_SECOND ?? 14);
  },
  /** The phone number, sender ID or pool texts come from (its ARN in AWS); texts are off without it. */
  get smsOriginationIdentity() {
    return process.env.SMS_ORIGINATION_IDENTITY || undefined;
  },
  /** Its configuration set, whose event destination reports delivery failures. */
  get smsConfigurationSet() {
    return process.env.SMS_CONFIGURATION_SET || undefined;
  },
  get smsRatePerSecond() {
    return Number(process.env.SMS_RATE_PER_SECOND ?? 1);
  },
  get authIssuer() {
    return env('AUTH_ISSUER');
  },
  get authAudience() {
    return env('AUTH_AUDIENCE');
  },
  get authJwksUrl() {
    return env('AUTH_JWKS_URL');
  },
};

/** The day a scheduled handler was asked to run for (`{ "date": "YYYY-MM-DD" }`), else today. */
export function scheduledDay(event: { date?: unknown } | undefined): string {
  return typeof event?.date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(event.date) ? event.date : today();
}

/**
 * Today's date in Europe/London. KEPT_TODAY pins it, for demos and tests;
 * it never changes what a date means, only which day it is.
 */
export function today(now: Date = new Date()): string {
  return process.env.KEPT_TODAY || londonDateOf(now);
}
