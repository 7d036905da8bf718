/**
 * `npm run build:s3-schemas`: writes infra/build/s3Schemas.ts, the S3
 * schemas the nightly import's bundle uses (see s3SchemaTable.ts). Run it
 * after upgrading @aws-sdk/client-s3; tests/infra/s3Client.test.ts fails
 * until then.
 */
import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { renderS3Schemas, SCHEMAS_FILE } from './s3SchemaTable.js';

const text = renderS3Schemas();
writeFileSync(SCHEMAS_FILE, text);
process.stdout.write(`${relative(process.cwd(), SCHEMAS_FILE)}: ${(text.length / 1024).toFixed(1)} KB\n`);
