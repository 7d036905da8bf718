/** A send claim named by the message it covers: the reference round-trips, fits an SES tag, and nothing else is read as one. */
import { describe, expect, it } from 'vitest';
import { claimOfRef, claimRefOf } from '#services/claimRef.js';
import type { SendKey } from '#store/ports/sendClaims.js';
import { CLAIM_TAG, claimOfTags, claimTags } from '#email/messageTags.js';

const CLAIMS: SendKey[] = [
  { kind: 'digest', councilId: 'camden', date: '2027-01-18', staffId: 'sw-01' },
  { kind: 'invitation', councilId: 'camden', campaignId: 'cmp-1', childId: 'ssd.000123' },
  { kind: 'invitation', councilId: 'camden', campaignId: 'cmp-1', childId: 'ssd.000123', channel: 'text' },
  { kind: 'reminder', councilId: 'camden', campaignId: 'cmp-1', childId: 'Zoë-1', number: 2 },
  { kind: 'reminder', councilId: 'camden', campaignId: 'cmp-1', childId: 'Zoë-1', number: 1, channel: 'text' },
  { kind: 'help-request', councilId: 'camden', campaignId: 'cmp-1', childId: 'ssd.000123', requestId: 'AbCdEfGhIjKlMnOp', to: 'worker' },
  { kind: 'help-request', councilId: 'camden', campaignId: 'cmp-1', childId: 'ssd.000123', requestId: 'AbCdEfGhIjKlMnOp', to: 'manager' },
  { kind: 'help-request', councilId: 'camden', campaignId: 'cmp-1', childId: 'ssd.000123', requestId: 'minute-29000000', to: 'inbox' },
  { kind: 'worrying-alert', councilId: 'camden', campaignId: 'cmp-1', childId: 'Zoë-1', to: 'worker' },
  { kind: 'worrying-alert', councilId: 'camden', campaignId: 'cmp-1', childId: 'Zoë-1', to: 'manager' },
  { kind: 'worrying-alert', councilId: 'camden', campaignId: 'cmp-1', childId: 'Zoë-1', to: 'inbox' },
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
    // Channels, numbers and recipients keep claims apart.
    expect(new Set(CLAIMS.map(claimRefOf)).size).toBe(CLAIMS.length);
  });

  it('read nothing from what Kept did not make', () => {
    for (const bad of ['', 'nope', '[]', '["x","c","d","s"]', '["d","c","2027-01-18"]', '["d","","2027-01-18","s"]', '["r","c","m","L",0]', '["r","c","m","L",1.5]', '["i","c","m","L","email"]', '{"kind":"digest"}', '["w","c","m","L"]', '["w","c","m","L","sw-1@council.test"]', '["h","c","m","L","R","lead"]', '["h","c","m","L","","worker"]', '["w","c","m","L","worker","x"]']) {
      expect(claimOfRef(bad), bad).toBeNull();
    }
    expect(claimOfTags({ [CLAIM_TAG]: ['a', 'b'] })).toBeNull();
    expect(claimOfTags(undefined)).toBeNull();
  });

  it('read the references made before safeguarding messages were named as they were', () => {
    expect(claimOfRef('["d","camden","2027-01-18","sw-01"]')).toEqual({ kind: 'digest', councilId: 'camden', date: '2027-01-18', staffId: 'sw-01' });
    expect(claimOfRef('["i","camden","cmp-1","L-1","text"]')).toEqual({ kind: 'invitation', councilId: 'camden', campaignId: 'cmp-1', childId: 'L-1', channel: 'text' });
    expect(claimOfRef('["r","camden","cmp-1","L-1",2]')).toEqual({ kind: 'reminder', councilId: 'camden', campaignId: 'cmp-1', childId: 'L-1', number: 2 });
  });

  it('fit a safeguarding message\'s claim with long ids in an SES tag', () => {
    const claim: SendKey = { kind: 'help-request', councilId: 'c'.repeat(40), campaignId: 'm'.repeat(36), childId: 'L'.repeat(40), requestId: 'R'.repeat(16), to: 'manager' };
    expect(claimTags(claimRefOf(claim))).toHaveLength(1);
  });

  it('leave a message untagged rather than send a tag longer than SES allows', () => {
    expect(claimTags(claimRefOf({ kind: 'digest', councilId: 'c'.repeat(200), date: '2027-01-18', staffId: 's' }))).toEqual([]);
  });
});
