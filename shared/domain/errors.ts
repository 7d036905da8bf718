/**
 * What can go wrong, in the domain's words. Use cases and the store throw
 * these; the JSON API and the web pages each map them to a status code
 * (shared/http/api.ts, shared/web), so no use case knows about HTTP.
 */
export { InvalidInput, type FieldProblem } from './validation.js';

/** Nothing by that id in this council (404). */
export class NotFound extends Error {
  override readonly name = 'NotFound';
}

/** The caller is signed in but may not do this (403). */
export class Forbidden extends Error {
  override readonly name = 'Forbidden';
}

/** Something with that id or address is already there (409). */
export class AlreadyExists extends Error {
  override readonly name = 'AlreadyExists';
}

/** The change was made against a version of the record that someone has changed since (409): read it again first. */
export class StaleVersion extends Error {
  override readonly name = 'StaleVersion';
}

/** The record kept changing under us; trying again will usually work (503, retry). */
export class ConcurrentChange extends Error {
  override readonly name = 'ConcurrentChange';
}

/**
 * A safeguard could not be kept just now, so nothing was shown or changed
 * (for example, the audit entry a read needs could not be written) (503).
 */
export class Unavailable extends Error {
  override readonly name = 'Unavailable';
}
