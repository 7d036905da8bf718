/**
 * The part of libphonenumber-js's mobile metadata Kept needs: the countries
 * that share +44 (GB, GG, IM, JE). The whole set is about 100 KB, and every
 * bundle that checks a mobile number carried it; this is under 2 KB.
 * `npm run build:phone-metadata` writes it; tests/unit/ukPhoneMetadata.test.ts
 * renders it again from the installed package and fails when they differ
 * (after a libphonenumber-js upgrade, run the command).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

export const METADATA_FILE = join(import.meta.dirname, '../../shared/domain/data/ukMobileMetadata.ts');

interface Metadata {
  version: number;
  country_calling_codes: Record<string, string[]>;
  countries: Record<string, unknown>;
}

export function renderUkMetadata(): string {
  const full = JSON.parse(readFileSync(createRequire(import.meta.url).resolve('libphonenumber-js/metadata.mobile.json'), 'utf8')) as Metadata;
  const codes = full.country_calling_codes['44']!;
  const uk = { version: full.version, country_calling_codes: { '44': codes }, countries: Object.fromEntries(codes.map((c) => [c, full.countries[c]])) };
  return `// Written by \`npm run build:phone-metadata\` (infra/build/ukPhoneMetadata.ts) from libphonenumber-js's mobile metadata: +44 only. Do not edit.
export const UK_MOBILE_METADATA = ${JSON.stringify(uk)};
`;
}
