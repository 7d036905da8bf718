/** A send claim named by the message it covers: the reference round-trips, fits an SES tag, and nothing else is read as one. */
import { describe, expect, it } from 'vitest';
import { claimOfRef, claimRefOf, type NamedClaim } from '#services/claimRef.js';
import { CLAIM_TAG, claimOfTags, claimTags } from '#email/messageTags.js';

const CLAIMS: NamedClaim[] = [
  { kind: 'digest', councilId: 'camden', date: '2027-01-18', staffId: 'sw-01' },
  { kind: 'invitation', councilId: 'camden', campaignId: 'cmp-1', childId: 'ssd.000123' },
  { kind: 'invitation', councilId: 'camden', campaignId: 'cmp-1', childId: 'ssd.000123', channel: 'text' },
  { kind: 'reminder', councilId: 'camden', campaignId: 'cmp-1', childId: 'Zoë-1', number: 2 },
  { kind: 'reminder', councilId: 'camden', campaignId: 'cmp-1', childId: 'Zoë-1', number: 1, channel: 'text' },
];

describe('claim references', () => {
  it('name each kind of claim and read back as the same claim, through an SES tag as SES publishes it', () => {
    for (const claim of CLAIMS) {
      const ref = claimRefOf(claim);
      expect(claimOfRef(ref)).toEqual(claim);
      const [tag] = claimTags(ref);
      expect(tag!.name).toBe(CLAIM_TAG);
      expect(tag!.value).toMatch(/^[A-Za-z0-9_-]{1,256}$/);
      expect(claimOfTags({ 'ses:configuration-set': ['kept-mail'], [tag!.name]: [tag!.value] })).toBe(ref);
    }
    // Channels and numbers keep claims apart.
    expect(new Set(CLAIMS.map(claimRefOf)).size).toBe(CLAIMS.length);
  });

  it('read nothing from what Kept did not make', () => {
    for (const bad of ['', 'nope', '[]', '["x","c","d","s"]', '["d","c","2027-01-18"]', '["d","","2027-01-18","s"]', '["r","c","m","L",0]', '["r","c","m","L",1.5]', '["i","c","m","L","email"]', '{"kind":"digest"}']) {
      expect(claimOfRef(bad), bad).toBeNull();
    }
    expect(claimOfTags({ [CLAIM_TAG]: ['a', 'b'] })).toBeNull();
    expect(claimOfTags(undefined)).toBeNull();
  });

  it('leave a message untagged rather than send a tag longer than SES allows', () => {
    expect(claimTags(claimRefOf({ kind: 'digest', councilId: 'c'.repeat(200), date: '2027-01-18', staffId: 's' }))).toEqual([]);
  });
});
