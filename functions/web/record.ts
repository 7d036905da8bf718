/** /children/{id}/record/{kind}: the question, check-your-answers and confirmation pages for recording work (session cookie). */
import middy from '@middy/core';
import { withLogContext } from '#platform/log.js';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { HttpResult } from '#http/responses.js';
import { recordPage } from '#web/pages/record.js';
import { withFaultPage } from '#web/pages/page.js';
import { auditLog, store } from '#services/context.js';
import { config, today } from '#platform/config.js';

export const handler = middy<APIGatewayProxyEventV2, HttpResult>().use(withLogContext()).handler((event) =>
  withFaultPage(event, config.appUrl, 'record page', ['Nothing was recorded. Please try again in a few minutes.'], () =>
    recordPage(event, { store: store(), audit: auditLog(), appUrl: config.appUrl, today: today() }),
  ),
);
