import { describe, expect, it } from 'vitest';
import { annexADetails } from '#domain/annexADetails.js';

describe('annexADetails', () => {
  it('a disability: any row of the latest day says disabled, whatever the rows\' order', () => {
    const none = { type: 'disability', date: '2012-04-01', disabled: false };
    const learning = { type: 'disability', date: '2012-04-01', disabled: true };
    expect(annexADetails([learning, none], '2026-12-01').disability).toBe(true);
    expect(annexADetails([none, learning], '2026-12-01').disability).toBe(true);
    expect(annexADetails([none], '2026-12-01').disability).toBe(false);
    expect(annexADetails([], '2026-12-01').disability).toBeUndefined();
  });
});
