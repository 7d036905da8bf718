/** GET /privacy, /privacy/young, /accessibility, /cookies: the pages every footer links to (public). */
import middy from '@middy/core';
import { withLogContext } from '#platform/log.js';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { HttpResult } from '#http/responses.js';
import { legalPage } from '#web/pages/legal.js';
import { withFaultPage } from '#web/pages/page.js';
import { store } from '#services/context.js';
import { config } from '#platform/config.js';

export const handler = middy<APIGatewayProxyEventV2, HttpResult>().use(withLogContext()).handler((event) =>
  withFaultPage(event, config.appUrl, 'legal page', ['Please try again in a few minutes.'], () => legalPage(event, { store: store(), appUrl: config.appUrl, councilId: config.councilId })),
);
