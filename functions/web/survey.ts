/** GET/POST /s/{token}[/{page}]: the survey pages a young person answers on. */
import middy from '@middy/core';
import { withLogContext } from '#platform/log.js';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { HttpResult } from '#http/responses.js';
import { surveyPage } from '#web/pages/survey.js';
import { withFaultPage } from '#web/pages/page.js';
import { sendClaims, store, surveyStore } from '#services/context.js';
import { sesSender } from '#email/sender.js';
import { config, today } from '#platform/config.js';
import { SURVEY_SOURCE_SECRET, secretFromEnvironment } from '#platform/secrets.js';

export const handler = middy<APIGatewayProxyEventV2, HttpResult>().use(withLogContext()).handler((event) =>
  withFaultPage(event, config.appUrl, 'survey page', ['Your answers so far are saved. Please try again in a few minutes.'], () =>
    surveyPage(event, {
      store: store(),
      surveys: surveyStore(),
      claims: sendClaims(),
      safeguardingEmail: config.safeguardingEmail,
      send: sesSender(),
      today: today(),
      appUrl: config.appUrl,
      sourceSecret: () => secretFromEnvironment(SURVEY_SOURCE_SECRET),
    }, { councilId: config.councilId }),
  ),
);
