/**
 * The S3 client and commands Kept uses, in one place: here the SDK's own.
 * The Lambda bundles replace this module (infra/build/bundling.ts ALIASES)
 * with infra/build/s3Client.ts, the same client built with only these
 * operations' schemas, so keep this list and that module's exports alike.
 */
export { GetObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
