/** /children/{id}/facts/{factId}/recorded-in-error: withdraw a fact recorded in error, after confirming (session cookie). */
import middy from '@middy/core';
import { withLogContext } from '#platform/log.js';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { HttpResult } from '#http/responses.js';
import { correctionPage } from '#web/pages/correction.js';
import { withFaultPage } from '#web/pages/page.js';
import { auditLog, store } from '#services/context.js';
import { config, today } from '#platform/config.js';

export const handler = middy<APIGatewayProxyEventV2, HttpResult>().use(withLogContext()).handler((event) =>
  withFaultPage(event, config.appUrl, 'correction page', ['Nothing was changed. Please try again in a few minutes.'], () =>
    correctionPage(event, { store: store(), audit: auditLog(), appUrl: config.appUrl, today: today() }),
  ),
);
