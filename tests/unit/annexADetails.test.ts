import { describe, expect, it } from 'vitest';
import { absencesHeld, annexADetails } from '#domain/annexADetails.js';

describe('annexADetails', () => {
  it('a disability: any row of the latest day says disabled, whatever the rows\' order', () => {
    const none = { type: 'disability', date: '2012-04-01', disabled: false };
    const learning = { type: 'disability', date: '2012-04-01', disabled: true };
    expect(annexADetails([learning, none], '2026-12-01').disability).toBe(true);
    expect(annexADetails([none, learning], '2026-12-01').disability).toBe(true);
    expect(annexADetails([none], '2026-12-01').disability).toBe(false);
    expect(annexADetails([], '2026-12-01').disability).toBeUndefined();
  });

  it('absences: none is 0 only when Kept holds the case system\'s absences (ssd_missing imported), else unknown', () => {
    const absence = { type: 'absence', date: '2026-07-04', start: '2026-07-04T17:00:00Z' };
    expect(annexADetails([], '2026-12-01').absences).toBeUndefined();
    expect(annexADetails([], '2026-12-01', true).absences).toEqual([]);
    expect(annexADetails([absence], '2026-12-01').absences).toEqual(['2026-07-04T17:00:00Z']);
    expect(absencesHeld(new Set(['ssd_person', 'ssd_missing']))).toBe(true);
    expect(absencesHeld(new Set(['ssd_person', 'ssd_cla_visits']))).toBe(false);
  });
});
