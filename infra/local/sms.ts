/**
 * A local stand-in for AWS End User Messaging SMS, which has no emulator:
 * it answers SendTextMessage in the service's own AWS JSON 1.0 protocol
 * (POST / with `X-Amz-Target: PinpointSMSVoiceV2.SendTextMessage`), so the
 * real SDK client runs end to end, and keeps every text for an inbox page
 * (`GET /`) and `GET /store` (`{"messages": [{"to", "body", "at"}]}`).
 * `POST /opt-outs {"phoneNumber"}` puts a number on the opt-out list, which
 * the service then refuses as AWS does; `POST /clear-store` empties it all.
 * Given `publish`, each text it accepts is followed, as the configuration
 * set's event destination would publish it, by a `TEXT_QUEUED` event
 * (the service's event JSON, with the send's `Context`) after the answer.
 */
import { randomUUID } from 'node:crypto';
import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import { type LocalEndpoint, listenAt } from './endpoint.js';
import escapeHtml from 'escape-html';

export interface ReceivedText {
  to: string;
  body: string;
  /** When it arrived, ISO 8601. */
  at: string;
}

const TARGET = 'PinpointSMSVoiceV2.SendTextMessage';
const JSON_1_0 = 'application/x-amz-json-1.0';
const E164 = /^\+[1-9]\d{6,14}$/;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function answer(res: ServerResponse, status: number, body: object, type = JSON_1_0, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': type, 'x-amzn-requestid': randomUUID(), ...headers });
  res.end(JSON.stringify(body));
}

/** An error as the JSON 1.0 protocol sends it: the type in `__type` and `x-amzn-ErrorType`. */
function fault(res: ServerResponse, status: number, type: string, message: string, extra: object = {}): void {
  answer(res, status, { __type: type, Message: message, ...extra }, JSON_1_0, { 'x-amzn-errortype': type });
}

function inboxPage(messages: ReceivedText[]): string {
  const linked = (text: string) => escapeHtml(text).replace(/https?:\/\/[^\s<]+/g, (url) => `<a href="${url}">${url}</a>`);
  const rows = [...messages]
    .reverse()
    .map((m) => `<li><p class="meta">To ${escapeHtml(m.to)} at ${escapeHtml(m.at)}</p><p class="body">${linked(m.body)}</p></li>`)
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Kept: texts sent</title>
<style>body{font-family:Arial,sans-serif;margin:2rem;max-width:40rem}li{list-style:none;border:1px solid #b1b4b6;border-radius:1rem;padding:.5rem 1rem;margin:0 0 1rem}.meta{color:#505a5f;font-size:.9rem}</style>
</head><body><main><h1>Texts Kept has sent</h1>
<p>${messages.length} text(s), newest first. Follow a link to answer the survey.</p>
<ul>${rows}</ul></main></body></html>`;
}

/** A text event as End User Messaging SMS publishes it to an event destination (the fields Kept reads, and a few more). */
export function textQueuedEvent(input: { to: string; from: string; messageId: string; messageType: string; context?: Record<string, string> }, atMs = Date.now()): object {
  return {
    eventType: 'TEXT_QUEUED',
    eventVersion: '1.0',
    eventTimestamp: atMs,
    isFinal: false,
    originationPhoneNumber: input.from,
    destinationPhoneNumber: input.to,
    messageId: input.messageId,
    messageRequestTimestamp: atMs,
    messageEncoding: 'GSM',
    messageType: input.messageType,
    messageStatus: 'QUEUED',
    messageStatusDescription: 'Message is queued for delivery',
    ...(input.context ? { context: input.context } : {}),
    totalMessageParts: 1,
  };
}

export async function startSms(port: number, host = '127.0.0.1', options: { publish?: (event: object) => void } = {}): Promise<LocalEndpoint> {
  const messages: ReceivedText[] = [];
  const optedOut = new Set<string>();
  const server = createServer((req, res) => {
    void (async () => {
      const path = (req.url ?? '/').split('?')[0];
      if (req.method === 'GET' && path === '/store') return answer(res, 200, { messages }, 'application/json');
      if (req.method === 'GET' && path === '/') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        return res.end(inboxPage(messages));
      }
      if (req.method === 'POST' && path === '/clear-store') {
        messages.length = 0;
        optedOut.clear();
        return answer(res, 200, {}, 'application/json');
      }
      const raw = await readBody(req);
      if (req.method === 'POST' && path === '/opt-outs') {
        const { phoneNumber } = JSON.parse(raw || '{}') as { phoneNumber?: string };
        if (typeof phoneNumber === 'string') optedOut.add(phoneNumber);
        return answer(res, 200, {}, 'application/json');
      }
      if (req.method !== 'POST' || path !== '/') return answer(res, 404, { message: 'not found' }, 'application/json');
      if (req.headers['x-amz-target'] !== TARGET) return fault(res, 400, 'UnknownOperationException', `only ${TARGET} is answered here`);
      let input: { DestinationPhoneNumber?: unknown; MessageBody?: unknown; OriginationIdentity?: unknown; MessageType?: unknown; Context?: Record<string, string> };
      try {
        input = JSON.parse(raw) as typeof input;
      } catch {
        return fault(res, 400, 'SerializationException', 'the body is not JSON');
      }
      const to = input.DestinationPhoneNumber;
      const body = input.MessageBody;
      if (typeof to !== 'string' || !E164.test(to)) return fault(res, 400, 'ValidationException', 'DestinationPhoneNumber must be E.164', { Reason: 'INVALID_PARAMETER' });
      if (typeof body !== 'string' || body.length === 0 || body.length > 1600) return fault(res, 400, 'ValidationException', 'MessageBody must be 1 to 1600 characters', { Reason: 'INVALID_PARAMETER' });
      if (optedOut.has(to)) {
        return fault(res, 400, 'ConflictException', 'the destination phone number has opted out', {
          Reason: 'DESTINATION_PHONE_NUMBER_OPTED_OUT', ResourceType: 'opt-out-list', ResourceId: 'Default',
        });
      }
      messages.push({ to, body, at: new Date().toISOString() });
      const messageId = randomUUID();
      answer(res, 200, { MessageId: messageId });
      options.publish?.(
        textQueuedEvent({
          to,
          from: typeof input.OriginationIdentity === 'string' ? input.OriginationIdentity : '',
          messageId,
          messageType: typeof input.MessageType === 'string' ? input.MessageType : 'TRANSACTIONAL',
          context: input.Context,
        }),
      );
    })().catch(() => {
      if (!res.headersSent) fault(res, 500, 'InternalServerException', 'the local SMS endpoint failed');
    });
  });
  return listenAt(server, port, host);
}

export async function receivedTexts(endpoint: string): Promise<ReceivedText[]> {
  const response = await fetch(`${endpoint}/store`);
  return ((await response.json()) as { messages: ReceivedText[] }).messages;
}
