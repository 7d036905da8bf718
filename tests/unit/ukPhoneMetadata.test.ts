import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { parsePhoneNumberFromString } from 'libphonenumber-js/mobile';
import { describe, expect, it } from 'vitest';
import { METADATA_FILE, renderUkMetadata } from '#infra/build/ukPhoneMetadata.js';
import { ukMobileE164 } from '#domain/mobileInput.js';

/** What the library with its whole mobile metadata says, as Kept asked it before the cut. */
function withAllMetadata(value: string): string | null {
  const phone = parsePhoneNumberFromString(value, 'GB');
  return phone && phone.countryCallingCode === '44' && phone.isValid() ? phone.number : null;
}

describe('the +44 mobile metadata', () => {
  it('is what `npm run build:phone-metadata` writes from the installed libphonenumber-js', () => {
    expect(readFileSync(METADATA_FILE, 'utf8')).toBe(renderUkMetadata());
  });

  it('answers as the whole metadata does, for UK, Crown Dependency, foreign and malformed numbers', () => {
    const examples = ['07700 100123', '+44 7700 100123', '(07797) 712345', '07624 312345', '07781 123456', '020 7946 0018', '+33 6 12 34 56 78', '+1 415 555 2671', '0044 7700 100123', '7700100123', 'hello', ''];
    for (const e of examples) expect(ukMobileE164(e), e).toBe(withAllMetadata(e));
    const digits = fc.stringMatching(/^(\+44 ?|0044|0|\+\d{1,3} ?)?7?\d{6,10}$/);
    fc.assert(fc.property(digits, (typed) => ukMobileE164(typed) === withAllMetadata(typed)), { numRuns: 2000 });
  });
});
