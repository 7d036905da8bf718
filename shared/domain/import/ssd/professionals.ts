/**
 * `ssd_professionals` to Kept's staff and `ssd_involvements` to the team
 * around each child. A professional is known to Kept by prof_staff_id (or,
 * without one, prof_professional_id). Kept needs an email address to create
 * a member of staff; the SSD has none, so one is read from an extra
 * `prof_professional_email` column if the council adds it, and otherwise a
 * professional Kept does not already know is reported, not created.
 *
 * Involvement roles are free text in case systems; `DEFAULT_ROLE_TABLE` maps
 * the common wordings to Kept's team roles and a council passes its own table
 * (`npm run import -- --roles roles.json`) to add or change wordings.
 * Wordings in neither are skipped and reported. The latest allocated
 * worker's involvement names the child's team (invo_professional_team) for Annex A.
 */
import type { ExtractPlan } from '../plan.js';
import { addFact, skip } from '../plan.js';
import type { Table } from '../table.js';
import { annexAValue } from './annexAValue.js';

/** The name is optional in the SSD: without one the professional is named by their id until the staff import names them. */
export const PROFESSIONAL_COLUMNS = ['prof_professional_id'] as const;
/**
 * The row id is optional (the source is then the child, professional, role
 * and start); the child is invo_person_id or, as Mosaic's script writes none,
 * the child whose episode has the involvement's invo_referral_id.
 */
export const INVOLVEMENT_COLUMNS = ['invo_professional_id', 'invo_professional_role_id'] as const;

export const TEAM_ROLES = ['social-worker', 'iro', 'personal-adviser', 'team-manager', 'virtual-school', 'health'] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];
/** The social worker holds the case; a care leaver without one is held by their personal adviser. */
export const HOLDING_ROLES: readonly TeamRole[] = ['social-worker', 'personal-adviser'];

/** Role text (compared in lower case, spaces squeezed) to team role. */
export const DEFAULT_ROLE_TABLE: Readonly<Record<string, TeamRole>> = {
  'allocated case worker': 'social-worker',
  'allocated social worker': 'social-worker',
  'social worker': 'social-worker',
  'key worker': 'social-worker',
  'independent reviewing officer': 'iro',
  iro: 'iro',
  'personal adviser': 'personal-adviser',
  'personal advisor': 'personal-adviser',
  'leaving care personal adviser': 'personal-adviser',
  'team manager': 'team-manager',
  'virtual school head': 'virtual-school',
  'designated nurse': 'health',
  'looked after children nurse': 'health',
};

export const roleKey = (text: string) => text.trim().toLowerCase().replace(/\s+/g, ' ');

const STAFF_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export function mapProfessionals(table: Table, plan: ExtractPlan): void {
  for (const row of table.rows) {
    const professionalId = row.text('prof_professional_id', true);
    const staffId = row.text('prof_staff_id') ?? professionalId;
    const name = row.text('prof_professional_name') ?? staffId;
    const jobTitle = row.text('prof_professional_job_title');
    const email = row.text('prof_professional_email');
    if (staffId && !STAFF_ID.test(staffId)) row.problem(row.text('prof_staff_id') ? 'prof_staff_id' : 'prof_professional_id', 'must be 1 to 64 letters, digits, dots, dashes or underscores to be a Kept staff id');
    if (name && name.length > 80) row.problem('prof_professional_name', 'must be at most 80 characters');
    if (row.failed || !professionalId || !name || !staffId) continue;
    plan.professionals.set(professionalId, { professionalId, staffId, name, jobTitle: jobTitle?.slice(0, 80), email, file: row.file, line: row.line });
  }
}

export function mapInvolvements(table: Table, plan: ExtractPlan, roles: Readonly<Record<string, string>>, referrals: ReadonlyMap<string, string> = new Map()): void {
  const lookup = new Map(Object.entries(roles).map(([text, role]) => [roleKey(text), role]));
  for (const row of table.rows) {
    const professionalId = row.text('invo_professional_id', true);
    const referral = row.text('invo_referral_id');
    const person = row.text('invo_person_id') ?? (referral === undefined ? undefined : referrals.get(referral));
    const text = row.text('invo_professional_role_id', true);
    const start = row.date('invo_involvement_start_date');
    const end = row.date('invo_involvement_end_date');
    if (!person && !row.failed) row.problem(referral ? 'invo_referral_id' : 'invo_person_id', referral ? `${referral} matches no clae_referral_id in ssd_cla_episodes` : 'is required');
    if (row.failed || !professionalId || !person || !text) continue;
    const role = lookup.get(roleKey(text));
    if (!role) {
      skip(plan, row, `role "${text}" is not in the role table`);
      continue;
    }
    const team = plan.team.get(person) ?? [];
    team.push({ professionalId, role, start, end, file: row.file, line: row.line });
    plan.team.set(person, team);
    // The allocated worker's team, for Annex A, as of the involvement's start: the latest allocation's wins.
    // An ended one keeps its fact, so a worker leaving withdraws nothing and the child keeps their last team until reallocated.
    const teamName = role === 'social-worker' && start ? annexAValue(plan, row, 'invo_professional_team', 'team') : undefined;
    if (teamName && start) {
      const id = row.text('invo_involvements_id') ?? `${professionalId}:${start}`;
      addFact(plan, person, row, `ssd:ssd_involvements:${id}:team`, { type: 'allocated-team', date: start, team: teamName }, { date: 'invo_involvement_start_date', team: 'invo_professional_team' });
    }
  }
}

type Member = { professionalId: string; role: string; start?: string; end?: string };

/** The latest to start of those in `role` on `today`. */
function currentIn(team: ReadonlyArray<Member>, role: string, today: string): string | undefined {
  return team
    .filter((m) => m.role === role && (m.start === undefined || m.start <= today) && (m.end === undefined || m.end >= today))
    .sort((a, b) => (b.start ?? '').localeCompare(a.start ?? ''))[0]?.professionalId;
}

/** The IRO, personal adviser, virtual school officer and health professional involved on `today` (professional ids). */
export function currentTeamOf(team: ReadonlyArray<Member>, today: string): { iro?: string; personalAdviser?: string; virtualSchool?: string; health?: string } {
  const out: { iro?: string; personalAdviser?: string; virtualSchool?: string; health?: string } = {};
  const places = { iro: 'iro', personalAdviser: 'personal-adviser', virtualSchool: 'virtual-school', health: 'health' } as const;
  for (const [place, role] of Object.entries(places) as Array<[keyof typeof places, string]>) {
    const id = currentIn(team, role, today);
    if (id !== undefined) out[place] = id;
  }
  return out;
}

/**
 * The professional holding the case on `today`: the current social worker
 * (the latest to start), or else the personal adviser.
 */
export function holderOf(team: ReadonlyArray<Member>, today: string): string | undefined {
  for (const role of HOLDING_ROLES) {
    const current = currentIn(team, role, today);
    if (current !== undefined) return current;
  }
  return undefined;
}
