/**
 * The log facade: flat fields only, the Lambda context on every line once
 * withLogContext() has run, the level from the environment, KEPT_LOG=silent.
 */
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { captureLogs, log, type Fields } from '#platform/log.js';

function fakeContext(requestId: string): Context {
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName: 'kept-api-get-child',
    functionVersion: '$LATEST',
    invokedFunctionArn: 'arn:aws:lambda:eu-west-2:123456789012:function:kept-api-get-child',
    memoryLimitInMB: '512',
    awsRequestId: requestId,
    logGroupName: '/aws/lambda/kept-api-get-child',
    logStreamName: 'stream',
    getRemainingTimeInMillis: () => 10_000,
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

const parsed = (lines: string[]) => lines.map((line) => JSON.parse(line) as Record<string, unknown>);

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
  vi.resetModules();
});

describe('log', () => {
  it('writes one JSON line with the level, the message and the fields', () => {
    const capture = captureLogs();
    try {
      log.warn('storage unavailable', { route: 'GET /children', status: 503, retried: true, role: null, staffId: undefined });
    } finally {
      capture.stop();
    }
    expect(capture.lines).toHaveLength(1);
    const [line] = parsed(capture.lines);
    expect(line).toMatchObject({ level: 'WARN', message: 'storage unavailable', route: 'GET /children', status: 503, retried: true, role: null });
    expect(line).not.toHaveProperty('staffId');
    expect(Date.parse(String(line!.timestamp))).not.toBeNaN();
  });

  it('takes flat values only: a whole object does not compile', () => {
    const child = { firstName: 'Amara', dateOfBirth: '2015-03-02' };
    const flat: Fields = { childId: 'C-1001', facts: 3 };
    // @ts-expect-error a record is not a field value: log its id instead
    const nested: Fields = { child };
    // @ts-expect-error nor is a list
    const list: Fields = { ids: ['C-1001'] };
    expect([flat, nested, list]).toHaveLength(3);
  });

  it('carries the request id, function name and cold start on every line once withLogContext() has run', async () => {
    // Lambda sets this for an environment started on demand; only then is the first invocation a cold start.
    vi.stubEnv('AWS_LAMBDA_INITIALIZATION_TYPE', 'on-demand');
    const fresh = await import('#platform/log.js');
    const handler = middy(async (event: { n: number }) => {
      fresh.log.info('working', { n: event.n });
      fresh.log.error('failed', { n: event.n });
      return 'done';
    }).use(fresh.withLogContext());
    const capture = fresh.captureLogs();
    try {
      await handler({ n: 1 }, fakeContext('req-1'));
      await handler({ n: 2 }, fakeContext('req-2'));
    } finally {
      capture.stop();
    }
    const lines = parsed(capture.lines);
    expect(lines.map((l) => [l.message, l.function_request_id, l.function_name, l.cold_start])).toEqual([
      ['working', 'req-1', 'kept-api-get-child', true],
      ['failed', 'req-1', 'kept-api-get-child', true],
      ['working', 'req-2', 'kept-api-get-child', false],
      ['failed', 'req-2', 'kept-api-get-child', false],
    ]);
  });

  it('never logs the event, even when POWERTOOLS_LOGGER_LOG_EVENT asks for it', async () => {
    vi.stubEnv('POWERTOOLS_LOGGER_LOG_EVENT', 'true');
    const fresh = await import('#platform/log.js');
    const handler = middy(async () => 'done').use(fresh.withLogContext());
    const capture = fresh.captureLogs();
    try {
      await handler({ firstName: 'Amara' }, fakeContext('req-3'));
    } finally {
      capture.stop();
    }
    expect(capture.lines.join('\n')).not.toContain('Amara');
  });

  it('takes its level from POWERTOOLS_LOG_LEVEL or LOG_LEVEL', async () => {
    for (const name of ['POWERTOOLS_LOG_LEVEL', 'LOG_LEVEL']) {
      vi.resetModules();
      vi.stubEnv(name, 'WARN');
      const fresh = await import('#platform/log.js');
      const capture = fresh.captureLogs();
      try {
        fresh.log.info('quiet');
        fresh.log.warn('loud');
      } finally {
        capture.stop();
      }
      expect(parsed(capture.lines).map((l) => l.message), name).toEqual(['loud']);
      vi.unstubAllEnvs();
    }
  });

  it('prints to standard output, and nothing with KEPT_LOG=silent', async () => {
    vi.stubEnv('KEPT_LOG', '');
    const written: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    const fresh = await import('#platform/log.js');
    fresh.log.info('printed', { childId: 'C-1' });
    vi.stubEnv('KEPT_LOG', 'silent');
    fresh.log.info('not printed');
    vi.restoreAllMocks();
    expect(written.filter((w) => w.includes('"message"')).map((w) => (JSON.parse(w) as { message: string }).message)).toEqual(['printed']);
  });
});
