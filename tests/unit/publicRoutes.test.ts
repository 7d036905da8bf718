/**
 * A public route (no sign-in) is handed a request without a principal: its
 * handler cannot read one by mistake, in the types (the @ts-expect-error
 * lines fail `tsc` if a principal ever becomes readable) or at run time.
 */
import { describe, expect, it } from 'vitest';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { api } from '#http/api.js';
import { json } from '#http/responses.js';

const event = (): APIGatewayProxyEventV2 => ({
  version: '2.0', routeKey: 'GET /health', rawPath: '/health', rawQueryString: '', headers: {}, isBase64Encoded: false,
  requestContext: { accountId: 'x', apiId: 'x', domainName: 'x', domainPrefix: 'x', requestId: 'x', routeKey: 'GET /health', stage: '$default', time: '', timeEpoch: 0, http: { method: 'GET', path: '/health', protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: '' } },
});

describe('public routes', () => {
  it('give their handler no principal to read', async () => {
    let seen: string[] = [];
    const handler = api({ roles: 'public' }, async (request) => {
      seen = Object.keys(request);
      // @ts-expect-error a public route has no signed-in person
      void request.principal;
      return json(200, { ok: true });
    });
    const result = await handler(event(), {} as Context);
    expect(result.statusCode).toBe(200);
    expect(seen).not.toContain('principal');
  });

  it('keep the principal on signed-in routes, which refuse a caller without a token', async () => {
    const handler = api({ roles: ['admin'] }, async ({ principal }) => json(200, { role: principal.role }));
    const result = await handler(event(), {} as Context);
    expect(result.statusCode).toBe(401);
  });
});
