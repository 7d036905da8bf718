import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSsd } from '#domain/import/ssd.js';
import { readDate, readLondonInstant } from '#domain/import/values.js';

const extract = (system: string) => {
  const dir = join(import.meta.dirname, '../fixtures/ssd-systems', system);
  return new Map(readdirSync(dir).filter((f) => f.endsWith('.csv')).map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
};

describe("SSD extracts as each case system's deployment script writes them", () => {
  for (const system of ['mosaic', 'eclipse', 'systemc']) {
    it(`${system}: reads without a problem, with each child's facts and team`, () => {
      const plan = readSsd(extract(system));
      expect(plan.problems).toEqual([]);
      expect(plan.unknownCodes).toEqual([]);
      const c1 = (plan.facts.get('C1') ?? []).map((f) => f.fact.type).sort();
      expect(c1).toEqual(expect.arrayContaining(['entered-care', 'placement-started', 'review', 'health-assessment', 'sdq', 'missing-episode']));
      if (system !== 'mosaic') expect(c1).toContain('visit'); // Mosaic's script has no ssd_cla_visits
      expect((plan.facts.get('C2') ?? []).map((f) => f.fact)).toContainEqual({ type: 'personal-adviser-contact', date: '2025-11-15' });
      // The care leaver's adviser is clea_care_leaver_personal_advisor (W3), not the allocated worker (W1).
      expect(plan.team.get('C2')?.map((m) => [m.professionalId, m.role])).toEqual([['W3', 'personal-adviser']]);
      // Mosaic's involvements name no child: they reach C1 through the episode's referral.
      expect(plan.team.get('C1')?.map((m) => [m.professionalId, m.role])).toEqual([['W1', 'social-worker'], ['W2', 'iro']]);
      expect(plan.professionals.get('W2')?.name).toBe('W2'); // no name in the extract
      const missing = plan.facts.get('C1')!.find((f) => f.fact.type === 'missing-episode')!.fact;
      expect(missing).toMatchObject({ start: system === 'eclipse' ? '2025-11-01T22:15:00.000Z' : '2025-11-01T22:15:00.000Z' });
    });
  }

  it("the IRO's last contact (clae_cla_last_iro_contact_date) is an iro-contact, where the script writes it", () => {
    for (const system of ['eclipse', 'systemc']) {
      const plan = readSsd(extract(system));
      const iro = (id: string) => (plan.facts.get(id) ?? []).filter((f) => f.fact.type === 'iro-contact').map((f) => [f.source, f.fact]);
      expect(iro('C1'), system).toEqual([['ssd:ssd_cla_episodes:E1:iro-contact', { type: 'iro-contact', date: '2025-11-20' }]]);
      expect(iro('C2'), system).toEqual([]); // NULL, or empty
    }
    expect([...readSsd(extract('mosaic')).facts.values()].flat().filter((f) => f.fact.type === 'iro-contact')).toEqual([]);
  });

  it('datetimes: offsets, DD/MM/YYYY HH:MM, fractions; NULL is empty', () => {
    expect(readLondonInstant('2026-10-20 14:30:00+00')).toBe('2026-10-20T14:30:00.000Z');
    expect(readLondonInstant('2026-07-20 14:30:00+01:00')).toBe('2026-07-20T13:30:00.000Z');
    expect(readLondonInstant('2026-07-20 14:30:00.000')).toBe('2026-07-20T13:30:00.000Z'); // London summer time
    expect(readLondonInstant('20/07/2026 14:30')).toBe('2026-07-20T13:30:00.000Z');
    expect(readDate('20/10/2026 14:30')).toBe('2026-10-20');
    expect(readDate('2026-10-20 23:30:00-05')).toBe('2026-10-20');
    expect(readDate('2026-10-20 14:30:00+99')).toEqual({ bad: expect.stringContaining('not a real time') });
    const plan = readSsd(new Map([['ssd_person.csv', 'pers_person_id,pers_dob\r\nC9,NULL\r\n']]));
    expect(plan.problems).toEqual([]);
    expect(plan.people.get('C9')?.dateOfBirth).toBeUndefined();
  });
});
