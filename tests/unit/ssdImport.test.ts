import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDate, readFlag, readLondonInstant } from '#domain/import/values.js';
import { readSsd } from '#domain/import/ssd.js';
import { holderOf } from '#domain/import/ssd/professionals.js';
import { healthKind } from '#domain/import/ssd/health.js';

const folder = join(import.meta.dirname, '../fixtures/ssd');
const fixture = () => new Map(readdirSync(folder).map((f) => [f, readFileSync(join(folder, f), 'utf8')]));
const one = (table: string, csv: string, extra: Record<string, string> = {}) => readSsd(new Map([[`${table}.csv`, csv], ...Object.entries(extra)]));
const facts = (plan: ReturnType<typeof readSsd>, id: string) => (plan.facts.get(id) ?? []).map((f) => ({ source: f.source, ...f.fact }));
/** P1's period of care C1, from 1 January 2025: how reviews reach their child. */
const ONE_EPISODE = 'clae_cla_episode_id,clae_person_id,clae_cla_episode_start_date,clae_cla_episode_ceased_date,clae_cla_episode_ceased_reason,clae_cla_id\nE1,P1,2025-01-01,,,C1';

describe('extract values', () => {
  it('reads dates in the three shapes extracts write', () => {
    expect(readDate('2026-03-04')).toBe('2026-03-04');
    expect(readDate('2026-03-04 13:45:00.000')).toBe('2026-03-04');
    expect(readDate('2026-03-04 13:45')).toBe('2026-03-04');
    expect(readDate('4/3/2026')).toBe('2026-03-04');
    expect(readDate('')).toBeUndefined();
    expect(readDate('31/11/2026')).toEqual({ bad: '31/11/2026 is not a real date' });
    expect(readDate('March 4th')).toMatchObject({ bad: expect.stringContaining('YYYY-MM-DD') });
  });
  it('reads wall-clock datetimes as London time, summer and winter', () => {
    expect(readLondonInstant('2026-07-04 18:00:00')).toBe('2026-07-04T17:00:00.000Z');
    expect(readLondonInstant('2026-12-04 18:00:00')).toBe('2026-12-04T18:00:00.000Z');
    expect(readLondonInstant('04/07/2026')).toBe('2026-07-03T23:00:00.000Z');
  });
  it('reads flags', () => {
    for (const y of ['Y', 'yes', '1', 'True']) expect(readFlag(y)).toBe(true);
    for (const n of ['N', 'No', '0', 'false']) expect(readFlag(n)).toBe(false);
    expect(readFlag('')).toBeUndefined();
    expect(readFlag('NA')).toBeUndefined();
    expect(readFlag('maybe')).toMatchObject({ bad: expect.stringContaining('Y or N') });
  });
});

describe('SSD mapping', () => {
  it('episodes: entering care from a start reason S, leaving with the SSDA903 reason', () => {
    const plan = one(
      'ssd_cla_episodes',
      [
        'clae_cla_episode_id,clae_person_id,clae_cla_episode_start_date,clae_cla_episode_start_reason,clae_cla_episode_ceased_date,clae_cla_episode_ceased_reason,clae_cla_id',
        'E1,P1,2025-01-01,S,2025-02-01,X1,C1',
        'E2,P1,2025-02-01,P,2026-01-05,E45,C1',
      ].join('\n'),
    );
    expect(plan.problems).toEqual([]);
    expect(facts(plan, 'P1')).toEqual([
      { source: 'ssd:ssd_cla_episodes:E1:entered', type: 'entered-care', date: '2025-01-01' },
      { source: 'ssd:ssd_cla_episodes:E2:left', type: 'left-care', date: '2026-01-05', reason: 'special-guardianship' },
    ]);
  });

  it('episodes: an unknown reason ceased is read as leaving care and listed by file, line and column', () => {
    const plan = one(
      'ssd_cla_episodes',
      'clae_cla_id,clae_cla_episode_id,clae_person_id,clae_cla_episode_start_date,clae_cla_episode_ceased_date,clae_cla_episode_ceased_reason\nC1,E1,P1,2025-01-01,2025-03-01,E99',
    );
    expect(plan.problems).toEqual([]);
    expect(plan.unknownCodes).toEqual([{ file: 'ssd_cla_episodes.csv', line: 2, column: 'clae_cla_episode_ceased_reason', code: 'E99', reading: expect.stringContaining('leaving care') }]);
    expect(plan.facts.get('P1')?.map((f) => f.fact)).toContainEqual({ type: 'left-care', date: '2025-03-01', reason: 'other' });
  });

  it('placements: U4 is long-term foster, P1 with a parent, T0 other; the child through the period of care', () => {
    const plan = readSsd(
      new Map([
        ['ssd_cla_episodes.csv', ONE_EPISODE],
        [
          'ssd_cla_placement.csv',
          'clap_cla_placement_id,clap_cla_id,clap_person_id,clap_cla_placement_start_date,clap_cla_placement_type,clap_cla_placement_end_date\nPL1,C1,,2025-01-01,U4,2025-06-01\nPL2,C1,P1,2025-06-01,P1,\nPL3,C1,P1,2025-07-01,T0,2025-07-03',
        ],
      ]),
    );
    expect(plan.problems).toEqual([]);
    expect(facts(plan, 'P1').filter((f) => f.type !== 'entered-care')).toEqual([
      { source: 'ssd:ssd_cla_placement:PL1:started', type: 'placement-started', date: '2025-01-01', placementId: 'PL1', longTerm: true, arrangement: 'foster', code: 'U4' },
      { source: 'ssd:ssd_cla_placement:PL1:ended', type: 'placement-ended', date: '2025-06-01', placementId: 'PL1' },
      { source: 'ssd:ssd_cla_placement:PL2:started', type: 'placement-started', date: '2025-06-01', placementId: 'PL2', longTerm: false, arrangement: 'parent-care-order', code: 'P1' },
      { source: 'ssd:ssd_cla_placement:PL3:started', type: 'placement-started', date: '2025-07-01', placementId: 'PL3', longTerm: false, arrangement: 'other', code: 'T0' },
      { source: 'ssd:ssd_cla_placement:PL3:ended', type: 'placement-ended', date: '2025-07-03', placementId: 'PL3' },
    ]);
  });

  it('visits: seen alone; a visit where the child was not seen is skipped', () => {
    const plan = one('ssd_cla_visits', 'clav_cla_visit_id,clav_person_id,clav_cla_visit_date,clav_cla_visit_seen,clav_cla_visit_seen_alone\nV1,P1,2026-01-02,Y,Y\nV2,P1,2026-01-09,N,N\nV3,P1,2026-01-16,Y,');
    expect(facts(plan, 'P1')).toEqual([
      { source: 'ssd:ssd_cla_visits:V1', type: 'visit', date: '2026-01-02', seenAlone: true },
      { source: 'ssd:ssd_cla_visits:V3', type: 'visit', date: '2026-01-16', seenAlone: false },
    ]);
    expect(plan.skipped).toEqual([{ file: 'ssd_cla_visits.csv', line: 3, reason: expect.stringContaining('not seen') }]);
  });

  it('reviews: the child through clar_cla_id, participation codes, cancelled and unheld skipped', () => {
    const plan = one(
      'ssd_cla_reviews',
      'clar_cla_review_id,clar_cla_id,clar_cla_review_date,clar_cla_review_cancelled,clar_cla_review_participation\nR1,C1,2025-01-20,N,PN1\nR2,C1,2025-04-20,N,PN7\nR3,C1,2025-07-20,N,PN0\nR4,C1,2025-08-01,Y,\nR5,C1,,N,',
      { 'ssd_cla_episodes.csv': ONE_EPISODE },
    );
    expect(facts(plan, 'P1').filter((f) => f.type === 'review')).toEqual([
      { source: 'ssd:ssd_cla_reviews:R1', type: 'review', date: '2025-01-20', childParticipated: true },
      { source: 'ssd:ssd_cla_reviews:R2', type: 'review', date: '2025-04-20', childParticipated: false },
      { source: 'ssd:ssd_cla_reviews:R3', type: 'review', date: '2025-07-20' },
    ]);
    expect(plan.skipped.map((s) => s.line)).toEqual([5, 6]);
  });

  it("reviews: the case system's due date kept beside the review, held or not; a row with neither date skipped", () => {
    const plan = one(
      'ssd_cla_reviews',
      'clar_cla_review_id,clar_cla_id,clar_cla_review_due_date,clar_cla_review_date,clar_cla_review_cancelled\nR1,C1,2025-01-29,2025-01-20,N\nR2,C1,2025-04-20 00:00:00.000,,N\nR3,C1,2025-07-20,2025-07-21,Y\nR4,C1,,,N',
      { 'ssd_cla_episodes.csv': ONE_EPISODE },
    );
    expect(facts(plan, 'P1').filter((f) => f.type !== 'entered-care')).toEqual([
      { source: 'ssd:ssd_cla_reviews:R1:due', type: 'case-system-review-due', date: '2025-01-29', held: '2025-01-20' },
      { source: 'ssd:ssd_cla_reviews:R1', type: 'review', date: '2025-01-20' },
      { source: 'ssd:ssd_cla_reviews:R2:due', type: 'case-system-review-due', date: '2025-04-20' },
    ]);
    expect(plan.skipped.map((s) => [s.line, s.reason])).toEqual([
      [4, 'the review was cancelled'],
      [5, expect.stringContaining('has not been held and has no due date')],
    ]);
  });

  it('reviews: a period of care not in ssd_cla_episodes is a problem', () => {
    const plan = one('ssd_cla_reviews', 'clar_cla_review_id,clar_cla_id,clar_cla_review_date\nR1,C9,2025-01-20', {
      'ssd_cla_episodes.csv': 'clae_cla_episode_id,clae_person_id,clae_cla_episode_start_date,clae_cla_episode_ceased_date,clae_cla_episode_ceased_reason,clae_cla_id',
    });
    expect(plan.problems).toEqual([{ file: 'ssd_cla_reviews.csv', line: 2, column: 'clar_cla_id', message: 'C9 matches no clae_cla_id in ssd_cla_episodes' }]);
  });

  it('health: the first assessment in a period of care is initial, dental checks, planned ones skipped', () => {
    expect(healthKind('Initial Health Assessment')).toBe('initial');
    expect(healthKind('RHA')).toBe('review');
    expect(healthKind('Immunisations')).toBeNull();
    const plan = one(
      'ssd_cla_health',
      'clah_health_check_id,clah_person_id,clah_health_check_type,clah_health_check_date,clah_health_check_status\nH2,P1,Health Assessment,2026-01-10,Completed\nH1,P1,Health Assessment,2025-02-01,Completed\nH3,P1,Dental Check,2025-03-01,\nH4,P1,Dental Check,2026-03-01,Planned',
    );
    expect(facts(plan, 'P1')).toEqual([
      { source: 'ssd:ssd_cla_health:H2', type: 'health-assessment', date: '2026-01-10', kind: 'review' },
      { source: 'ssd:ssd_cla_health:H1', type: 'health-assessment', date: '2025-02-01', kind: 'initial' },
      { source: 'ssd:ssd_cla_health:H3', type: 'dental-check', date: '2025-03-01' },
    ]);
    expect(plan.skipped).toEqual([{ file: 'ssd_cla_health.csv', line: 5, reason: 'the check is planned, not completed' }]);
  });

  it('SDQ: scores 0 to 40; a reason instead of a score is skipped; 41 is a problem', () => {
    const plan = one('ssd_sdq_scores', 'csdq_table_id,csdq_person_id,csdq_sdq_completed_date,csdq_sdq_reason,csdq_sdq_score\nS1,P1,2026-01-01,,17\nS2,P2,,SDQ1,\nS3,P3,2026-01-01,,41');
    expect(facts(plan, 'P1')).toEqual([{ source: 'ssd:ssd_sdq_scores:S1', type: 'sdq', date: '2026-01-01', score: 17 }]);
    expect(plan.skipped[0]).toMatchObject({ line: 3, reason: 'no SDQ score (reason SDQ1)' });
    expect(plan.problems).toEqual([{ file: 'ssd_sdq_scores.csv', line: 4, column: 'csdq_sdq_score', message: 'must be a whole number from 0 to 40, not 41' }]);
  });

  it('missing: episodes in London time, absences kept as absences, no return interview invented', () => {
    const plan = one(
      'ssd_missing',
      'miss_table_id,miss_person_id,miss_missing_episode_start_date,miss_missing_episode_type,miss_missing_episode_end_date,miss_missing_rhi_offered,miss_missing_rhi_accepted\nM1,P1,2026-07-01 22:00:00,M,2026-07-02 09:30:00,Y,Y\nM2,P1,2026-07-05 22:00:00,A,2026-07-05 23:00:00,,',
    );
    expect(facts(plan, 'P1')).toEqual([
      { source: 'ssd:ssd_missing:M1', type: 'missing-episode', start: '2026-07-01T21:00:00.000Z', returned: '2026-07-02T08:30:00.000Z', interviewOffered: true, interviewAccepted: true },
      { source: 'ssd:ssd_missing:M2', type: 'absence', date: '2026-07-05', start: '2026-07-05T21:00:00.000Z' },
    ]);
    expect(plan.notes.join()).toContain('1 missing episode(s) say a return interview was accepted');
  });

  it('missing: a return before the start is named', () => {
    const plan = one('ssd_missing', 'miss_table_id,miss_person_id,miss_missing_episode_start_date,miss_missing_episode_end_date\nM1,P1,2026-07-02,2026-07-01');
    expect(plan.problems).toEqual([{ file: 'ssd_missing.csv', line: 2, column: 'miss_missing_episode_end_date', message: 'must not be before start' }]);
  });

  it('care leavers: pathway plan review and latest contact, dated in their sources', () => {
    const plan = one('ssd_care_leavers', 'clea_table_id,clea_person_id,clea_pathway_plan_review_date,clea_care_leaver_latest_contact,clea_care_leaver_worker_id\nL1,P1,2026-02-01,2026-03-03,PA1');
    expect(facts(plan, 'P1')).toEqual([
      { source: 'ssd:ssd_care_leavers:L1:pathway-plan:2026-02-01', type: 'pathway-plan', date: '2026-02-01' },
      { source: 'ssd:ssd_care_leavers:L1:contact:2026-03-03', type: 'personal-adviser-contact', date: '2026-03-03' },
    ]);
    expect(plan.team.get('P1')).toMatchObject([{ professionalId: 'PA1', role: 'personal-adviser' }]);
  });

  it('involvements: role text through the council-editable table; the current social worker holds the case', () => {
    const csv = 'invo_involvements_id,invo_professional_id,invo_person_id,invo_professional_role_id,invo_involvement_start_date,invo_involvement_end_date\nI1,W1,P1,Allocated Case Worker,2025-01-01,2025-12-31\nI2,W2,P1,allocated  social worker,2026-01-01,\nI3,W3,P1,Independent Reviewing Officer,2025-01-01,\nI4,W4,P1,Chief Cook,2025-01-01,';
    const plan = readSsd(new Map([['ssd_involvements.csv', csv]]), { roles: { 'chief cook': 'health' } });
    expect(plan.team.get('P1')!.map((m) => [m.professionalId, m.role])).toEqual([['W1', 'social-worker'], ['W2', 'social-worker'], ['W3', 'iro'], ['W4', 'health']]);
    expect(holderOf(plan.team.get('P1')!, '2026-06-01')).toBe('W2');
    expect(holderOf(plan.team.get('P1')!, '2025-06-01')).toBe('W1');
    expect(readSsd(new Map([['ssd_involvements.csv', csv]])).skipped).toEqual([{ file: 'ssd_involvements.csv', line: 5, reason: 'role "Chief Cook" is not in the role table' }]);
  });

  it('Annex A details: sex and ethnicity, category of need, provider, postcode and URN, the allocated team, each with its source row', () => {
    const plan = readSsd(
      new Map([
        ['ssd_person.csv', 'pers_person_id,pers_sex,pers_dob,pers_ethnicity\nP1,f,2012-04-01,WBRI\nP2,,2012-04-01,'],
        ['ssd_cla_episodes.csv', 'clae_cla_episode_id,clae_person_id,clae_cla_episode_start_date,clae_cla_primary_need_code,clae_cla_episode_ceased_date,clae_cla_episode_ceased_reason,clae_cla_id\nE1,P1,2025-01-01,N4,,,C1'],
        ['ssd_cla_placement.csv', 'clap_cla_placement_id,clap_cla_id,clap_cla_placement_start_date,clap_cla_placement_type,clap_cla_placement_provider,clap_cla_placement_postcode,clap_cla_placement_urn,clap_cla_placement_end_date\nPL1,C1,2025-01-01,U4,PR2,zz9 9zz,SC123456,'],
        [
          'ssd_involvements.csv',
          'invo_involvements_id,invo_professional_id,invo_person_id,invo_professional_role_id,invo_professional_team,invo_involvement_start_date,invo_involvement_end_date\nI1,W1,P1,Allocated Case Worker,North Team,2025-01-01,2025-12-31\nI2,W2,P1,Allocated Case Worker,South Team,2026-01-01,\nI3,W3,P1,Independent Reviewing Officer,IRO Service,2025-01-01,',
        ],
      ]),
    );
    expect(plan.problems).toEqual([]);
    const got = facts(plan, 'P1');
    expect(got).toContainEqual({ source: 'ssd:ssd_person:P1:characteristics', type: 'characteristics', date: '2012-04-01', sex: 'F', ethnicity: 'WBRI' });
    expect(got).toContainEqual({ source: 'ssd:ssd_cla_episodes:E1:entered', type: 'entered-care', date: '2025-01-01', needCode: 'N4' });
    expect(got).toContainEqual(expect.objectContaining({ type: 'placement-started', code: 'U4', provider: 'PR2', postcode: 'ZZ9 9ZZ', urn: 'SC123456' }));
    // Each allocated worker's involvement names a team from its start (Annex A reads the latest); the IRO's does not.
    expect(got.filter((f) => f.type === 'allocated-team')).toEqual([
      { source: 'ssd:ssd_involvements:I1:team', type: 'allocated-team', date: '2025-01-01', team: 'North Team' },
      { source: 'ssd:ssd_involvements:I2:team', type: 'allocated-team', date: '2026-01-01', team: 'South Team' },
    ]);
    // Neither sex nor ethnicity given: no fact.
    expect(facts(plan, 'P2')).toEqual([]);
  });

  it('legal status: each status from its start, a description instead of a code listed and left out', () => {
    const plan = one(
      'ssd_legal_status',
      'lega_legal_status_id,lega_person_id,lega_legal_status,lega_legal_status_start_date,lega_legal_status_end_date\nLS1,P1,v2,2025-01-01,2025-02-01\nLS2,P1,C2,2025-02-01 00:00:00.000,\nLS3,P1,Full Care Order,2025-03-01,\nLS4,P2,C1,2025-05-01,2025-04-01',
      { 'ssd_cla_episodes.csv': ONE_EPISODE },
    );
    expect(plan.problems).toEqual([{ file: 'ssd_legal_status.csv', line: 5, column: 'lega_legal_status_end_date', message: 'must not be before lega_legal_status_start_date' }]);
    expect(facts(plan, 'P1').filter((f) => f.type === 'legal-status')).toEqual([
      { source: 'ssd:ssd_legal_status:LS1', type: 'legal-status', date: '2025-01-01', code: 'V2' },
      { source: 'ssd:ssd_legal_status:LS2', type: 'legal-status', date: '2025-02-01', code: 'C2' },
    ]);
    expect(plan.unknownCodes).toMatchObject([{ line: 4, column: 'lega_legal_status', code: 'Full Care Order' }]);
  });

  it('disability: each row a fact dated the child\'s birth, NONE not disabled; no person row, skipped', () => {
    const plan = readSsd(
      new Map([
        ['ssd_person.csv', 'pers_person_id,pers_dob\nP1,2012-04-01'],
        ['ssd_cla_episodes.csv', ONE_EPISODE],
        ['ssd_disability.csv', 'disa_table_id,disa_person_id,disa_disability_code\nD1,P1,NONE\nD2,P1,mob\nD3,P9,LD'],
      ]),
    );
    expect(plan.problems).toEqual([]);
    expect(facts(plan, 'P1').filter((f) => f.type === 'disability')).toEqual([
      { source: 'ssd:ssd_disability:D1', type: 'disability', date: '2012-04-01', disabled: false },
      { source: 'ssd:ssd_disability:D2', type: 'disability', date: '2012-04-01', disabled: true },
    ]);
    expect(plan.skipped).toEqual([{ file: 'ssd_disability.csv', line: 4, reason: expect.stringContaining('P9 has no date of birth') }]);
  });

  it('immigration status: UASC when the status names it, with its end', () => {
    const plan = one(
      'ssd_immigration_status',
      'immi_immigration_status_id,immi_person_id,immi_immigration_status_start_date,immi_immigration_status_end_date,immi_immigration_status\nIM1,P1,2024-01-01,2025-01-01,Unaccompanied asylum seeking child\nIM2,P1,2025-01-01,,Refugee Status',
      { 'ssd_cla_episodes.csv': ONE_EPISODE },
    );
    expect(plan.problems).toEqual([]);
    expect(facts(plan, 'P1').filter((f) => f.type === 'immigration-status')).toEqual([
      { source: 'ssd:ssd_immigration_status:IM1', type: 'immigration-status', date: '2024-01-01', uasc: true, end: '2025-01-01' },
      { source: 'ssd:ssd_immigration_status:IM2', type: 'immigration-status', date: '2025-01-01', uasc: false },
    ]);
  });

  it('a person row alone makes no child: its characteristics are kept only beside a care record', () => {
    const plan = readSsd(new Map([['ssd_person.csv', 'pers_person_id,pers_sex,pers_dob,pers_ethnicity\nP1,F,2012-04-01,WBRI']]));
    expect(plan.problems).toEqual([]);
    expect(plan.people.has('P1')).toBe(true);
    expect(plan.facts.has('P1')).toBe(false);
  });

  it('Annex A details: sex in words is read; a sex, need or provider code Kept does not know is listed and left out, the rest imported', () => {
    const plan = readSsd(
      new Map([
        ['ssd_person.csv', 'pers_person_id,pers_sex,pers_dob\nP1,X,2012-04-01\nP2,Female,2013-01-01'],
        ['ssd_cla_episodes.csv', 'clae_cla_episode_id,clae_person_id,clae_cla_episode_start_date,clae_cla_primary_need_code,clae_cla_episode_ceased_date,clae_cla_episode_ceased_reason,clae_cla_id\nE1,P1,2025-01-01,N12,,,C1\nE2,P2,2025-02-01,,,,C2'],
        ['ssd_cla_placement.csv', 'clap_cla_placement_id,clap_cla_id,clap_cla_placement_start_date,clap_cla_placement_type,clap_cla_placement_provider,clap_cla_placement_end_date\nPL1,C1,2025-01-01,U4,PR9,'],
      ]),
    );
    expect(plan.problems).toEqual([]);
    expect(plan.unknownCodes.map((u) => [u.file, u.line, u.column, u.code])).toEqual([
      ['ssd_person.csv', 2, 'pers_sex', 'X'],
      ['ssd_cla_episodes.csv', 2, 'clae_cla_primary_need_code', 'N12'],
      ['ssd_cla_placement.csv', 2, 'clap_cla_placement_provider', 'PR9'],
    ]);
    expect(plan.unknownCodes[0]!.reading).toContain('left out of Annex A');
    const got = facts(plan, 'P1');
    expect(got.find((f) => f.type === 'characteristics')).toBeUndefined();
    expect(got).toContainEqual({ source: 'ssd:ssd_cla_episodes:E1:entered', type: 'entered-care', date: '2025-01-01' });
    expect(got).toContainEqual(expect.objectContaining({ type: 'placement-started', placementId: 'PL1', code: 'U4' }));
    expect(got.find((f) => f.type === 'placement-started')).not.toHaveProperty('provider');
    expect(facts(plan, 'P2')).toContainEqual({ source: 'ssd:ssd_person:P2:characteristics', type: 'characteristics', date: '2013-01-01', sex: 'F' });
  });

  it('a file missing a needed column is named by column; columns are found by name in any order, extra ones ignored', () => {
    const plan = one('ssd_cla_visits', 'clav_cla_visit_id,clav_person_id\nV1,P1');
    expect(plan.problems).toEqual([{ file: 'ssd_cla_visits.csv', line: 1, column: '(header)', message: 'needs the column(s) clav_cla_visit_date' }]);
    const ok = one('ssd_cla_visits', 'Extra_Col,CLAV_CLA_VISIT_SEEN_ALONE,clav_cla_visit_date,clav_cla_visit_id,clav_person_id\nx,N,2026-01-01,V1,P1');
    expect(facts(ok, 'P1')).toHaveLength(1);
  });

  it('reads the demo extract without problems', () => {
    const plan = readSsd(fixture());
    expect(plan.problems).toEqual([]);
    expect(plan.rowsRead).toMatchObject({ ssd_person: 5, ssd_cla_visits: 5, ssd_involvements: 6 });
    expect(facts(plan, 'P70002').map((f) => f.type)).toEqual([
      'characteristics', 'entered-care', 'iro-contact', 'placement-started', 'visit', 'case-system-review-due', 'review', 'health-assessment', 'health-assessment', 'sdq', 'legal-status', 'disability', 'disability', 'immigration-status',
      // Both of its allocated workers' teams, the ended one's and the current one's.
      'allocated-team', 'allocated-team',
    ]);
    expect(facts(plan, 'P70002').filter((f) => f.type === 'health-assessment').map((f) => 'kind' in f && f.kind)).toEqual(['initial', 'review']);
  });
});
