/**
 * SES's event publishing, which the aws-ses-v2-local emulator does not do:
 * a relay in front of the emulator that passes every request through (so
 * its inbox page and `GET /store` answer on the relay's port) and, for each
 * email the emulator accepts, publishes the `Send` event the configuration
 * set's event destination would, with the message id and the email's tags
 * in `mail.tags`. The emulator's store keeps no tags, so the relay reads
 * them from the request: SendEmail in the query protocol Kept's SES client
 * speaks (`Tags.member.N.Name`/`.Value`), or SESv2's `EmailTags`.
 */
import { type IncomingMessage, createServer } from 'node:http';
import { type LocalEndpoint, listenAt } from './endpoint.js';

interface Accepted {
  messageId: string;
  source: string;
  to: string[];
  configurationSet?: string;
  tags: Array<{ name: string; value: string }>;
}

/** The `Send` event SES publishes for an email it accepted (the fields Kept reads, and a few more). */
export function sesSendEvent(email: Accepted, at = new Date()): object {
  const tags: Record<string, string[]> = {};
  if (email.configurationSet) tags['ses:configuration-set'] = [email.configurationSet];
  for (const t of email.tags) tags[t.name] = [...(tags[t.name] ?? []), t.value];
  return {
    eventType: 'Send',
    mail: {
      timestamp: at.toISOString(),
      source: email.source,
      sendingAccountId: '000000000000',
      messageId: email.messageId,
      destination: email.to,
      headersTruncated: false,
      tags,
    },
    send: {},
  };
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** What an accepted send said, from its request and the emulator's answer; null when it was no send. */
function acceptedOf(path: string, contentType: string, body: string, answer: string): Accepted | null {
  if (path === '/' && contentType.includes('application/x-www-form-urlencoded')) {
    const form = new URLSearchParams(body);
    if (form.get('Action') !== 'SendEmail') return null;
    const messageId = /<MessageId>([^<]+)<\/MessageId>/.exec(answer)?.[1];
    if (!messageId) return null;
    const tags: Accepted['tags'] = [];
    for (let n = 1; form.has(`Tags.member.${n}.Name`); n++) tags.push({ name: form.get(`Tags.member.${n}.Name`)!, value: form.get(`Tags.member.${n}.Value`) ?? '' });
    const to: string[] = [];
    for (let n = 1; form.has(`Destination.ToAddresses.member.${n}`); n++) to.push(form.get(`Destination.ToAddresses.member.${n}`)!);
    return { messageId, source: form.get('Source') ?? '', to, configurationSet: form.get('ConfigurationSetName') ?? undefined, tags };
  }
  if (path === '/v2/email/outbound-emails') {
    const input = JSON.parse(body) as { FromEmailAddress?: string; Destination?: { ToAddresses?: string[] }; ConfigurationSetName?: string; EmailTags?: Array<{ Name: string; Value: string }> };
    const { MessageId } = JSON.parse(answer) as { MessageId?: string };
    if (!MessageId) return null;
    return {
      messageId: MessageId,
      source: input.FromEmailAddress ?? '',
      to: input.Destination?.ToAddresses ?? [],
      configurationSet: input.ConfigurationSetName,
      tags: (input.EmailTags ?? []).map((t) => ({ name: t.Name, value: t.Value })),
    };
  }
  return null;
}

const HOP_BY_HOP = new Set(['host', 'connection', 'content-length', 'transfer-encoding', 'keep-alive']);

/** Listens on `port` (0: any free one) in front of the emulator at `emulator`; each accepted email's Send event goes to `publish`. */
export async function startSesRelay(port: number, emulator: string, publish: (event: object) => void, host = '127.0.0.1'): Promise<LocalEndpoint> {
  const server = createServer((req, res) => {
    void (async () => {
      const body = await readBody(req);
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers)) if (v !== undefined && !HOP_BY_HOP.has(k)) headers[k] = Array.isArray(v) ? v.join(',') : v;
      const method = req.method ?? 'GET';
      const answer = await fetch(`${emulator}${req.url ?? '/'}`, { method, headers, body: method === 'GET' || method === 'HEAD' ? undefined : new Uint8Array(body) });
      const text = Buffer.from(await answer.arrayBuffer());
      const out: Record<string, string> = {};
      answer.headers.forEach((value, key) => {
        if (!HOP_BY_HOP.has(key) && key !== 'content-encoding') out[key] = value;
      });
      res.writeHead(answer.status, out);
      res.end(text);
      if (method !== 'POST' || answer.status !== 200) return;
      let accepted: Accepted | null = null;
      try {
        accepted = acceptedOf((req.url ?? '/').split('?')[0]!, req.headers['content-type'] ?? '', body.toString('utf8'), text.toString('utf8'));
      } catch {
        accepted = null;
      }
      if (accepted) publish(sesSendEvent(accepted));
    })().catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ message: `the local SES relay failed: ${(error as Error).message}` }));
    });
  });
  return listenAt(server, port, host);
}
