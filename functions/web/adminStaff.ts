/** /admin/staff[/{id}[/end-access|/handover]]: the admin's staff pages (session cookie, CSRF). */
import middy from '@middy/core';
import { withLogContext } from '#platform/log.js';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { HttpResult } from '#http/responses.js';
import { adminStaffPage } from '#web/pages/adminStaff.js';
import { withFaultPage } from '#web/pages/page.js';
import { store } from '#services/context.js';
import { config, today } from '#platform/config.js';

export const handler = middy<APIGatewayProxyEventV2, HttpResult>().use(withLogContext()).handler((event) =>
  withFaultPage(event, config.appUrl, 'staff admin page', ['Nothing was changed. Please try again in a few minutes.'], () =>
    adminStaffPage(event, { store: store(), appUrl: config.appUrl, today: today() }),
  ),
);
