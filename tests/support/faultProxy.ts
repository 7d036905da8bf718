/**
 * A fault-injecting HTTP proxy on loopback: it forwards each request to a
 * real service (DynamoDB Local, the SES emulator) unless the test's rule
 * says to fail it, before forwarding ("the call never arrived") or after
 * ("it happened, but the answer was lost").
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

export type Fault = { status: number; body: string; contentType: string; after?: boolean };
export type Rule = (request: { body: string; headers: IncomingMessage['headers']; n: number }) => Fault | null;

export interface FaultProxy {
  url: string;
  rule: Rule;
  requests: number;
  stop(): Promise<void>;
}

export async function startFaultProxy(target: string): Promise<FaultProxy> {
  const proxy: FaultProxy = { url: '', rule: () => null, requests: 0, stop: async () => undefined };
  const relay = async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    proxy.requests += 1;
    const fault = proxy.rule({ body, headers: req.headers, n: proxy.requests });
    const fail = () => {
      res.writeHead(fault!.status, { 'content-type': fault!.contentType });
      res.end(fault!.body);
    };
    if (fault && !fault.after) return fail();
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string' && k !== 'host' && k !== 'content-length') headers[k] = v;
    const upstream = await fetch(`${target}${req.url}`, { method: req.method, headers, body: req.method === 'GET' || req.method === 'HEAD' ? undefined : body });
    const text = await upstream.text();
    if (fault?.after) return fail();
    const out: Record<string, string> = {};
    upstream.headers.forEach((v, k) => {
      if (!['content-length', 'content-encoding', 'transfer-encoding', 'connection'].includes(k)) out[k] = v;
    });
    res.writeHead(upstream.status, out);
    res.end(text);
  };
  // An upstream that cannot be reached answers 502, as a real proxy would.
  const server: Server = createServer((req, res) => {
    relay(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(`fault proxy: ${String(error)}`);
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', () => ok()));
  const { port } = server.address() as { port: number };
  proxy.url = `http://127.0.0.1:${port}`;
  proxy.stop = () => new Promise((ok) => server.close(() => ok()));
  return proxy;
}

/** What SES answers when it throttles (its Query API's XML error). */
export const sesThrottling: Fault = {
  status: 400,
  contentType: 'text/xml',
  body: '<ErrorResponse xmlns="http://ses.amazonaws.com/doc/2010-12-01/"><Error><Type>Sender</Type><Code>Throttling</Code><Message>Maximum sending rate exceeded.</Message></Error><RequestId>fault-1</RequestId></ErrorResponse>',
};
export const sesServerError: Fault = {
  status: 500,
  contentType: 'text/xml',
  body: '<ErrorResponse xmlns="http://ses.amazonaws.com/doc/2010-12-01/"><Error><Type>Receiver</Type><Code>InternalFailure</Code><Message>Internal failure.</Message></Error><RequestId>fault-2</RequestId></ErrorResponse>',
};
export const dynamoThrottling: Fault = {
  status: 400,
  contentType: 'application/x-amz-json-1.0',
  body: JSON.stringify({ __type: 'com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException', message: 'The level of configured provisioned throughput for the table was exceeded.' }),
};
export const dynamoServerError: Fault = {
  status: 500,
  contentType: 'application/x-amz-json-1.0',
  body: JSON.stringify({ __type: 'com.amazonaws.dynamodb.v20120810#InternalServerError', message: 'Internal server error' }),
};
