/**
 * GET /assets/{file+}: the stylesheet (GOV.UK Frontend compiled with Arial:
 * the GDS Transport font is for GOV.UK services only) and GOV.UK Frontend's
 * JavaScript. A small fixed list, read once per warm function.
 */
import middy from '@middy/core';
import { withLogContext } from '#platform/log.js';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { assetsDir } from '#web/assets.js';
import { govukFrontendDist } from '#web/render.js';

const FILES: Record<string, { path: () => string; type: string }> = {
  'kept.css': { path: () => resolve(assetsDir(), 'kept.css'), type: 'text/css; charset=utf-8' },
  'govuk-frontend.min.js': { path: () => resolve(govukFrontendDist(), 'govuk/govuk-frontend.min.js'), type: 'text/javascript; charset=utf-8' },
  'init.js': { path: () => resolve(assetsDir(), 'init.js'), type: 'text/javascript; charset=utf-8' },
};
const cache = new Map<string, string>();

type Result = { statusCode: number; headers: Record<string, string>; body: string };

export const handler = middy<APIGatewayProxyEventV2, Result>().use(withLogContext()).handler(async (event): Promise<Result> => {
  const name = event.pathParameters?.file ?? '';
  const file = FILES[name];
  if (!file) return { statusCode: 404, headers: { 'content-type': 'text/plain' }, body: 'not found' };
  let body = cache.get(name);
  if (body === undefined) {
    body = readFileSync(file.path(), 'utf8');
    cache.set(name, body);
  }
  return { statusCode: 200, headers: { 'content-type': file.type, 'cache-control': 'public, max-age=3600', 'x-content-type-options': 'nosniff' }, body };
});
