/** /children/{id}/contact: change a young person's own contact details in the browser (session cookie, CSRF). */
import middy from '@middy/core';
import { withLogContext } from '#platform/log.js';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { HttpResult } from '#http/responses.js';
import { changeContactPage } from '#web/pages/changeContact.js';
import { withFaultPage } from '#web/pages/page.js';
import { auditLog, store } from '#services/context.js';
import { config, today } from '#platform/config.js';

export const handler = middy<APIGatewayProxyEventV2, HttpResult>().use(withLogContext()).handler((event) =>
  withFaultPage(event, config.appUrl, 'change contact page', ['Nothing was changed. Please try again in a few minutes.'], () =>
    changeContactPage(event, { store: store(), audit: auditLog(), appUrl: config.appUrl, today: today() }),
  ),
);
