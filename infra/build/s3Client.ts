/**
 * What the Lambda bundles use in place of the S3 client (bundling.ts aliases
 * #store/extracts/s3Sdk.js, the one module through which Kept reaches S3,
 * to this). It is @aws-sdk/client-s3's own client, put together as the
 * package puts it together (S3Client.js, runtimeConfig.js,
 * runtimeConfig.shared.js, the commands), from the package's own modules, but
 * with the schemas of only the operations Kept calls (s3Schemas.ts). The
 * package's schema module holds every S3 operation's and esbuild cannot
 * leave any of it out (about 65 KB minified, see s3SchemaTable.ts); the
 * package's client and commands import that module, so they cannot be used
 * as they are. Everything else (endpoint rules, signing, retries, checksums,
 * the XML protocol, errors) is the package's.
 *
 * Only the names Kept imports are here: a bundle that imports another from
 * #store/extracts/s3Sdk.js fails to build. Tests and `npm start` run the
 * source with the package itself; tests/infra/s3Client.test.ts runs this
 * bundled, against the S3 stand-in, and checks it against the package.
 */
import packageInfo from '@aws-sdk/client-s3/package.json' with { type: 'json' };
import type {
  CreateSessionCommandInput,
  CreateSessionCommandOutput,
  GetObjectCommandInput,
  GetObjectCommandOutput,
  ListObjectsV2CommandInput,
  ListObjectsV2CommandOutput,
  PutObjectCommandInput,
  PutObjectCommandOutput,
  S3ClientConfig,
  S3ClientResolvedConfig,
  ServiceInputTypes,
  ServiceOutputTypes,
} from '@aws-sdk/client-s3';
import { NODE_REQUEST_CHECKSUM_CALCULATION_CONFIG_OPTIONS, NODE_RESPONSE_CHECKSUM_VALIDATION_CONFIG_OPTIONS, resolveFlexibleChecksumsConfig } from '@aws-sdk/checksums/flexible-checksums';
import { Sha1 } from '@aws-sdk/checksums/sha';
import {
  createDefaultUserAgentProvider,
  emitWarningIfUnsupportedVersion as awsCheckVersion,
  getHostHeaderPlugin,
  getLoggerPlugin,
  getRecursionDetectionPlugin,
  getUserAgentPlugin,
  NODE_APP_ID_CONFIG_OPTIONS,
  resolveHostHeaderConfig,
  resolveUserAgentConfig,
} from '@aws-sdk/core/client';
import { AwsSdkSigV4ASigner, AwsSdkSigV4Signer, NODE_AUTH_SCHEME_PREFERENCE_OPTIONS, NODE_SIGV4A_CONFIG_OPTIONS } from '@aws-sdk/core/httpAuthSchemes';
import { defaultProvider as credentialDefaultProvider } from '@aws-sdk/credential-provider-node';
import {
  getAddExpectContinuePlugin,
  getRegionRedirectMiddlewarePlugin,
  getS3ExpressHttpSigningPlugin,
  getS3ExpressPlugin,
  getValidateBucketNamePlugin,
  NODE_DISABLE_S3_EXPRESS_SESSION_AUTH_OPTIONS,
  NODE_USE_ARN_REGION_CONFIG_OPTIONS,
  resolveS3Config,
  S3RestXmlProtocol,
} from '@aws-sdk/middleware-sdk-s3/s3';
import { SignatureV4MultiRegion } from '@aws-sdk/signature-v4-multi-region';
import { DefaultIdentityProviderConfig, getHttpAuthSchemeEndpointRuleSetPlugin, getHttpSigningPlugin } from '@smithy/core';
import { Md5, readableStreamHasher as streamHasher, Sha256 } from '@smithy/core/checksum';
import { Client, emitWarningIfUnsupportedVersion, loadConfigsForDefaultMode, NoOpLogger } from '@smithy/core/client';
import {
  loadConfig as loadNodeConfig,
  NODE_REGION_CONFIG_FILE_OPTIONS,
  NODE_REGION_CONFIG_OPTIONS,
  NODE_USE_DUALSTACK_ENDPOINT_CONFIG_OPTIONS,
  NODE_USE_FIPS_ENDPOINT_CONFIG_OPTIONS,
  resolveDefaultsModeConfig,
  resolveRegionConfig,
} from '@smithy/core/config';
import { resolveEndpointConfig } from '@smithy/core/endpoints';
import { eventStreamSerdeProvider, resolveEventStreamSerdeConfig } from '@smithy/core/event-streams';
import { getContentLengthPlugin, parseUrl } from '@smithy/core/protocols';
import { DEFAULT_RETRY_MODE, getRetryPlugin, NODE_MAX_ATTEMPT_CONFIG_OPTIONS, NODE_RETRY_MODE_CONFIG_OPTIONS, resolveRetryConfig } from '@smithy/core/retry';
import { getSchemaSerdePlugin } from '@smithy/core/schema';
import { calculateBodyLength, fromBase64, fromUtf8, getAwsChunkedEncodingStream, sdkStreamMixin, toBase64, toUtf8 } from '@smithy/core/serde';
import { NodeHttpHandler as RequestHandler, streamCollector } from '@smithy/node-http-handler';
import type { HttpAuthScheme, HttpHandlerOptions, IdentityProviderConfig } from '@smithy/types';
import { _ep0, _ep4, _ep8, _mw0, _mw7, _mw11, command } from '@aws-sdk/client-s3/dist-es/commandBuilder.js';
import { defaultS3HttpAuthSchemeParametersProvider, defaultS3HttpAuthSchemeProvider, resolveHttpAuthSchemeConfig } from '@aws-sdk/client-s3/dist-es/auth/httpAuthSchemeProvider.js';
import { resolveClientEndpointParameters } from '@aws-sdk/client-s3/dist-es/endpoint/EndpointParameters.js';
import { defaultEndpointResolver } from '@aws-sdk/client-s3/dist-es/endpoint/endpointResolver.js';
import { resolveRuntimeExtensions } from '@aws-sdk/client-s3/dist-es/runtimeExtensions.js';
import { CreateSession$, errorTypeRegistries, GetObject$, ListObjectsV2$, PutObject$ } from './s3Schemas.js';

/** runtimeConfig.shared.js, with the schemas' error registries from s3Schemas.ts. */
const sharedRuntimeConfig = (config: S3ClientConfig) => ({
  apiVersion: '2006-03-01',
  base64Decoder: config?.base64Decoder ?? fromBase64,
  base64Encoder: config?.base64Encoder ?? toBase64,
  disableHostPrefix: config?.disableHostPrefix ?? false,
  endpointProvider: config?.endpointProvider ?? defaultEndpointResolver,
  extensions: config?.extensions ?? [],
  getAwsChunkedEncodingStream: config?.getAwsChunkedEncodingStream ?? getAwsChunkedEncodingStream,
  httpAuthSchemeProvider: config?.httpAuthSchemeProvider ?? defaultS3HttpAuthSchemeProvider,
  httpAuthSchemes: config?.httpAuthSchemes ?? ([
    { schemeId: 'aws.auth#sigv4', identityProvider: (ipc: IdentityProviderConfig) => ipc.getIdentityProvider('aws.auth#sigv4'), signer: new AwsSdkSigV4Signer() },
    { schemeId: 'aws.auth#sigv4a', identityProvider: (ipc: IdentityProviderConfig) => ipc.getIdentityProvider('aws.auth#sigv4a'), signer: new AwsSdkSigV4ASigner() },
  ] satisfies HttpAuthScheme[]),
  logger: config?.logger ?? new NoOpLogger(),
  md5: config?.md5 ?? Md5,
  protocol: config?.protocol ?? S3RestXmlProtocol,
  protocolSettings: config?.protocolSettings ?? {
    defaultNamespace: 'com.amazonaws.s3',
    errorTypeRegistries,
    xmlNamespace: 'http://s3.amazonaws.com/doc/2006-03-01/',
    version: '2006-03-01',
    serviceTarget: 'AmazonS3',
  },
  sdkStreamMixin: config?.sdkStreamMixin ?? sdkStreamMixin,
  serviceId: config?.serviceId ?? 'S3',
  sha1: config?.sha1 ?? Sha1,
  sha256: config?.sha256 ?? Sha256,
  signerConstructor: config?.signerConstructor ?? SignatureV4MultiRegion,
  signingEscapePath: config?.signingEscapePath ?? false,
  urlParser: config?.urlParser ?? parseUrl,
  useArnRegion: config?.useArnRegion ?? undefined,
  utf8Decoder: config?.utf8Decoder ?? fromUtf8,
  utf8Encoder: config?.utf8Encoder ?? toUtf8,
});

/** runtimeConfig.js (Node). */
const runtimeConfig = (config: S3ClientConfig) => {
  emitWarningIfUnsupportedVersion(process.version);
  const defaultsMode = resolveDefaultsModeConfig(config);
  const defaultConfigProvider = () => defaultsMode().then(loadConfigsForDefaultMode);
  const clientSharedValues = sharedRuntimeConfig(config);
  awsCheckVersion(process.version);
  const loaderConfig = { profile: config?.profile, logger: clientSharedValues.logger };
  return {
    ...clientSharedValues,
    ...config,
    runtime: 'node',
    defaultsMode,
    authSchemePreference: config?.authSchemePreference ?? loadNodeConfig(NODE_AUTH_SCHEME_PREFERENCE_OPTIONS, loaderConfig),
    bodyLengthChecker: config?.bodyLengthChecker ?? calculateBodyLength,
    credentialDefaultProvider: config?.credentialDefaultProvider ?? credentialDefaultProvider,
    defaultUserAgentProvider: config?.defaultUserAgentProvider ?? createDefaultUserAgentProvider({ serviceId: clientSharedValues.serviceId, clientVersion: packageInfo.version }),
    disableS3ExpressSessionAuth: config?.disableS3ExpressSessionAuth ?? loadNodeConfig(NODE_DISABLE_S3_EXPRESS_SESSION_AUTH_OPTIONS, loaderConfig),
    eventStreamSerdeProvider: config?.eventStreamSerdeProvider ?? eventStreamSerdeProvider,
    maxAttempts: config?.maxAttempts ?? loadNodeConfig(NODE_MAX_ATTEMPT_CONFIG_OPTIONS, config),
    region: config?.region ?? loadNodeConfig(NODE_REGION_CONFIG_OPTIONS, { ...NODE_REGION_CONFIG_FILE_OPTIONS, ...loaderConfig }),
    requestChecksumCalculation: config?.requestChecksumCalculation ?? loadNodeConfig(NODE_REQUEST_CHECKSUM_CALCULATION_CONFIG_OPTIONS, loaderConfig),
    requestHandler: RequestHandler.create(config?.requestHandler ?? defaultConfigProvider),
    responseChecksumValidation: config?.responseChecksumValidation ?? loadNodeConfig(NODE_RESPONSE_CHECKSUM_VALIDATION_CONFIG_OPTIONS, loaderConfig),
    retryMode:
      config?.retryMode ??
      loadNodeConfig({ ...NODE_RETRY_MODE_CONFIG_OPTIONS, default: async () => (await defaultConfigProvider()).retryMode || DEFAULT_RETRY_MODE }, config),
    sigv4aSigningRegionSet: config?.sigv4aSigningRegionSet ?? loadNodeConfig(NODE_SIGV4A_CONFIG_OPTIONS, loaderConfig),
    streamCollector: config?.streamCollector ?? streamCollector,
    streamHasher: config?.streamHasher ?? streamHasher,
    useArnRegion: config?.useArnRegion ?? loadNodeConfig(NODE_USE_ARN_REGION_CONFIG_OPTIONS, loaderConfig),
    useDualstackEndpoint: config?.useDualstackEndpoint ?? loadNodeConfig(NODE_USE_DUALSTACK_ENDPOINT_CONFIG_OPTIONS, loaderConfig),
    useFipsEndpoint: config?.useFipsEndpoint ?? loadNodeConfig(NODE_USE_FIPS_ENDPOINT_CONFIG_OPTIONS, loaderConfig),
    userAgentAppId: config?.userAgentAppId ?? loadNodeConfig(NODE_APP_ID_CONFIG_OPTIONS, loaderConfig),
  };
};

/** The commands Kept sends, as the package makes them (commands/*.js), and CreateSession, which the client's config names. */
export class ListObjectsV2Command extends command<ListObjectsV2CommandInput, ListObjectsV2CommandOutput>(_ep8, _mw0, 'ListObjectsV2', ListObjectsV2$) {}
export class GetObjectCommand extends command<GetObjectCommandInput, GetObjectCommandOutput>(_ep0, _mw7, 'GetObject', GetObject$) {}
export class PutObjectCommand extends command<PutObjectCommandInput, PutObjectCommandOutput>(_ep0, _mw11, 'PutObject', PutObject$) {}
class CreateSessionCommand extends command<CreateSessionCommandInput, CreateSessionCommandOutput>(_ep4, _mw0, 'CreateSession', CreateSession$) {}

/** S3Client.js: the same configuration steps and middleware, in the same order. */
export class S3Client extends Client<HttpHandlerOptions, ServiceInputTypes, ServiceOutputTypes, S3ClientResolvedConfig> {
  override readonly config: S3ClientResolvedConfig;

  constructor(...[configuration]: [S3ClientConfig] | []) {
    const config0 = runtimeConfig(configuration || {});
    // As S3Client.js: the base client takes the unresolved config (the protocol still a class), which its types do not describe.
    super(config0 as unknown as S3ClientResolvedConfig);
    this.initConfig = config0;
    const config1 = resolveClientEndpointParameters(config0);
    const config2 = resolveUserAgentConfig(config1);
    const config3 = resolveFlexibleChecksumsConfig(config2);
    const config4 = resolveRetryConfig(config3);
    const config5 = resolveRegionConfig(config4);
    const config6 = resolveHostHeaderConfig(config5);
    const config7 = resolveEndpointConfig(config6);
    const config8 = resolveEventStreamSerdeConfig(config7);
    const config9 = resolveHttpAuthSchemeConfig(config8);
    const config10 = resolveS3Config(config9, { session: [() => this, CreateSessionCommand] });
    this.config = resolveRuntimeExtensions(config10, configuration?.extensions || []) as S3ClientResolvedConfig;
    /* eslint-disable @typescript-eslint/no-unsafe-argument -- the SDK types its plugins Pluggable<any, any>, which its own S3Client passes here too */
    this.middlewareStack.use(getSchemaSerdePlugin(this.config));
    this.middlewareStack.use(getUserAgentPlugin(this.config));
    this.middlewareStack.use(getRetryPlugin(this.config));
    this.middlewareStack.use(getContentLengthPlugin(this.config));
    this.middlewareStack.use(getHostHeaderPlugin(this.config));
    this.middlewareStack.use(getLoggerPlugin(this.config));
    this.middlewareStack.use(getRecursionDetectionPlugin(this.config));
    this.middlewareStack.use(
      getHttpAuthSchemeEndpointRuleSetPlugin(this.config, {
        httpAuthSchemeParametersProvider: defaultS3HttpAuthSchemeParametersProvider,
        identityProviderConfigProvider: async (config) => new DefaultIdentityProviderConfig({ 'aws.auth#sigv4': config.credentials, 'aws.auth#sigv4a': config.credentials }),
      }),
    );
    this.middlewareStack.use(getHttpSigningPlugin(this.config));
    this.middlewareStack.use(getValidateBucketNamePlugin(this.config));
    this.middlewareStack.use(getAddExpectContinuePlugin(this.config));
    this.middlewareStack.use(getRegionRedirectMiddlewarePlugin(this.config));
    this.middlewareStack.use(getS3ExpressPlugin(this.config));
    this.middlewareStack.use(getS3ExpressHttpSigningPlugin(this.config));
    /* eslint-enable @typescript-eslint/no-unsafe-argument */
  }
}
