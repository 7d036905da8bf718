/**
 * The local HTTP API: each request becomes the API Gateway HTTP API (payload
 * v2) event the deployed handler would get, routed by infra/topology.ts to
 * the same handler module. Bearer tokens are checked by the handlers
 * themselves, exactly as in AWS.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { EXPORT_JOB_HANDLER, ROUTES, type RouteDeclaration } from '#infra/topology.js';
import { type JobRef, runJobsLocally } from '#platform/jobs.js';

type Handler = (
  event: APIGatewayProxyEventV2,
  context: Context,
) => Promise<{ statusCode: number; headers?: Record<string, string>; body?: string; cookies?: string[]; isBase64Encoded?: boolean }>;

interface CompiledRoute {
  route: RouteDeclaration;
  pattern: RegExp;
  names: string[];
}

const ROOT = resolve(import.meta.dirname, '../..');

function compile(route: RouteDeclaration): CompiledRoute {
  const names: string[] = [];
  // `{name}` is one path segment; `{name+}` (API Gateway's greedy form) is the rest of the path.
  const source = route.path.replace(/[.*?^$()|[\]\\]/g, '\\$&').replace(/\\?\{(\w+)(\+?)\\?\}/g, (_m, name: string, greedy: string) => {
    names.push(name);
    return greedy ? '(.+)' : '([^/]+)';
  });
  return { route, pattern: new RegExp(`^${source}$`), names };
}

const handlers = new Map<string, Promise<Handler>>();
export function loadHandler(module: string): Promise<Handler> {
  let h = handlers.get(module);
  if (!h) {
    h = import(pathToFileURL(resolve(ROOT, 'functions', `${module}.ts`)).href).then((m: { handler: Handler }) => m.handler);
    handlers.set(module, h);
  }
  return h;
}

export function lambdaContext(name: string, timeoutMs = 29_000): Context {
  const started = Date.now();
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName: `kept-${name.replace(/\//g, '-')}`,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:kept-${name}`,
    memoryLimitInMB: '512',
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/kept-${name}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, timeoutMs - (Date.now() - started)),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

/** API Gateway refuses payloads over its limit with 413; so does the local server. */
class BodyTooLarge extends Error {}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 1_000_000) throw new BodyTooLarge();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export interface ExtraRoute {
  method: string;
  path: string;
  respond: (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;
}

/**
 * The table's stream, for export jobs: the job's handler gets the insert
 * record it would get in AWS, in the background, with the job function's
 * timeout. Runs still going can be awaited (tests, the bench).
 */
const runningJobs = new Set<Promise<unknown>>();
function runJob(job: JobRef): void {
  const record = {
    eventName: 'INSERT' as const,
    dynamodb: { NewImage: { councilId: { S: job.councilId }, id: { S: job.id }, itemType: { S: EXPORT_JOB_HANDLER.streamItemType } } },
  };
  const run = loadHandler(EXPORT_JOB_HANDLER.handler)
    .then((handler) => (handler as unknown as (e: unknown, c: Context) => Promise<unknown>)({ Records: [record] }, lambdaContext(EXPORT_JOB_HANDLER.handler, EXPORT_JOB_HANDLER.timeoutMinutes * 60_000)))
    .catch((error: unknown) => process.stderr.write(`local job ${EXPORT_JOB_HANDLER.handler}: ${(error as Error).message}\n`))
    .finally(() => runningJobs.delete(run));
  runningJobs.add(run);
}

/** Waits for the export jobs the local server has started. */
export async function jobsSettled(): Promise<void> {
  while (runningJobs.size) await Promise.all(runningJobs);
}

export function createApiServer(extra: ExtraRoute[] = []): Server {
  runJobsLocally(runJob);
  const compiled = ROUTES.map(compile);
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const method = (req.method ?? 'GET').toUpperCase();
    try {
      const own = extra.find((r) => r.method === method && r.path === url.pathname);
      if (own) return void (await own.respond(req, res));

      let found: { c: CompiledRoute; match: RegExpExecArray } | undefined;
      let pathMatched = false;
      for (const c of compiled) {
        const match = c.pattern.exec(url.pathname);
        if (!match) continue;
        pathMatched = true;
        if (c.route.method === method) {
          found = { c, match };
          break;
        }
      }
      if (!found) {
        res.writeHead(pathMatched ? 405 : 404, { 'content-type': 'application/json' });
        return void res.end(JSON.stringify({ error: pathMatched ? 'method not allowed' : 'no such route' }));
      }
      const { c, match } = found;
      let pathParameters: Record<string, string>;
      try {
        pathParameters = Object.fromEntries(c.names.map((n, i) => [n, decodeURIComponent(match[i + 1]!)]));
      } catch {
        res.writeHead(400, { 'content-type': 'application/json' });
        return void res.end(JSON.stringify({ error: 'path: is not a valid address', problems: [{ field: 'path', message: 'has a broken %-escape' }] }));
      }
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers[k.toLowerCase()] = Array.isArray(v) ? v.join(',') : v;
      const query: Record<string, string> = {};
      for (const [k, v] of url.searchParams) query[k] = k in query ? `${query[k]},${v}` : v;
      const body = method === 'GET' || method === 'HEAD' ? '' : await readBody(req);
      const now = new Date();
      const routeKey = `${c.route.method} ${c.route.path}`;
      const event: APIGatewayProxyEventV2 = {
        version: '2.0',
        routeKey,
        rawPath: url.pathname,
        rawQueryString: url.search.slice(1),
        headers,
        queryStringParameters: Object.keys(query).length ? query : undefined,
        pathParameters: c.names.length ? pathParameters : undefined,
        cookies: headers.cookie ? headers.cookie.split(';').map((c) => c.trim()) : undefined,
        body: body || undefined,
        isBase64Encoded: false,
        requestContext: {
          accountId: 'local',
          apiId: 'local',
          domainName: headers.host ?? 'localhost',
          domainPrefix: 'localhost',
          http: { method, path: url.pathname, protocol: 'HTTP/1.1', sourceIp: req.socket.remoteAddress ?? '127.0.0.1', userAgent: headers['user-agent'] ?? '' },
          requestId: randomUUID(),
          routeKey,
          stage: '$default',
          time: now.toUTCString(),
          timeEpoch: now.getTime(),
        },
      };
      const handler = await loadHandler(c.route.handler);
      const result = await handler(event, lambdaContext(c.route.handler));
      res.writeHead(result.statusCode, { ...(result.headers ?? {}), ...(result.cookies?.length ? { 'set-cookie': result.cookies } : {}) });
      res.end(result.isBase64Encoded ? Buffer.from(result.body ?? '', 'base64') : (result.body ?? ''));
    } catch (error) {
      if (error instanceof BodyTooLarge) {
        res.writeHead(413, { 'content-type': 'application/json' });
        return void res.end(JSON.stringify({ error: 'the request body is larger than 1 MB' }));
      }
      process.stderr.write(`local api: ${(error as Error).message}\n`);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: 'the local server failed; see its log' }));
    }
  };
  return createServer((req, res) => void handle(req, res));
}

export function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      resolveListen(typeof address === 'object' && address ? address.port : port);
    });
  });
}
