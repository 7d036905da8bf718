/**
 * UK mobile numbers as people type them, checked with libphonenumber-js and
 * written in E.164. Only the code that takes a child's details in (the API's
 * POST /children, the CSV import, and the contact change behind PUT
 * /children/{id}/contact and its form) imports this, because the library
 * and its metadata weigh on every bundle that carries it.
 */
// The mobile-only metadata (a number it finds valid is a mobile number), cut to +44: see infra/build/ukPhoneMetadata.ts.
import { type MetadataJson, parsePhoneNumberFromString } from 'libphonenumber-js/core';
import { UK_MOBILE_METADATA } from './data/ukMobileMetadata.js';

const METADATA = UK_MOBILE_METADATA as unknown as MetadataJson;

/** The number in E.164 (+447700900123) when it is a valid UK mobile number, else null. */
export function ukMobileE164(value: string): string | null {
  const phone = parsePhoneNumberFromString(value, 'GB', METADATA);
  if (!phone || phone.countryCallingCode !== '44' || !phone.isValid()) return null;
  return phone.number;
}

/**
 * The same details with `mobile` in E.164 when it is a valid UK mobile number;
 * anything else is left as given, for the child schema to refuse by name.
 */
export function withUkMobile(input: unknown): unknown {
  if (typeof input !== 'object' || input === null || !('mobile' in input)) return input;
  const { mobile } = input;
  if (typeof mobile !== 'string') return input;
  const e164 = ukMobileE164(mobile.trim());
  return e164 ? { ...input, mobile: e164 } : input;
}
