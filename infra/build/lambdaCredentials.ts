/**
 * What the Lambda bundles use in place of @aws-sdk/credential-provider-node
 * (see bundling.ts). The SDK clients import that package's default chain,
 * which also carries the SSO, STS, sign-in, shared-file, process and web
 * identity providers with their own SDK clients: about 130 KB of every
 * bundle that Lambda never needs, because it hands a function its role's
 * credentials in the environment (or, where it cannot, through the container
 * credentials endpoint). Tests and `npm start` run the source, not bundles,
 * and keep the full chain.
 */
import { fromEnv } from '@aws-sdk/credential-provider-env';
import { type FromHttpOptions, fromHttp } from '@aws-sdk/credential-provider-http';
import { chain, memoize } from '@smithy/core/config';

type Credentials = Awaited<ReturnType<ReturnType<typeof fromEnv>>>;

/** Refresh five minutes before credentials with an expiry expire, as the SDK's own chain does. */
const expiresSoon = (c: Credentials) => c.expiration !== undefined && c.expiration.getTime() - Date.now() < 300_000;
const expires = (c: Credentials) => c.expiration !== undefined;

export const defaultProvider = (init: FromHttpOptions = {}) =>
  memoize(
    // fromHttp throws as soon as it is made when no endpoint is set, so it is made only if the environment has no keys.
    chain(fromEnv(init), () => fromHttp(init)()),
    expiresSoon,
    expires,
  );
