import { describe, expect, it } from 'vitest';
import { publishCounts, responseCounts } from '#domain/surveys/responseCounts.js';

const sent = (n: number) => Array.from({ length: n }, () => ({ sentAt: '2027-01-18T09:00:00Z' }));

describe('response counts', () => {
  it('count the invitations sent, and the responses stored as answered', () => {
    expect(responseCounts({ invited: 3 }, [...sent(3), {}], 2)).toEqual({ invited: 3, answered: 2 });
  });

  it('fall back on the recorded count where invitations no longer exist', () => {
    // The demo's campaign from last year: 58 recorded, no invitations kept, 34 answers stored.
    expect(responseCounts({ invited: 58 }, [], 34)).toEqual({ invited: 58, answered: 34 });
    // One young person's record (and invitation) erased since the campaign opened.
    expect(responseCounts({ invited: 40 }, sent(39), 12)).toEqual({ invited: 40, answered: 12 });
  });

  it('count invitations sent before the campaign recorded its total', () => {
    expect(responseCounts({ invited: 0 }, sent(7), 0)).toEqual({ invited: 7, answered: 0 });
  });

  it('are published through suppression: 1 to 5 shows as c, and a rate needs 10 or more', () => {
    expect(publishCounts({ invited: 58, answered: 34 })).toEqual({ invited: 58, answered: 34, responseRate: 58.6 });
    const small = publishCounts({ invited: 40, answered: 3 });
    expect(small.answered).toBe('c');
    expect(small.responseRate).toBeNull();
    expect(publishCounts({ invited: 4, answered: 0 })).toEqual({ invited: 'c', answered: 0, responseRate: null });
  });
});
