import { describe, expect, it } from 'vitest';
import { REPORT_SUMMARY_VERSION, currentSummary, reportSummary } from '#domain/reportSummary.js';
import { REPORT_SHARDS, reportShardOf } from '#store/keys.js';

describe('reportSummary', () => {
  it('keeps the facts in the order the store reads the history back: by the time recorded, then as given', () => {
    const summary = reportSummary([
      { recordedAt: '2026-03-02T10:00:00.000Z', fact: { type: 'visit', date: '2026-03-02', seenAlone: true } },
      { recordedAt: '2026-01-05T09:00:00.000Z', fact: { type: 'entered-care', date: '2026-01-05' } },
      { recordedAt: '2026-01-05T09:00:00.000Z', fact: { type: 'care-plan', date: '2026-01-06' } },
    ]);
    expect(summary).toEqual({
      version: REPORT_SUMMARY_VERSION,
      facts: [
        { type: 'entered-care', date: '2026-01-05' },
        { type: 'care-plan', date: '2026-01-06' },
        { type: 'visit', date: '2026-03-02', seenAlone: true },
      ],
    });
  });

  it('leaves out a withdrawn fact and the correction that withdrew it, and who recorded anything', () => {
    const summary = reportSummary([
      { id: 'a', recordedAt: '2026-03-01T10:00:00.000Z', fact: { type: 'visit', date: '2026-03-01', seenAlone: true } },
      { id: 'b', recordedAt: '2026-03-02T10:00:00.000Z', fact: { type: 'visit', date: '2026-03-02', seenAlone: false } },
      { id: 'c', recordedAt: '2026-03-03T10:00:00.000Z', fact: { type: 'correction', date: '2026-03-03', factId: 'b', reason: 'recorded-in-error' } },
    ]);
    expect(summary.facts).toEqual([{ type: 'visit', date: '2026-03-01', seenAlone: true }]);
  });

  it('reads a summary of another version as missing', () => {
    expect(currentSummary(reportSummary([]))).toBe(true);
    expect(currentSummary({ version: REPORT_SUMMARY_VERSION + 1, facts: [] })).toBe(false);
    expect(currentSummary(undefined)).toBe(false);
  });
});

describe('reportShardOf', () => {
  it('spreads case references over every shard, each one always to the same', () => {
    const counts = new Array<number>(REPORT_SHARDS).fill(0);
    for (let i = 0; i < 4_000; i++) counts[reportShardOf(`C-${100_000 + i}`)]! += 1;
    expect(Math.min(...counts)).toBeGreaterThan(4_000 / REPORT_SHARDS / 2);
    expect(reportShardOf('P70001')).toBe(reportShardOf('P70001'));
  });
});
