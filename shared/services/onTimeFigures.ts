/**
 * On-time figures for a scope (the council, or one team) and a period, as
 * leads and managers may see them: every count through the suppression
 * rules before it leaves here, so HTML, JSON and CSV show the same.
 */
import type { Principal } from '#domain/principal.js';
import type { Staff } from '#domain/people.js';
import { InvalidInput, type FieldProblem } from '#domain/errors.js';
import { computeOnTime, type OnTimeSection, type OnTimeChild, type OnTimeEventsChild } from '#domain/onTime.js';
import { type Shown, mean as publishedMean, percent, suppressTable } from '#domain/suppression.js';
import { addDaysIso, isIsoDate } from '#domain/dates.js';
import type { KeptStore } from '#store/ports/stores.js';
import { type Council, loadCouncil } from './council.js';
import { requireReports } from './reports.js';
import { childrenWithEvents } from './children.js';

export interface PublishedFigure {
  id: string;
  title: string;
  definition: string;
  numerator: Shown;
  denominator: Shown;
  percent: number | null;
  /** SDQs only: the mean score, when 10 or more were recorded. */
  mean?: number | null;
}

export interface PublishedOnTime {
  from: string;
  to: string;
  scope: { team: string | null; name: string };
  figures: PublishedFigure[];
  monthly: Array<{ month: string; visitsOnTime: Shown; visitsDue: Shown; visitsPercent: number | null; reviewsOnTime: Shown; reviewsDue: Shown; reviewsPercent: number | null }>;
}

/** The one place on-time counts are suppressed: a 1-row table of (met, not met) with its total. */
function published(numerator: number, denominator: number): { n: Shown; d: Shown; p: number | null } {
  const t = suppressTable({ rows: ['All'], columns: ['Met', 'Not met'], counts: [[numerator, denominator - numerator]] });
  return { n: t.cells[0]![0]!, d: t.total, p: percent(t.cells[0]![0]!, t.total) };
}

/** Pure: a section's figures as they may be published. */
export function publishOnTime(section: OnTimeSection, from: string, to: string, scope: PublishedOnTime['scope']): PublishedOnTime {
  const figures: PublishedFigure[] = Object.values(section.figures).map((f) => {
    const { n, d, p } = published(f.numerator, f.denominator);
    const out: PublishedFigure = { id: f.id, title: f.title, definition: f.definition, numerator: n, denominator: d, percent: p };
    if (f.id === 'sdq-done') {
      const sdq = f as typeof f & { count: number; sum: number };
      // The mean is shown only for 10 or more scores: with fewer, a sum could point at one child.
      out.mean = sdq.count >= 10 ? Math.round((sdq.sum / sdq.count) * 10) / 10 : publishedMean([]);
    }
    return out;
  });
  const monthly = section.monthly.map((m) => {
    const v = published(m.visitsOnTime.numerator, m.visitsOnTime.denominator);
    const r = published(m.reviewsOnTime.numerator, m.reviewsOnTime.denominator);
    return { month: m.month, visitsOnTime: v.n, visitsDue: v.d, visitsPercent: v.p, reviewsOnTime: r.n, reviewsDue: r.d, reviewsPercent: r.p };
  });
  return { from, to, scope, figures, monthly };
}

export interface OnTimeQuery {
  from?: string;
  to?: string;
  /** A manager's id for their team, `all` (or nothing) for the council. Managers always get their own team. */
  team?: string;
}

export interface OnTimeFigures extends PublishedOnTime {
  council: Council;
  /** The council's teams (each manager's), for choosing one. */
  managers: Staff[];
  /** Each team's figures, when the scope is the whole council. */
  teams: Array<PublishedOnTime & { team: string; name: string }> | null;
}

/** The period asked for: `to` defaults to today, `from` to the year up to `to`. */
export function onTimePeriod(query: Pick<OnTimeQuery, 'from' | 'to'>, today: string): { from: string; to: string } {
  const message = 'must be a date written YYYY-MM-DD, from 2001 on';
  const valid = (d: string) => isIsoDate(d) && d >= '2001-01-01';
  const to = query.to ?? today;
  if (!valid(to)) throw new InvalidInput([{ field: 'to', message }]);
  const from = query.from ?? addDaysIso(to, -364);
  const problems: FieldProblem[] = valid(from) ? [] : [{ field: query.from === undefined ? 'to' : 'from', message }];
  if (!problems.length && from > to) problems.push({ field: 'to', message: 'must not be before from' });
  if (problems.length) throw new InvalidInput(problems);
  return { from, to };
}

export async function onTimeFigures(store: KeptStore, principal: Principal, query: OnTimeQuery, today: string): Promise<OnTimeFigures> {
  requireReports(principal);
  const { from, to } = onTimePeriod(query, today);
  const [council, staff] = await Promise.all([loadCouncil(store, principal.councilId), store.listStaff(principal.councilId)]);
  const people = new Map(staff.map((s) => [s.id, s]));
  const managers = staff.filter((s) => s.role === 'manager').sort((a, b) => a.name.localeCompare(b.name));
  let team = principal.role === 'manager' ? principal.staffId : query.team || null;
  if (team === 'all') team = null;
  if (team && people.get(team)?.role !== 'manager') throw new InvalidInput([{ field: 'team', message: `no team led by ${team}` }]);

  const teamOf = (holderId: string) => {
    const holder = people.get(holderId);
    return holder?.role === 'manager' ? holder.id : holder?.managerId ?? 'no-team';
  };
  const children: Array<OnTimeChild | OnTimeEventsChild> = [];
  for await (const read of childrenWithEvents(store, principal.councilId, council.policy, (c) => !team || teamOf(c.holderId) === team)) {
    const child = { id: read.child.id, dateOfBirth: read.child.dateOfBirth };
    children.push('events' in read ? { child, events: read.events, team: teamOf(read.child.holderId) } : { child, facts: read.facts, team: teamOf(read.child.holderId) });
  }
  const report = computeOnTime(children, from, to, council.policy);
  const nameOf = (id: string) => people.get(id)?.name ?? id;
  const scope = { team, name: team ? `${nameOf(team)}'s team` : council.name };
  const teams = team ? null : report.teams.map((t) => ({ team: t.team, name: nameOf(t.team), ...publishOnTime(t, from, to, { team: t.team, name: nameOf(t.team) }) }));
  return { council, managers, teams, ...publishOnTime(report.council, from, to, scope) };
}
