/**
 * An extract in a folder (key prefix) of an S3 bucket. Endpoint and
 * credentials come from the standard AWS environment (AWS_ENDPOINT_URL_S3
 * points it elsewhere, as the tests do). Checksums only where S3 requires
 * them: the default trailing checksums add nothing over TLS for these small
 * objects and S3-compatible stand-ins do not all speak them.
 */
import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { ExtractFiles } from '#store/ports/extractFiles.js';

let shared: S3Client | undefined;

function client(): S3Client {
  shared ??= new S3Client({
    maxAttempts: 5,
    forcePathStyle: Boolean(process.env.AWS_ENDPOINT_URL_S3),
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  return shared;
}

/** `prefix` is the folder, without a trailing slash (`ssd/2026-12-01`). */
export function s3Files(bucket: string, prefix: string, s3: S3Client = client()): ExtractFiles {
  const folder = `${prefix.replace(/\/+$/, '')}/`;
  return {
    location: `s3://${bucket}/${folder}`,
    async list() {
      const names: string[] = [];
      let token: string | undefined;
      do {
        const page = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: folder, Delimiter: '/', ContinuationToken: token }));
        for (const o of page.Contents ?? []) if (o.Key && o.Key.length > folder.length) names.push(o.Key.slice(folder.length));
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token);
      return names.sort();
    },
    async read(name) {
      const object = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: folder + name }));
      if (!object.Body) throw new Error(`${folder}${name} has no body`);
      return object.Body.transformToString('utf-8');
    },
    async write(name, text) {
      await s3.send(new PutObjectCommand({ Bucket: bucket, Key: folder + name, Body: text, ContentType: name.endsWith('.json') ? 'application/json' : 'text/plain; charset=utf-8' }));
    },
  };
}
