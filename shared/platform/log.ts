/**
 * Structured JSON log lines, one per event, as CloudWatch reads them, written
 * by Powertools for AWS Lambda's Logger. Handlers that use `withLogContext()`
 * add the Lambda request id, function name and cold-start flag to every line.
 *
 * Callers pass identifiers (case references, staff ids, counts), never names,
 * dates of birth or answers; `Fields` takes flat values only, so a whole
 * object (a child's record, a request body) cannot be logged by accident. A
 * test runs a whole demo day and scans every line for personal data.
 *
 * The level comes from the environment: POWERTOOLS_LOG_LEVEL or LOG_LEVEL
 * (DEBUG, INFO, WARN, ERROR, SILENT; INFO when unset), or Lambda's own log
 * level setting. KEPT_LOG=silent prints nothing (tests set it).
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { LogItem } from '@aws-lambda-powertools/logger';
import type { MiddlewareObj } from '@middy/core';

export type Fields = Record<string, string | number | boolean | null | undefined>;

let sink: ((line: string) => void) | null = null;

/** Powertools' Logger, printing to a capture when a test asks for one. */
class KeptLogger extends Logger {
  protected override printLog(logLevel: number, item: LogItem): void {
    if (sink) return sink(JSON.stringify(item.getAttributes(), this.getJsonReplacer()));
    if (process.env.KEPT_LOG === 'silent') return;
    super.printLog(logLevel, item);
  }
}

const logger = new KeptLogger({ serviceName: process.env.POWERTOOLS_SERVICE_NAME || 'kept' });

export const log = {
  /** Shown only with POWERTOOLS_LOG_LEVEL=DEBUG. */
  debug: (message: string, fields: Fields = {}) => logger.debug(message, fields),
  info: (message: string, fields: Fields = {}) => logger.info(message, fields),
  warn: (message: string, fields: Fields = {}) => logger.warn(message, fields),
  error: (message: string, fields: Fields = {}) => logger.error(message, fields),
};

/**
 * middy: puts the invocation's Lambda context (request id, function name,
 * cold start) on every line logged while it runs. The event itself is never
 * logged, whatever POWERTOOLS_LOGGER_LOG_EVENT says: it holds personal data.
 */
export function withLogContext<TEvent = unknown, TResult = unknown>(): MiddlewareObj<TEvent, TResult> {
  return injectLambdaContext(logger, { logEvent: false, resetKeys: true });
}

/** Collects every log line instead of printing it (for tests that read the logs). */
export function captureLogs(): { lines: string[]; stop(): void } {
  const lines: string[] = [];
  sink = (line) => void lines.push(line);
  return { lines, stop: () => void (sink = null) };
}
