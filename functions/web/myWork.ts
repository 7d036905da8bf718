/** GET /: My work, what the signed-in person has to do (session cookie). */
import middy from '@middy/core';
import { withLogContext } from '#platform/log.js';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { HttpResult } from '#http/responses.js';
import { myWorkPage } from '#web/pages/myWork.js';
import { withFaultPage } from '#web/pages/page.js';
import { store, surveyStore } from '#services/context.js';
import { config, today } from '#platform/config.js';

export const handler = middy<APIGatewayProxyEventV2, HttpResult>().use(withLogContext()).handler((event) =>
  withFaultPage(event, config.appUrl, 'my work page', ['Please try again in a few minutes.'], () => myWorkPage(event, { store: store(), surveys: surveyStore(), appUrl: config.appUrl, today: today() })),
);
