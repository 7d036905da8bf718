/** /children/{id}/team: change the team around a child in the browser (session cookie, CSRF). */
import middy from '@middy/core';
import { withLogContext } from '#platform/log.js';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { HttpResult } from '#http/responses.js';
import { changeTeamPage } from '#web/pages/changeTeam.js';
import { withFaultPage } from '#web/pages/page.js';
import { auditLog, store } from '#services/context.js';
import { config, today } from '#platform/config.js';

export const handler = middy<APIGatewayProxyEventV2, HttpResult>().use(withLogContext()).handler((event) =>
  withFaultPage(event, config.appUrl, 'change team page', ['Nothing was changed. Please try again in a few minutes.'], () =>
    changeTeamPage(event, { store: store(), audit: auditLog(), appUrl: config.appUrl, today: today() }),
  ),
);
