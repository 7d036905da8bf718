/** GET/POST /s/{token}[/{page}]: the survey pages a young person answers on. */
import middy from '@middy/core';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { handleSurveyPage } from '#services/surveyPages.js';
import { store, surveyStore } from '#services/context.js';
import { sesSender } from '#email/sender.js';
import { config, today } from '#platform/config.js';
import type { HtmlResult } from '#web/http.js';
import { html, nonce } from '#web/http.js';
import { log } from '#platform/log.js';

export const handler = middy<APIGatewayProxyEventV2, HtmlResult>().handler(async (event) => {
  try {
    return await handleSurveyPage(event, { store: store(), surveys: surveyStore(), send: sesSender(), today: today(), appUrl: config.appUrl });
  } catch (error) {
    log.error('survey page failed', { error: (error as Error).name });
    const n = nonce();
    return html(503, '<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>Sorry, there is a problem</title><link rel="stylesheet" href="/assets/kept.css"></head><body class="govuk-template__body"><main class="govuk-width-container govuk-main-wrapper"><h1 class="govuk-heading-l">Sorry, there is a problem</h1><p class="govuk-body">Your answers so far are saved. Please try again in a few minutes.</p></main></body></html>', n, config.appUrl.startsWith('https:'));
  }
});
