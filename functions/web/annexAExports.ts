/** The Annex A lists as jobs: ask, see whether it is ready, download (shared/web/pages/annexAExports.ts). */
import middy from '@middy/core';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { HttpResult } from '#http/responses.js';
import { config } from '#platform/config.js';
import { withLogContext } from '#platform/log.js';
import { exportJobs, store } from '#services/context.js';
import { annexAExportPage } from '#web/pages/annexAExports.js';
import { withFaultPage } from '#web/pages/page.js';

export const handler = middy<APIGatewayProxyEventV2, HttpResult>().use(withLogContext()).handler((event) =>
  withFaultPage(event, config.appUrl, 'Annex A export page', ['Please try again in a few minutes.'], () =>
    annexAExportPage(event, { store: store(), exports: exportJobs(), appUrl: config.appUrl }),
  ),
);
