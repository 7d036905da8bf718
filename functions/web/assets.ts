/**
 * GET /assets/{file+}: the stylesheet (GOV.UK Frontend compiled with Arial:
 * the GDS Transport font is for GOV.UK services only), GOV.UK Frontend's
 * JavaScript, the read-aloud script and the pictures the survey definitions
 * name (pictures/<file>.svg). A fixed list, read once per warm function.
 */
import middy from '@middy/core';
import { withLogContext } from '#platform/log.js';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { assetsDir } from '#web/assets.js';
import { govukFrontendDist } from '#web/render.js';
import { SURVEYS } from '#domain/surveys/definitions.js';

const SVG = 'image/svg+xml';
const pictures = new Set(SURVEYS.flatMap((d) => d.sections.flatMap((s) => (s.picture ? [s.picture.file] : []))));

const FILES: Record<string, { path: () => string; type: string }> = {
  'kept.css': { path: () => resolve(assetsDir(), 'kept.css'), type: 'text/css; charset=utf-8' },
  'govuk-frontend.min.js': { path: () => resolve(govukFrontendDist(), 'govuk/govuk-frontend.min.js'), type: 'text/javascript; charset=utf-8' },
  'init.js': { path: () => resolve(assetsDir(), 'init.js'), type: 'text/javascript; charset=utf-8' },
  'read-aloud.js': { path: () => resolve(assetsDir(), 'read-aloud.js'), type: 'text/javascript; charset=utf-8' },
  ...Object.fromEntries([...pictures].map((file) => [`pictures/${file}`, { path: () => resolve(assetsDir(), 'pictures', file), type: SVG }])),
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
  // A picture opened on its own runs nothing and loads nothing.
  const lockedDown: Record<string, string> = file.type === SVG ? { 'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'" } : {};
  return { statusCode: 200, headers: { 'content-type': file.type, 'cache-control': 'public, max-age=3600', 'x-content-type-options': 'nosniff', ...lockedDown }, body };
});
