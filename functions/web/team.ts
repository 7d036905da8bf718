/** GET /team: a manager's team page (session cookie). */
import middy from '@middy/core';
import { withLogContext } from '#platform/log.js';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { HttpResult } from '#http/responses.js';
import { teamPage } from '#web/pages/team.js';
import { withFaultPage } from '#web/pages/page.js';
import { store } from '#services/context.js';
import { config, today } from '#platform/config.js';

export const handler = middy<APIGatewayProxyEventV2, HttpResult>().use(withLogContext()).handler((event) =>
  withFaultPage(event, config.appUrl, 'team page', ['Please try again in a few minutes.'], () => teamPage(event, { store: store(), appUrl: config.appUrl, today: today() })),
);
