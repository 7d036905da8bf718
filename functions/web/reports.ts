/** The leads' view: /reports, survey summaries and on-time figures, as HTML, JSON or CSV. */
import middy from '@middy/core';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { handleReportPage } from '#services/reportPages.js';
import { onTimePage } from '#services/onTimePages.js';
import { store, surveyStore } from '#services/context.js';
import { config, today } from '#platform/config.js';
import { html, nonce, type HtmlResult } from '#web/http.js';
import { log } from '#platform/log.js';

export const handler = middy<APIGatewayProxyEventV2, HtmlResult>().handler(async (event) => {
  const deps = { store: store(), surveys: surveyStore(), appUrl: config.appUrl, today: today() };
  try {
    return await handleReportPage(event, deps, { onTime: (principal, format) => onTimePage(event, principal, format, deps) });
  } catch (error) {
    log.error('report page failed', { error: (error as Error).name });
    return html(503, '<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>Sorry, there is a problem</title></head><body><h1>Sorry, there is a problem</h1><p>Please try again in a few minutes.</p></body></html>', nonce(), config.appUrl.startsWith('https:'));
  }
});
