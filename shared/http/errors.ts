/**
 * Domain errors as HTTP answers: the one mapping the JSON API and the web
 * pages share. Anything else is not the caller's doing (5xx).
 */
import { AlreadyExists, ConcurrentChange, Forbidden, InvalidInput, NotFound, StaleVersion, Unavailable, type FieldProblem } from '#domain/errors.js';
import { Unauthenticated } from '#auth/verify.js';

/** An error that already carries its status (bad input found at the edge, before any use case runs). */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly problems?: FieldProblem[],
  ) {
    super(message);
  }
}

export interface ErrorAnswer {
  status: number;
  message: string;
  problems?: FieldProblem[];
  headers?: Record<string, string>;
}

/** DynamoDB (or another AWS service) refusing for now: worth trying again shortly, nothing was changed. */
export function isStorageUnavailable(error: unknown): boolean {
  const name = (error as { name?: string })?.name ?? '';
  return /Throttl|ProvisionedThroughputExceeded|RequestLimitExceeded|ServiceUnavailable|InternalServerError|TimeoutError/.test(name);
}

/** The answer for an error a person can act on (or wait out), or null for a fault of ours. */
export function answerFor(error: unknown): ErrorAnswer | null {
  if (error instanceof HttpError) return { status: error.status, message: error.message, ...(error.problems ? { problems: error.problems } : {}) };
  if (error instanceof Unauthenticated) return { status: 401, message: error.message, headers: { 'www-authenticate': 'Bearer' } };
  if (error instanceof InvalidInput) return { status: 400, message: error.message, problems: error.problems };
  if (error instanceof Forbidden) return { status: 403, message: error.message };
  if (error instanceof NotFound) return { status: 404, message: error.message };
  if (error instanceof AlreadyExists) return { status: 409, message: error.message };
  if (error instanceof StaleVersion) return { status: 409, message: error.message };
  if (error instanceof ConcurrentChange) return { status: 503, message: error.message, headers: { 'retry-after': '1' } };
  if (error instanceof Unavailable) return { status: 503, message: error.message, headers: { 'retry-after': '2' } };
  if (isStorageUnavailable(error)) {
    return { status: 503, message: 'Kept could not reach its storage just now; nothing was changed. Please try again.', headers: { 'retry-after': '2' } };
  }
  return null;
}
