/**
 * Delivering an event to its handler as SNS would: one notification record
 * holding the message as JSON text, given to the same handler module the
 * stack subscribes to the topic (infra/topology.ts). Deliveries run in the
 * background, as SNS's do; `settled` waits for those under way.
 */
import { randomUUID } from 'node:crypto';
import type { SNSEvent } from 'aws-lambda';
import { lambdaContext, loadHandler } from './server.js';

export interface SnsDelivery {
  publish: (message: object) => void;
  /** Resolves once every delivery published so far has been handled (or has failed). */
  settled: () => Promise<void>;
}

export function snsEventOf(topic: string, message: object): SNSEvent {
  const TopicArn = `arn:aws:sns:local:000000000000:${topic}`;
  return {
    Records: [
      {
        EventSource: 'aws:sns',
        EventVersion: '1.0',
        EventSubscriptionArn: `${TopicArn}:${randomUUID()}`,
        Sns: {
          Type: 'Notification',
          MessageId: randomUUID(),
          TopicArn,
          Subject: '',
          Message: JSON.stringify(message),
          Timestamp: new Date().toISOString(),
          SignatureVersion: '1',
          Signature: '',
          SigningCertUrl: '',
          UnsubscribeUrl: '',
          MessageAttributes: {},
        },
      },
    ],
  };
}

/** Publishes to `topic`, delivered to the handler module (under functions/) subscribed to it. */
export function snsDelivery(topic: string, handlerModule: string): SnsDelivery {
  const pending = new Set<Promise<unknown>>();
  return {
    publish(message) {
      const delivery = loadHandler(handlerModule)
        .then((handler) => (handler as unknown as (e: SNSEvent, c: ReturnType<typeof lambdaContext>) => Promise<unknown>)(snsEventOf(topic, message), lambdaContext(handlerModule)))
        .catch((error: unknown) => process.stderr.write(`local ${topic}: ${handlerModule} failed: ${(error as Error).message}\n`))
        .finally(() => pending.delete(delivery));
      pending.add(delivery);
    },
    async settled() {
      while (pending.size) await Promise.all([...pending]);
    },
  };
}
