/** GET /case/{id}: a child's page in the browser, for those allowed to see the case (session cookie). */
import middy from '@middy/core';
import { withLogContext } from '#platform/log.js';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { HttpResult } from '#http/responses.js';
import { childPage } from '#web/pages/child.js';
import { withFaultPage } from '#web/pages/page.js';
import { auditLog, store, surveyStore } from '#services/context.js';
import { config, today } from '#platform/config.js';

export const handler = middy<APIGatewayProxyEventV2, HttpResult>().use(withLogContext()).handler((event) =>
  withFaultPage(event, config.appUrl, 'case page', ['Please try again in a few minutes.'], () => childPage(event, { store: store(), surveys: surveyStore(), audit: auditLog(), appUrl: config.appUrl, today: today() })),
);
