/**
 * The shape every API handler shares: a middy handler that authenticates,
 * checks the role, validates input with zod and turns errors into answers
 * a person can act on. Handlers only say what they need and what they do.
 * A public route's handler is given no principal at all, so it cannot read
 * one by mistake.
 */
import middy from '@middy/core';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type * as z from 'zod/mini';
import type { Role } from '#domain/principal.js';
import { type Principal, verifyBearer } from '#auth/verify.js';
import { problemsOf } from '#domain/validation.js';
import { Forbidden } from '#domain/errors.js';
import { HttpError, answerFor } from './errors.js';
import { type HttpResult, json } from './responses.js';
import { log, withLogContext } from '#platform/log.js';

/** What a public route's handler gets: the validated input, and no principal. */
export interface PublicRequest<B, P, Q> {
  event: APIGatewayProxyEventV2;
  body: B;
  params: P;
  query: Q;
}

/** What a signed-in route's handler gets: the validated input and who is calling. */
export interface ApiRequest<B, P, Q> extends PublicRequest<B, P, Q> {
  principal: Principal;
}

interface Schemas<B extends z.ZodMiniType | undefined, P extends z.ZodMiniType | undefined, Q extends z.ZodMiniType | undefined> {
  body?: B;
  params?: P;
  query?: Q;
}

type Out<S> = S extends z.ZodMiniType ? z.output<S> : undefined;
type Handler = middy.MiddyfiedHandler<APIGatewayProxyEventV2, HttpResult>;

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
  return headers[name] ?? Object.entries(headers).find(([k]) => k.toLowerCase() === name)?.[1];
}

/** The JSON answer for any error: the shared mapping, else a 500 that says nothing was changed. */
export function errorResult(error: unknown, route: string): HttpResult {
  const answer = answerFor(error);
  if (answer) {
    if (answer.status === 503) log.warn('unavailable', { route, error: (error as Error)?.name ?? 'Error' });
    return json(answer.status, { error: answer.message, ...(answer.problems ? { problems: answer.problems } : {}) }, answer.headers);
  }
  log.error('unhandled error', { route, error: (error as { name?: string })?.name ?? 'Error' });
  return json(500, { error: 'something went wrong on our side; nothing was changed' });
}

interface Kept {
  principal?: Principal;
  body?: unknown;
  params?: unknown;
  query?: unknown;
}
type KeptEvent = APIGatewayProxyEventV2 & { kept?: Kept };

/** middy: verifies the bearer token and the caller's role (signed-in routes only). */
function authenticate(roles: readonly Role[]): middy.MiddlewareObj<KeptEvent, HttpResult> {
  return {
    before: async ({ event }) => {
      const principal = await verifyBearer(header(event, 'authorization'));
      if (!roles.includes(principal.role)) throw new Forbidden(`a ${principal.role} cannot do this`);
      event.kept = { ...event.kept, principal };
    },
  };
}

/** middy: validates path, query and body with their zod schemas. */
function validate(schemas: Schemas<z.ZodMiniType | undefined, z.ZodMiniType | undefined, z.ZodMiniType | undefined>): middy.MiddlewareObj<KeptEvent, HttpResult> {
  return {
    before: ({ event }) => {
      const kept: Kept = (event.kept ??= {});
      if (schemas.params) kept.params = parse(schemas.params, event.pathParameters ?? {}, 'path');
      if (schemas.query) kept.query = parse(schemas.query, event.queryStringParameters ?? {}, 'query');
      if (schemas.body) kept.body = parse(schemas.body, readBody(event), 'body');
    },
  };
}

/** middy: one structured line per request: route, status, role and time taken; no path values, no bodies. */
function requestLog(): middy.MiddlewareObj<KeptEvent, HttpResult> {
  const started = new WeakMap<object, number>();
  const line = (request: middy.Request<KeptEvent, HttpResult>) =>
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
function httpErrors(): middy.MiddlewareObj<KeptEvent, HttpResult> {
  return {
    onError: (request) => {
      request.response = errorResult(request.error, request.event.routeKey ?? request.event.rawPath);
    },
  };
}

/** A route anyone may call (health, the calendar feed with its own token): no sign-in, no principal. */
export function api<B extends z.ZodMiniType | undefined = undefined, P extends z.ZodMiniType | undefined = undefined, Q extends z.ZodMiniType | undefined = undefined>(
  options: Schemas<B, P, Q> & { roles: 'public' },
  run: (request: PublicRequest<Out<B>, Out<P>, Out<Q>>) => Promise<HttpResult>,
): Handler;
/** A route for signed-in staff in one of `roles`. */
export function api<B extends z.ZodMiniType | undefined = undefined, P extends z.ZodMiniType | undefined = undefined, Q extends z.ZodMiniType | undefined = undefined>(
  options: Schemas<B, P, Q> & { roles: readonly Role[] },
  run: (request: ApiRequest<Out<B>, Out<P>, Out<Q>>) => Promise<HttpResult>,
): Handler;
export function api(
  options: Schemas<z.ZodMiniType | undefined, z.ZodMiniType | undefined, z.ZodMiniType | undefined> & { roles: readonly Role[] | 'public' },
  run: (request: ApiRequest<unknown, unknown, unknown>) => Promise<HttpResult>,
): Handler {
  const chain = middy<KeptEvent, HttpResult>().use(withLogContext<KeptEvent, HttpResult>()).use(requestLog()).use(httpErrors());
  if (options.roles !== 'public') chain.use(authenticate(options.roles));
  return chain.use(validate(options)).handler(async (event) => {
    const { principal, body, params, query } = event.kept ?? {};
    const request = { event, body, params, query };
    // The public overload's handler takes a PublicRequest; this object has a principal only on signed-in routes.
    return run((principal ? { ...request, principal } : request) as ApiRequest<unknown, unknown, unknown>);
  });
}
