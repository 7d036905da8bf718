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

  it('opens to nothing for another invitation, another secret or a tampered seal', () => {
    const sealed = sealDraft(SECRET, 'c-1:Q-7', answers);
    expect(openDraft(SECRET, 'c-1:R-8', sealed)).toEqual({});
    expect(openDraft('another secret', 'c-1:Q-7', sealed)).toEqual({});
    const bytes = Buffer.from(sealed.sealed as string, 'base64');
    bytes[bytes.length - 1]! ^= 1;
    expect(openDraft(SECRET, 'c-1:Q-7', { sealed: bytes.toString('base64') })).toEqual({});
    expect(openDraft(SECRET, 'c-1:Q-7', undefined)).toEqual({});
  });

  it('reads a draft saved before drafts were sealed as it is, so no answers so far are lost', () => {
    expect(openDraft(SECRET, 'c-1:Q-7', answers)).toEqual(answers);
  });

  it('seals two saves of the same answers differently, and an empty draft as empty', () => {
    expect(sealDraft(SECRET, 'c-1:Q-7', answers)).not.toEqual(sealDraft(SECRET, 'c-1:Q-7', answers));
    expect(sealDraft(SECRET, 'c-1:Q-7', {})).toEqual({});
  });
});
