/**
 * The shape every API handler shares: a middy handler that authenticates,
 * checks the role, validates input with zod and turns errors into answers
 * a person can act on. Handlers only say what they need and what they do.
 */
import middy from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import type * as z from 'zod/mini';
import type { Role } from '#domain/principal.js';
import { type Principal, Unauthenticated, verifyBearer } from '#auth/verify.js';
import { problemsOf } from '#domain/validation.js';
import { Forbidden } from '#domain/errors.js';
import { HttpError, answerFor } from './errors.js';
import { log, withLogContext } from '#platform/log.js';

export type Result = APIGatewayProxyResultV2 & { statusCode: number; headers: Record<string, string>; body: string };

export { HttpError };

export const notFound = (what: string) => new HttpError(404, what);

const SECURITY_HEADERS = {
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Result {
  return {
    statusCode: status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...SECURITY_HEADERS, ...headers },
    body: JSON.stringify(body),
  };
}

export function raw(status: number, contentType: string, body: string, headers: Record<string, string> = {}): Result {
  return { statusCode: status, headers: { 'content-type': contentType, ...SECURITY_HEADERS, ...headers }, body };
}

export interface ApiRequest<B, P, Q> {
  event: APIGatewayProxyEventV2;
  principal: Principal;
  body: B;
  params: P;
  query: Q;
}

interface Options<B extends z.ZodMiniType | undefined, P extends z.ZodMiniType | undefined, Q extends z.ZodMiniType | undefined> {
  /** Who may call; `public` skips sign-in (health, calendar feed). */
  roles: readonly Role[] | 'public';
  body?: B;
  params?: P;
  query?: Q;
}

type Out<S> = S extends z.ZodMiniType ? z.output<S> : undefined;

function parse<S extends z.ZodMiniType>(schema: S, value: unknown, where: string): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) {
    const problems = problemsOf(result.error, where === 'body' ? '' : where);
    throw new HttpError(400, problems.map((p) => `${p.field}: ${p.message}`).join('; '), problems);
  }
  return result.data;
}

function readBody(event: APIGatewayProxyEventV2): unknown {
  if (!event.body) throw new HttpError(400, 'the request needs a JSON body', [{ field: '(body)', message: 'is required: send JSON' }]);
  const text = event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, 'the request body is not valid JSON', [{ field: '(body)', message: 'is not valid JSON' }]);
  }
}

function header(event: APIGatewayProxyEventV2, name: string): string | undefined {
  const headers = event.headers ?? {};
  return headers[name] ?? headers[name.toLowerCase()] ?? Object.entries(headers).find(([k]) => k.toLowerCase() === name)?.[1];
}

export function errorResult(error: unknown, route: string): Result {
  if (error instanceof Unauthenticated) return json(401, { error: error.message }, { 'www-authenticate': 'Bearer' });
  const answer = answerFor(error);
  if (answer) return json(answer.status, { error: answer.message, ...(answer.problems ? { problems: answer.problems } : {}) }, answer.headers);
  const name = (error as { name?: string })?.name ?? 'Error';
  if (/Throttl|ProvisionedThroughputExceeded|RequestLimitExceeded|ServiceUnavailable|InternalServerError|TimeoutError/.test(name)) {
    log.warn('storage unavailable', { route, error: name });
    return json(503, { error: 'Kept could not reach its storage just now; nothing was changed. Please try again.' }, { 'retry-after': '2' });
  }
  log.error('unhandled error', { route, error: name });
  return json(500, { error: 'something went wrong on our side; nothing was changed' });
}

type KeptEvent = APIGatewayProxyEventV2 & { kept?: { principal: Principal; body: unknown; params: unknown; query: unknown } };

/** middy: verifies the bearer token and the caller's role. */
function authenticate(roles: readonly Role[] | 'public'): middy.MiddlewareObj<KeptEvent, Result> {
  return {
    before: async ({ event }) => {
      const principal = roles === 'public' ? (null as unknown as Principal) : await verifyBearer(header(event, 'authorization'));
      if (roles !== 'public' && !roles.includes(principal.role)) throw new Forbidden(`a ${principal.role} cannot do this`);
      event.kept = { principal, body: undefined, params: undefined, query: undefined };
    },
  };
}

/** middy: validates path, query and body with their zod schemas. */
function validate(schemas: { body?: z.ZodMiniType; params?: z.ZodMiniType; query?: z.ZodMiniType }): middy.MiddlewareObj<KeptEvent, Result> {
  return {
    before: ({ event }) => {
      const kept = event.kept!;
      if (schemas.params) kept.params = parse(schemas.params, event.pathParameters ?? {}, 'path');
      if (schemas.query) kept.query = parse(schemas.query, event.queryStringParameters ?? {}, 'query');
      if (schemas.body) kept.body = parse(schemas.body, readBody(event), 'body');
    },
  };
}

/** middy: one structured line per request: route, status, role and time taken; no path values, no bodies. */
function requestLog(): middy.MiddlewareObj<KeptEvent, Result> {
  const started = new WeakMap<object, number>();
  const line = (request: middy.Request<KeptEvent, Result>) =>
    log.info('request', {
      route: request.event.routeKey,
      status: request.response?.statusCode,
      role: request.event.kept?.principal?.role ?? null,
      ms: Math.round(performance.now() - (started.get(request) ?? performance.now())),
    });
  return {
    before: (request) => void started.set(request, performance.now()),
    after: line,
    onError: line,
  };
}

/** middy: every error becomes a JSON answer; nothing personal is logged. */
function httpErrors(): middy.MiddlewareObj<KeptEvent, Result> {
  return {
    onError: (request) => {
      request.response = errorResult(request.error, request.event.routeKey ?? request.event.rawPath);
    },
  };
}

export function api<
  B extends z.ZodMiniType | undefined = undefined,
  P extends z.ZodMiniType | undefined = undefined,
  Q extends z.ZodMiniType | undefined = undefined,
>(options: Options<B, P, Q>, run: (request: ApiRequest<Out<B>, Out<P>, Out<Q>>) => Promise<Result>) {
  return middy<KeptEvent, Result>()
    .use(withLogContext())
    .use(requestLog())
    .use(httpErrors())
    .use(authenticate(options.roles))
    .use(validate(options))
    .handler(async (event) => {
      const { principal, body, params, query } = event.kept!;
      return run({ event, principal, body: body as Out<B>, params: params as Out<P>, query: query as Out<Q> });
    });
}
