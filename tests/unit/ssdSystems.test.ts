import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { absencesHeld, annexADetails } from '#domain/annexADetails.js';
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

  // The scripts' columns for ssd_cla_episodes and ssd_missing, opened and saved again in Excel (BOM, CRLF,
  // DD/MM/YYYY HH:MM, NULL left as written); the episode type as Mosaic's script writes it (Missing / Absent).
  it('an extract saved again from Excel: the IRO contact and ssd_missing absences, a child with none counted 0', () => {
    const episodes = '\uFEFFclae_cla_episode_id,clae_person_id,clae_cla_placement_id,clae_cla_episode_start_date,clae_cla_episode_start_reason,clae_cla_primary_need_code,clae_cla_episode_ceased_date,clae_cla_episode_ceased_reason,clae_cla_id,clae_referral_id,clae_cla_last_iro_contact_date,clae_entered_care_date\r\n'
      + 'E1,C1,PL1,01/06/2025 00:00,S,N1,NULL,NULL,CLA1,R1,20/11/2025 00:00,01/06/2025 00:00\r\n'
      + 'E2,C2,PL2,10/01/2024 00:00,S,N4,NULL,NULL,CLA2,R2,NULL,10/01/2024 00:00\r\n';
    const missing = '\uFEFFmiss_table_id,miss_person_id,miss_missing_episode_start_date,miss_missing_episode_type,miss_missing_episode_end_date,miss_missing_rhi_offered,miss_missing_rhi_accepted\r\n'
      + 'M1,C1,04/07/2025 18:00,Absent,04/07/2025 23:00,NULL,NULL\r\n'
      + 'M2,C1,01/11/2025 22:15,Missing,02/11/2025 09:00,Y,N\r\n';
    const plan = readSsd(new Map([['ssd_cla_episodes.csv', episodes], ['ssd_missing.csv', missing]]));
    expect(plan.problems).toEqual([]);
    expect(plan.unknownCodes).toEqual([]);
    const c1 = (plan.facts.get('C1') ?? []).map((f) => f.fact);
    expect(c1).toContainEqual({ type: 'iro-contact', date: '2025-11-20' });
    expect(c1).toContainEqual({ type: 'absence', date: '2025-07-04', start: '2025-07-04T17:00:00.000Z' });
    expect(c1).toContainEqual({ type: 'missing-episode', start: '2025-11-01T22:15:00.000Z', returned: '2025-11-02T09:00:00.000Z', interviewOffered: true, interviewAccepted: false });
    const c2 = (plan.facts.get('C2') ?? []).map((f) => f.fact);
    expect(c2.filter((f) => f.type === 'iro-contact')).toEqual([]);
    const held = absencesHeld(new Set(Object.keys(plan.rowsRead)));
    expect(annexADetails(c1, '2025-12-01', held).absences).toEqual(['2025-07-04T17:00:00.000Z']);
    expect(annexADetails(c2, '2025-12-01', held).absences).toEqual([]);
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
