/** GET /sign-in, /auth/callback and /sign-out: staff sign-in through Cognito's hosted page (OAuth 2 code flow with PKCE). */
import middy from '@middy/core';
import { withLogContext } from '#platform/log.js';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { HttpResult } from '#http/responses.js';
import { signInPage } from '#web/pages/signIn.js';
import { withFaultPage } from '#web/pages/page.js';
import { config } from '#platform/config.js';

export const handler = middy<APIGatewayProxyEventV2, HttpResult>().use(withLogContext()).handler((event) =>
  withFaultPage(event, config.appUrl, 'sign-in', ['Please try again in a few minutes.'], () =>
    signInPage(event, { appUrl: config.appUrl, clientId: config.authAudience, authDomain: process.env.AUTH_DOMAIN }),
  ),
);
