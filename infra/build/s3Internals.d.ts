/**
 * Types for the @aws-sdk/client-s3 modules infra/build/s3Client.ts and
 * s3Schemas.ts import by path (its ESM build, which the bundles use): the
 * package publishes their declarations under dist-types.
 */
declare module '@aws-sdk/client-s3/dist-es/commandBuilder.js' {
  export * from '@aws-sdk/client-s3/dist-types/commandBuilder.js';
}
declare module '@aws-sdk/client-s3/dist-es/auth/httpAuthSchemeProvider.js' {
  export * from '@aws-sdk/client-s3/dist-types/auth/httpAuthSchemeProvider.js';
}
declare module '@aws-sdk/client-s3/dist-es/endpoint/EndpointParameters.js' {
  export * from '@aws-sdk/client-s3/dist-types/endpoint/EndpointParameters.js';
}
declare module '@aws-sdk/client-s3/dist-es/endpoint/endpointResolver.js' {
  export * from '@aws-sdk/client-s3/dist-types/endpoint/endpointResolver.js';
}
declare module '@aws-sdk/client-s3/dist-es/runtimeExtensions.js' {
  export * from '@aws-sdk/client-s3/dist-types/runtimeExtensions.js';
}
declare module '@aws-sdk/client-s3/dist-es/models/errors.js' {
  export * from '@aws-sdk/client-s3/dist-types/models/errors.js';
}
declare module '@aws-sdk/client-s3/dist-es/models/S3ServiceException.js' {
  export * from '@aws-sdk/client-s3/dist-types/models/S3ServiceException.js';
}
