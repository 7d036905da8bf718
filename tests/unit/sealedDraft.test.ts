import { describe, expect, it } from 'vitest';
import { openDraft, sealDraft } from '#services/sealedDraft.js';

const SECRET = 'a secret not in the table';
const answers = { 'feel-safe-home': 'never', 'anything-else': 'Words of my own' };

describe('sealed drafts', () => {
  it('opens with the same secret and invitation, and shows nothing of the answers sealed', () => {
    const sealed = sealDraft(SECRET, 'c-1:Q-7', answers);
    expect(Object.keys(sealed)).toEqual(['sealed']);
    expect(JSON.stringify(sealed)).not.toMatch(/feel-safe-home|never|Words of my own/);
    expect(openDraft(SECRET, 'c-1:Q-7', sealed)).toEqual(answers);
  });

  it('opens to nothing for another invitation, another secret, a tampered seal or an unsealed draft', () => {
    const sealed = sealDraft(SECRET, 'c-1:Q-7', answers);
    expect(openDraft(SECRET, 'c-1:R-8', sealed)).toEqual({});
    expect(openDraft('another secret', 'c-1:Q-7', sealed)).toEqual({});
    const bytes = Buffer.from(sealed.sealed as string, 'base64');
    bytes[bytes.length - 1]! ^= 1;
    expect(openDraft(SECRET, 'c-1:Q-7', { sealed: bytes.toString('base64') })).toEqual({});
    expect(openDraft(SECRET, 'c-1:Q-7', answers)).toEqual({});
    expect(openDraft(SECRET, 'c-1:Q-7', undefined)).toEqual({});
  });

  it('seals two saves of the same answers differently, and an empty draft as empty', () => {
    expect(sealDraft(SECRET, 'c-1:Q-7', answers)).not.toEqual(sealDraft(SECRET, 'c-1:Q-7', answers));
    expect(sealDraft(SECRET, 'c-1:Q-7', {})).toEqual({});
  });
});
