/**
 * Properties of the due-date engine over generated, realistic care histories
 * (tests/unit/generators.ts). The checks use the generator's own record of the
 * history, not the engine's reading of the facts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answerDueRequest, type Obligation } from '#domain/obligations.js';
import { STATUTORY, STATUTORY_KINDS } from '#domain/policy.js';
import { HOUR_MS, birthday, londonDateOf, toDayNumber, toIsoDate } from '#domain/dates.js';
import { isWorkingDay } from '#domain/workingDays.js';
import {
  type FactInput, type Model, type Policy, LOCAL_KINDS, WORKING_DAY_LOCAL_KINDS, frac, historyArb, pick, policyArb, stageConsistent, tightenedArb,
} from './generators.js';

/** Raise with KEPT_PROPERTY_RUNS=20000 for a deeper search. */
const RUNS = Number(process.env.KEPT_PROPERTY_RUNS ?? 2000);
const iso = toIsoDate;
const d = toDayNumber;


function run(m: Model, policy?: Policy, extra: FactInput[] = []): Obligation[] {
  return answerDueRequest({
    today: iso(m.today),
    child: { id: 'generated', dateOfBirth: iso(m.dob) },
    ...(policy ? { policy } : {}),
    facts: [...m.facts, ...extra],
  }).obligations;
}

function days(m: Model, type: string, where: (f: FactInput) => boolean = () => true): number[] {
  return m.facts.filter((f) => f.type === type && f.date !== undefined && where(f)).map((f) => d(f.date!));
}

function returnsInEpisode(m: Model): number[] {
  return m.facts
    .filter((f) => f.type === 'missing-episode' && typeof f.returned === 'string' && d(londonDateOf(new Date(f.start as string))) >= m.entry)
    .map((f) => Date.parse(f.returned as string));
}

const CARE_LEAVER_KINDS = new Set(['personal-adviser-contact', 'care-leaver-return', 'leaver-survey']);
const EITHER_KINDS = new Set(['pathway-plan', 'pathway-plan-review']);

/**
 * The days an obligation's due date must not be before: the start of the
 * episode or placement it belongs to, and the last piece of work it follows.
 */
function anchors(o: Obligation, m: Model, hours: number): number[] {
  const inEpisode = (f: FactInput) => d(f.date!) >= m.entry;
  const afterLeaving = (f: FactInput) => m.end !== null && d(f.date!) >= m.end;
  switch (o.kind) {
    case 'statutory-visit':
      return [m.placementStart, ...days(m, 'visit', (f) => d(f.date!) >= m.placementStart)];
    case 'placement-plan':
      return [m.placementStart];
    case 'looked-after-review':
      return [m.entry, ...days(m, 'review', inEpisode)];
    case 'permanence-plan':
      return [m.entry, ...days(m, 'review', inEpisode).sort((a, b) => a - b).slice(0, 2)];
    case 'care-plan':
    case 'initial-health-assessment':
      return [m.entry];
    case 'pep':
      return [m.entry, ...days(m, 'pep', inEpisode)];
    case 'review-health-assessment':
      return [m.entry, ...days(m, 'health-assessment', inEpisode)];
    case 'dental-check': {
      const checks = days(m, 'dental-check');
      return checks.length ? checks : [m.entry];
    }
    case 'sdq': {
      const done = days(m, 'sdq');
      return done.length ? done : [m.entry];
    }
    case 'return-home-interview': {
      const returned = Date.parse(o.dueAt!) - hours * HOUR_MS;
      expect(returnsInEpisode(m)).toContain(returned);
      return [m.entry, d(londonDateOf(new Date(returned)))];
    }
    case 'pathway-plan':
      return [m.firstStart, birthday(m.dob, 16)];
    case 'pathway-plan-review':
      return days(m, 'pathway-plan');
    case 'personal-adviser-contact':
      return [m.end!, ...days(m, 'personal-adviser-contact', afterLeaving)];
    case 'care-leaver-return':
      // Due on a birthday from the 17th, never before leaving care.
      return [m.end!, birthday(m.dob, 17)];
    case 'leaver-survey':
      return [m.end!, ...days(m, 'local-task', (f) => f.kind === o.kind && afterLeaving(f))];
    default:
      expect(LOCAL_KINDS.has(o.kind), `unexpected kind ${o.kind}`).toBe(true);
      return [m.entry, ...days(m, 'local-task', (f) => f.kind === o.kind && inEpisode(f))];
  }
}

describe('due-date properties over generated histories', () => {
  it('(a) no due date is before the facts that set it, and each obligation fits the child\'s status', () => {
    fc.assert(
      fc.property(historyArb, policyArb(0), (m, policy) => {
        const hours = (policy?.returnHomeInterview as { withinHours?: number } | undefined)?.withinHours ?? STATUTORY.returnHomeInterview.withinHours;
        for (const o of run(m, policy)) {
          const due = d(o.dueDate);
          for (const anchor of anchors(o, m, hours)) expect(due, `${o.kind} ${o.dueDate} before ${iso(anchor)}`).toBeGreaterThanOrEqual(anchor);
          if (CARE_LEAVER_KINDS.has(o.kind)) expect(m.end, `${o.kind} while looked after`).not.toBeNull();
          else if (o.kind === 'return-home-interview' && m.end !== null) expect(m.today, 'return home interview after 18').toBeLessThan(birthday(m.dob, 18));
          else if (!EITHER_KINDS.has(o.kind)) expect(m.end, `${o.kind} after leaving care`).toBeNull();
          expect(o.status).toBe(due < m.today ? 'overdue' : due === m.today ? 'due-today' : 'upcoming');
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('(b) every deadline counted in working days lands on a working day', () => {
    let checked = 0;
    fc.assert(
      fc.property(historyArb, policyArb(1), (m, policy) => {
        for (const o of run(m, policy)) {
          if (/working day/.test(o.rule) || WORKING_DAY_LOCAL_KINDS.has(o.kind)) {
            checked += 1;
            expect(isWorkingDay(d(o.dueDate)), `${o.kind} due ${o.dueDate}: ${o.rule}`).toBe(true);
          }
        }
      }),
      { numRuns: RUNS },
    );
    expect(checked).toBeGreaterThan(RUNS / 5);
  });

  /** The fact that records the work an obligation asks for. */
  function workFor(o: Obligation, m: Model, f: number): FactInput {
    const at = (type: string, where: (x: FactInput) => boolean, floor: number) => {
      const latest = Math.max(floor, ...days(m, type, where));
      return iso(pick(f, latest, m.today));
    };
    const any = () => true;
    switch (o.kind) {
      case 'statutory-visit':
        return { type: 'visit', date: at('visit', any, m.entry), seenAlone: true };
      case 'looked-after-review':
        return { type: 'review', date: at('review', any, m.entry) };
      case 'care-plan':
        return { type: 'care-plan', date: at('care-plan', any, m.entry) };
      case 'placement-plan':
        return { type: 'placement-plan', date: at('placement-plan', any, m.entry), placementId: m.placementId };
      case 'permanence-plan':
        return { type: 'permanence-plan', date: at('permanence-plan', any, m.entry) };
      case 'pep':
        return { type: 'pep', date: at('pep', any, m.entry) };
      case 'initial-health-assessment':
        return { type: 'health-assessment', date: at('health-assessment', any, m.entry), kind: 'initial' };
      case 'review-health-assessment':
        return { type: 'health-assessment', date: at('health-assessment', any, m.entry), kind: 'review' };
      case 'dental-check':
        return { type: 'dental-check', date: at('dental-check', any, m.entry) };
      case 'sdq':
        return { type: 'sdq', date: at('sdq', any, m.entry), score: 10 };
      case 'return-home-interview':
        return { type: 'return-home-interview', date: at('return-home-interview', any, m.entry) };
      case 'pathway-plan':
      case 'pathway-plan-review':
        return { type: 'pathway-plan', date: at('pathway-plan', any, m.entry) };
      case 'personal-adviser-contact':
        return { type: 'personal-adviser-contact', date: at('personal-adviser-contact', any, m.end!) };
      case 'care-leaver-return':
        return { type: 'care-leaver-status', date: at('care-leaver-status', any, m.end!), inTouch: 'NO' };
      default:
        return { type: 'local-task', kind: o.kind, date: at('local-task', (x) => x.kind === o.kind, m.entry) };
    }
  }

  it('(c) recording the work that is due never brings its next due date earlier', () => {
    let recorded = 0;
    fc.assert(
      fc.property(historyArb, policyArb(1).map(stageConsistent), fc.nat(), frac, (m, policy, which, f) => {
        const before = run(m, policy);
        if (before.length === 0) return;
        const o = before[which % before.length]!;
        const work = workFor(o, m, f);
        const after = run(m, policy, [work]).find((x) => x.kind === o.kind);
        recorded += 1;
        if (!after) return; // done and not recurring, or no longer due
        expect(after.dueDate >= o.dueDate, `${o.kind} was due ${o.dueDate}; after ${JSON.stringify(work)} it is due ${after.dueDate}`).toBe(true);
        if (o.dueAt && after.dueAt) expect(after.dueAt >= o.dueAt).toBe(true);
      }),
      { numRuns: RUNS },
    );
    expect(recorded).toBeGreaterThan(RUNS / 2);
  });

  it('(d) tightening the policy never makes an obligation later, nor drops one', () => {
    fc.assert(
      fc.property(historyArb, tightenedArb(0), (m, tightened) => {
        const statutory = run(m);
        const council = new Map(run(m, tightened).map((o) => [o.kind, o]));
        for (const o of statutory) {
          const t = council.get(o.kind);
          expect(t, `${o.kind} dropped by ${JSON.stringify(tightened)}`).toBeDefined();
          expect(t!.dueDate <= o.dueDate, `${o.kind}: ${o.dueDate} became ${t!.dueDate} under ${JSON.stringify(tightened)}`).toBe(true);
          if (o.dueAt) expect(t!.dueAt! <= o.dueAt).toBe(true);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('the generator makes the histories the properties are about', () => {
    // Guard against a generator that quietly stops producing the interesting cases.
    const sample = fc.sample(fc.tuple(historyArb, policyArb(1)), { numRuns: 1000, seed: 42 });
    const seen = new Set<string>();
    for (const [m, policy] of sample) {
      for (const o of run(m, policy)) {
        seen.add(o.kind);
        if (/of the care order/.test(o.rule)) seen.add('visit after a care order');
        if (o.note) seen.add('note');
      }
      if (m.end !== null) seen.add('left care');
      if (m.facts.some((f) => f.type === 'placement-started' && f.placementId === 'p2')) seen.add('moved placement');
    }
    for (const kind of [
      ...STATUTORY_KINDS,
      'cse-risk-assessment',
      'health-passport',
      'wd-check',
      'leaver-survey',
      'left care',
      'moved placement',
      'visit after a care order',
      'note',
    ]) {
      expect(seen, kind).toContain(kind);
    }
  });
});
