/** The leads' view: /reports, survey summaries and on-time figures, as HTML, JSON or CSV. */
import middy from '@middy/core';
import { withLogContext } from '#platform/log.js';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { HttpResult } from '#http/responses.js';
import { reportPage } from '#web/pages/reports.js';
import { withFaultPage } from '#web/pages/page.js';
import { auditLog, store, surveyStore } from '#services/context.js';
import { config, today } from '#platform/config.js';

export const handler = middy<APIGatewayProxyEventV2, HttpResult>().use(withLogContext()).handler((event) =>
  withFaultPage(event, config.appUrl, 'report page', ['Please try again in a few minutes.'], () =>
    reportPage(event, { store: store(), surveys: surveyStore(), audit: auditLog(), appUrl: config.appUrl, today: today() }),
  ),
);
