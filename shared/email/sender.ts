/**
 * Sending mail through SES. The SDK's adaptive retry mode retries throttling
 * and 5xx answers with backoff and slows itself when SES pushes back; on top
 * of that a pacer keeps to the council's sending rate.
 */
import { SESClient, SendEmailCommand } from '@aws-sdk/client-ses';
import { config } from '#platform/config.js';

/**
 * An SES message tag. SES allows only ASCII letters, digits, `_` and `-` in
 * a tag's name and value, 256 characters at most (see messageTags.ts).
 */
export interface MessageTag {
  name: string;
  value: string;
}

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Sent as SES message tags; the configuration set's bounce and complaint events carry them back (`mail.tags`). */
  tags?: readonly MessageTag[];
}

export type SendEmail = (email: OutgoingEmail) => Promise<string>;

/** Spaces calls so no more than `perSecond` start in any second. */
export class Pacer {
  private next = 0;
  constructor(private readonly perSecond: number) {}
  async wait(): Promise<void> {
    if (!(this.perSecond > 0)) return;
    const now = Date.now();
    const at = Math.max(now, this.next);
    this.next = at + 1000 / this.perSecond;
    if (at > now) await new Promise((r) => setTimeout(r, at - now));
  }
}

let client: SESClient | undefined;

/** Throttling and 5xx answers are retried this many times in all, with backoff. */
export const SES_MAX_ATTEMPTS = 6;

export function sesSender(options: { endpoint?: string; ratePerSecond?: number; maxAttempts?: number } = {}): SendEmail {
  const ses =
    options.endpoint || options.maxAttempts
      ? new SESClient({ retryMode: 'adaptive', maxAttempts: options.maxAttempts ?? SES_MAX_ATTEMPTS, ...(options.endpoint ? { endpoint: options.endpoint } : {}) })
      : (client ??= new SESClient({ retryMode: 'adaptive', maxAttempts: SES_MAX_ATTEMPTS }));
  const pacer = new Pacer(options.ratePerSecond ?? config.mailRatePerSecond);
  return async (email) => {
    await pacer.wait();
    const out = await ses.send(
      new SendEmailCommand({
        Source: config.mailFrom,
        Destination: { ToAddresses: [email.to] },
        ReplyToAddresses: config.mailReplyTo ? [config.mailReplyTo] : undefined,
        ConfigurationSetName: config.mailConfigurationSet,
        Tags: email.tags?.length ? email.tags.map((t) => ({ Name: t.name, Value: t.value })) : undefined,
        Message: {
          Subject: { Data: email.subject, Charset: 'UTF-8' },
          Body: { Text: { Data: email.text, Charset: 'UTF-8' }, Html: { Data: email.html, Charset: 'UTF-8' } },
        },
      }),
    );
    return out.MessageId ?? '';
  };
}
