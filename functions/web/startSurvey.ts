/** POST /children/{id}/start-survey: start a survey with the young person from the case page (session cookie, CSRF). */
import middy from '@middy/core';
import { withLogContext } from '#platform/log.js';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { HttpResult } from '#http/responses.js';
import { startSurveyPage } from '#web/pages/startSurvey.js';
import { withFaultPage } from '#web/pages/page.js';
import { auditLog, store, surveyStore } from '#services/context.js';
import { config, today } from '#platform/config.js';

export const handler = middy<APIGatewayProxyEventV2, HttpResult>().use(withLogContext()).handler((event) =>
  withFaultPage(event, config.appUrl, 'start survey page', ['No survey was started. Please try again in a few minutes.'], () =>
    startSurveyPage(event, { store: store(), surveys: surveyStore(), audit: auditLog(), appUrl: config.appUrl, today: today() }),
  ),
);
