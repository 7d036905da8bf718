/** `npm run build:phone-metadata`: writes shared/domain/data/ukMobileMetadata.ts (see ukPhoneMetadata.ts). */
import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { METADATA_FILE, renderUkMetadata } from './ukPhoneMetadata.js';

const text = renderUkMetadata();
writeFileSync(METADATA_FILE, text);
process.stdout.write(`${relative(process.cwd(), METADATA_FILE)}: ${(text.length / 1024).toFixed(1)} KB\n`);
