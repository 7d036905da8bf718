/**
 * On-time figures for leads: how many of the things that fell due in a
 * period were done in time, council-wide and per team, as numerators and
 * denominators. Pure: no clock, no I/O. Counts only, never child ids, and no
 * suppression of small numbers here (a separate module does that, and must
 * treat the SDQ `sum` like a count: with a count of 1 it is one child's score).
 *
 * "When was it due?" is answered by the reminder engine itself, replayed over
 * each child's history (./onTimeReplay.ts, which says how the history is
 * read). An instance of a duty belongs to the period its due date falls in.
 * Facts dated after `to` are ignored, except return home interviews
 * (./onTimeReturns.ts): one dated after `to` still answers a return in the
 * period, so the figure for a closed period does not change once 72 hours
 * have passed.
 */
import { birthday, daysInMonth, isIsoDate, toIsoDate } from './dates.js';
import { addWorkingDays } from './workingDays.js';
import { complaintStages, iroAlertStages } from './eventDuties.js';
import { complaintWorkingDays } from './rules/complaint.js';
import { type Child, type Fact, reviewParticipated } from './facts.js';
import { buildHistory } from './history.js';
import { type Obligation, computeObligations } from './obligations.js';
import { type ResolvedPolicy, STATUTORY_POLICY } from './policy.js';
import { schoolAgeEnds } from './rules/pep.js';
import { careLeaver } from './rules/rule.js';
import { type DueInstance, chronology, dueOf, replay } from './onTimeReplay.js';
import { matchReturnInterviews } from './onTimeReturns.js';
import { EVENT_TRACKS, type PeriodInputs, type ReportEvents, eventsAt } from './reportEvents.js';
import { birthdayReturns } from './careLeaverFigures.js';
import { stabilityOf } from './stabilityFigures.js';

// ---------------------------------------------------------------------------
// Types

/** One child as the figures read it. */
export interface OnTimeChild {
  child: Child;
  facts: readonly Fact[];
  /** The team the child's case sits with, for the per-team breakdown. */
  team: string;
}

/** A child read from its events (#domain/reportEvents), kept when its facts were written, instead of its facts. */
export interface OnTimeEventsChild {
  child: Child;
  events: ReportEvents;
  team: string;
}

export interface Count {
  numerator: number;
  denominator: number;
}

export const FIGURE_IDS = [
  'visits-on-time',
  'visits-seen-alone',
  'reviews-on-time',
  'reviews-participation',
  'health-on-time',
  'pep-in-date',
  'sdq-done',
  'rhi-within-72-hours',
  'pathway-plan-in-date',
  'complaints-stage-1-on-time',
  'iro-alerts-answered-in-time',
  'iro-alerts-resolved',
  'iro-alerts-open-stage-1',
  'iro-alerts-open-stage-2',
  'iro-alerts-open-stage-3',
  'care-leavers-19-21-in-touch',
  'care-leavers-19-21-eet',
  'care-leavers-19-21-suitable-accommodation',
  'care-leavers-17-18-in-touch',
  'care-leavers-17-18-eet',
  'care-leavers-17-18-suitable-accommodation',
  'placements-3-or-more',
  'placement-same-2-years',
  'placed-over-20-miles',
  'placed-out-of-area',
] as const;
export type FigureId = (typeof FIGURE_IDS)[number];

export interface Figure extends Count {
  id: FigureId;
  /** Plain English, for a heading. */
  title: string;
  /** Exactly what is counted, denominator included. */
  definition: string;
}

/**
 * SDQs recorded in the period. `numerator` is `concern` and `denominator` is
 * `count`, so the share of concern reads like every other figure; the mean
 * score is `sum / count`. Suppress `sum` whenever `count` is suppressed.
 */
export interface SdqFigure extends Figure {
  id: 'sdq-done';
  count: number;
  sum: number;
  /** SDQs scoring 17 or more ("of concern"). */
  concern: number;
}

export type OnTimeFigures = { [K in FigureId]: K extends 'sdq-done' ? SdqFigure : Figure & { id: K } };

/** One calendar month of the on-time series: work due in that month (the last month stops at `to`). */
export interface MonthlyOnTime {
  /** `YYYY-MM`. */
  month: string;
  from: string;
  to: string;
  visitsOnTime: Count;
  reviewsOnTime: Count;
}

export interface OnTimeSection {
  figures: OnTimeFigures;
  /** The 12 calendar months ending with the month containing `to`, oldest first. */
  monthly: MonthlyOnTime[];
}

export interface TeamOnTime extends OnTimeSection {
  team: string;
}

export interface OnTimeReport {
  from: string;
  to: string;
  council: OnTimeSection;
  /** Every team with at least one child, in name order; their counts add up to the council's. */
  teams: TeamOnTime[];
}

// ---------------------------------------------------------------------------
// Figures

const SDQ_CONCERN = 17;
const MONTHS = 12;

function definitions(policy: ResolvedPolicy): Record<FigureId, { title: string; definition: string }> {
  const hours = policy.returnHomeInterview.withinHours;
  const { fromAge, untilAge } = policy.pep;
  const untilLeaverAge = policy.personalAdviser.untilAge;
  const reviewMonths = policy.pathwayPlan.reviewEveryMonths;
  const stage1 = policy.complaints.stage1WorkingDays;
  const alertDays = policy.iroAlert.stageWorkingDays.join(', ');
  const openOn = (stage: string) => ({
    title: `IRO alerts open at ${stage}`,
    definition: `Denominator: IRO alerts still open on the last day of the period (neither resolved nor escalated past the last stage). Numerator: those at ${stage} that day.`,
  });
  const leavers = (ages: string, what: string, numerator: string) => ({
    title: `Care leavers aged ${ages} ${what}`,
    definition:
      `Denominator: care leavers (former eligible children who left care by the birthday) whose ${ages === '19 to 21' ? '19th, 20th or 21st' : '17th or 18th'} birthday fell in the period, one for each such birthday, ` +
      "leaving out any recorded as having died (the DfE's SSDA903 care leavers' table, OC3). " +
      `Numerator: those whose status recorded from 3 months before the birthday to 1 month after it says ${numerator}; a young person with no status recorded in that time counts as not known, as the DfE counts them.`,
  });
  const stableCohort = "Children on a series of short breaks are left out, as in the DfE's figures.";
  const stillOpen = 'including any not done by the end of the period, and any that were overdue when the duty ended or its clock restarted';
  return {
    'visits-on-time': {
      title: 'Statutory visits made on time',
      definition:
        `Denominator: statutory visits that fell due in the period (CPPCR reg 28 timescales, or the council's stricter ones), ${stillOpen}. ` +
        'Numerator: those where the next visit was made on or before the due date.',
    },
    'visits-seen-alone': {
      title: 'Visits where the child was seen alone',
      definition: 'Denominator: statutory visits made in the period. Numerator: those at which the child was seen alone.',
    },
    'reviews-on-time': {
      title: 'Looked-after reviews held on time',
      definition:
        `Denominator: looked-after reviews that fell due in the period (CPPCR reg 33: the first within 20 working days, the second within 3 months, then every 6 months, or the council's stricter timescales), ${stillOpen}. ` +
        'Numerator: those where the next review was held on or before the due date.',
    },
    'reviews-participation': {
      title: 'Reviews the child took part in',
      definition:
        'Denominator: looked-after reviews held in the period. Numerator: those recorded as the child having participated (a review with no participation recorded counts as not participated).',
    },
    'health-on-time': {
      title: 'Health assessments done on time',
      definition:
        `Denominator: initial and review health assessments that fell due in the period, ${stillOpen}. ` +
        'Numerator: those where the next assessment was done on or before the due date.',
    },
    'pep-in-date': {
      title: 'Children with an in-date personal education plan',
      definition:
        `Denominator: children looked after on the last day of the period who are of school age that day (from the ${ordinal(fromAge)} birthday to 31 August after the ${ordinal(untilAge)}). ` +
        'Numerator: those whose personal education plan (PEP) is not overdue that day (a child who has only just come into care, with the first PEP not yet due, is in date).',
    },
    'sdq-done': {
      title: 'SDQs recorded, and scores of concern',
      definition:
        `Denominator (count): Strengths and Difficulties Questionnaires recorded in the period. Numerator (concern): those scoring ${SDQ_CONCERN} or more; the mean score is sum divided by count.`,
    },
    'rhi-within-72-hours': {
      title: `Return home interviews within ${hours} hours`,
      definition:
        'Denominator: returns from missing episodes in the period (by the date of return). ' +
        `Numerator: those with a return home interview dated no earlier than the return and no later than the date ${hours} hours after it; each interview answers one return, the earliest without one.`,
    },
    'pathway-plan-in-date': {
      title: 'Young people with an in-date pathway plan',
      definition:
        `Denominator: young people on the last day of the period who are care leavers (former eligible children under ${untilLeaverAge}) or eligible children still looked after (16 or over, looked after 13 weeks since 14). ` +
        `Numerator: those whose pathway plan, or its ${reviewMonths}-monthly review, is not overdue that day.`,
    },
    'complaints-stage-1-on-time': {
      title: `Stage 1 complaints answered within ${stage1} working days (or the period agreed)`,
      definition:
        `Denominator: stage 1 complaints whose response fell due in the period: ${stage1} working days after the complaint was received (Representations Procedure (England) Regulations 2006 reg 14), or the longer period agreed with the complainant, up to 20; including any not answered by the end of the period. ` +
        'Numerator: those with a response recorded on or before that day.',
    },
    'iro-alerts-answered-in-time': {
      title: 'IRO alert stages answered in time',
      definition:
        `Denominator: stages of IRO alerts whose answer fell due in the period (the council's working days for each stage: ${alertDays}), including any not answered by the end of the period. ` +
        'Numerator: those resolved or escalated on or before that day.',
    },
    'iro-alerts-resolved': {
      title: 'IRO alerts raised, and resolved',
      definition: 'Denominator: IRO alerts raised in the period. Numerator: those resolved, at any stage, by the last day of the period.',
    },
    'iro-alerts-open-stage-1': openOn('stage 1'),
    'iro-alerts-open-stage-2': openOn('stage 2'),
    'iro-alerts-open-stage-3': openOn('stage 3 or later'),
    'care-leavers-19-21-in-touch': leavers('19 to 21', 'the council is in touch with', 'in touch'),
    'care-leavers-19-21-eet': leavers('19 to 21', 'in education, employment or training', 'an activity in education, employment or training (any but G4, G5 and G6)'),
    'care-leavers-19-21-suitable-accommodation': leavers('19 to 21', 'in suitable accommodation', 'accommodation that is suitable'),
    'care-leavers-17-18-in-touch': leavers('17 to 18', 'the council is in touch with', 'in touch'),
    'care-leavers-17-18-eet': leavers('17 to 18', 'in education, employment or training', 'an activity in education, employment or training (any but G4, G5 and G6)'),
    'care-leavers-17-18-suitable-accommodation': leavers('17 to 18', 'in suitable accommodation', 'accommodation that is suitable'),
    'placements-3-or-more': {
      title: 'Children with 3 or more placements in the last 12 months (short-term stability)',
      definition:
        `Denominator: children looked after on the last day of the period. Numerator: those who had 3 or more placements during the 12 months up to that day, counting the placement they were in when the 12 months began. ${stableCohort} Lower is better.`,
    },
    'placement-same-2-years': {
      title: 'Children in the same placement for 2 years or more (long-term stability)',
      definition:
        `Denominator: children under 16 looked after on the last day of the period who had been looked after for 2 and a half years or more. Numerator: those who had been in the same placement for 2 years or more. ${stableCohort} (The DfE also counts a child placed for adoption whose adoptive placement and the one before together last 2 years; Kept does not record placements for adoption.)`,
    },
    'placed-over-20-miles': {
      title: 'Children placed more than 20 miles from home',
      definition: `Denominator: children looked after on the last day of the period whose placement's distance from home the case system gives. Numerator: those placed more than 20 miles away. ${stableCohort}`,
    },
    'placed-out-of-area': {
      title: "Children placed outside the council's area",
      definition: `Denominator: children looked after on the last day of the period whose placement is recorded as in or out of the council's area. Numerator: those placed outside it. ${stableCohort}`,
    },
  };
}

function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

/** Running counts for one section (the council, or one team). */
interface Tally {
  counts: Record<FigureId, Count>;
  sdqSum: number;
  months: { visits: Count; reviews: Count }[];
}

function newTally(): Tally {
  const counts = {} as Record<FigureId, Count>;
  for (const id of FIGURE_IDS) counts[id] = { numerator: 0, denominator: 0 };
  return {
    counts,
    sdqSum: 0,
    months: Array.from({ length: MONTHS }, () => ({ visits: { numerator: 0, denominator: 0 }, reviews: { numerator: 0, denominator: 0 } })),
  };
}

function add(count: Count, yes: boolean): void {
  count.denominator += 1;
  if (yes) count.numerator += 1;
}

interface Month {
  key: string;
  from: string;
  to: string;
}

/** The 12 calendar months ending with the month containing `to`; the last stops at `to`. */
function monthsEnding(to: string): Month[] {
  const year = Number(to.slice(0, 4));
  const month = Number(to.slice(5, 7));
  const months: Month[] = [];
  for (let back = MONTHS - 1; back >= 0; back--) {
    const index = year * 12 + (month - 1) - back;
    const y = Math.floor(index / 12);
    const m = index - y * 12 + 1;
    const key = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`;
    const last = `${key}-${String(daysInMonth(y, m)).padStart(2, '0')}`;
    months.push({ key, from: `${key}-01`, to: back === 0 ? to : last });
  }
  return months;
}

/** An obligation owed with this due date is overdue on `today`. */
function overdue(due: string | null, today: string): boolean {
  return due !== null && due < today;
}

/** What the figures read of a child, replayed from its facts. */
function inputsFromFacts(entry: OnTimeChild, to: string, policy: ResolvedPolicy): PeriodInputs {
  const { child } = entry;
  const dated = chronology(entry.facts, to);
  const inputs: PeriodInputs = {
    instances: replay(child, dated, to, policy, EVENT_TRACKS),
    visits: [],
    participation: [],
    sdq: [],
    returns: matchReturnInterviews(entry.facts, policy.returnHomeInterview.withinHours).map((r) => [r.returnedOn, r.inTime]),
    events: dated.facts,
    status: dated.facts,
    owedOn: (which) => {
      obligations ??= computeObligations(child, dated.facts, to, policy);
      return dueOf(obligations, which === 'pep' ? ['pep'] : ['pathway-plan', 'pathway-plan-review']);
    },
  };
  let obligations: Obligation[] | undefined;
  dated.facts.forEach((fact, k) => {
    const date = dated.dates[k]!;
    if (fact.type === 'visit') inputs.visits.push([date, fact.seenAlone]);
    // PN0 (under 4 at the review) is left out of the share, as in the DfE's figures.
    else if (fact.type === 'review' && fact.participation !== 'PN0') inputs.participation.push([date, reviewParticipated(fact) === true]);
    else if (fact.type === 'sdq') inputs.sdq.push([date, fact.score]);
  });
  return inputs;
}

function tallyChild(child: Child, inputs: PeriodInputs, from: string, to: string, policy: ResolvedPolicy, months: Month[], tally: Tally): void {
  const c = tally.counts;
  const inPeriod = (date: string) => date >= from && date <= to;

  // 1, 3, 4: due instances, from the engine's replay.
  const [visits, reviews, health] = inputs.instances as [DueInstance[], DueInstance[], DueInstance[]];
  const onTime = (d: DueInstance) => d.doneOn !== null && d.doneOn <= d.due;
  for (const d of visits) if (inPeriod(d.due)) add(c['visits-on-time'], onTime(d));
  for (const d of reviews) if (inPeriod(d.due)) add(c['reviews-on-time'], onTime(d));
  for (const d of health) if (inPeriod(d.due)) add(c['health-on-time'], onTime(d));
  months.forEach((m, k) => {
    const slot = tally.months[k]!;
    for (const d of visits) if (d.due >= m.from && d.due <= m.to) add(slot.visits, onTime(d));
    for (const d of reviews) if (d.due >= m.from && d.due <= m.to) add(slot.reviews, onTime(d));
  });

  // 2, 3, 6: work recorded in the period.
  for (const [date, alone] of inputs.visits) if (inPeriod(date)) add(c['visits-seen-alone'], Boolean(alone));
  for (const [date, took] of inputs.participation) if (inPeriod(date)) add(c['reviews-participation'], Boolean(took));
  for (const [date, score] of inputs.sdq) {
    if (!inPeriod(date)) continue;
    add(c['sdq-done'], score >= SDQ_CONCERN);
    tally.sdqSum += score;
  }

  // 7: returns in the period, and their interviews (later ones included).
  for (const [returnedOn, inTime] of inputs.returns) if (inPeriod(returnedOn)) add(c['rhi-within-72-hours'], Boolean(inTime));

  // 9, 10, 11: complaints and IRO alerts, from the facts up to `to`.
  for (const s of complaintStages(inputs.events)) {
    if (s.stage !== 'stage-1') continue;
    const due = addWorkingDays(s.received, complaintWorkingDays('stage-1', policy, s.agreedWorkingDays).days);
    if (inPeriod(toIsoDate(due))) add(c['complaints-stage-1-on-time'], s.answered !== null && s.answered <= due);
  }
  const stageDays = policy.iroAlert.stageWorkingDays;
  const alerts = iroAlertStages(inputs.events, stageDays.length);
  const counted = new Set<string>();
  for (const s of alerts) {
    const due = addWorkingDays(s.from, stageDays[s.stage - 1]!);
    if (inPeriod(toIsoDate(due))) add(c['iro-alerts-answered-in-time'], s.answered !== null && s.answered <= due);
    if (s.answered === null) {
      add(c['iro-alerts-open-stage-1'], s.stage === 1);
      add(c['iro-alerts-open-stage-2'], s.stage === 2);
      add(c['iro-alerts-open-stage-3'], s.stage >= 3);
    }
    // Each alert once, by the stage it was raised at.
    const alert = `${s.alertId}#${s.raisedOn}`;
    if (!counted.has(alert) && inPeriod(toIsoDate(s.raisedOn))) {
      counted.add(alert);
      const resolved = alerts.some((t) => t.alertId === s.alertId && t.raisedOn === s.raisedOn && t.outcome === 'resolved');
      add(c['iro-alerts-resolved'], resolved);
    }
  }

  const history = buildHistory(child, inputs.status, to);

  // 12 to 17: care leavers' birthday returns in the period.
  for (const r of birthdayReturns(child, inputs.status, from, to, history)) {
    const ages = r.age >= 19 ? '19-21' : '17-18';
    add(c[`care-leavers-${ages}-in-touch`], r.inTouch);
    add(c[`care-leavers-${ages}-eet`], r.inEducationEmploymentOrTraining);
    add(c[`care-leavers-${ages}-suitable-accommodation`], r.suitablyHoused);
  }

  // 18 to 21: stability and distance on `to`.
  const stable = stabilityOf(child, inputs.status, to, history);
  if (stable.threeOrMorePlacements !== null) add(c['placements-3-or-more'], stable.threeOrMorePlacements);
  if (stable.sameFor2Years !== null) add(c['placement-same-2-years'], stable.sameFor2Years);
  if (stable.over20Miles !== null) add(c['placed-over-20-miles'], stable.over20Miles);
  if (stable.outOfArea !== null) add(c['placed-out-of-area'], stable.outOfArea);

  // 5, 8: status on `to`.
  const schoolAge =
    history.lookedAfter &&
    birthday(history.dateOfBirth, policy.pep.fromAge) <= history.today &&
    history.today <= schoolAgeEnds(history.dateOfBirth, policy.pep.untilAge);
  const pathwayScope =
    careLeaver(history, policy.personalAdviser.untilAge) ||
    (history.lookedAfter && history.eligibleFrom !== null && history.eligibleFrom <= history.today);
  if (schoolAge) add(c['pep-in-date'], !overdue(inputs.owedOn('pep'), to));
  // No pathway obligation at all only when the last plan's review would fall after the duty ends: the plan is current.
  if (pathwayScope) add(c['pathway-plan-in-date'], !overdue(inputs.owedOn('pathway'), to));
}

function section(tally: Tally, policy: ResolvedPolicy, months: Month[]): OnTimeSection {
  const words = definitions(policy);
  const figures = {} as Record<FigureId, Figure>;
  for (const id of FIGURE_IDS) figures[id] = { id, ...words[id], ...tally.counts[id] };
  const sdq = tally.counts['sdq-done'];
  figures['sdq-done'] = { ...figures['sdq-done'], count: sdq.denominator, sum: tally.sdqSum, concern: sdq.numerator } as SdqFigure;
  return {
    figures: figures as OnTimeFigures,
    monthly: months.map((m, k) => ({
      month: m.key,
      from: m.from,
      to: m.to,
      visitsOnTime: { ...tally.months[k]!.visits },
      reviewsOnTime: { ...tally.months[k]!.reviews },
    })),
  };
}

function addTally(into: Tally, from: Tally): void {
  for (const id of FIGURE_IDS) {
    into.counts[id].numerator += from.counts[id].numerator;
    into.counts[id].denominator += from.counts[id].denominator;
  }
  into.sdqSum += from.sdqSum;
  into.months.forEach((m, k) => {
    const other = from.months[k]!;
    m.visits.numerator += other.visits.numerator;
    m.visits.denominator += other.visits.denominator;
    m.reviews.numerator += other.reviews.numerator;
    m.reviews.denominator += other.reviews.denominator;
  });
}

/**
 * The on-time figures for the period [`from`, `to`] (ISO dates, inclusive),
 * council-wide and per team. Throws a RangeError for a bad period.
 */
export function computeOnTime(
  children: ReadonlyArray<OnTimeChild | OnTimeEventsChild>,
  from: string,
  to: string,
  policy: ResolvedPolicy = STATUTORY_POLICY,
): OnTimeReport {
  if (!isIsoDate(from) || !isIsoDate(to)) throw new RangeError('from and to must be dates written YYYY-MM-DD');
  if (from > to) throw new RangeError('from must not be after to');
  const months = monthsEnding(to);
  // The earliest day any figure counts: the period's first, or the first month's.
  const earliest = from < months[0]!.from ? from : months[0]!.from;
  const byTeam = new Map<string, Tally>();
  for (const entry of children) {
    let tally = byTeam.get(entry.team);
    if (!tally) byTeam.set(entry.team, (tally = newTally()));
    const inputs = 'events' in entry ? eventsAt(entry.events, earliest, to) : inputsFromFacts(entry, to, policy);
    tallyChild(entry.child, inputs, from, to, policy, months, tally);
  }
  const council = newTally();
  const teams = [...byTeam.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (const team of teams) addTally(council, byTeam.get(team)!);
  return {
    from,
    to,
    council: section(council, policy, months),
    teams: teams.map((team) => ({ team, ...section(byTeam.get(team)!, policy, months) })),
  };
}
