/**
 * Sending texts through AWS End User Messaging SMS (SendTextMessage), from
 * the council's origination identity, paced to the configured rate; the
 * SDK's adaptive retry handles throttling and 5xx answers. Locally the
 * endpoint is infra/local/sms.ts, which speaks the same JSON protocol.
 */
import { PinpointSMSVoiceV2Client, SendTextMessageCommand } from '@aws-sdk/client-pinpoint-sms-voice-v2';
import { config } from '#platform/config.js';
import { Pacer } from './sender.js';

export interface OutgoingText {
  /** E.164. */
  to: string;
  body: string;
  /** Identifiers only (council, case reference): they come back with the delivery events. */
  context: Record<string, string>;
}

export type SendText = (text: OutgoingText) => Promise<string>;

/** The number is on the account's opt-out list: the service refused the text. */
export class TextOptedOut extends Error {
  override readonly name = 'TextOptedOut';
}

export const SMS_MAX_ATTEMPTS = 6;

let client: PinpointSMSVoiceV2Client | undefined;

/** A sender when texts are configured (an origination identity is set), else undefined: nobody is texted. */
export function smsSender(options: { endpoint?: string; ratePerSecond?: number; maxAttempts?: number } = {}): SendText | undefined {
  const originationIdentity = config.smsOriginationIdentity;
  if (!originationIdentity) return undefined;
  const sms =
    options.endpoint || options.maxAttempts
      ? new PinpointSMSVoiceV2Client({ retryMode: 'adaptive', maxAttempts: options.maxAttempts ?? SMS_MAX_ATTEMPTS, ...(options.endpoint ? { endpoint: options.endpoint } : {}) })
      : (client ??= new PinpointSMSVoiceV2Client({ retryMode: 'adaptive', maxAttempts: SMS_MAX_ATTEMPTS }));
  const pacer = new Pacer(options.ratePerSecond ?? config.smsRatePerSecond);
  return async (text) => {
    await pacer.wait();
    try {
      const out = await sms.send(
        new SendTextMessageCommand({
          DestinationPhoneNumber: text.to,
          OriginationIdentity: originationIdentity,
          MessageBody: text.body,
          MessageType: 'TRANSACTIONAL',
          ConfigurationSetName: config.smsConfigurationSet,
          Context: text.context,
        }),
      );
      return out.MessageId ?? '';
    } catch (error) {
      const { name, Reason } = error as { name?: string; Reason?: string };
      if (name === 'ConflictException' && Reason === 'DESTINATION_PHONE_NUMBER_OPTED_OUT') throw new TextOptedOut('the number has opted out');
      throw error;
    }
  };
}
